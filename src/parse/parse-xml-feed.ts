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
    let item: RawItem;
    try {
      item = (Parser.prototype as unknown as { parseItemAtom(e: RawEntry): RawItem }).parseItemAtom.call(this, entry);
    } catch {
      item = {
        title: xmlText(entry.title?.[0]),
        id: xmlText(entry.id?.[0]),
        summary: xmlText(entry.summary?.[0]),
        content: xmlText(entry.content?.[0]),
      };
    }
    // rss-parser drops <category term>, rewrites dates with new Date() (a date without a zone
    // then depends on this machine's TZ) and takes a link without rel for a non-alternate one.
    return { ...item, link: atomLink(entry.link), pubDate: atomDate(entry), categories: atomCategories(entry.category) };
  }
}

// RFC 4287 §4.2.7.2: a link without rel is rel="alternate".
function atomLink(links: unknown[] | undefined): string | undefined {
  if (!Array.isArray(links)) return undefined;
  const rel = (link: unknown) => (link as { $?: { rel?: unknown } } | undefined)?.$?.rel;
  return xmlHref(links.find((link) => rel(link) === undefined || rel(link) === 'alternate') ?? links[0]);
}

function atomDate(entry: RawEntry): string | undefined {
  return str(entry.published?.[0]) ?? str(entry.updated?.[0]);
}

function atomCategories(categories: unknown[] | undefined): string[] {
  if (!Array.isArray(categories)) return [];
  const names = categories.map((category) => {
    const term = (category as { $?: { term?: unknown } } | undefined)?.$?.term;
    return typeof term === 'string' ? term : xmlText(category);
  });
  return names.filter((name): name is string => !!name?.trim());
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
