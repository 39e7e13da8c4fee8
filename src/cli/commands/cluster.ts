import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { readEnvironment } from '../../config/environment.js';
import { loadConfig, parseConfig } from '../../config/load-config.js';
import { createLogger } from '../../log/logger.js';
import { createClusterer } from '../../main.js';
import { type ReportInput, foldReports } from '../../pipeline/fold-reports.js';
import { createUnderstanding } from '../../pipeline/understand-story.js';
import { openSqliteStore } from '../../store/sqlite-store.js';
import { validLines } from '../read-json-lines.js';
import { StoryLine } from '../story-line.js';

const ReportLine = StoryLine.extend({
  published: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2025-10-11T08:30:00Z' }),
  link: z.string().optional(),
  feed: z.string().optional(),
});

export function registerCluster(program: Command): void {
  program
    .command('cluster')
    .description('JSON Lines on stdin (the classify input plus "published", "link" and "feed") → one line per input, {"id", "story"}: inputs folded into one story share "story"')
    .option('-c, --config <file>', 'feeds.json whose "topics" and "clustering" apply (default ./feeds.json when present)')
    .option('--explain', 'add why each report is in its story: "reason", "matched", "similarity", "entities" (and "supportedBy", "merged")')
    .action(async (options: { config?: string; explain?: boolean }) => {
      const env = readEnvironment();
      const path = options.config ?? env.STRAITWATCH_CONFIG;
      const config = !options.config && !existsSync(path) ? parseConfig({ feeds: [] }, 'defaults') : loadConfig(path);
      const log = createLogger({ level: env.LOG_LEVEL });
      const inputs: ReportInput[] = [];
      const input = validLines('cluster', process.stdin, ReportLine);
      for await (const { id, title, summary, content, feedLanguage, published, link, feed } of input.lines) {
        inputs.push({ id, title, published, ...(summary && { summary }), ...(content && { content }), ...(feedLanguage && { feedLanguage }), ...(link && { link }), ...(feed && { feed }) });
      }
      // The pipeline's clusterer over a private in-memory index: the same code that folds stored stories.
      const store = openSqliteStore(':memory:');
      try {
        const folded = await foldReports(inputs, createUnderstanding(config), createClusterer(env, config, store, log), { explain: options.explain ?? false });
        for (const line of folded) process.stdout.write(`${JSON.stringify(line)}\n`);
      } finally {
        store.close();
      }
      process.exitCode = input.bad() ? 1 : 0;
    });
}
