import { describe, expect, it } from 'vitest';
import { StraitwatchError, type ErrorCode } from '../../src/core/errors.js';
import type { ParsedFeed } from '../../src/core/feed-item.js';
import { parseFeed } from '../../src/parse/parse-feed.js';

/** The error parseFeed rejected with, or a failure when it resolved. */
async function rejection(text: string): Promise<unknown> {
  return parseFeed(text).then(
    (feed) => expect.fail(`expected a rejection, got a ${feed.format} feed with ${feed.items.length} items`),
    (error: unknown) => error,
  );
}

// Netscape's 0.91 DTD defines the HTML entities, so 0.91 feeds use them without declaring any.
const RSS_091 = `<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91">
<channel>
<title>Caf&eacute; Taipei</title>
<link>https://cafe.example.tw/</link>
<description>News&nbsp;from the strait</description>
<language>zh-tw</language>
<item>
<title>AT&T and Chunghwa&nbsp;Telecom sign cable deal &ndash; r&eacute;sum&eacute;</title>
<link>https://cafe.example.tw/news?id=7&lang=en</link>
<description>Submarine cable &lt;b&gt;repair&lt;/b&gt; plan</description>
</item>
</channel>
</rss>`;

const RSS_092 = `<?xml version="1.0"?>
<rss version="0.92">
<channel>
<title>Strait Watch 0.92</title>
<link>https://092.example/</link>
<description>test</description>
<item>
<title>Coast guard drill off Kinmen</title>
<link>https://092.example/news/1</link>
<description>Lead paragraph.</description>
<category domain="https://092.example/categories">Defense</category>
</item>
<item>
<description>An item with only a description, as 0.92 allows.</description>
</item>
</channel>
</rss>`;

const RSS_10 = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example/rss">
<title>RDF Watch</title>
<link>https://rdf.example/</link>
<description>test</description>
<items><rdf:Seq><rdf:li rdf:resource="https://rdf.example/news/1"/></rdf:Seq></items>
</channel>
<item rdf:about="https://rdf.example/news/1">
<title>MND reports PLA aircraft near the median line</title>
<link>https://rdf.example/news/1</link>
<description>Twenty aircraft crossed the median line.</description>
<dc:date>2025-06-03T10:00:00+08:00</dc:date>
<dc:creator>Lin Mei</dc:creator>
</item>
</rdf:RDF>`;

const RSS_20 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Focus Strait</title>
<link>https://rss2.example/</link>
<description>test</description>
<item>
<title>Taiwan detects Chinese balloons</title>
<link>https://rss2.example/politics/1</link>
<guid isPermaLink="false">rss2-2025-0001</guid>
<description>&lt;p&gt;Short lead.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Full <b>story</b> body.</p>]]></content:encoded>
<category>Politics</category>
<category>Cross-strait</category>
<pubDate>Tue, 03 Jun 2025 10:00:00 +0800</pubDate>
<dc:creator>CNA</dc:creator>
</item>
<item>
<title>Description only</title>
<guid>https://rss2.example/politics/2</guid>
<description>Only a description.</description>
<author>desk@rss2.example (Desk)</author>
</item>
</channel>
</rss>`;

