import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StraitwatchError } from '../../src/core/errors.js';
import type { FeedFormat } from '../../src/core/feed-item.js';
import { decodeBody } from '../../src/fetch/decode-body.js';
import { normalizeItem } from '../../src/normalize/normalize-item.js';
import { parseFeed } from '../../src/parse/parse-feed.js';

// Feeds from nine mature parsers' own test suites (see its README.md). CI clones shared/ beside the repo.
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPORA = path.resolve(REPO_ROOT, '../shared/corpora');
const FETCHED_AT = new Date('2026-01-01T00:00:00Z');

/** README.md: which files are feed inputs and which are the peers' expected results. */
function isFeedInput(relative: string): boolean {
  const name = path.posix.basename(relative);
  if (/^(LICENSE|README)/.test(name) || name.endsWith('.output') || name.endsWith('.serde.json')) return false;
  if (relative.startsWith('rss-parser/test/output/')) return false;
  if (relative.startsWith('gofeed/') && name.endsWith('.json')) {
    return /^gofeed\/testdata\/(parser\/json|parser\/universal|translator\/json)\//.test(relative) && !name.endsWith('_expected.json');
  }
  return true;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

function feedInputs(): string[] {
  if (!existsSync(CORPORA)) throw new Error(`corpora not found at ${CORPORA}: clone the shared/ folder beside the repository`);
  return listFiles(CORPORA)
    .map((file) => path.relative(CORPORA, file).split(path.sep).join('/'))
    .filter(isFeedInput)
    .sort();
}

async function parseFile(relative: string) {
  return parseFeed(decodeBody(readFileSync(path.join(CORPORA, relative))).text);
}

describe('feed corpora', () => {
  it('every input parses to a feed or fails as a StraitwatchError, and normalizes', { timeout: 120_000 }, async () => {
    const files = feedInputs();
    // README.md counts 4,851 inputs: a different number means the selection above is wrong.
    expect(files).toHaveLength(4851);

    const failures: string[] = [];
    const codes = new Map<string, number>();
    let parsed = 0;
    let withItems = 0;
    let items = 0;
    let stories = 0;
    for (const relative of files) {
      try {
        const feed = await parseFile(relative);
        parsed++;
        if (feed.items.length > 0) withItems++;
        items += feed.items.length;
        for (const item of feed.items) {
          const story = normalizeItem(item, { feedId: 'corpora', baseUrl: `https://corpora.example/${relative}`, fetchedAt: FETCHED_AT });
          if (!story) continue;
          stories++;
          const problem =
            (!story.title.trim() && 'empty title') ||
            (Number.isNaN(Date.parse(story.published)) && `published "${story.published}"`) ||
            (story.link !== undefined && !/^https?:\/\//.test(story.link) && `link "${story.link}"`) ||
            (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(story.title + story.summary + story.content) && 'lone surrogate');
          if (problem) failures.push(`${relative}: story ${story.id}: ${problem}`);
        }
      } catch (error) {
        if (error instanceof StraitwatchError) codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
        else failures.push(`${relative}: crashed with ${(error as Error)?.name}: ${(error as Error)?.message}`);
      }
    }

    console.log(
      [
        `corpora: ${files.length} inputs, ${parsed} parsed, ${withItems} with items, ${items} items, ${stories} stories`,
        ...[...codes].sort(([a], [b]) => a.localeCompare(b)).map(([code, count]) => `  ${code.padEnd(20)} ${String(count).padStart(5)}`),
      ].join('\n'),
    );
    expect(failures, `${failures.length} failures, first 20:\n${failures.slice(0, 20).join('\n')}`).toEqual([]);
    // Measured 4,630 parsed, 2,988 with items, 5,793 items, 4,766 stories; the floors sit just below.
    expect(parsed).toBeGreaterThanOrEqual(4600);
    expect(withItems).toBeGreaterThanOrEqual(2950);
    expect(items).toBeGreaterThanOrEqual(5700);
    expect(stories).toBeGreaterThanOrEqual(4700);
  });

  // Counts from the files themselves (grep -o '<item[ >]' / '<entry[ >/]', or the JSON "items" array), not from our parser.
  it.each<{ name: string; file: string; format: FeedFormat; count: number; firstTitle?: string }>([
    { name: 'The Guardian (RSS 2.0)', file: 'rss-parser/test/input/guardian.rss', format: 'rss', count: 55 },
    { name: 'Giant Bombcast, 1.6 MB podcast (RSS 2.0)', file: 'rss-parser/test/input/giantbomb-podcast.rss', format: 'rss', count: 730 },
    { name: 'heise developer (Atom)', file: 'rss-parser/test/input/heise.atom', format: 'atom', count: 15 },
    { name: 'TechCrunch via FeedBurner (RSS 2.0)', file: 'feedjira/spec/sample_feeds/TechCrunch.xml', format: 'rss', count: 20 },
    { name: 'Google Alerts (Atom)', file: 'feedjira/spec/sample_feeds/google_alerts_atom.xml', format: 'atom', count: 20 },
    { name: 'Typepad, xhtml content (Atom)', file: 'feedjira/spec/sample_feeds/TypePadNews.xml', format: 'atom', count: 10 },
    { name: 'inessential.com (JSON Feed 1.0)', file: 'feedjira/spec/sample_feeds/json_feed.json', format: 'json', count: 20 },
    { name: 'heise online (RSS 1.0)', file: 'miniflux/internal/reader/parser/testdata/rdf_UTF8.xml', format: 'rdf', count: 60 },
    {
      name: 'iBash.Org.Ru in windows-1251 (RSS 2.0)',
      file: 'miniflux/internal/reader/parser/testdata/encoding_WINDOWS-1251.xml',
      format: 'rss',
      count: 50,
      firstTitle: 'Цитата #17703',
    },
    { name: 'BBC Urdu (RSS 2.0)', file: 'miniflux/internal/reader/parser/testdata/urdu_UTF8.xml', format: 'rss', count: 26 },
  ])('$name: $count items, each a story', async ({ file, format, count, firstTitle }) => {
    const feed = await parseFile(file);
    expect(feed.format).toBe(format);
    expect(feed.items).toHaveLength(count);
    const stories = feed.items.map((item) => normalizeItem(item, { feedId: 'known', baseUrl: `https://corpora.example/${file}`, fetchedAt: FETCHED_AT }));
    expect(stories.filter((story) => story !== undefined)).toHaveLength(count);
    if (firstTitle) expect(stories[0]?.title).toBe(firstTitle);
  });

  it('Typepad xhtml content keeps inline link text in place', async () => {
    const feed = await parseFile('feedjira/spec/sample_feeds/TypePadNews.xml');
    const story = normalizeItem(feed.items[0]!, { feedId: 'typepad', baseUrl: 'https://everything.typepad.com/', fetchedAt: FETCHED_AT });
    expect(story?.content).toContain('we scout for great blogs in the Typepad Showcase that fit a particular theme');
  });
});
