import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLUSTER_FIXTURE_DIR, fixtureLabels, loadClusterFixture, pairwiseScores } from './cluster-metrics.js';

// Six items in three gold clusters: A has 3 (two English, one Chinese), B has 2 (both Japanese), C has 1.
// Gold pairs: 3 in A + 1 in B = 4; cross-language gold pairs: a1–a2 and a2–a3 = 2.
const labels = new Map([
  ['a1', 'A'],
  ['a2', 'A'],
  ['a3', 'A'],
  ['b1', 'B'],
  ['b2', 'B'],
  ['c1', 'C'],
]);
const languageOf = new Map([
  ['a1', 'en'],
  ['a2', 'zh-Hant'],
  ['a3', 'en'],
  ['b1', 'ja'],
  ['b2', 'ja'],
  ['c1', 'en'],
]);
const predict = (stories: Record<string, string[]>) =>
  new Map(Object.entries(stories).flatMap(([story, ids]) => ids.map((id) => [id, story] as const)));

describe('pairwiseScores', () => {
  it.each([
    {
      name: 'perfect: the gold clustering itself',
      predicted: labels,
      want: { precision: 1, recall: 1, f1: 1, truePairs: 4, predictedPairs: 4, correctPairs: 4 },
    },
    {
      name: 'all merged: 15 predicted pairs, all 4 gold pairs among them',
      predicted: predict({ X: ['a1', 'a2', 'a3', 'b1', 'b2', 'c1'] }),
      want: { precision: 4 / 15, recall: 1, f1: (2 * (4 / 15)) / (4 / 15 + 1), truePairs: 4, predictedPairs: 15, correctPairs: 4 },
    },
    {
      name: 'all split: nothing predicted, so precision is 1 by convention and recall 0',
      predicted: predict({ X: ['a1'], Y: ['a2'], Z: ['a3'], U: ['b1'], V: ['b2'], W: ['c1'] }),
      want: { precision: 1, recall: 0, f1: 0, truePairs: 4, predictedPairs: 0, correctPairs: 0 },
    },
    {
      // X = {a1,a2,c1}: 3 pairs, only a1–a2 right; Y = {a3,b1,b2}: 3 pairs, only b1–b2 right.
      name: 'mixed: two right pairs out of six predicted and four true',
      predicted: predict({ X: ['a1', 'a2', 'c1'], Y: ['a3', 'b1', 'b2'] }),
      want: { precision: 1 / 3, recall: 1 / 2, f1: 0.4, truePairs: 4, predictedPairs: 6, correctPairs: 2 },
    },
  ])('$name', ({ predicted, want }) => {
    const got = pairwiseScores(labels, predicted);
    expect(got).toEqual({ ...want, precision: expect.closeTo(want.precision, 12), recall: expect.closeTo(want.recall, 12), f1: expect.closeTo(want.f1, 12) });
    expect(got).not.toHaveProperty('crossLanguage');
  });

  it('all singletons predicted for all-singleton gold: precision and recall are both 1', () => {
    const singles = new Map([
      ['x', 'X'],
      ['y', 'Y'],
    ]);
    expect(pairwiseScores(singles, singles)).toMatchObject({ precision: 1, recall: 1, f1: 1, truePairs: 0, predictedPairs: 0 });
  });

  it.each([
    { name: 'perfect', predicted: labels, precision: 1, recall: 1 },
    // X has cross pairs a1–a2 (right) and a2–c1; Y has a3–b1 and a3–b2; b1–b2 is same-language and not counted.
    { name: 'mixed', predicted: predict({ X: ['a1', 'a2', 'c1'], Y: ['a3', 'b1', 'b2'] }), precision: 1 / 4, recall: 1 / 2 },
    // Only b1–b2 merged: a same-language pair, so no cross-language pair is predicted.
    { name: 'only a same-language pair merged', predicted: predict({ X: ['a1'], Y: ['a2'], Z: ['a3'], U: ['b1', 'b2'], W: ['c1'] }), precision: 1, recall: 0 },
  ])('cross-language figures count only pairs of different languages: $name', ({ predicted, precision, recall }) => {
    expect(pairwiseScores(labels, predicted, languageOf).crossLanguage).toEqual({ precision: expect.closeTo(precision, 12), recall: expect.closeTo(recall, 12) });
  });

  it('counts pairs from cluster sizes, so 100,000 items in one cluster are cheap', () => {
    const many = new Map(Array.from({ length: 100_000 }, (_, i) => [`i${i}`, 'one'] as const));
    expect(pairwiseScores(many, many)).toMatchObject({ truePairs: 4_999_950_000, correctPairs: 4_999_950_000, precision: 1 });
  });

  it('ignores predicted ids that are not labeled', () => {
    expect(pairwiseScores(labels, new Map([...labels, ['extra', 'A']]))).toMatchObject({ precision: 1, recall: 1 });
  });

  it.each([
    { name: 'a labeled item has no prediction', predicted: predict({ X: ['a1', 'a2'] }), languages: undefined, message: /predicted has no entry for item "a3"/ },
    { name: 'a labeled item has no language', predicted: labels, languages: new Map([['a1', 'en']]), message: /languageOf has no entry for item "a2"/ },
  ])('names the missing item when $name', ({ predicted, languages, message }) => {
    expect(() => pairwiseScores(labels, predicted, languages)).toThrow(message);
  });
});

