import { SeededRandom } from '../../bench/seeded-random.js';

export interface Interval {
  low: number;
  high: number;
}

export interface PairwiseIntervals {
  precision: Interval;
  recall: Interval;
  f1: Interval;
}

export interface IntervalOptions {
  /** Resampled sets; 1,000 puts the ends of a 95 % interval within about 0.01 of where more would. */
  replicates?: number;
  seed?: number;
  /** Share of the resampled scores the interval holds. */
  level?: number;
}

const pairsAmong = (n: number) => (n * (n - 1)) / 2;

/** Pair counts per gold event: its pairs, those folded together, and the pairs each other event was wrongly folded with. */
function eventCounts(labels: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, string>) {
  const events = [...new Set(labels.values())];
  const eventIndex = new Map(events.map((event, i) => [event, i]));
  // For each predicted story, how many of each event's reports it holds.
  const perStory = new Map<string, Map<number, number>>();
  for (const [id, event] of labels) {
    const story = predicted.get(id);
    if (story === undefined) throw new Error(`predicted has no entry for item "${id}"`);
    const counts = perStory.get(story) ?? new Map<number, number>();
    const e = eventIndex.get(event)!;
    counts.set(e, (counts.get(e) ?? 0) + 1);
    perStory.set(story, counts);
  }
  const sizes = new Array<number>(events.length).fill(0);
  for (const event of labels.values()) sizes[eventIndex.get(event)!]!++;
  const truePairs = sizes.map(pairsAmong);
  const foldedPairs = new Array<number>(events.length).fill(0);
  // wrong[e][f]: pairs of a report of e and one of f (e < f) folded into one story.
  const wrong = events.map(() => new Array<number>(events.length).fill(0));
  for (const counts of perStory.values()) {
    const entries = [...counts];
    for (const [e, n] of entries) foldedPairs[e]! += pairsAmong(n);
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        const [e, n] = entries[i]!;
        const [f, m] = entries[j]!;
        wrong[Math.min(e, f)]![Math.max(e, f)]! += n * m;
      }
    }
  }
  return { truePairs, foldedPairs, wrong };
}

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * sorted.length)))]!;

/**
 * How far pairwise precision, recall and F1 could move on another set like this one: a percentile bootstrap that
 * resamples whole events (their reports' pairs depend on one another), each drawn event keeping its reports and
 * how they were folded, and two draws of one event counting as two events that were kept apart.
 */
export function pairwiseIntervals(labels: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, string>, options: IntervalOptions = {}): PairwiseIntervals {
  const { replicates = 1000, seed = 1, level = 0.95 } = options;
  const { truePairs, foldedPairs, wrong } = eventCounts(labels, predicted);
  const k = truePairs.length;
  const random = new SeededRandom(seed);
  const scores = { precision: [] as number[], recall: [] as number[], f1: [] as number[] };
  const drawn = new Array<number>(k);
  for (let r = 0; r < replicates; r++) {
    drawn.fill(0);
    for (let i = 0; i < k; i++) drawn[random.int(0, k - 1)]!++;
    let correct = 0;
    let gold = 0;
    let falsePairs = 0;
    for (let e = 0; e < k; e++) {
      const times = drawn[e]!;
      if (times === 0) continue;
      correct += times * foldedPairs[e]!;
      gold += times * truePairs[e]!;
      for (let f = e + 1; f < k; f++) if (drawn[f]! > 0) falsePairs += times * drawn[f]! * wrong[e]![f]!;
    }
    const precision = correct + falsePairs === 0 ? 1 : correct / (correct + falsePairs);
    const recall = gold === 0 ? 1 : correct / gold;
    scores.precision.push(precision);
    scores.recall.push(recall);
    scores.f1.push(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall));
  }
  const tail = (1 - level) / 2;
  const interval = (values: number[]): Interval => {
    const sorted = values.sort((a, b) => a - b);
    return { low: quantile(sorted, tail), high: quantile(sorted, 1 - tail) };
  };
  return { precision: interval(scores.precision), recall: interval(scores.recall), f1: interval(scores.f1) };
}
