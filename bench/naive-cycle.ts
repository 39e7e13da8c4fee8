import { franc } from 'franc';
import pLimit from 'p-limit';
import Parser from 'rss-parser';
import { feedUrl, readCycleOptions } from './cycle-options.js';
import { type CycleFigures, measureCycle, printReport } from './measure-cycle.js';

/**
 * The way most feed bots poll, for comparison: rss-parser's parseURL on every feed, 16 at a
 * time, franc on each item's title and snippet, nothing stored. With no validators kept, every
 * cycle fetches and parses everything again.
 */
const options = readCycleOptions();
const urls = Array.from({ length: options.feeds }, (_, index) => feedUrl(options, index));

async function cycle() {
  const limit = pLimit(16);
  const outcomes: Record<string, number> = {};
  let items = 0;
  await Promise.all(
    urls.map((url) =>
      limit(async () => {
        try {
          const feed = await new Parser().parseURL(url);
          for (const item of feed.items) {
            franc(`${item.title ?? ''} ${item.contentSnippet ?? ''}`);
            items++;
          }
          outcomes.ok = (outcomes.ok ?? 0) + 1;
        } catch (error) {
          outcomes.failed = (outcomes.failed ?? 0) + 1;
          if (outcomes.failed === 1) process.stderr.write(`first failure: ${url}: ${(error as Error).message}\n`);
        }
      }),
    ),
  );
  return { items, outcomes };
}

const cycles: CycleFigures[] = [];
for (let i = 0; i < options.cycles; i++) cycles.push(await measureCycle(cycle));
printReport({ system: 'naive', variant: options.variant, feeds: options.feeds, cycles });
