import { describe, expect, it } from 'vitest';
import { fixtureLabels, pairwiseScores } from './cluster-metrics.js';
import { loadClusterSet } from './evaluate-clusters.js';
import { pairwiseIntervals } from './pairwise-intervals.js';

// Twelve events of three reports each.
const labels = new Map(Array.from({ length: 36 }, (_, i) => [`r${i}`, `e${Math.floor(i / 3)}`]));

describe('pairwiseIntervals', () => {
  it('is a point where every event folds right', () => {
    const intervals = pairwiseIntervals(labels, labels);
    expect(intervals.precision).toEqual({ low: 1, high: 1 });
    expect(intervals.recall).toEqual({ low: 1, high: 1 });
  });

  it('is a point at zero recall where every report stands alone', () => {
    const alone = new Map([...labels.keys()].map((id) => [id, id]));
    expect(pairwiseIntervals(labels, alone).recall).toEqual({ low: 0, high: 0 });
  });

  it('spreads when events fare differently, around the score itself', () => {
    // Half the events folded whole, half left in pieces; one false merge of e0 and e1.
    const predicted = new Map([...labels].map(([id, event]) => [id, Number(event.slice(1)) % 2 === 0 ? event : id]));
    predicted.set('r3', 'e0');
    const point = pairwiseScores(labels, predicted);
    const intervals = pairwiseIntervals(labels, predicted);
    expect(intervals.recall.low).toBeLessThan(point.recall);
    expect(intervals.recall.high).toBeGreaterThan(point.recall);
    expect(intervals.precision.low).toBeLessThan(1);
    expect(intervals.precision.high).toBe(1);
  });

  it('counts two draws of one event as two events kept apart, not as a false merge', () => {
    // Two events folded right: a resample that draws one of them twice still has no false merge.
    const two = new Map([['a', 'x'], ['b', 'x'], ['c', 'y'], ['d', 'y']]);
    expect(pairwiseIntervals(two, two, { replicates: 50 }).precision).toEqual({ low: 1, high: 1 });
  });

  it('gives the same interval for the same seed', () => {
    const { labels: gold } = fixtureLabels(loadClusterSet('dev'));
    const alone = new Map([...gold.keys()].map((id, i) => [id, i % 2 === 0 ? gold.get(id)! : id]));
    expect(pairwiseIntervals(gold, alone, { seed: 7 })).toEqual(pairwiseIntervals(gold, alone, { seed: 7 }));
  });

  it('names a report the prediction lacks', () => {
    expect(() => pairwiseIntervals(labels, new Map())).toThrow(/no entry for item "r0"/);
  });
});
