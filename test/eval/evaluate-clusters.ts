import { join } from 'node:path';
import type { ClusterThresholds } from '../../src/cluster/cluster-thresholds.js';
import { StoryClusterer, clusterThresholds } from '../../src/pipeline/cluster-story.js';
import { foldReports } from '../../src/pipeline/fold-reports.js';
import { createUnderstanding } from '../../src/pipeline/understand-story.js';
import { SqliteClusterIndex } from '../../src/store/sqlite-cluster-index.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { CLUSTER_FIXTURE_DIR, type ClusterItem, type PairwiseScores, fixtureLabels, loadClusterFixture, pairwiseScores } from './cluster-metrics.js';

export const loadClusterSet = (name: 'dev' | 'heldout' | 'blind' | 'blind2' | 'blind3' | 'blind4') => loadClusterFixture(join(CLUSTER_FIXTURE_DIR, `${name}.jsonl`));

const understand = createUnderstanding({ topics: {} });

/**
 * The pipeline's own folding (StoryClusterer over the SQLite index, no embeddings), fed the
 * reports in publication order as feeds would deliver them.
 */
export async function predictClusters(items: readonly ClusterItem[], thresholds: ClusterThresholds = clusterThresholds()): Promise<Map<string, string>> {
  const store = openSqliteStore(':memory:');
  try {
    const ordered = [...items].sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
    const folded = await foldReports(ordered, understand, new StoryClusterer(new SqliteClusterIndex(store.db), thresholds));
    return new Map(folded.map((line) => [line.id, line.story]));
  } finally {
    store.close();
  }
}

const HOUR_MS = 3_600_000;

/**
 * The reports with every labeled event moved into one 72-hour span, each keeping its own spacing: event k
 * (in order of first report) starts at k × 4.5 h, mod 72 h. A stress test of false merges, closer to a busy
 * feed-day than the spread-out set, where the window keeps most events apart. Returned in time order.
 */
export function denseTimes<T extends { published: string; cluster: string; id: string }>(items: readonly T[]): T[] {
  const byTime = (a: T, b: T) => Date.parse(a.published) - Date.parse(b.published) || a.id.localeCompare(b.id);
  const ordered = [...items].sort(byTime);
  if (ordered.length === 0) return ordered;
  const base = Date.parse(ordered[0]!.published);
  const shift = new Map<string, number>();
  return ordered
    .map((item) => {
      if (!shift.has(item.cluster)) shift.set(item.cluster, base + ((shift.size * 4.5) % 72) * HOUR_MS - Date.parse(item.published));
      return { ...item, published: new Date(Date.parse(item.published) + shift.get(item.cluster)!).toISOString() };
    })
    .sort(byTime);
}

/** Baselines on the same reports: every report alone (what bots post today), and near-duplicates only (no cross-language evidence). */
export const CLUSTER_BASELINES: Record<string, (items: readonly ClusterItem[]) => Promise<Map<string, string>>> = {
  'every report alone': async (items) => new Map(items.map((item) => [item.id, item.id])),
  'wording only (MinHash)': (items) => predictClusters(items, { ...clusterThresholds(), crossLanguage: Number.POSITIVE_INFINITY, crossLanguageWeak: Number.POSITIVE_INFINITY, minSharedEntities: 1_000, supportReports: 0 }),
};

export async function scoreClusters(items: readonly ClusterItem[], predict: (items: readonly ClusterItem[]) => Promise<Map<string, string>> = predictClusters): Promise<PairwiseScores> {
  const { labels, languageOf } = fixtureLabels(items);
  return pairwiseScores(labels, await predict(items), languageOf);
}

/** Gold pairs the prediction split (missed) and predicted pairs gold keeps apart (false merges), for `npm run eval -- --errors`. */
export function clusterErrors(items: readonly ClusterItem[], predicted: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      const gold = a.cluster === b.cluster;
      const ours = predicted.get(a.id) === predicted.get(b.id);
      if (gold !== ours) out.push(`${gold ? 'missed' : 'FALSE MERGE'}: ${a.id} [${a.cluster}] ${a.title.slice(0, 50)}  ~  ${b.id} [${b.cluster}] ${b.title.slice(0, 50)}`);
    }
  }
  return out;
}
