/** One entry as a parser read it from a feed, before normalization: text may still hold HTML, links may be relative. */
export interface FeedItem {
  guid?: string;
  link?: string;
  title?: string;
  /** Short description / summary, possibly HTML. */
  summary?: string;
  /** Full content, possibly HTML. */
  content?: string;
  author?: string;
  categories: string[];
  /** The date string as the feed gave it. */
  published?: string;
}

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

/** What a parser made of one feed document. */
export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  link?: string;
  items: FeedItem[];
}
