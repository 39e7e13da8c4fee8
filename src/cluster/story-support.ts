import type { ClusterThresholds } from './cluster-thresholds.js';
import { type ClusterCandidate, type ClusterIndex, MEMBERS_COMPARED } from './memory-cluster-index.js';
import { comparePair, type MatchSide } from './match-story.js';

/** Of a story's reports in the window, the share that must agree. */
const SUPPORT_SHARE = 0.5;
/** Stories read whole per report that matched none outright. */
const STORIES_READ = 3;

/**
 * The story most of whose reports agree with `self` moderately (supportScore) and none conflicts, when
 * at least supportReports do: for a report that matches no single report outright. Only stories among
 * the candidates' are considered; each is read whole (within the window) to count its reports.
 */
export function supportedCluster(
  self: MatchSide,
  candidates: readonly ClusterCandidate[],
  index: ClusterIndex,
  thresholds: ClusterThresholds,
  windowMs: number,
): { clusterId: string; agreeing: number } | undefined {
  if (thresholds.supportReports <= 0) return undefined;
  const agreeingCandidates = new Map<string, number>();
  for (const candidate of candidates) {
    const verdict = comparePair(self, candidate, thresholds);
    if (!verdict.conflict && verdict.entityScore >= thresholds.supportScore) agreeingCandidates.set(candidate.clusterId, (agreeingCandidates.get(candidate.clusterId) ?? 0) + 1);
  }
  let best: { clusterId: string; agreeing: number } | undefined;
  const publishedMs = self.features.publishedMs;
  // The stories most candidates agree with; each is then read whole, so at most a few.
  const likeliest = [...agreeingCandidates].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, STORIES_READ);
  for (const [clusterId] of likeliest) {
    const members = index.members(clusterId, publishedMs - windowMs, publishedMs + windowMs, MEMBERS_COMPARED);
    let agreeing = 0;
    let conflict = false;
    for (const member of members) {
      const verdict = comparePair(self, member, thresholds);
      if (verdict.conflict) conflict = true;
      else if (verdict.entityScore >= thresholds.supportScore) agreeing++;
    }
    const enough = agreeing >= thresholds.supportReports && agreeing >= SUPPORT_SHARE * members.length;
    if (!conflict && enough && (!best || agreeing > best.agreeing || (agreeing === best.agreeing && clusterId < best.clusterId))) best = { clusterId, agreeing };
  }
  return best;
}
