import { digest, storyId } from '../src/core/story-id.js';
import type { Story, StoryClassification } from '../src/core/story.js';
import { ENGLISH, OUTLET_LANGUAGES, VENDORS } from './phrasebooks/phrasebooks.js';
import type { Phrasebook, Topic } from './phrasebooks/phrasebook.js';
import { SeededRandom } from './seeded-random.js';

/** The newest story's date; `search()` gets it as `now`, so "30d" means the same stories on every run. */
export const CORPUS_NEWEST = Date.UTC(2025, 5, 3, 12, 0, 0);
const SPAN_MS = 730 * 86_400_000;
export const CORPUS_FEEDS = 1000;

// Stored stories are classified: taiwan and apt are the monitor's beats; the rest carry no topic.
const TOPIC_WEIGHTS: ReadonlyArray<{ topic: Topic; weight: number }> = [
  { topic: 'taiwan', weight: 30 },
  { topic: 'apt', weight: 20 },
  { topic: 'security', weight: 20 },
  { topic: 'other', weight: 30 },
];

// Outlets name a group by whichever alias their source used; the classifier stores the canonical name.
const GROUPS: ReadonlyArray<{ group: string; spellings: string[]; weight: number }> = [
  { group: 'APT31', spellings: ['APT31', 'Violet Typhoon', 'Zirconium', 'APT 31'], weight: 4 },
  { group: 'APT41', spellings: ['APT41', 'Brass Typhoon', 'Wicked Panda', 'BARIUM'], weight: 4 },
  { group: 'Volt Typhoon', spellings: ['Volt Typhoon', 'Vanguard Panda', 'Bronze Silhouette'], weight: 4 },
  { group: 'Lazarus Group', spellings: ['Lazarus', 'Lazarus Group', 'Diamond Sleet'], weight: 3 },
  { group: 'Salt Typhoon', spellings: ['Salt Typhoon', 'Earth Estries', 'GhostEmperor'], weight: 3 },
  { group: 'APT40', spellings: ['APT40', 'Leviathan', 'Gingham Typhoon'], weight: 2 },
  { group: 'Mustang Panda', spellings: ['Mustang Panda', 'Earth Preta', 'RedDelta'], weight: 2 },
  { group: 'Kimsuky', spellings: ['Kimsuky', 'Emerald Sleet', 'APT43'], weight: 2 },
  { group: 'Flax Typhoon', spellings: ['Flax Typhoon', 'Ethereal Panda'], weight: 1 },
  { group: 'APT28', spellings: ['APT28', 'Fancy Bear', 'Forest Blizzard'], weight: 1 },
  { group: 'Sandworm Team', spellings: ['Sandworm', 'APT44'], weight: 1 },
  { group: 'UNC3886', spellings: ['UNC3886'], weight: 1 },
];

const CLASSIFIED: Record<string, Pick<StoryClassification, 'lang' | 'bcp47' | 'script'>> = {
  en: { lang: 'eng', bcp47: 'en', script: 'Latn' },
  'zh-TW': { lang: 'cmn', bcp47: 'zh-Hant', script: 'Hant' },
  'zh-CN': { lang: 'cmn', bcp47: 'zh-Hans', script: 'Hans' },
  ja: { lang: 'jpn', bcp47: 'ja', script: 'Jpan' },
  ko: { lang: 'kor', bcp47: 'ko', script: 'Kore' },
  ru: { lang: 'rus', bcp47: 'ru', script: 'Cyrl' },
  fr: { lang: 'fra', bcp47: 'fr', script: 'Latn' },
  de: { lang: 'deu', bcp47: 'de', script: 'Latn' },
};

const TAIWAN = /taiwan|taïwan|台灣|台湾|臺灣|тайван|대만/i;

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? name);

interface Outlet {
  feedId: string;
  host: string;
  book: Phrasebook;
  englishShare: number;
}

const outlets = new Map<number, Outlet>();

/** Outlet `index`'s language, drawn as bench/synthetic-feed.ts draws it, so both corpora agree. */
function outlet(index: number): Outlet {
  let known = outlets.get(index);
  if (!known) {
    const random = new SeededRandom(index * 7919 + 17);
    const book = random.weighted(OUTLET_LANGUAGES).book;
    const englishShare = book !== ENGLISH && random.next() < 0.1 ? 0.2 : 0;
    const id = String(index).padStart(4, '0');
    known = { feedId: `outlet-${id}`, host: `www.outlet-${id}.example`, book, englishShare };
    outlets.set(index, known);
  }
  return known;
}

/**
 * Story `index` of `total`: the same arguments give the same story. Indexes run oldest to newest
 * over two years (an archive is stored in the order it was polled), with a few hours of jitter.
 */
export function corpusStory(index: number, total: number): Story {
  const random = new SeededRandom(index * 2_654_435_761 + 7);
  const source = outlet(random.int(0, CORPUS_FEEDS - 1));
  const book = random.next() < source.englishShare ? ENGLISH : source.book;
  const topic = random.weighted(TOPIC_WEIGHTS).topic;
  const actor = random.weighted(GROUPS);
  const spelling = random.pick(actor.spellings);
  const values = {
    n: String(random.int(3, 45)),
    m: String(random.int(2, 15)),
    pct: (0.5 + random.next() * 4.4).toFixed(1),
    actor: spelling,
    vendor: random.pick(VENDORS),
    cve: `CVE-${random.int(2023, 2025)}-${random.int(1000, 59999)}`,
  };
  const title = fill(random.pick(book.headlines[topic]), values);
  const pool = [...book.sentences[topic]];
  const sentences: string[] = [];
  for (let wanted = random.int(1, 3); sentences.length < wanted && pool.length; ) {
    sentences.push(fill(pool.splice(random.int(0, pool.length - 1), 1)[0]!, values));
  }
  const summary = sentences.join(book.leadMinChars >= 300 ? ' ' : '');
  const published = CORPUS_NEWEST - SPAN_MS + Math.floor((index / total) * SPAN_MS) - random.int(0, 6 * 3_600_000);
  const guid = `https://${source.host}/news/${index}`;
  const contentHash = digest(title, summary, '');
  const named = topic === 'apt' && `${title} ${summary}`.includes(spelling);
  // A campaign against Taiwanese targets is both beats, as the classifier would tag it.
  const aboutTaiwan = topic === 'apt' && TAIWAN.test(`${title} ${summary}`);
  const classification: StoryClassification = {
    ...CLASSIFIED[book.language]!,
    topics: topic === 'taiwan' ? ['taiwan'] : topic === 'apt' ? (aboutTaiwan ? ['apt', 'taiwan'] : ['apt']) : [],
    scores: { taiwan: topic === 'taiwan' ? 0.8 : aboutTaiwan ? 0.6 : 0.1, apt: topic === 'apt' ? 0.85 : 0.05 },
    groups: named ? [actor.group] : [],
    matched: named ? [{ term: spelling.toLowerCase(), in: title.includes(spelling) ? 'title' : 'text', topic: 'apt', group: actor.group }] : [],
  };
  return {
    id: storyId(source.feedId, { guid, contentHash }),
    feedId: source.feedId,
    guid,
    link: guid,
    title,
    summary,
    content: '',
    categories: [],
    published: new Date(published).toISOString(),
    publishedEstimated: false,
    fetchedAt: new Date(published + 5 * 60_000).toISOString(),
    contentHash,
    classification,
  };
}
