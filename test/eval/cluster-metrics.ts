import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

// Pairwise precision/recall for story clustering, and the loader for the labeled sets in
// test/fixtures/clusters/ (see the README there).

export const CLUSTER_FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'clusters');

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ClusterItemSchema = z.strictObject({
  id: z.string().regex(slug),
  title: z.string().min(1),
  summary: z.string().min(1),
  feedLanguage: z.string().regex(/^[a-z]{2}(?:-Hant|-Hans)?$/, 'a BCP 47 tag such as "en", "zh-Hant" or "cs"'),
  published: z.iso.datetime(),
  link: z.url({ protocol: /^https?$/ }),
  feed: z.string().regex(slug),
  /** The gold label: items with the same `cluster` report the same event. */
  cluster: z.string().regex(slug),
});

export type ClusterItem = z.infer<typeof ClusterItemSchema>;

/** Reads one JSONL set; a bad line or a repeated id throws with the file and line number. */
export function loadClusterFixture(path: string): ClusterItem[] {
  const items: ClusterItem[] = [];
  const lineOf = new Map<string, number>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (!line.trim()) return;
      const where = `${path}:${index + 1}`;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new Error(`${where}: not valid JSON; each line must be one JSON object`, { cause: error });
      }
      const parsed = ClusterItemSchema.safeParse(json);
      if (!parsed.success) throw new Error(`${where}: invalid item\n${z.prettifyError(parsed.error)}`);
      const earlier = lineOf.get(parsed.data.id);
      if (earlier !== undefined) throw new Error(`${where}: id "${parsed.data.id}" already used on line ${earlier}; ids must be unique`);
      lineOf.set(parsed.data.id, index + 1);
      items.push(parsed.data);
    });
  return items;
}

/** The maps `pairwiseScores` takes, read off a loaded set. */
export function fixtureLabels(items: readonly ClusterItem[]): { labels: Map<string, string>; languageOf: Map<string, string> } {
  return {
    labels: new Map(items.map((item) => [item.id, item.cluster])),
    languageOf: new Map(items.map((item) => [item.id, item.feedLanguage])),
  };
}

export interface PairwiseScores {
  /** Correct same-story pairs / predicted same-story pairs; 1 when nothing was merged. */
  precision: number;
  /** Correct same-story pairs / gold same-cluster pairs; 1 when the gold has no pairs. */
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  /** The same figures over pairs whose two items differ in language; present when `languageOf` is given. */
  crossLanguage?: { precision: number; recall: number };
}

interface PairCounts {
  all: number;
  crossLanguage: number;
}

const pairsAmong = (n: number) => (n * (n - 1)) / 2;
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/**
 * Same-group pairs counted from group sizes, never enumerated: n items in a group make n(n-1)/2 pairs,
 * and the cross-language ones are those minus the pairs inside each language of the group.
 */
function countPairs(ids: readonly string[], groupOf: (id: string) => string, languageOf?: (id: string) => string): PairCounts {
  const groups = new Map<string, { size: number; perLanguage: Map<string, number> }>();
  for (const id of ids) {
    const key = groupOf(id);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { size: 0, perLanguage: new Map() }));
    group.size++;
    if (languageOf) {
      const language = languageOf(id);
      group.perLanguage.set(language, (group.perLanguage.get(language) ?? 0) + 1);
    }
  }
  let all = 0;
  let sameLanguage = 0;
  for (const group of groups.values()) {
    all += pairsAmong(group.size);
    for (const n of group.perLanguage.values()) sameLanguage += pairsAmong(n);
  }
  return { all, crossLanguage: all - sameLanguage };
}

function lookup(map: ReadonlyMap<string, string>, id: string, what: string): string {
  const value = map.get(id);
  if (value === undefined) throw new Error(`${what} has no entry for item "${id}"; give every labeled item one (a singleton story is fine)`);
  return value;
}

/**
 * Pairwise scores over all unordered pairs of the items in `labels` (id → gold cluster).
 * `predicted` (id → predicted story) must cover every labeled id; ids only in `predicted` are ignored.
 */
export function pairwiseScores(
  labels: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
  languageOf?: ReadonlyMap<string, string>,
): PairwiseScores {
  const ids = [...labels.keys()];
  const gold = (id: string) => lookup(labels, id, 'labels');
  const guess = (id: string) => lookup(predicted, id, 'predicted');
  // JSON keeps ("a-b", "c") and ("a", "b-c") apart, which joining with a separator might not.
  const both = (id: string) => JSON.stringify([gold(id), guess(id)]);
  const language = languageOf && ((id: string) => lookup(languageOf, id, 'languageOf'));

  const truth = countPairs(ids, gold, language);
  const guessed = countPairs(ids, guess, language);
  const correct = countPairs(ids, both, language);

  const precision = ratio(correct.all, guessed.all);
  const recall = ratio(correct.all, truth.all);
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    truePairs: truth.all,
    predictedPairs: guessed.all,
    correctPairs: correct.all,
    ...(language && {
      crossLanguage: {
        precision: ratio(correct.crossLanguage, guessed.crossLanguage),
        recall: ratio(correct.crossLanguage, truth.crossLanguage),
      },
    }),
  };
}
