import { z } from 'zod';
import { StraitwatchError } from '../core/errors.js';
import type { FeedItem, ParsedFeed } from '../core/feed-item.js';

const text = z.string().optional().catch(undefined);
const Author = z.object({ name: text }).partial();

// Lenient on purpose: a wrong-typed field is dropped, not fatal (JSON Feed 1.0 and 1.1, https://jsonfeed.org).
const JsonFeedItem = z.object({
  id: z.union([z.string(), z.number()]).transform(String).optional().catch(undefined),
  url: text,
  external_url: text,
  title: text,
  content_html: text,
  content_text: text,
  summary: text,
  date_published: text,
  date_modified: text,
  author: Author.optional().catch(undefined),
  authors: z.array(Author).optional().catch(undefined),
  tags: z.array(z.string()).optional().catch(undefined),
});

const JsonFeed = z.object({
  version: z.string(),
  title: text,
  home_page_url: text,
  items: z.array(z.unknown()),
});

function toFeedItem(raw: unknown): FeedItem | undefined {
  const parsed = JsonFeedItem.safeParse(raw);
  if (!parsed.success) return undefined;
  const item = parsed.data;
  return {
    guid: item.id,
    link: item.url ?? item.external_url,
    title: item.title,
    summary: item.summary,
    content: item.content_html ?? item.content_text,
    author: item.authors?.[0]?.name ?? item.author?.name,
    categories: item.tags ?? [],
    published: item.date_published ?? item.date_modified,
  };
}

export function parseJsonFeed(json: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new StraitwatchError('parse-malformed', `malformed JSON (${(error as Error).message})`, { cause: error });
  }
  const feed = JsonFeed.safeParse(data);
  if (!feed.success) throw new StraitwatchError('parse-not-a-feed', 'JSON but not a JSON Feed: it needs "version" and an "items" array');
  return {
    format: 'json',
    title: feed.data.title,
    link: feed.data.home_page_url,
    items: feed.data.items.map(toFeedItem).filter((item): item is FeedItem => item !== undefined),
  };
}
