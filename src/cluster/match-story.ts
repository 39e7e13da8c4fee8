import type { ClusterFeatures } from './cluster-features.js';
import type { ClusterThresholds } from './cluster-thresholds.js';
import { cosineSimilarity } from './cosine-similarity.js';
import { entityEvidence } from './entity-evidence.js';
import { jaccardEstimate } from './min-hash.js';

/** A stored story a new one may join, with the cluster it belongs to. */
export interface ClusterCandidate {
  storyId: string;
  clusterId: string;
  features: ClusterFeatures;
  embedding?: readonly number[];
}

export type MatchReason = 'near-duplicate' | 'shared-entities' | 'embedding';

export interface ClusterMatch {
  clusterId: string;
  /** Jaccard estimate, entity score or cosine, as `reason` says. */
  similarity: number;
  reason: MatchReason;
}

// Shared wording is the surest evidence, shared names the next; an embedding alone, the weakest.
const REASON_RANK: Record<MatchReason, number> = { 'near-duplicate': 3, 'shared-entities': 2, embedding: 1 };
const HOUR_MS = 3_600_000;

function matchCandidate(
  story: ClusterFeatures,
  candidate: ClusterCandidate,
  thresholds: ClusterThresholds,
  embedding: readonly number[] | undefined,
): ClusterMatch | undefined {
  const other = candidate.features;
  if (Math.abs(story.publishedMs - other.publishedMs) > thresholds.windowHours * HOUR_MS) return undefined;
  const evidence = entityEvidence(story, other);
  // Different groups, CVEs, counts or dates: two events, however alike the wording (templated reports are).
  if (evidence.conflict) return undefined;
  const { clusterId } = candidate;
  const jaccard = jaccardEstimate(story.signature, other.signature);
  if (jaccard >= thresholds.sameLanguage) return { clusterId, similarity: jaccard, reason: 'near-duplicate' };
  if (evidence.strongShared >= thresholds.minSharedEntities && evidence.score >= thresholds.crossLanguage) {
    return { clusterId, similarity: evidence.score, reason: 'shared-entities' };
  }
  if (embedding && candidate.embedding && evidence.strongShared >= 1) {
    const cosine = cosineSimilarity(embedding, candidate.embedding);
    if (cosine >= thresholds.embedding) return { clusterId, similarity: cosine, reason: 'embedding' };
  }
  return undefined;
}

function better(a: ClusterMatch, b: ClusterMatch | undefined): boolean {
  if (!b) return true;
  if (REASON_RANK[a.reason] !== REASON_RANK[b.reason]) return REASON_RANK[a.reason] > REASON_RANK[b.reason];
  if (a.similarity !== b.similarity) return a.similarity > b.similarity;
  return a.clusterId < b.clusterId;
}

/** The cluster whose closest story is surely the same event as `story`, if any. O(candidates). */
export function bestCluster(
  story: ClusterFeatures,
  candidates: readonly ClusterCandidate[],
  thresholds: ClusterThresholds,
  embedding?: readonly number[],
): ClusterMatch | undefined {
  let best: ClusterMatch | undefined;
  for (const candidate of candidates) {
    const match = matchCandidate(story, candidate, thresholds, embedding);
    if (match && better(match, best)) best = match;
  }
  return best;
}
