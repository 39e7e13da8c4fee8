import { StraitwatchError } from '../core/errors.js';
import type { ParsedFeed } from '../core/feed-item.js';
import { parseJsonFeed } from './parse-json-feed.js';
import { parseXmlFeed } from './parse-xml-feed.js';

/** Decoded feed text to items: JSON Feed or XML (RSS 0.9x/1.0/2.0, Atom), told apart by the first character. */
export async function parseFeed(text: string): Promise<ParsedFeed> {
  const start = /\S/.exec(text.replace(/^\uFEFF/, ''))?.[0];
  if (start === '{') return parseJsonFeed(text);
  if (start === '<') return parseXmlFeed(text);
  throw new StraitwatchError('parse-not-a-feed', start ? 'neither XML nor JSON' : 'empty document');
}
