import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import pLimit from 'p-limit';
import { type FeedCheck, checkFeed } from '../../pipeline/check-feed.js';
import { type StoreOptions, withApp, withStoreOptions } from '../context.js';

function formatRow(check: FeedCheck): string {
  const status = check.status === 'ok' ? 'ok' : 'FAILED';
  const detail = check.status === 'ok' ? `${String(check.items).padStart(4)} items  ${(check.charset ?? '').padEnd(12)} ${(check.format ?? '').padEnd(5)}` : check.error ?? '';
  return `${status.padEnd(7)} ${check.feed.padEnd(24)} ${String(check.ms).padStart(6)} ms  ${detail}`;
}

export function registerFeedsCheck(program: Command): void {
  const feeds = program.command('feeds').description('inspect the configured feeds');
  withStoreOptions(
    feeds
      .command('check')
      .description('fetch each feed once (nothing is stored) and print status, item count, charset, format and time')
      .argument('[ids...]', 'only these feed ids')
      .option('--json', 'one JSON line per feed'),
  ).action((ids: string[], options: StoreOptions & { json?: boolean }) =>
    withApp(options, async (app) => {
      const selected = app.config.feeds.filter((feed) => ids.length === 0 || ids.includes(feed.id));
      const unknown = ids.filter((id) => !app.config.feeds.some((feed) => feed.id === id));
      if (unknown.length) throw new Error(`no feed with id ${unknown.map((id) => `"${id}"`).join(', ')} in ${options.config ?? 'the config'}`);
      const bar = process.stderr.isTTY ? new SingleBar({ format: 'checking {bar} {value}/{total} {feed}', stream: process.stderr, hideCursor: true }) : undefined;
      bar?.start(selected.length, 0, { feed: '' });
      const limit = pLimit(app.config.polling.concurrency);
      const checks = await Promise.all(
        selected.map((feed) =>
          limit(async () => {
            const check = await checkFeed(feed, app.http);
            bar?.increment({ feed: feed.id });
            return check;
          }),
        ),
      );
      bar?.stop();
      for (const check of checks) process.stdout.write(`${options.json ? JSON.stringify(check) : formatRow(check)}\n`);
      const failed = checks.filter((c) => c.status === 'failed').length;
      if (!options.json) process.stdout.write(`${checks.length - failed} ok, ${failed} failed\n`);
      process.exitCode = failed ? 1 : 0;
    }),
  );
}
