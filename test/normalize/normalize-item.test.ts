import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../src/core/feed-item.js';
import { normalizeItem, type NormalizeContext } from '../../src/normalize/normalize-item.js';

const CONTEXT: NormalizeContext = {
  feedId: 'cna-en',
  baseUrl: 'https://focustaiwan.example/rss/politics.xml',
  fetchedAt: new Date('2025-06-10T00:00:00Z'),
};

const item = (fields: Partial<FeedItem>): FeedItem => ({ categories: [], ...fields });
const idOf = (fields: Partial<FeedItem>, context: NormalizeContext = CONTEXT) => normalizeItem(item(fields), context)?.id;

describe('normalizeItem', () => {
  it('turns a full item into a story', () => {
    const story = normalizeItem(
      item({
        guid: ' cna-2025-0603-001 ',
        link: '/politics/202506030001?utm_source=rss&utm_medium=feed',
        title: 'Taiwan &amp; Japan <b>hold</b> talks',
        summary: '<p>Officials met in Taipei.</p>',
        content: '<p>Officials met in Taipei.</p><p>They discussed the Strait.</p><script>track()</script>',
        author: ' <span>Lin Mei</span> ',
        categories: ['Politics', ' <i>Cross-strait</i> ', ''],
        published: 'Tue, 03 Jun 2025 10:00:00 +0800',
      }),
      CONTEXT,
    );
    expect(story).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{20}$/),
      feedId: 'cna-en',
      guid: 'cna-2025-0603-001',
      link: 'https://focustaiwan.example/politics/202506030001',
      title: 'Taiwan & Japan hold talks',
      summary: 'Officials met in Taipei.',
      content: 'Officials met in Taipei.\n\nThey discussed the Strait.',
      author: 'Lin Mei',
      categories: ['Politics', 'Cross-strait'],
      published: '2025-06-03T02:00:00.000Z',
      publishedEstimated: false,
      fetchedAt: '2025-06-10T00:00:00.000Z',
      contentHash: expect.stringMatching(/^[0-9a-f]{20}$/),
    });
  });

  describe('id', () => {
    it('is stable across calls', () => {
      const fields = { guid: 'g-1', link: 'https://focustaiwan.example/1', title: 'Same' };
      expect(idOf(fields)).toBe(idOf(fields));
    });

    it.each([
      {
        name: 'same guid, different link, title and text',
        a: { guid: 'g-1', link: 'https://focustaiwan.example/1', title: 'First headline' },
        b: { guid: 'g-1', link: 'https://focustaiwan.example/1?edited=1', title: 'Corrected headline', content: 'new body' },
        same: true,
      },
      { name: 'same guid up to whitespace', a: { guid: 'g-1', title: 'x' }, b: { guid: '  g-1\n', title: 'x' }, same: true },
      { name: 'different guids, same link', a: { guid: 'g-1', link: 'https://focustaiwan.example/1', title: 'x' }, b: { guid: 'g-2', link: 'https://focustaiwan.example/1', title: 'x' }, same: false },
      {
        name: 'no guid: same link up to trackers and fragment',
        a: { link: 'https://focustaiwan.example/1', title: 'First' },
        b: { link: 'https://focustaiwan.example/1?utm_source=rss#top', title: 'Edited' },
        same: true,
      },
      { name: 'no guid: relative and absolute link to one page', a: { link: '/1', title: 'x' }, b: { link: 'https://focustaiwan.example/1', title: 'x' }, same: true },
      { name: 'no guid: different links', a: { link: 'https://focustaiwan.example/1', title: 'x' }, b: { link: 'https://focustaiwan.example/2', title: 'x' }, same: false },
      { name: 'no guid or link: same text', a: { title: 'Only text', summary: 'body' }, b: { title: 'Only text', summary: 'body' }, same: true },
      { name: 'no guid or link: edited text', a: { title: 'Only text', summary: 'body' }, b: { title: 'Only text', summary: 'body, edited' }, same: false },
      // The guid is the key when there is one: a link-keyed id would change if the feed later added guids.
      { name: 'guid vs link of equal text', a: { guid: 'https://focustaiwan.example/1', title: 'x' }, b: { link: 'https://focustaiwan.example/1', title: 'x' }, same: false },
    ])('$name → same id: $same', ({ a, b, same }) => {
      expect(idOf(a) === idOf(b)).toBe(same);
    });

    it('differs between feeds for the same guid', () => {
      const fields = { guid: '1', title: 'Guids like "1" repeat across outlets' };
      expect(idOf(fields, { ...CONTEXT, feedId: 'cna-en' })).not.toBe(idOf(fields, { ...CONTEXT, feedId: 'taipei-times' }));
    });
  });

  describe('link', () => {
    it.each<{ name: string; fields: Partial<FeedItem>; link: string | undefined }>([
      { name: 'tracking parameters stripped', fields: { title: 'x', link: 'https://focustaiwan.example/a?id=9&utm_campaign=x&fbclid=y' }, link: 'https://focustaiwan.example/a?id=9' },
      { name: 'relative link resolved against the feed URL', fields: { title: 'x', link: 'story/3' }, link: 'https://focustaiwan.example/rss/story/3' },
      { name: 'absolute URL guid stands in for a missing link', fields: { title: 'x', guid: 'https://focustaiwan.example/b?utm_source=rss' }, link: 'https://focustaiwan.example/b' },
      // A guid is an opaque id unless it is a whole URL: resolving "12345" against the feed invented a page.
      { name: 'non-URL guid is not a link', fields: { title: 'x', guid: '12345' }, link: undefined },
      { name: 'javascript: link dropped', fields: { title: 'x', link: 'javascript:void(0)' }, link: undefined },
    ])('$name', ({ fields, link }) => {
      expect(normalizeItem(item(fields), CONTEXT)?.link).toBe(link);
    });
  });

  describe('title and summary', () => {
    it.each<{ name: string; fields: Partial<FeedItem>; title: string; summary: string }>([
      {
        name: 'title-less item takes the first line of its summary',
        fields: { link: 'https://focustaiwan.example/1', summary: '<p>Coast guard expels vessels.</p><p>More detail.</p>' },
        title: 'Coast guard expels vessels.',
        summary: 'Coast guard expels vessels.\n\nMore detail.',
      },
      {
        name: 'summary derived from content when missing',
        fields: { title: 'T', content: '<p>Body text only.</p>' },
        title: 'T',
        summary: 'Body text only.',
      },
      {
        name: 'title-less item without text is titled by its link',
        fields: { link: 'https://focustaiwan.example/only-link' },
        title: 'https://focustaiwan.example/only-link',
        summary: '',
      },
      {
        name: 'title markup and line breaks flattened',
        fields: { title: '<h1>Breaking:</h1>\n<em>drills</em>  begin', link: 'https://focustaiwan.example/1' },
        title: 'Breaking: drills begin',
        summary: '',
      },
    ])('$name', ({ fields, title, summary }) => {
      expect(normalizeItem(item(fields), CONTEXT)).toMatchObject({ title, summary });
    });

    it('derived summary of a long body is capped at 400 characters without splitting an emoji', () => {
      const story = normalizeItem(item({ title: 'T', content: `${'a'.repeat(399)}🇹🇼 and more ${'b'.repeat(3000)}` }), CONTEXT);
      expect(story?.summary).toBe('a'.repeat(399));
      expect(story?.content).toMatch(/^a{399}🇹🇼 and more b+$/);
    });

    it('a short body with no summary becomes the summary, stored once', () => {
      const story = normalizeItem(item({ title: 'T', content: '<p>Officials attributed the campaign to APT31.</p>' }), CONTEXT);
      expect(story).toMatchObject({ summary: 'Officials attributed the campaign to APT31.', content: '' });
    });

    it('derived title is capped at 120 characters', () => {
      const story = normalizeItem(item({ summary: 'word '.repeat(100) }), CONTEXT);
      expect(story?.title).toHaveLength(120);
    });
  });

  it.each<{ name: string; fields: Partial<FeedItem> }>([
    { name: 'nothing at all', fields: {} },
    { name: 'only whitespace and markup', fields: { title: '  ', summary: '<p> </p>', content: '<script>x()</script>' } },
    { name: 'only a non-URL guid', fields: { guid: 'post-42' } },
    { name: 'only categories and a date', fields: { categories: ['Politics'], published: '2025-06-03T10:00:00Z' } },
  ])('an item with no title and no link is dropped: $name', ({ fields }) => {
    expect(normalizeItem(item(fields), CONTEXT)).toBeUndefined();
  });

  it.each([
    { name: 'a parseable date', published: '2025-06-03T10:00:00+08:00', expected: { published: '2025-06-03T02:00:00.000Z', publishedEstimated: false } },
    { name: 'an unparseable date', published: 'yesterday', expected: { published: '2025-06-10T00:00:00.000Z', publishedEstimated: true } },
    { name: 'no date', published: undefined, expected: { published: '2025-06-10T00:00:00.000Z', publishedEstimated: true } },
  ])('published from $name', ({ published, expected }) => {
    expect(normalizeItem(item({ title: 'x', published }), CONTEXT)).toMatchObject(expected);
  });

  it('contentHash follows the text and ignores the date', () => {
    const hash = (fields: Partial<FeedItem>) => normalizeItem(item(fields), CONTEXT)?.contentHash;
    expect(hash({ title: 'x', summary: 's', published: '2025-06-01' })).toBe(hash({ title: 'x', summary: 's', published: '2025-06-02' }));
    expect(hash({ title: 'x', summary: 's' })).not.toBe(hash({ title: 'x', summary: 's2' }));
  });
});
