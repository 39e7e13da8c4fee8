import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StraitwatchError } from '../../src/core/errors.js';
import type { ParsedFeed } from '../../src/core/feed-item.js';
import { parseFeed } from '../../src/parse/parse-feed.js';
import { FeedServer } from '../support/feed-server.js';

// The per-test timeout is the hang guard; nothing here asserts how long parsing took.
const GUARD = { timeout: 10_000 };
const MB = 1024 * 1024;

/**
 * Parses hostile input, which may succeed or fail, but only as a StraitwatchError (anything
 * else would escape the pipeline's error handling). Returns everything it produced as one
 * string, so a test can check that nothing was expanded or read from disk.
 */
async function outcome(xml: string): Promise<{ feed?: ParsedFeed; text: string }> {
  try {
    const feed = await parseFeed(xml);
    return { feed, text: JSON.stringify(feed) };
  } catch (error) {
    expect(error).toBeInstanceOf(StraitwatchError);
    return { text: `${(error as Error).message} ${String((error as Error).cause)}` };
  }
}

const rss = (subset: string, title: string, description = 'd') => `<?xml version="1.0"?>
<!DOCTYPE rss [
${subset}
]>
<rss version="2.0"><channel><title>${title}</title><link>https://hostile.example/</link><description>d</description>
<item><title>${title}</title><link>https://hostile.example/1</link><description>${description}</description></item>
</channel></rss>`;

function billionLaughs(levels: number): string {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let level = 1; level < levels; level++) entities.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
  return rss(entities.join('\n'), `&lol${levels - 1};`);
}

describe('hostile XML', () => {
  it('billion laughs: 10 levels of 10 references expand to nothing', GUARD, async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const { text } = await outcome(billionLaughs(10));
    const growth = process.memoryUsage().heapUsed - heapBefore;
    expect(text).not.toMatch(/(?:lol){1000}/);
    // Full expansion is 3 * 10^9 characters; anything near it would blow far past this bound.
    expect(growth).toBeLessThan(100 * MB);
  });

  it('quadratic blowup: a 100 KB entity referenced 10,000 times is not expanded', GUARD, async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const { text } = await outcome(rss(`<!ENTITY big "${'x'.repeat(100_000)}">`, 'Quadratic', '&big;'.repeat(10_000)));
    const growth = process.memoryUsage().heapUsed - heapBefore;
    // One expansion would already show 200 KB of x's twice over; 10,000 of them are 1 GB.
    expect(text).not.toMatch(/x{200000}/);
    expect(growth).toBeLessThan(100 * MB);
  });

  it.each([
    { name: 'internal subset', subset: '<!ENTITY xxe SYSTEM "file:///etc/passwd">' },
    // A "]>" inside a quoted entity value is meant to end a naive DOCTYPE match early.
    { name: 'subset with "]>" in a quoted value', subset: '<!ENTITY decoy "]>"> <!ENTITY xxe SYSTEM "file:///etc/passwd">' },
    { name: 'subset with markup in a quoted value', subset: '<!ENTITY decoy "<b>"> <!ENTITY xxe SYSTEM "file:///etc/passwd">' },
    { name: 'parameter entity', subset: '<!ENTITY % file SYSTEM "file:///etc/passwd"> <!ENTITY % wrap "<!ENTITY xxe \'%file;\'>"> %wrap;' },
  ])('XXE through an $name never reads the file', GUARD, async ({ subset }) => {
    const { feed, text } = await outcome(rss(subset, 'Title &xxe;', 'Body &xxe;'));
    expect(text).not.toContain('root:');
    // When the feed parses, the reference is left as the literal text it was.
    if (feed) expect(feed.items[0]?.title).toBe('Title &xxe;');
  });

  describe('external references', () => {
    let server: FeedServer;
    beforeAll(async () => {
      server = await FeedServer.start();
      server.route('/evil.dtd', { body: '<!ENTITY leak "LEAKED">', headers: { 'content-type': 'application/xml-dtd' } });
      server.route('/entity', { body: 'LEAKED' });
      server.route('/barrier', { body: 'ok' });
    });
    afterAll(() => server.close());

    it.each([
      { name: 'external DTD', doctype: (url: (path: string) => string) => `<!DOCTYPE rss SYSTEM "${url('/evil.dtd')}">` },
      { name: 'public DTD', doctype: (url: (path: string) => string) => `<!DOCTYPE rss PUBLIC "-//Evil//DTD//EN" "${url('/evil.dtd')}">` },
      { name: 'external entity', doctype: (url: (path: string) => string) => `<!DOCTYPE rss [<!ENTITY leak SYSTEM "${url('/entity')}">]>` },
      { name: 'external parameter entity', doctype: (url: (path: string) => string) => `<!DOCTYPE rss [<!ENTITY % remote SYSTEM "${url('/evil.dtd')}"> %remote;]>` },
    ])('$name: no request is made', GUARD, async ({ doctype }) => {
      const xml = `<?xml version="1.0"?>${doctype((path) => server.url(path))}
        <rss version="2.0"><channel><title>&leak;</title><link>https://hostile.example/</link><description>d</description>
        <item><title>&leak;</title></item></channel></rss>`;
      const { text } = await outcome(xml);
      expect(text).not.toContain('LEAKED');
      // A request the parser started would reach the server before ours does.
      await fetch(server.url('/barrier'));
      expect(server.requests.map((r) => r.path)).not.toContain('/evil.dtd');
      expect(server.requests.map((r) => r.path)).not.toContain('/entity');
    });
  });

  it.each([
    { name: 'in a title', field: 'title' },
    { name: 'in a description', field: 'description' },
  ])('100,000 nested elements $name fail no worse than parse-malformed', GUARD, async ({ field }) => {
    const depth = 100_000;
    const xml = `<rss version="2.0"><channel><title>t</title><item><${field}>${'<a>'.repeat(depth)}deep${'</a>'.repeat(depth)}</${field}></item></channel></rss>`;
    const { feed } = await outcome(xml);
    if (feed && field === 'title') expect(feed.items[0]?.title).toBe('deep');
  });

  // Each unclosed opener used to send a lazy regex to the end of the text: quadratic time.
  it.each([
    { name: '<!-- before the root', xml: `${'<!--'.repeat(MB / 4)}<rss version="2.0"><channel><title>t</title></channel></rss>` },
    { name: '<!DOCTYPE [ before the root', xml: `${'<!DOCTYPE ['.repeat(MB / 11)}<rss version="2.0"><channel><title>t</title></channel></rss>` },
    { name: '<!DOCTYPE before the root', xml: `${'<!DOCTYPE '.repeat(MB / 10)}<rss version="2.0"><channel><title>t</title></channel></rss>` },
    { name: '<![CDATA[ in content', xml: `<rss version="2.0"><channel><title>${'<![CDATA['.repeat(MB / 9)}</title></channel></rss>` },
    {
      name: 'xhtml constructs in content',
      xml: `<feed xmlns="http://www.w3.org/2005/Atom"><entry>${'<title type="xhtml">'.repeat(MB / 20)}</entry></feed>`,
    },
  ])('1 MB of unclosed $name', GUARD, async ({ xml }) => {
    await outcome(xml);
  });
});
