import type { Command } from 'commander';
import { search } from '../../pipeline/search.js';
import { type StoreOptions, withApp, withStoreOptions } from '../context.js';

interface SearchOptions extends StoreOptions {
  topic?: string;
  lang?: string;
  group?: string;
  source?: string;
  since?: string;
  limit: string;
  json?: boolean;
}

export function registerSearch(program: Command): void {
  withStoreOptions(
    program
      .command('search')
      .description('search every stored story, in any language and script; a group name or alias finds its stories')
      .argument('<query...>', 'words to find (all must match); 臺灣 and 台湾 are the same; "Violet Typhoon" finds APT31')
      .option('--topic <topic>', 'only stories with this topic (taiwan, apt, ...)')
      .option('--lang <lang>', 'only stories in this language (BCP 47: en, zh-Hant; "zh" for both scripts)')
      .option('--group <name>', 'only stories naming this group (any alias)')
      .option('--source <feed>', 'only stories from this feed id')
      .option('--since <when>', 'only stories published since a date (2025-06-01) or a duration ago (7d, 24h, 2w)')
      .option('--limit <n>', 'results to print', '20')
      .option('--json', 'one JSON line per result, best first'),
  ).action((words: string[], options: SearchOptions) =>
    withApp(options, async (app) => {
      const hits = search(app.store, {
        query: words.join(' '),
        ...(options.topic && { topic: options.topic }),
        ...(options.lang && { lang: options.lang }),
        ...(options.group && { group: options.group }),
        ...(options.source && { feed: options.source }),
        ...(options.since && { since: options.since }),
        limit: Math.max(1, Number(options.limit) || 20),
      });
      for (const { story, score, storyId, reports } of hits) {
        const c = story.classification;
        if (options.json) {
          const line = {
            id: story.id,
            title: story.title,
            link: story.link ?? null,
            feed: story.feedId,
            published: story.published,
            lang: c?.bcp47 ?? 'und',
            topics: c?.topics ?? [],
            groups: c?.groups ?? [],
            score,
            summary: story.summary,
            // The story this report belongs to, and every report of it (one story, many outlets and languages).
            story: storyId,
            reports: reports.map((r) => ({ id: r.id, feed: r.feedId, title: r.title, link: r.link ?? null, lang: r.classification?.bcp47 ?? 'und', published: r.published })),
          };
          process.stdout.write(`${JSON.stringify(line)}\n`);
        } else {
          const tags = [...(c?.topics ?? []), ...(c?.groups ?? [])].join(', ');
          process.stdout.write(`${story.published.slice(0, 10)}  ${story.feedId.padEnd(18)} ${story.title}${tags ? `  [${tags}]` : ''}\n    ${story.link ?? ''}\n`);
          for (const other of reports.filter((r) => r.id !== story.id)) {
            process.stdout.write(`    also: ${other.feedId} (${other.classification?.bcp47 ?? 'und'}) ${other.title}\n`);
          }
        }
      }
      if (!options.json && hits.length === 0) process.stdout.write('no stories found\n');
    }),
  );
}
