import { describe, expect, it } from 'vitest';
import { clusterFeatures } from '../../src/cluster/cluster-features.js';
import { MemoryClusterIndex } from '../../src/cluster/memory-cluster-index.js';
import { BOUNTY_REPORTS } from './bounty-reports.js';

const HOUR = 3_600_000;
const [EN, ZH_HANT] = BOUNTY_REPORTS;

describe('MemoryClusterIndex', () => {
  it('returns stories that share a key, within the window either side', () => {
    const index = new MemoryClusterIndex();
    index.add('a', 'a', clusterFeatures(EN!));
    const features = clusterFeatures(ZH_HANT!);
    expect(index.candidates(features, 72 * HOUR).map((c) => c.storyId)).toEqual(['a']);
    expect(index.candidates({ ...features, publishedMs: features.publishedMs + 100 * HOUR }, 72 * HOUR)).toEqual([]);
    expect(index.candidates({ ...features, publishedMs: features.publishedMs - 100 * HOUR }, 72 * HOUR)).toEqual([]);
  });

  it('returns nothing for a story that shares no key', () => {
    const index = new MemoryClusterIndex();
    index.add('a', 'a', clusterFeatures(EN!));
    expect(index.candidates({ ...clusterFeatures(ZH_HANT!), keys: ['lsh0:none'] }, 72 * HOUR)).toEqual([]);
  });

  it('returns each story once, however many keys it shares', () => {
    const index = new MemoryClusterIndex();
    const features = clusterFeatures(EN!);
    index.add('a', 'a', features);
    expect(index.candidates(features, HOUR)).toHaveLength(1);
  });

  it('replaces what it holds for a story added again', () => {
    const index = new MemoryClusterIndex();
    const features = clusterFeatures(EN!);
    index.add('a', 'first', features);
    index.add('a', 'second', features, [1, 0]);
    expect(index.candidates(features, HOUR)).toEqual([{ storyId: 'a', clusterId: 'second', features, embedding: [1, 0] }]);
    expect(index.size).toBe(1);
  });
});
