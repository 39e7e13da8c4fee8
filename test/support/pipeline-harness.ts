import { parseConfig } from '../../src/config/load-config.js';
import type { Config, FeedConfig } from '../../src/config/schema.js';
import { createHttpFeedClient } from '../../src/fetch/http-feed-client.js';
import { silentLogger } from '../../src/log/logger.js';
import type { RefreshDeps } from '../../src/pipeline/refresh-feed.js';
import { type Understand, createUnderstanding } from '../../src/pipeline/understand-story.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';

let shared: Understand | undefined;
/** Compiling every term and alias takes a moment: tests share one classifier. */
export function understanding(): Understand {
  shared ??= createUnderstanding({ topics: {} });
  return shared;
}

export interface Harness {
  deps: RefreshDeps;
  store: SqliteStore;
  clock: { now: Date; advance(ms: number): void };
  close(): void;
}

/** Real HTTP client and real SQLite (in memory unless a path is given), a clock the test moves, no jitter. */
export function pipelineHarness(options: { dbPath?: string; allowPrivateNetworks?: boolean; timeoutMs?: number } = {}): Harness {
  const store = openSqliteStore(options.dbPath ?? ':memory:');
  const http = createHttpFeedClient({
    connectTimeoutMs: 2000,
    timeoutMs: options.timeoutMs ?? 5000,
    maxBodyBytes: 1024 * 1024,
    maxRedirects: 3,
    userAgent: 'straitwatch-test/0 (+https://example.org)',
    allowPrivateNetworks: options.allowPrivateNetworks ?? true,
  });
  const clock = {
    now: new Date('2025-06-03T12:00:00Z'),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  return {
    deps: { http, store, log: silentLogger(), understand: understanding(), now: () => clock.now, random: () => 0.5 },
    store,
    clock,
    close() {
      http.close();
      store.close();
    },
  };
}

export function testConfig(feeds: Array<Partial<FeedConfig> & { id: string; url: string }>, polling: Record<string, unknown> = {}): Config {
  return parseConfig({ feeds, polling }, 'test config');
}
