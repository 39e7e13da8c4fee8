/** Every tunable's default, declared once; the zod schema reads them from here. */
export const POLLING_DEFAULTS = {
  /** How often a feed is polled when it declares no interval. */
  interval: '5m',
  /** Polls in flight at once across all feeds. */
  concurrency: 16,
  connectTimeoutMs: 10_000,
  /** Whole request, headers and body, redirects included. */
  timeoutMs: 30_000,
  maxBodyBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  /** Consecutive failures after which a feed is reported unhealthy. */
  unhealthyAfter: 5,
  /** Ceiling of the exponential backoff of a failing feed, and of a Retry-After we honor. */
  maxBackoff: '6h',
  /** Each poll time moves by up to this fraction of the interval, so feeds don't fire together. */
  jitter: 0.1,
  /** Seconds a shutdown waits for in-flight polls before aborting them. */
  shutdownGraceMs: 10_000,
} as const;

export type PollingDefaults = typeof POLLING_DEFAULTS;

export const DEFAULT_CONFIG_PATH = './feeds.json';
export const DEFAULT_DB_PATH = './data/straitwatch.db';
export const PROJECT_URL = 'https://github.com/straitwatch/straitwatch';
