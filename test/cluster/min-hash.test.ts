import { describe, expect, it } from 'vitest';
import { bandKeys, jaccardEstimate, minHash, SIGNATURE_SIZE } from '../../src/cluster/min-hash.js';

const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('minHash', () => {
  it('has SIGNATURE_SIZE values, the same for the same set in any order', () => {
    const a = minHash(['a', 'b', 'c']);
    expect(a).toHaveLength(SIGNATURE_SIZE);
    expect(minHash(['c', 'a', 'b', 'a'])).toEqual(a);
  });

  it('is empty for no shingles, and an empty signature matches nothing', () => {
    expect(minHash([])).toEqual([]);
    expect(jaccardEstimate([], [])).toBe(0);
  });

  it.each([
    { name: 'identical', shared: 60, own: 0 },
    { name: 'half', shared: 40, own: 20 },
    { name: 'a fifth', shared: 20, own: 40 },
    { name: 'disjoint', shared: 0, own: 60 },
  ])('estimates Jaccard within 0.15: $name', ({ shared, own }) => {
    const common = words('s', shared);
    const estimate = jaccardEstimate(minHash([...common, ...words('a', own)]), minHash([...common, ...words('b', own)]));
    expect(Math.abs(estimate - shared / (shared + 2 * own))).toBeLessThan(0.15);
  });

  it('gives near-duplicates a shared band key, and unrelated sets none', () => {
    const base = words('w', 50);
    const keysOf = (set: string[]) => new Set(bandKeys(minHash(set)));
    const near = keysOf([...base.slice(0, 45), ...words('x', 5)]);
    expect([...keysOf(base)].some((key) => near.has(key))).toBe(true);
    expect([...keysOf(words('y', 50))].some((key) => near.has(key))).toBe(false);
  });
});
