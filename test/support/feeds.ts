/** Small feed documents for tests, built from item lists so each test says only what it needs. */
export interface TestItem {
  guid?: string;
  title: string;
  link?: string;
  description?: string;
  pubDate?: string;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss2(items: TestItem[], options: { encoding?: string; title?: string } = {}): string {
  const body = items
    .map(
      (item) =>
        `<item><title>${escapeXml(item.title)}</title>` +
        (item.link ? `<link>${escapeXml(item.link)}</link>` : '') +
        (item.guid ? `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>` : '') +
        (item.description ? `<description>${escapeXml(item.description)}</description>` : '') +
        (item.pubDate ? `<pubDate>${item.pubDate}</pubDate>` : '') +
        '</item>',
    )
    .join('');
  return `<?xml version="1.0" encoding="${options.encoding ?? 'UTF-8'}"?><rss version="2.0"><channel><title>${escapeXml(options.title ?? 'test')}</title><link>https://example.org/</link><description>test feed</description>${body}</channel></rss>`;
}

export function atom(items: TestItem[], options: { encoding?: string } = {}): string {
  const entries = items
    .map(
      (item) =>
        `<entry><title>${escapeXml(item.title)}</title><id>${escapeXml(item.guid ?? item.link ?? item.title)}</id>` +
        (item.link ? `<link href="${escapeXml(item.link)}"/>` : '') +
        `<updated>${item.pubDate ?? '2025-06-03T00:00:00Z'}</updated>` +
        (item.description ? `<summary>${escapeXml(item.description)}</summary>` : '') +
        '</entry>',
    )
    .join('');
  return `<?xml version="1.0" encoding="${options.encoding ?? 'UTF-8'}"?><feed xmlns="http://www.w3.org/2005/Atom"><title>test</title><id>urn:test</id><updated>2025-06-03T00:00:00Z</updated>${entries}</feed>`;
}

export function jsonFeed(items: TestItem[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'test',
    items: items.map((item) => ({
      id: item.guid ?? item.link,
      url: item.link,
      title: item.title,
      content_text: item.description,
      date_published: item.pubDate,
    })),
  });
}
