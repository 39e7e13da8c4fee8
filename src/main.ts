import { PROJECT_URL } from './config/defaults.js';
import type { Environment } from './config/environment.js';
import { loadConfig } from './config/load-config.js';
import type { Config } from './config/schema.js';
import type { FeedHttp } from './fetch/feed-http.js';
import { createHttpFeedClient } from './fetch/http-feed-client.js';
import { type Logger, createLogger } from './log/logger.js';
import type { RefreshDeps } from './pipeline/refresh-feed.js';
import { createUnderstanding } from './pipeline/understand-story.js';
import { type SqliteStore, openSqliteStore } from './store/sqlite-store.js';

export const VERSION = '0.1.0';
export const USER_AGENT = `straitwatch/${VERSION} (+${PROJECT_URL})`;

export interface App {
  config: Config;
  store: SqliteStore;
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
  const deps: RefreshDeps = { http, store, log, understand: createUnderstanding(config), now: () => new Date(), random: Math.random };
  let closed = false;
  return {
    config,
    store,
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
