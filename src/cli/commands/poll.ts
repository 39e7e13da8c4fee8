import type { Command } from 'commander';
import type { Story } from '../../core/story.js';
import { feedHealthNotice } from '../../pipeline/ops-notices.js';
import { pollAll } from '../../pipeline/poll-all.js';
import { type StoreOptions, withApp, withStoreOptions } from '../context.js';
import { runScheduler } from './run.js';

/** The JSON line `poll --once --json` prints per newly stored story (a contract: add fields, never rename). */
export function storyJson(story: Story) {
  return {
    id: story.id,
    feed: story.feedId,
    title: story.title,
    link: story.link ?? null,
    published: story.published,
    publishedEstimated: story.publishedEstimated,
    summary: story.summary,
    author: story.author ?? null,
    categories: story.categories,
    lang: story.classification?.lang ?? 'und',
    bcp47: story.classification?.bcp47 ?? 'und',
    script: story.classification?.script ?? 'Zyyy',
    topics: story.classification?.topics ?? [],
    scores: story.classification?.scores ?? {},
    groups: story.classification?.groups ?? [],
    /** The story this report was folded into (its first report's id; its own id when it is the first). */
    story: story.clusterId ?? story.id,
  };
}

export function registerPoll(program: Command): void {
  withStoreOptions(
    program
      .command('poll')
      .description('poll every feed; with --once, a single cycle then exit')
      .option('--once', 'poll every enabled feed once, then exit')
      .option('--json', 'print one JSON line per newly stored story on stdout (logs stay on stderr)'),
  ).action(async (options: StoreOptions & { once?: boolean; json?: boolean }) => {
    if (!options.once) return runScheduler(options);
    return withApp(options, async (app) => {
      app.retryBrokenRoutes();
      const notices: Array<Promise<void>> = [];
      const results = await pollAll(app.config, app.deps, {
        onResult: (result) => {
          const notice = feedHealthNotice(result);
          if (notice) notices.push(app.ops(notice));
          const { outcome } = result;
          if (!options.json || (outcome.status !== 'seeded' && outcome.status !== 'refreshed')) return;
          for (const story of outcome.stored) process.stdout.write(`${JSON.stringify(storyJson(story))}\n`);
        },
      });
      await Promise.all(notices);
      // Relevant new stories get their summaries before the command exits.
      const summarized = await app.summaries.summarizePending(Number.MAX_SAFE_INTEGER);
      if (summarized.done + summarized.fellBack) app.log.info(summarized, 'stories summarized');
      // Posting needs no gateway connection: a one-off poll delivers its alerts too.
      const delivered = await app.deliver();
      if (delivered.sent + delivered.retrying + delivered.failed) app.log.info(delivered, 'alerts delivered');
      const count = (status: string) => results.filter((r) => r.status === status).length;
      const stored = results.reduce((n, r) => n + r.stored, 0);
      app.log.info(
        { feeds: results.length, refreshed: count('refreshed') + count('seeded'), notModified: count('not-modified'), failed: count('failed'), stored },
        'poll finished',
      );
      // Exit 1 only when every feed failed: one broken feed is routine, all of them is an outage (network, config).
      process.exitCode = results.length > 0 && count('failed') === results.length ? 1 : 0;
    }, { consoleOut: options.json ? process.stderr : process.stdout });
  });
}
