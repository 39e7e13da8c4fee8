import { afterEach, describe, expect, it } from 'vitest';
import { clusterFeatures } from '../../src/cluster/cluster-features.js';
import { type ClusterIndex, MemoryClusterIndex } from '../../src/cluster/memory-cluster-index.js';
import { SqliteClusterIndex } from '../../src/store/sqlite-cluster-index.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { BOUNTY_REPORTS } from './bounty-reports.js';

const HOUR = 3_600_000;
const [EN, ZH_HANT, ZH_HANS] = BOUNTY_REPORTS.map((report) => clusterFeatures(report));

const stores: Array<{ close(): void }> = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

// The same contract for the index tests and evaluation use and the one the pipeline keeps in SQLite.
describe.each([
  { name: 'MemoryClusterIndex', make: (): ClusterIndex => new MemoryClusterIndex() },
  {
    name: 'SqliteClusterIndex',
    make: (): ClusterIndex => {
      const store = openSqliteStore(':memory:');
      stores.push(store);
      return new SqliteClusterIndex(store.db);
    },
  },
])('$name: members and merge', ({ make }) => {
  function twoStories() {
    const index = make();
    index.add('en', 'en', EN!);
    index.add('zh-hant', 'en', ZH_HANT!);
    index.add('zh-hans', 'zh-hans', ZH_HANS!);
    return index;
  }
  const ids = (index: ClusterIndex, cluster: string, from = 0, to = Number.MAX_SAFE_INTEGER) => index.members(cluster, from, to, 100).map((m) => m.storyId).sort();

  it("lists a story's members within a time span", () => {
    const index = twoStories();
    expect(ids(index, 'en')).toEqual(['en', 'zh-hant']);
    expect(ids(index, 'zh-hans')).toEqual(['zh-hans']);
    expect(ids(index, 'nobody')).toEqual([]);
    expect(ids(index, 'en', EN!.publishedMs + HOUR)).toEqual(['zh-hant']);
  });

  it('moves every member of one story into the other, for lookups and candidates alike', () => {
    const index = twoStories();
    index.merge('zh-hans', 'en');
    expect(ids(index, 'en')).toEqual(['en', 'zh-hans', 'zh-hant']);
    expect(ids(index, 'zh-hans')).toEqual([]);
    const candidates = index.candidates(EN!, 72 * HOUR);
    expect(candidates.length).toBeGreaterThan(0);
    expect(new Set(candidates.map((c) => c.clusterId))).toEqual(new Set(['en']));
  });

  it('lists at most the newest `limit` members, newest first', () => {
    const index = twoStories();
    expect(index.members('en', 0, Number.MAX_SAFE_INTEGER, 1).map((m) => m.storyId)).toEqual([ZH_HANT!.publishedMs > EN!.publishedMs ? 'zh-hant' : 'en']);
  });

  it('merging a story into itself changes nothing', () => {
    const index = twoStories();
    index.merge('en', 'en');
    expect(ids(index, 'en')).toEqual(['en', 'zh-hant']);
  });
});