const ATOM_10 = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Watch</title>
<link rel="self" href="https://atom.example/feed.xml"/>
<link rel="alternate" type="text/html" href="https://atom.example/"/>
<id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
<updated>2025-06-04T00:00:00Z</updated>
<entry>
<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Taiwan <em>rejects</em> claims</div></title>
<link rel="self" href="https://atom.example/entries/1.atom"/>
<link rel="alternate" type="text/html" href="https://atom.example/2025/06/rejects"/>
<id>tag:atom.example,2025:1</id>
<published>2025-06-03T10:00:00+08:00</published>
<updated>2025-06-04T00:00:00Z</updated>
<summary>Lead paragraph.</summary>
<content type="html">&lt;p&gt;Body &amp;amp; more.&lt;/p&gt;</content>
<category term="politics" label="Politics"/>
<category term="defense"/>
<author><name>Chen</name></author>
</entry>
<entry>
<title type="html">&lt;b&gt;Second&lt;/b&gt; entry</title>
<link rel="edit" href="https://atom.example/edit/2"/>
<link href="https://atom.example/2025/06/second"/>
<id>tag:atom.example,2025:2</id>
<updated>2025-06-03T09:00:00</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Para with <a href="https://x.example/">a link</a> inside.</p></div></content>
</entry>
</feed>`;

const JSON_FEED_10 = JSON.stringify({
  version: 'https://jsonfeed.org/version/1',
  title: 'JSON Watch',
  home_page_url: 'https://json.example/',
  feed_url: 'https://json.example/feed.json',
  items: [
    {
      id: 1,
      url: 'https://json.example/1',
      title: 'Numeric id',
      summary: 'Lead',
      content_html: '<p>Body</p>',
      content_text: 'Body',
      date_published: '2025-06-03T10:00:00+08:00',
      tags: ['taiwan', 'apt'],
      author: { name: 'Wu' },
    },
    { id: '2', external_url: 'https://elsewhere.example/2', content_text: 'Text only', date_modified: '2025-06-04T00:00:00Z' },
  ],
});

const JSON_FEED_11 = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'JSON Watch 1.1',
  items: [
    { id: 'a', url: 'https://json.example/a', title: 'Authors array', authors: [{ name: 'Huang' }, { name: 'Lee' }], tags: 'not-an-array' },
    'not an item',
    { id: 'b', url: 'https://json.example/b', title: 'Second', date_published: 'yesterday' },
  ],
});

describe('parseFeed', () => {
  it.each<{ name: string; text: string; expected: ParsedFeed }>([
    {
      name: 'RSS 0.91 with DTD-defined HTML entities and a bare ampersand',
      text: RSS_091,
      expected: {
        format: 'rss',
        title: 'Café Taipei',
        link: 'https://cafe.example.tw/',
        items: [
          {
            link: 'https://cafe.example.tw/news?id=7&lang=en',
            title: 'AT&T and Chunghwa\u00a0Telecom sign cable deal – résumé',
            content: 'Submarine cable <b>repair</b> plan',
            categories: [],
          },
        ],
      },
    },
    {
      name: 'RSS 0.92 with a category and a description-only item',
      text: RSS_092,
      expected: {
        format: 'rss',
        title: 'Strait Watch 0.92',
        link: 'https://092.example/',
        items: [
          { title: 'Coast guard drill off Kinmen', link: 'https://092.example/news/1', content: 'Lead paragraph.', categories: ['Defense'] },
          { content: 'An item with only a description, as 0.92 allows.', categories: [] },
        ],
      },
    },
    {
      name: 'RSS 1.0 (RDF) with Dublin Core date and creator',
      text: RSS_10,
      expected: {
        format: 'rdf',
        title: 'RDF Watch',
        link: 'https://rdf.example/',
        items: [
          {
            guid: 'https://rdf.example/news/1',
            link: 'https://rdf.example/news/1',
            title: 'MND reports PLA aircraft near the median line',
            content: 'Twenty aircraft crossed the median line.',
            author: 'Lin Mei',
            categories: [],
            published: '2025-06-03T10:00:00+08:00',
          },
        ],
      },
    },
    {
      name: 'RSS 2.0: description is the summary when content:encoded holds the body',
      text: RSS_20,
      expected: {
        format: 'rss',
        title: 'Focus Strait',
        link: 'https://rss2.example/',
        items: [
          {
            guid: 'rss2-2025-0001',
            link: 'https://rss2.example/politics/1',
            title: 'Taiwan detects Chinese balloons',
            summary: '<p>Short lead.</p>',
            content: '<p>Full <b>story</b> body.</p>',
            author: 'CNA',
            categories: ['Politics', 'Cross-strait'],
            published: 'Tue, 03 Jun 2025 10:00:00 +0800',
          },
          {
            guid: 'https://rss2.example/politics/2',
            title: 'Description only',
            content: 'Only a description.',
            author: 'desk@rss2.example (Desk)',
            categories: [],
          },
        ],
      },
    },
    {
      name: 'Atom 1.0: xhtml title, alternate over self and edit links, summary vs content, category terms, raw dates',
      text: ATOM_10,
      expected: {
        format: 'atom',
        title: 'Atom Watch',
        link: 'https://atom.example/',
        items: [
          {
            guid: 'tag:atom.example,2025:1',
            link: 'https://atom.example/2025/06/rejects',
            title: '<div xmlns="http://www.w3.org/1999/xhtml">Taiwan <em>rejects</em> claims</div>',
            summary: 'Lead paragraph.',
            content: '<p>Body &amp; more.</p>',
            author: 'Chen',
            categories: ['politics', 'defense'],
            published: '2025-06-03T10:00:00+08:00',
          },
          {
            guid: 'tag:atom.example,2025:2',
            // RFC 4287 §4.2.7.2: a link without rel is the alternate one.
            link: 'https://atom.example/2025/06/second',
            title: '<b>Second</b> entry',
            content: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Para with <a href="https://x.example/">a link</a> inside.</p></div>',
            categories: [],
            // No zone: passed through as written, so normalize (not this machine's TZ) decides what it means.
            published: '2025-06-03T09:00:00',
          },
        ],
      },
    },
    {
      name: 'JSON Feed 1.0: numeric id, content_html over content_text, author object',
      text: JSON_FEED_10,
      expected: {
        format: 'json',
        title: 'JSON Watch',
        link: 'https://json.example/',
        items: [
          {
            guid: '1',
            link: 'https://json.example/1',
            title: 'Numeric id',
            summary: 'Lead',
            content: '<p>Body</p>',
            author: 'Wu',
            categories: ['taiwan', 'apt'],
            published: '2025-06-03T10:00:00+08:00',
          },
          { guid: '2', link: 'https://elsewhere.example/2', content: 'Text only', categories: [], published: '2025-06-04T00:00:00Z' },
        ],
      },
    },
    {
      name: 'JSON Feed 1.1: authors array, a non-object item skipped, a wrong-typed field dropped',
      text: JSON_FEED_11,
      expected: {
        format: 'json',
        title: 'JSON Watch 1.1',
        items: [
          { guid: 'a', link: 'https://json.example/a', title: 'Authors array', author: 'Huang', categories: [] },
          { guid: 'b', link: 'https://json.example/b', title: 'Second', categories: [], published: 'yesterday' },
        ],
      },
    },
  ])('$name', async ({ text, expected }) => {
    expect(await parseFeed(text)).toEqual(expected);
  });

  it.each([
    { name: 'byte-order mark', prefix: '\uFEFF' },
    { name: 'blank lines', prefix: '\n\n  \t' },
    { name: 'BOM then whitespace', prefix: '\uFEFF \r\n' },
  ])('reads a feed after a $name', async ({ prefix }) => {
    const feed = await parseFeed(prefix + RSS_20);
    expect(feed.items.map((item) => item.guid)).toEqual(['rss2-2025-0001', 'https://rss2.example/politics/2']);
  });

  describe('one bad entry costs only itself', () => {
    const atomEntries = (entry: string) => `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id>
      ${entry}
      <entry><title>Good</title><link href="https://good.example/1"/><id>urn:good</id><updated>2025-06-03T10:00:00Z</updated></entry></feed>`;
    const rssItems = (item: string) => `<rss version="2.0"><channel><title>t</title><link>https://t.example/</link><description>d</description>
      ${item}
      <item><title>Good</title><link>https://good.example/1</link><pubDate>Tue, 03 Jun 2025 10:00:00 GMT</pubDate></item></channel></rss>`;

    it.each([
      {
        name: 'Atom entry with an unparseable date',
        text: atomEntries('<entry><title>Bad date</title><link href="https://bad.example/1"/><id>urn:bad</id><updated>next Tuesday</updated></entry>'),
        first: { guid: 'urn:bad', title: 'Bad date', link: 'https://bad.example/1', published: 'next Tuesday', categories: [] },
      },
      {
        name: 'RSS item with an unparseable date',
        text: rssItems('<item><title>Bad date</title><link>https://bad.example/1</link><pubDate>sometime in June</pubDate></item>'),
        first: { title: 'Bad date', link: 'https://bad.example/1', published: 'sometime in June', categories: [] },
      },
      {
        name: 'empty Atom <entry/>',
        text: atomEntries('<entry/>'),
        first: { categories: [] },
      },
      {
        name: 'Atom <link> with text instead of an href',
        text: atomEntries('<entry><title>Text link</title><link>https://text.example/1</link><id>urn:text</id></entry>'),
        first: { guid: 'urn:text', title: 'Text link', link: 'https://text.example/1', categories: [] },
      },
    ])('$name', async ({ text, first }) => {
      const feed = await parseFeed(text);
      expect(feed.items).toHaveLength(2);
      expect(feed.items[0]).toEqual(first);
      expect(feed.items[1]).toMatchObject({ title: 'Good', link: 'https://good.example/1' });
    });
  });

  it.each<{ name: string; text: string; code: ErrorCode }>([
    { name: 'empty string', text: '', code: 'parse-not-a-feed' },
    { name: 'only whitespace', text: ' \n\t ', code: 'parse-not-a-feed' },
    { name: 'plain text', text: 'Service Unavailable', code: 'parse-not-a-feed' },
    { name: 'JSON that is not a JSON Feed', text: '{"error":"rate limited","items":3}', code: 'parse-not-a-feed' },
    { name: 'a JSON array', text: '[{"title":"x"}]', code: 'parse-not-a-feed' },
    { name: 'truncated JSON', text: '{"version":"https://jsonfeed.org/version/1.1","items":[', code: 'parse-malformed' },
    { name: 'truncated XML', text: RSS_20.slice(0, RSS_20.indexOf('</item>')), code: 'parse-malformed' },
    { name: 'mismatched tags', text: '<rss version="2.0"><channel><title>t</channel></title></rss>', code: 'parse-malformed' },
    {
      name: 'an HTML error page',
      text: '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>502 Bad Gateway</title></head><body><h1>Bad Gateway<br></h1><p>nginx</body></html>',
      code: 'parse-malformed',
    },
    {
      name: 'a well-formed XHTML page',
      text: '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Home</title></head><body><p>Welcome</p></body></html>',
      code: 'parse-not-a-feed',
    },
    { name: 'XML of another kind', text: '<?xml version="1.0"?><note><to>Ana</to></note>', code: 'parse-not-a-feed' },
    { name: 'RSS without a channel', text: '<rss version="2.0"></rss>', code: 'parse-not-a-feed' },
  ])('rejects $name with $code', async ({ text, code }) => {
    const error = await rejection(text);
    expect(error).toBeInstanceOf(StraitwatchError);
    expect(error).toMatchObject({ code });
  });
});
