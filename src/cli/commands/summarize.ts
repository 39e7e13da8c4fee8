import type { Command } from 'commander';
import { readEnvironment } from '../../config/environment.js';
import { createLogger } from '../../log/logger.js';
import { createSummaryService } from '../../main.js';
import { createUnderstanding } from '../../pipeline/understand-story.js';
import { openSqliteStore } from '../../store/sqlite-store.js';
import { withStoreOptions } from '../context.js';
import { validLines } from '../read-json-lines.js';
import { StoryLine } from '../story-line.js';
import { topicsFrom } from './classify.js';

export function registerSummarize(program: Command): void {
  withStoreOptions(
    program
      .command('summarize')
      .description(
        'JSON Lines on stdin (the classify input, plus an optional "lang") → one JSON line per story: headline, originalHeadline, summary, language, method, model, tokens',
      ),
  ).action(async (options: { config?: string; db?: string }) => {
    const env = readEnvironment();
    const log = createLogger({ level: env.LOG_LEVEL });
    // The database holds the summary cache and the model budget's usage.
    const store = openSqliteStore(options.db ?? env.STRAITWATCH_DB);
    try {
      const understand = createUnderstanding({ topics: topicsFrom(options.config) });
      const summaries = createSummaryService(env, store, log);
      const input = validLines('summarize', process.stdin, StoryLine);
      for await (const story of input.lines) {
        const understood = understand({ title: story.title, ...(story.summary && { summary: story.summary }), ...(story.content && { content: story.content }), ...(story.feedLanguage && { feedLanguage: story.feedLanguage }) });
        const { summary } = await summaries.summarize({
          id: story.id,
          title: story.title,
          ...(story.summary && { summary: story.summary }),
          ...(story.content && { content: story.content }),
          lang: story.lang ?? understood.bcp47,
          topics: understood.topics,
          topicTerms: understood.matched.map((m) => m.term.replace(/\*$/, '')),
        });
        const line = {
          id: story.id,
          headline: summary.headline,
          originalHeadline: summary.originalHeadline,
          summary: summary.summary,
          language: summary.language,
          method: summary.method,
          ...(summary.model && { model: summary.model }),
          ...(summary.tokens !== undefined && { tokens: summary.tokens }),
        };
        process.stdout.write(`${JSON.stringify(line)}\n`);
      }
      process.exitCode = input.bad() ? 1 : 0;
    } finally {
      store.close();
    }
  });
}
