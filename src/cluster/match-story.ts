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
  /** The stored report that matched best. */
  reportId: string;
  /** Jaccard estimate, entity score or cosine, as `reason` says. */
  similarity: number;
  reason: MatchReason;
}

// Shared wording is the surest evidence, shared names the next; an embedding alone, the weakest.
const REASON_RANK: Record<MatchReason, number> = { 'near-duplicate': 3, 'shared-entities': 2, embedding: 1 };
const HOUR_MS = 3_600_000;
/** Shared weight the crossLanguageWeak rule needs: drills, Lai, China and Taiwan (3); two briefs naming the coast guard and Taiwan (2.25) agree on too little. */
const WEAK_SHARED_WEIGHT = 3;

/** One report as the matcher sees it: its features and, when configured, its embedding. */
export interface MatchSide {
  features: ClusterFeatures;
  embedding?: readonly number[] | undefined;
}

/**
 * What comparing two reports says: that they cannot be one event, or how surely they are (if at all),
 * with their entity score (0 for reports further apart than the window) whatever the verdict.
 */
export type PairVerdict = { conflict: true } | { conflict: false; entityScore: number; match?: { similarity: number; reason: MatchReason } };

const APART: PairVerdict = { conflict: false, entityScore: 0 };

/** Whether two reports within the window are one event. Reports further apart than the window are neither match nor conflict. */
export function comparePair(a: MatchSide, b: MatchSide, thresholds: ClusterThresholds): PairVerdict {
  const apartMs = Math.abs(a.features.publishedMs - b.features.publishedMs);
  if (apartMs > thresholds.windowHours * HOUR_MS) return APART;
  const evidence = entityEvidence(a.features, b.features);
  // Different groups, CVEs, counts or dates: two events, however alike the wording (templated reports are).
  if (evidence.conflict) return { conflict: true };
  const entityScore = evidence.score;
  const jaccard = jaccardEstimate(a.features.signature, b.features.signature);
  if (jaccard >= thresholds.sameLanguage) return { conflict: false, entityScore, match: { similarity: jaccard, reason: 'near-duplicate' } };
  const prompt = thresholds.promptHours > 0 && apartMs <= thresholds.promptHours * HOUR_MS;
  const scoreNeeded = prompt ? Math.min(thresholds.crossLanguage, thresholds.crossLanguagePrompt) : thresholds.crossLanguage;
  const strongEnough = evidence.strongShared >= thresholds.minSharedEntities && entityScore >= scoreNeeded;
  // Without a strong entity (Lai, an election, Taiwan), only near-total agreement on several names counts: two
  // briefs naming only "the coast guard" agree totally on nothing much.
  const weakEnough = entityScore >= thresholds.crossLanguageWeak && evidence.sharedWeight >= WEAK_SHARED_WEIGHT;
  if (strongEnough || weakEnough) return { conflict: false, entityScore, match: { similarity: entityScore, reason: 'shared-entities' } };
  if (a.embedding && b.embedding && evidence.strongShared >= 1) {
    const cosine = cosineSimilarity(a.embedding, b.embedding);
    if (cosine >= thresholds.embedding) return { conflict: false, entityScore, match: { similarity: cosine, reason: 'embedding' } };
  }
  return { conflict: false, entityScore };
}

function better(a: ClusterMatch, b: ClusterMatch | undefined): boolean {
  if (!b) return true;
  if (REASON_RANK[a.reason] !== REASON_RANK[b.reason]) return REASON_RANK[a.reason] > REASON_RANK[b.reason];
  if (a.similarity !== b.similarity) return a.similarity > b.similarity;
  return a.clusterId < b.clusterId;
}

/**
 * The best match in each cluster some candidate matches and none conflicts with, best cluster first: the first is
 * the story `story` joins. O(candidates).
 */
export function clusterMatches(story: MatchSide, candidates: readonly ClusterCandidate[], thresholds: ClusterThresholds): ClusterMatch[] {
  const byCluster = new Map<string, ClusterMatch>();
  const conflicting = new Set<string>();
  for (const candidate of candidates) {
    const verdict = comparePair(story, candidate, thresholds);
    if (verdict.conflict) conflicting.add(candidate.clusterId);
    else if (verdict.match) {
      const match = { clusterId: candidate.clusterId, reportId: candidate.storyId, ...verdict.match };
      if (better(match, byCluster.get(match.clusterId))) byCluster.set(match.clusterId, match);
    }
  }
  // A report that conflicts with any report of a story is not of that story, however well it matches another of
  // its reports: a brief naming no exercise matches reports of Strait Thunder and of Justice Mission alike, and
  // must not carry a Justice Mission report into the Strait Thunder story.
  return [...byCluster.values()].filter((match) => !conflicting.has(match.clusterId)).sort((a, b) => (better(a, b) ? -1 : 1));
}
