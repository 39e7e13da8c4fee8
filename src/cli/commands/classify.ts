import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { readEnvironment } from '../../config/environment.js';
import { loadConfig } from '../../config/load-config.js';
import { createUnderstanding } from '../../pipeline/understand-story.js';
import { validLines } from '../read-json-lines.js';
import { StoryLine } from '../story-line.js';

/** The topics of feeds.json when there is one; `classify` works without any config too. */
export function topicsFrom(configOption: string | undefined) {
  const path = configOption ?? readEnvironment().STRAITWATCH_CONFIG;
  if (!configOption && !existsSync(path)) return {};
  return loadConfig(path).topics;
}

export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description('JSON Lines on stdin ({"id", "title", "summary"?, "content"?, "feedLanguage"?}) → one JSON line per story: language, topics, scores, groups, matched terms')
    .option('-c, --config <file>', 'feeds.json whose "topics" add to the built-in ones (default ./feeds.json when present)')
    .option('--db <path>', 'accepted for symmetry with the other commands; classify stores nothing')
    .action(async (options: { config?: string }) => {
      const understand = createUnderstanding({ topics: topicsFrom(options.config) });
      const input = validLines('classify', process.stdin, StoryLine);
      for await (const { id, title, summary, content, feedLanguage } of input.lines) {
        const result = understand({ title, ...(summary && { summary }), ...(content && { content }), ...(feedLanguage && { feedLanguage }) });
        process.stdout.write(`${JSON.stringify({ id, ...result })}\n`);
      }
      process.exitCode = input.bad() ? 1 : 0;
    });
}
