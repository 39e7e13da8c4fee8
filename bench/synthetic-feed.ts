import { ACTORS, ENGLISH, OUTLET_LANGUAGES, TOPIC_WEIGHTS, VENDORS } from './phrasebooks/phrasebooks.js';
import type { Phrasebook, Topic } from './phrasebooks/phrasebook.js';
import { SeededRandom } from './seeded-random.js';

/** headline: title, link, guid, pubDate. lead: the same items plus a 2-3 sentence HTML description. */
export type FeedVariant = 'headline' | 'lead';
export const FEED_VARIANTS: readonly FeedVariant[] = ['headline', 'lead'];

export interface SyntheticFeed {
  xml: string;
  language: string;
  titleChars: number;
  leadChars: number;
}

// Outlets differ in the ways parsers care about; each feed takes one style from its seed.
type GuidStyle = 'permalink' | 'opaque' | 'none';
const NEWEST = Date.UTC(2025, 5, 3, 12, 0, 0);

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function slots(random: SeededRandom): Record<string, string> {
  return {
    n: String(random.int(3, 45)),
    m: String(random.int(2, 15)),
    pct: (0.5 + random.next() * 4.4).toFixed(1),
    actor: random.pick(ACTORS),
    vendor: random.pick(VENDORS),
    cve: `CVE-2025-${random.int(1000, 59999)}`,
  };
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? name);

function lead(book: Phrasebook, topic: Topic, values: Record<string, string>, random: SeededRandom): string {
  const pool = [...book.sentences[topic]];
  const sentences: string[] = [];
  const wanted = random.int(2, 3);
  let length = 0;
  // Two or three sentences, a fourth only when the first ones are too short for a real lead.
  while (pool.length && (sentences.length < wanted || (length < book.leadMinChars && sentences.length < 4))) {
    const [sentence] = pool.splice(random.int(0, pool.length - 1), 1);
    sentences.push(fill(sentence!, values));
    length += sentences[sentences.length - 1]!.length;
  }
  return sentences.join(book.leadMinChars >= 300 ? ' ' : '');
}

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/** Feed `index` of the corpus; the same index always gives the same items, in both variants. */
export function syntheticFeed(index: number, variant: FeedVariant, itemCount: number): SyntheticFeed {
  const random = new SeededRandom(index * 7919 + 17);
  const book = random.weighted(OUTLET_LANGUAGES).book;
  // A tenth of outlets are bilingual: some items in English among their own language.
  const englishShare = book !== ENGLISH && random.next() < 0.1 ? 0.2 : 0;
  const guidStyle: GuidStyle = random.weighted<{ style: GuidStyle }>([
    { style: 'permalink', weight: 6 },
    { style: 'opaque', weight: 3 },
    { style: 'none', weight: 1 },
  ]).style;
  const tracking = random.next() < 0.2 ? '?utm_source=rss&utm_medium=feed' : '';
  const cdata = random.next() < 0.5;
  const host = `www.outlet-${String(index).padStart(4, '0')}.example`;

  let titleChars = 0;
  let leadChars = 0;
  let published = NEWEST - index * 60_000;
  const items: string[] = [];
  for (let i = 0; i < itemCount; i++) {
    const itemBook = random.next() < englishShare ? ENGLISH : book;
    const topic = random.weighted(TOPIC_WEIGHTS).topic;
    const values = slots(random);
    const title = fill(random.pick(itemBook.headlines[topic]), values);
    const text = lead(itemBook, topic, values, random);
    published -= random.int(3, 90) * 60_000;
    const articleId = index * 100_000 + i;
    const day = new Date(published).toISOString().slice(0, 10).replace(/-/g, '/');
    const link = `https://${host}/news/${day}/${slug(title) || 'article'}-${articleId}${tracking}`;
    titleChars += title.length;
    const parts = [`<title>${escapeXml(title)}</title>`, `<link>${escapeXml(link)}</link>`];
    if (guidStyle === 'permalink') parts.push(`<guid isPermaLink="true">${escapeXml(link)}</guid>`);
    if (guidStyle === 'opaque') parts.push(`<guid isPermaLink="false">${host}:${articleId}</guid>`);
    parts.push(`<pubDate>${new Date(published).toUTCString()}</pubDate>`);
    if (variant === 'lead') {
      leadChars += text.length;
      const html = `<p>${text}</p>`;
      parts.push(cdata ? `<description><![CDATA[${html}]]></description>` : `<description>${escapeXml(html)}</description>`);
    }
    items.push(`<item>${parts.join('')}</item>`);
  }
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>' +
    `<title>Outlet ${index}</title><link>https://${host}/</link><description>News from outlet ${index}</description>` +
    `<language>${book.language}</language><lastBuildDate>${new Date(NEWEST - index * 60_000).toUTCString()}</lastBuildDate>` +
    `\n${items.join('\n')}\n</channel></rss>\n`;
  return { xml, language: book.language, titleChars, leadChars };
}
