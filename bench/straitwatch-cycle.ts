import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config/load-config.js';
import { createHttpFeedClient } from '../src/fetch/http-feed-client.js';
import { silentLogger } from '../src/log/logger.js';
import { pollAll } from '../src/pipeline/poll-all.js';
import { createUnderstanding } from '../src/pipeline/understand-story.js';
import type { RefreshDeps } from '../src/pipeline/refresh-feed.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { feedUrl, readCycleOptions } from './cycle-options.js';
import { type CycleFigures, measureCycle, printReport } from './measure-cycle.js';
import { syntheticFeed } from './synthetic-feed.js';

/**
 * straitwatch's own poll cycle over the bench server: the production pollAll, HTTP client and
 * SQLite store on a fresh temp-file database. Cycle 1 is cold (empty store); later cycles find
 * every feed unchanged and get 304s.
 */
const options = readCycleOptions();
const config = parseConfig(
  {
    // Each feed declares its language, as the bundled feeds.json does.
    feeds: Array.from({ length: options.feeds }, (_, index) => ({
      id: `outlet-${String(index).padStart(4, '0')}`,
      url: feedUrl(options, index),
      interval: '5m',
      language: syntheticFeed(index, options.variant, 1).language,
    })),
    polling: { concurrency: 16 },
  },
  'bench config',
);
const dir = mkdtempSync(join(tmpdir(), 'straitwatch-bench-'));
const store = openSqliteStore(join(dir, 'bench.db'));
const http = createHttpFeedClient({
  connectTimeoutMs: config.polling.connectTimeoutMs,
  timeoutMs: config.polling.timeoutMs,
  maxBodyBytes: config.polling.maxBodyBytes,
  maxRedirects: config.polling.maxRedirects,
  userAgent: 'straitwatch-bench/0.1',
  allowPrivateNetworks: true,
});
const deps: RefreshDeps = { http, store, log: silentLogger(), understand: createUnderstanding(config), now: () => new Date(), random: Math.random };

const cycles: CycleFigures[] = [];
try {
  for (let cycle = 0; cycle < options.cycles; cycle++) {
    cycles.push(
      await measureCycle(async () => {
        let firstFailure: string | undefined;
        const results = await pollAll(config, deps, {
          onResult: ({ outcome }) => {
            if (outcome.status === 'failed') firstFailure ??= outcome.error.message;
          },
        });
        if (firstFailure) process.stderr.write(`first failure: ${firstFailure}\n`);
        const outcomes: Record<string, number> = {};
        let items = 0;
        for (const summary of results) {
          outcomes[summary.status] = (outcomes[summary.status] ?? 0) + 1;
          items += summary.stored;
        }
        return { items, outcomes };
      }),
    );
  }
} finally {
  http.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
printReport({ system: 'straitwatch', variant: options.variant, feeds: options.feeds, cycles });
