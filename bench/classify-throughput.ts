// Child process of `npm run bench`: classification throughput on one core (language, topics and
// groups for one story, the pipeline's `understand`), over the bench corpus's own items and over
// the labeled evaluation set. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { parseFeed } from '../src/parse/parse-feed.js';
import { normalizeItem } from '../src/normalize/normalize-item.js';
import { type StoryText, createUnderstanding } from '../src/pipeline/understand-story.js';
import { FEED_VARIANTS, syntheticFeed } from './synthetic-feed.js';

const understand = createUnderstanding({ topics: {} });

/** Stories per second over `stories`, looping for at least `ms` after a warm-up pass. */
function throughput(stories: StoryText[], ms = 3000): number {
  for (const story of stories) understand(story);
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < ms) for (const story of stories) (understand(story), done++);
  return Math.round(done / ((performance.now() - start) / 1000));
}

const results: Record<string, { stories: number; storiesPerSecond: number; avgChars: number }> = {};
for (const variant of FEED_VARIANTS) {
  const stories: StoryText[] = [];
  for (let index = 0; index < 200; index++) {
    const feed = syntheticFeed(index, variant, 50);
    const parsed = await parseFeed(feed.xml);
    for (const item of parsed.items) {
      const story = normalizeItem(item, { feedId: `f${index}`, baseUrl: 'https://example.org/', fetchedAt: new Date() });
      if (story) stories.push({ title: story.title, summary: story.summary, feedLanguage: feed.language });
    }
  }
  const chars = stories.reduce((n, s) => n + s.title.length + (s.summary?.length ?? 0), 0);
  results[variant] = { stories: stories.length, storiesPerSecond: throughput(stories), avgChars: Math.round(chars / stories.length) };
}
const labeled = readFileSync(new URL('../test/fixtures/labeled/stories.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { title: string; summary: string });
const labeledStories = labeled.map((s) => ({ title: s.title, summary: s.summary }));
const labeledChars = labeledStories.reduce((n, s) => n + s.title.length + s.summary.length, 0);
results.labeled = { stories: labeledStories.length, storiesPerSecond: throughput(labeledStories), avgChars: Math.round(labeledChars / labeledStories.length) };
process.stdout.write(`${JSON.stringify(results)}\n`);
