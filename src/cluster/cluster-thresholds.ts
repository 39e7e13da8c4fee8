export interface ClusterThresholds {
  /** Stories further apart than this are never one story, whatever they share. */
  windowHours: number;
  /** Minimum MinHash estimate of the Jaccard similarity of two texts' shingles for a near-duplicate. */
  sameLanguage: number;
  /** Minimum entity score (weighted Ochiai coefficient, 0..1) for stories that share no wording, as across languages. */
  crossLanguage: number;
  /** Minimum number of shared strong entities (weight ≥ 2: groups, CVEs, counts, people, specific places and bodies). */
  minSharedEntities: number;
  /** Minimum cosine similarity of two embeddings, when both stories have one. */
  embedding: number;
}

// Tuned for precision first on test/fixtures/clusters/dev.jsonl, spread out as labeled and with every
// event moved into one 72-hour span (scripts/eval-clusters-dev.ts, --dense).
export const DEFAULT_CLUSTER_THRESHOLDS = {
  // Follow-ups to an event arrive within three days; past that a group's or a place's next story is another
  // event. 48 changes nothing in dev; 96 already merges events four days apart.
  windowHours: 72,
  // No two reports of one event in dev reach 0.5 unless copied; templated reports of different events
  // (东部战区…联合利剑-2024A / -2024B) reach 0.68, which the window and conflicting designations keep apart.
  sameLanguage: 0.6,
  // 0.55 admits false merges in the dense set (precision 0.86 → 0.80) for 0.02 of recall in dev; 0.65 costs 0.04 of recall.
  crossLanguage: 0.6,
  // A score of 0.6 already means most of both stories' weight is shared. Requiring two strong entities
  // halves recall in dev (0.62 → 0.33) for 0.05 of precision in the dense set.
  minSharedEntities: 1,
  // Not measured here (dev has no embeddings); a cautious value for text-embedding-3-small, and a match
  // still needs one shared strong entity and no conflict.
  embedding: 0.85,
} as const satisfies ClusterThresholds;