/** Pairs of cluster labels in the README's near-miss table for one set ("### dev", "### heldout"). */
function nearMissPairs(readme: string, set: string): Array<[string, string]> {
  const section = readme.split(/^### /m).find((s) => s.startsWith(`${set} `) || s.startsWith(`${set}\n`)) ?? '';
  return [...section.matchAll(/^\| `([a-z0-9-]+)` \| `([a-z0-9-]+)` \|/gm)].map((m) => [m[1]!, m[2]!]);
}

describe('cluster fixtures', () => {
  const readme = readFileSync(join(CLUSTER_FIXTURE_DIR, 'README.md'), 'utf8');
  const sets = [
    { set: 'dev', minNearMisses: 15 },
    { set: 'heldout', minNearMisses: 8 },
    { set: 'blind', minNearMisses: 10 },
    { set: 'blind2', minNearMisses: 12 },
    { set: 'blind3', minNearMisses: 12 },
    { set: 'blind4', minNearMisses: 12 },
  ] as const;
  const load = (set: string) => loadClusterFixture(join(CLUSTER_FIXTURE_DIR, `${set}.jsonl`));

  describe.each(sets)('$set.jsonl', ({ set, minNearMisses }) => {
    const items = load(set);
    const clusters = new Map<string, typeof items>();
    for (const item of items) clusters.set(item.cluster, [...(clusters.get(item.cluster) ?? []), item]);

    it('every line is a valid item with a unique id and link', () => {
      const lines = readFileSync(join(CLUSTER_FIXTURE_DIR, `${set}.jsonl`), 'utf8').split('\n').filter((l) => l.trim());
      expect(items).toHaveLength(lines.length);
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
      expect(new Set(items.map((i) => i.link)).size).toBe(items.length);
      for (const item of items) expect(item.id).toMatch(new RegExp(`^c-${set}-\\d{3}$`));
    });

    it('has at least 3 languages and mostly multi-language clusters', () => {
      expect(new Set(items.map((i) => i.feedLanguage)).size).toBeGreaterThanOrEqual(3);
      const multiItem = [...clusters.values()].filter((c) => c.length > 1);
      const multiLanguage = multiItem.filter((c) => new Set(c.map((i) => i.feedLanguage)).size > 1);
      expect(multiLanguage.length / multiItem.length).toBeGreaterThanOrEqual(0.75);
      expect(clusters.size - multiItem.length, 'singletons').toBeGreaterThan(0);
    });

    it('reports of one event fall within 48 hours', () => {
      for (const [cluster, members] of clusters) {
        const times = members.map((i) => Date.parse(i.published));
        expect(Math.max(...times) - Math.min(...times), cluster).toBeLessThanOrEqual(48 * 3_600_000);
      }
    });

    it(`README lists at least ${minNearMisses} near-miss pairs, all of them clusters of this set`, () => {
      const pairs = nearMissPairs(readme, set);
      expect(pairs.length).toBeGreaterThanOrEqual(minNearMisses);
      for (const [a, b] of pairs) {
        expect(clusters.has(a), `${a} in ${set}`).toBe(true);
        expect(clusters.has(b), `${b} in ${set}`).toBe(true);
        expect(a).not.toBe(b);
      }
    });
  });

  it('dev and heldout report different events', () => {
    const dev = new Set(load('dev').map((i) => i.cluster));
    expect(load('heldout').filter((i) => dev.has(i.cluster))).toEqual([]);
  });

  it('blind reports events that are in neither dev nor heldout', () => {
    const earlier = new Set([...load('dev'), ...load('heldout')].map((i) => i.cluster));
    expect(load('blind').filter((i) => earlier.has(i.cluster))).toEqual([]);
  });

  it('blind2 reports events that are in none of the earlier sets', () => {
    const earlier = new Set([...load('dev'), ...load('heldout'), ...load('blind')].map((i) => i.cluster));
    expect(load('blind2').filter((i) => earlier.has(i.cluster))).toEqual([]);
  });

  it('blind3 reports events that are in none of the earlier sets', () => {
    const earlier = new Set([...load('dev'), ...load('heldout'), ...load('blind'), ...load('blind2')].map((i) => i.cluster));
    expect(load('blind3').filter((i) => earlier.has(i.cluster))).toEqual([]);
  });

  it('blind4 reports events that are in none of the earlier sets', () => {
    const earlier = new Set([...load('dev'), ...load('heldout'), ...load('blind'), ...load('blind2'), ...load('blind3')].map((i) => i.cluster));
    expect(load('blind4').filter((i) => earlier.has(i.cluster))).toEqual([]);
  });

  it('fixtureLabels gives the maps pairwiseScores takes; the gold scores itself perfectly', () => {
    const { labels: gold, languageOf: languages } = fixtureLabels(load('dev'));
    expect(pairwiseScores(gold, gold, languages)).toMatchObject({ precision: 1, recall: 1, crossLanguage: { precision: 1, recall: 1 } });
  });
});
