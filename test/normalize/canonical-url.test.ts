import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/normalize/canonical-url.js';

const FEED = 'https://news.example.tw/rss/politics.xml';

describe('canonicalUrl', () => {
  it.each<{ name: string; link: string | undefined; base?: string; expected: string | undefined }>([
    { name: 'utm_* removed', link: 'https://x.example/a?utm_source=rss&utm_medium=feed&utm_campaign=daily', expected: 'https://x.example/a' },
    { name: 'utm_* matched in any case', link: 'https://x.example/a?UTM_Source=rss&id=1', expected: 'https://x.example/a?id=1' },
    { name: 'fbclid and gclid removed', link: 'https://x.example/a?fbclid=IwAR0&gclid=Cj0K', expected: 'https://x.example/a' },
    { name: 'Mailchimp mc_cid and mc_eid removed', link: 'https://x.example/a?mc_cid=1a2b&mc_eid=3c4d', expected: 'https://x.example/a' },
    { name: 'Microsoft, HubSpot and Matomo trackers removed', link: 'https://x.example/a?msclkid=1&_hsenc=2&_hsmi=3&pk_campaign=4&mtm_source=5', expected: 'https://x.example/a' },
    {
      name: 'other parameters kept, in order, between trackers',
      link: 'https://x.example/a?utm_source=t&id=3&fbclid=1&b=2&gclid=9&a=1&mc_cid=1',
      expected: 'https://x.example/a?id=3&b=2&a=1',
    },
    { name: 'repeated parameters kept', link: 'https://x.example/a?tag=1&tag=2&utm_source=x', expected: 'https://x.example/a?tag=1&tag=2' },
    // The same page must get one canonical URL whether or not a tracker was attached.
    { name: 'kept parameters keep their encoding', link: 'https://x.example/a?path=a/b&q=a%20b&plus=a+b&utm_source=x', expected: 'https://x.example/a?path=a/b&q=a%20b&plus=a+b' },
    { name: 'a valueless parameter stays valueless', link: 'https://x.example/a?amp&utm_source=x', expected: 'https://x.example/a?amp' },
    { name: 'an untracked URL is unchanged', link: 'https://x.example/a?path=a/b&q=a%20b', expected: 'https://x.example/a?path=a/b&q=a%20b' },
    { name: 'fragment dropped', link: 'https://x.example/a?id=1#comments', expected: 'https://x.example/a?id=1' },
    { name: 'empty query dropped', link: 'https://x.example/a?', expected: 'https://x.example/a' },
    { name: 'host lowercased, default port dropped', link: 'https://X.EXAMPLE:443/a', expected: 'https://x.example/a' },
    { name: 'non-ASCII query percent-encoded', link: 'https://x.example/search?q=台灣&utm_source=x', expected: 'https://x.example/search?q=%E5%8F%B0%E7%81%A3' },
    { name: 'surrounding whitespace trimmed', link: '  https://x.example/a \n', expected: 'https://x.example/a' },
    { name: 'root-relative resolved against the feed', link: '/news/1?utm_source=rss', base: FEED, expected: 'https://news.example.tw/news/1' },
    { name: 'path-relative resolved against the feed', link: 'story/2', base: FEED, expected: 'https://news.example.tw/rss/story/2' },
    { name: 'protocol-relative takes the feed scheme', link: '//cdn.example.org/a', base: FEED, expected: 'https://cdn.example.org/a' },
    { name: 'protocol-relative over http', link: '//x.org/a', base: 'http://feeds.example/rss', expected: 'http://x.org/a' },
    { name: 'absolute link ignores the base', link: 'http://other.example/a', base: FEED, expected: 'http://other.example/a' },
    { name: 'javascript: rejected', link: 'javascript:alert(1)', base: FEED, expected: undefined },
    { name: 'mailto: rejected', link: 'mailto:desk@news.example.tw', base: FEED, expected: undefined },
    { name: 'data: rejected', link: 'data:text/html,<b>x</b>', expected: undefined },
    { name: 'ftp: rejected', link: 'ftp://x.example/file', expected: undefined },
    { name: 'relative without a base rejected', link: '/news/1', expected: undefined },
    { name: 'empty rejected', link: '   ', base: FEED, expected: undefined },
    { name: 'undefined rejected', link: undefined, base: FEED, expected: undefined },
  ])('$name', ({ link, base, expected }) => {
    expect(canonicalUrl(link, base)).toBe(expected);
  });

  it('gives one URL for a page linked with and without trackers', () => {
    const plain = canonicalUrl('https://x.example/story?id=7&section=a/b');
    expect(canonicalUrl('https://x.example/story?utm_source=rss&id=7&fbclid=x&section=a/b#top')).toBe(plain);
  });
});
