import type { SearchRequest } from '../src/pipeline/search.js';
import { SeededRandom } from './seeded-random.js';

/** What a query is, as the latency table groups it. */
export type QueryKind = 'en word' | 'en phrase' | 'group alias' | 'zh 2-char' | 'zh phrase' | 'ja' | 'ko' | 'ru';
export type FilterKind = 'none' | 'topic' | 'lang' | 'since' | 'group';

export interface BenchQuery {
  kind: QueryKind;
  filter: FilterKind;
  request: SearchRequest;
}

// Words the corpus's phrasebooks use (so they have hits), from very common to rare; Chinese in both scripts.
const TERMS: Record<QueryKind, { terms: readonly string[]; lang: string }> = {
  'en word': { terms: ['taiwan', 'ministry', 'hackers', 'ransomware', 'typhoon', 'defence', 'vulnerability', 'museum', 'inflation', 'backdoor', 'espionage', 'chipmakers'], lang: 'en' },
  'en phrase': {
    terms: ['volt typhoon hackers', 'taiwan strait', 'median line', 'zero-day', 'critical infrastructure', 'defence ministry', 'data breach', 'coast guard shadows'],
    lang: 'en',
  },
  'group alias': {
    terms: ['Violet Typhoon', 'Zirconium', 'APT41', 'Volt Typhoon', 'Lazarus', 'Salt Typhoon', 'Brass Typhoon', '紫羅蘭颱風', 'Kimsuky', 'Mustang Panda', 'Fancy Bear'],
    lang: 'en',
  },
  'zh 2-char': { terms: ['台湾', '台灣', '國防', '国防', '駭客', '黑客', '漏洞', '颱風', '共機', '军机', '海巡'], lang: 'zh' },
  'zh phrase': { terms: ['台灣海峽', '台湾海峡', '國防部', '国防部', '勒索軟體', '勒索软件', '中共軍演', '解放军军机', '資安研究人員', '零時差漏洞', '东部战区'], lang: 'zh' },
  ja: { terms: ['サイバー攻撃', '脆弱性', 'ランサムウェア', '中国軍機', '台湾海峡', 'バックドア', '演習', '防衛'], lang: 'ja' },
  ko: { terms: ['대만', '국방부', '해킹조직', '취약점', '랜섬웨어', '군용기', '사이버 공격'], lang: 'ko' },
  ru: { terms: ['Тайвань', 'хакеры', 'уязвимость', 'учения', 'Тайваньского пролива', 'бэкдор', 'больниц', 'инфляция'], lang: 'ru' },
};

const FILTERS: ReadonlyArray<{ filter: FilterKind; weight: number }> = [
  { filter: 'none', weight: 40 },
  { filter: 'topic', weight: 15 },
  { filter: 'lang', weight: 15 },
  { filter: 'since', weight: 15 },
  { filter: 'group', weight: 15 },
];
const GROUP_FILTERS = ['APT31', 'Violet Typhoon', 'APT41', 'Volt Typhoon', 'Lazarus Group'];

export const QUERY_KINDS = Object.keys(TERMS) as QueryKind[];
export const FILTER_KINDS = FILTERS.map((f) => f.filter);

/** `count` queries, the same for the same seed: kinds in turn, then a random term, filter and page size. */
export function searchMix(count: number, seed: number): BenchQuery[] {
  const random = new SeededRandom(seed);
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const kind = QUERY_KINDS[i % QUERY_KINDS.length]!;
    const { terms, lang } = TERMS[kind];
    const { filter } = random.weighted(FILTERS);
    // /search shows 5 a page; the CLI's default is 20.
    const request: SearchRequest = { query: random.pick(terms), limit: random.next() < 0.6 ? 5 : 20 };
    if (filter === 'topic') request.topic = random.next() < 0.6 ? 'taiwan' : 'apt';
    if (filter === 'lang') request.lang = lang;
    if (filter === 'since') request.since = '30d';
    if (filter === 'group') request.group = random.pick(GROUP_FILTERS);
    queries.push({ kind, filter, request });
  }
  return queries;
}
