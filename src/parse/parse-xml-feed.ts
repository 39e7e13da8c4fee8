import Parser from 'rss-parser';
import { StraitwatchError, errorMessage } from '../core/errors.js';
import type { FeedFormat, FeedItem, ParsedFeed } from '../core/feed-item.js';
import { repairXml } from './repair-xml.js';
import { xmlHref, xmlText } from './xml-text.js';

type RawItem = Record<string, unknown>;
type RawEntry = Record<string, unknown[] | undefined>;

/**
 * rss-parser dereferences fields it assumes are there (a <link> with no attributes, an
 * unparseable Atom date) and one such item would fail the whole feed. Items that trip it are
 * read by our own fallback instead, so a bad entry costs only itself.
 */
class TolerantParser extends Parser<Record<string, unknown>, RawItem> {
  parseItemAtom(entry: RawEntry): RawItem {
    // xml2js turns an empty <entry/> into "".
    if (typeof entry !== 'object' || entry === null) return {};
    try {
      return (Parser.prototype as unknown as { parseItemAtom(e: RawEntry): RawItem }).parseItemAtom.call(this, entry);
    } catch {
      const links = Array.isArray(entry.link) ? entry.link : [];
      const alternate = links.find((l) => (l as { $?: { rel?: string } }).$?.rel === 'alternate') ?? links[0];
      return {
        title: xmlText(entry.title?.[0]),
        link: xmlHref(alternate),
        id: xmlText(entry.id?.[0]),
        summary: xmlText(entry.summary?.[0]),
        content: xmlText(entry.content?.[0]),
        pubDate: xmlText(entry.published?.[0]) ?? xmlText(entry.updated?.[0]),
      };
    }
  }
}

const parserOptions = { defaultRSS: 2 as const, xml2js: { strict: true } };

function str(value: unknown): string | undefined {
  const text = xmlText(value);
  return text?.trim() ? text : undefined;
}

function toFeedItem(raw: RawItem): FeedItem {
  const categories = Array.isArray(raw.categories) ? raw.categories.map(xmlText).filter((c): c is string => !!c?.trim()) : [];
  // RSS puts the lead in <description> (rss-parser's `content`) and the body in content:encoded;
  // Atom has <summary> and <content>.
  const encoded = str(raw['content:encoded']);
  const summary = str(raw.summary) ?? (encoded ? str(raw.content) : undefined);
  const content = encoded ?? str(raw.content);
  return {
    guid: str(raw.guid) ?? str(raw.id) ?? str(raw['rdf:about']),
    link: typeof raw.link === 'string' ? raw.link : xmlHref(raw.link),
    title: str(raw.title),
    summary,
    content: summary === content ? undefined : content,
    author: str(raw.creator) ?? str(raw.author),
    categories,
    published: str(raw.pubDate) ?? str(raw.date) ?? str(raw.isoDate),
  };
}

function formatOf(xml: string): FeedFormat {
  if (/<feed[\s>]/.test(xml)) return 'atom';
  if (/<rdf:RDF[\s>]/.test(xml)) return 'rdf';
  return 'rss';
}

export async function parseXmlFeed(xml: string): Promise<ParsedFeed> {
  const repaired = repairXml(xml);
  let feed: Record<string, unknown> & { items: RawItem[] };
  try {
    // One parser per document: xml2js keeps state between parses and can call back twice after an error.
    feed = await new TolerantParser(parserOptions).parseString(repaired);
  } catch (error) {
    const message = errorMessage(error).split('\n')[0] ?? 'unknown error';
    if (/not recognized|Unable to parse/i.test(message)) throw new StraitwatchError('parse-not-a-feed', 'not an RSS, Atom or RDF document', { cause: error });
    // rss-parser dereferences <channel> and friends without checking: a TypeError means they are missing.
    if (error instanceof TypeError) throw new StraitwatchError('parse-not-a-feed', `well-formed XML, but not a complete feed (no <channel> or required element: ${message})`, { cause: error });
    throw new StraitwatchError('parse-malformed', `malformed XML (${message})`, { cause: error });
  }
  return {
    format: formatOf(repaired.slice(0, 4096)),
    title: str(feed.title),
    link: str(feed.link),
    items: (feed.items ?? []).map(toFeedItem),
  };
}
