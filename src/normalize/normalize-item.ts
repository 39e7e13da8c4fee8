import type { FeedItem } from '../core/feed-item.js';
import type { Story } from '../core/story.js';
import { digest, storyId } from '../core/story-id.js';
import { canonicalUrl } from './canonical-url.js';
import { htmlToText } from './html-to-text.js';
import { normalizeDate } from './normalize-date.js';

export interface NormalizeContext {
  feedId: string;
  /** The URL the feed was fetched from, after redirects: relative links resolve against it. */
  baseUrl: string;
  fetchedAt: Date;
}

// Bounds on stored text: a lead is a few sentences; whole articles are capped so one feed cannot bloat the store.
const MAX_TITLE = 500;
const MAX_SUMMARY = 2000;
const MAX_CONTENT = 20_000;
const DERIVED_SUMMARY = 400;

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  // Never leave half a surrogate pair.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** One parsed item to a Story, or undefined when it has nothing to show (no title, text or link). */
export function normalizeItem(item: FeedItem, context: NormalizeContext): Story | undefined {
  // Only an absolute guid is a permalink: resolved against the feed URL, "12345" became a page that does not exist.
  const link = canonicalUrl(item.link, context.baseUrl) ?? canonicalUrl(item.guid);
  const summaryText = item.summary ? htmlToText(item.summary) : '';
  const bodyText = clip(item.content ? htmlToText(item.content) : '', MAX_CONTENT);
  // An item with one short text (RSS <description> only) keeps it as the summary, not twice:
  // stored and indexed once. A long one gives its opening as the summary.
  const useBodyAsSummary = !summaryText && bodyText.length <= MAX_SUMMARY;
  const summary = useBodyAsSummary ? bodyText : clip(summaryText || clip(bodyText, DERIVED_SUMMARY), MAX_SUMMARY);
  const content = useBodyAsSummary ? '' : bodyText;
  const title = clip(item.title ? htmlToText(item.title, { keepParagraphs: false }) : '', MAX_TITLE) || clip(summary.split('\n')[0] ?? '', 120);
  if (!title && !link) return undefined;
  const contentHash = digest(title, summary, content);
  const guid = item.guid?.trim() || undefined;
  const { published, estimated } = normalizeDate(item.published, context.fetchedAt);
  return {
    id: storyId(context.feedId, { guid, link, contentHash }),
    feedId: context.feedId,
    ...(guid && { guid }),
    ...(link && { link }),
    title: title || link!,
    summary,
    content,
    ...(item.author?.trim() && { author: htmlToText(item.author, { keepParagraphs: false }) }),
    categories: item.categories.map((c) => htmlToText(c, { keepParagraphs: false })).filter(Boolean),
    published,
    publishedEstimated: estimated,
    fetchedAt: context.fetchedAt.toISOString(),
    contentHash,
  };
}
