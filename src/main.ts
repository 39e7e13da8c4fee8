import { PROJECT_URL } from './config/defaults.js';
import type { Environment } from './config/environment.js';
import { loadConfig } from './config/load-config.js';
import type { Config } from './config/schema.js';
import type { FeedHttp } from './fetch/feed-http.js';
import { createHttpFeedClient } from './fetch/http-feed-client.js';
import { type Logger, createLogger } from './log/logger.js';
import type { RefreshDeps } from './pipeline/refresh-feed.js';
import { SummaryService } from './pipeline/summary-service.js';
import { CircuitBreaker } from './summarize/circuit-breaker.js';
import { OpenAiSummaryClient } from './summarize/openai-summary-client.js';
import { createUnderstanding } from './pipeline/understand-story.js';
import { type SqliteStore, openSqliteStore } from './store/sqlite-store.js';

/** Summaries by the configured model, or extractive ones when OPENAI_API_KEY is not set. */
export function createSummaryService(env: Environment, store: SqliteStore, log: Logger): SummaryService {
  const model = env.OPENAI_API_KEY
    ? new OpenAiSummaryClient({ apiKey: env.OPENAI_API_KEY, ...(env.OPENAI_BASE_URL && { baseURL: env.OPENAI_BASE_URL }), model: env.OPENAI_MODEL, timeoutMs: env.OPENAI_TIMEOUT_MS })
    : undefined;
  return new SummaryService({
    language: env.SUMMARY_LANGUAGE,
    ...(model && { model }),
    breaker: new CircuitBreaker({ failureThreshold: 3, cooldownMs: 60_000 }),
    budget: { requestsPerHour: env.OPENAI_MAX_REQUESTS_PER_HOUR, tokensPerDay: env.OPENAI_MAX_TOKENS_PER_DAY },
    store: store.summaries,
    log: log.child({ stage: 'summary' }),
    now: () => new Date(),
  });
}

export const VERSION = '0.1.0';
export const USER_AGENT = `straitwatch/${VERSION} (+${PROJECT_URL})`;

export interface App {
  config: Config;
  store: SqliteStore;
  summaries: SummaryService;
  http: FeedHttp;
  log: Logger;
  deps: RefreshDeps;
  close(): void;
}

/** Wiring only: reads the config, opens the store, builds the HTTP client. Each stage gets its slice. */
export function createApp(options: { configPath: string; dbPath: string; env: Environment; log?: Logger }): App {
  const log = options.log ?? createLogger({ level: options.env.LOG_LEVEL });
  const config = loadConfig(options.configPath);
  const store = openSqliteStore(options.dbPath);
  const http = createHttpFeedClient({
    connectTimeoutMs: config.polling.connectTimeoutMs,
    timeoutMs: config.polling.timeoutMs,
    maxBodyBytes: config.polling.maxBodyBytes,
    maxRedirects: config.polling.maxRedirects,
    userAgent: USER_AGENT,
    allowPrivateNetworks: options.env.STRAITWATCH_ALLOW_PRIVATE_NETWORKS,
  });
  const summaries = createSummaryService(options.env, store, log);
  const deps: RefreshDeps = { http, store, log, understand: createUnderstanding(config), now: () => new Date(), random: Math.random };
  let closed = false;
  return {
    config,
    store,
    summaries,
    http,
    log,
    deps,
    close() {
      if (closed) return;
      closed = true;
      http.close();
      store.close();
    },
  };
}
