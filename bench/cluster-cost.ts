import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Story } from '../src/core/story.js';
import { StoryClusterer, clusterThresholds } from '../src/pipeline/cluster-story.js';
import { SqliteClusterIndex } from '../src/store/sqlite-cluster-index.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { SeededRandom } from './seeded-random.js';

/**
 * npm run bench -- --cluster  (or: node --import tsx bench/cluster-cost.ts [--stories 100000])
 *
 * The cost of folding one new report as the store grows: builds a cluster index of N relevant
 * reports (about 1,100 a day over 90 days, in English, Chinese and Japanese, on a small shared
 * vocabulary of groups, places and numbers so lookup keys collide as real news does), and times
 * the assignment of 500 new reports, in the store's transaction, at 1k, 10k and 100k stored.
 */
const { values } = parseArgs({ options: { stories: { type: 'string', default: '100000' }, out: { type: 'string' } } });
const TOTAL = Number(values.stories);
const CHECKPOINTS = [1_000, 10_000, 100_000].filter((n) => n <= TOTAL);
const PROBES = 500;
const DAY = 86_400_000;
const START = Date.parse('2025-01-01T00:00:00Z');

const GROUPS = ['APT31', 'APT41', 'Volt Typhoon', 'Salt Typhoon', 'Lazarus Group', 'APT40', 'Mustang Panda', 'APT27', 'Flax Typhoon', 'MirrorFace'];
const PLACES = {
  en: ['Taiwan', 'Taipei', 'Kaohsiung', 'Hualien', 'Guangzhou', 'Beijing', 'the Czech Republic', 'the Philippines', 'Japan', 'Tainan'],
  zh: ['台湾', '台北', '高雄', '花莲', '广州', '北京', '捷克', '菲律宾', '日本', '台南'],
  ja: ['台湾', '台北', '高雄', '花蓮', '広州', '北京', 'チェコ', 'フィリピン', '日本', '台南'],
} as const;
const SECTORS = { en: ['telecom', 'government', 'defence', 'energy', 'semiconductor'], zh: ['电信', '政府', '国防', '能源', '半导体'], ja: ['通信', '政府', '防衛', 'エネルギー', '半導体'] } as const;
const TEMPLATES = {
  en: [
    (g: string, p: string, s: string, n: number) => `${g} hackers targeted ${p} ${s} networks, ${n} agencies say`,
    (g: string, p: string, s: string, n: number) => `${p} reports ${n} Chinese aircraft near the island as ${s} drills begin`,
    (g: string, p: string, s: string, n: number) => `Police in ${p} name ${n} suspects in ${s} hack blamed on ${g}`,
  ],
  zh: [
    (g: string, p: string, s: string, n: number) => `${g}黑客攻击${p}${s}网络 ${n}个机构受害`,
    (g: string, p: string, s: string, n: number) => `${p}国防部：共机${n}架次扰台 ${s}演习登场`,
    (g: string, p: string, s: string, n: number) => `${p}警方通缉${n}名嫌犯 涉${g}${s}入侵`,
  ],
  ja: [
    (g: string, p: string, s: string, n: number) => `${g}が${p}の${s}網を攻撃、${n}機関が被害`,
    (g: string, p: string, s: string, n: number) => `${p}周辺に中国軍機${n}機、${s}演習`,
    (g: string, p: string, s: string, n: number) => `${p}警察、${g}の${s}侵入で${n}人を指名手配`,
  ],
} as const;
const BCP47 = { en: 'en', zh: 'zh-Hans', ja: 'ja' } as const;

function report(random: SeededRandom, i: number, publishedMs: number): Story {
  const lang = (['en', 'zh', 'ja'] as const)[random.int(0, 2)]!;
  const group = GROUPS[random.int(0, GROUPS.length - 1)]!;
  const place = PLACES[lang][random.int(0, 9)]!;
  const sector = SECTORS[lang][random.int(0, 4)]!;
  const n = random.int(2, 60);
  const title = TEMPLATES[lang][random.int(0, 2)]!(group, place, sector, n);
  return {
    id: `r${i}`,
    feedId: `feed-${random.int(0, 299)}`,
    link: `https://example.org/${i}`,
    title,
    summary: `${title}. ${title.split(' ').reverse().join(' ')}`,
    content: '',
    categories: [],
    published: new Date(publishedMs).toISOString(),
    publishedEstimated: false,
    fetchedAt: new Date(publishedMs).toISOString(),
    contentHash: String(i),
    classification: { lang, bcp47: BCP47[lang], script: lang === 'en' ? 'Latn' : lang === 'zh' ? 'Hans' : 'Jpan', topics: ['apt'], scores: { apt: 0.8 }, groups: [group], matched: [] },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'straitwatch-cluster-bench-'));
const store = openSqliteStore(join(dir, 'cluster.db'));
const clusterer = new StoryClusterer(new SqliteClusterIndex(store.db), clusterThresholds());
const random = new SeededRandom(8);
const spanMs = 90 * DAY;
const publishedAt = (i: number) => START + Math.floor((i / TOTAL) * spanMs);

const rows: Array<{ stored: number; p50Us: number; p95Us: number; meanUs: number; folded: number }> = [];
let built = 0;
const buildStarted = performance.now();
for (const checkpoint of CHECKPOINTS) {
  store.db.transaction(() => {
    for (; built < checkpoint; built++) clusterer.assign(report(random, built, publishedAt(built)));
  })();
  // Probes arrive "now" (at the newest stored time), each in its own transaction like a feed's commit, rolled back so the store stays at the checkpoint.
  const timings: number[] = [];
  let folded = 0;
  const probe = store.db.transaction((story: Story) => {
    const started = performance.now();
    const cluster = clusterer.assign(story);
    timings.push((performance.now() - started) * 1000);
    if (cluster && cluster.clusterId !== story.id) folded++;
    throw new Error('rollback');
  });
  for (let p = 0; p < PROBES; p++) {
    try {
      probe(report(random, TOTAL + p, publishedAt(built - 1) - random.int(0, 6) * 3_600_000));
    } catch {
      // rolled back on purpose
    }
  }
  timings.sort((a, b) => a - b);
  const row = {
    stored: checkpoint,
    p50Us: Math.round(timings[Math.floor(PROBES * 0.5)]!),
    p95Us: Math.round(timings[Math.floor(PROBES * 0.95)]!),
    meanUs: Math.round(timings.reduce((a, b) => a + b, 0) / PROBES),
    folded,
  };
  rows.push(row);
  console.log(`${String(checkpoint).padStart(7)} stored: per new report p50 ${row.p50Us} µs, p95 ${row.p95Us} µs, mean ${row.meanUs} µs (${folded}/${PROBES} folded into a stored story)`);
}
const buildSeconds = (performance.now() - buildStarted) / 1000;
console.log(`built ${built} reports in ${buildSeconds.toFixed(1)} s (${Math.round((built / buildSeconds))} reports/s, including the probes)`);
if (values.out) writeFileSync(values.out, `${JSON.stringify({ date: new Date().toISOString(), rows, buildSeconds }, null, 2)}\n`);
store.close();
rmSync(dir, { recursive: true, force: true });
