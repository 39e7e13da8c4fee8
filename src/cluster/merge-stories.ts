import type { ClusterThresholds } from './cluster-thresholds.js';
import { comparePair, type MatchSide } from './match-story.js';

/**
 * Whether two stories report one event: at least `mergeLinks` pairs of their reports match and no pair
 * conflicts. One matching pair is the evidence a single report needs to join a story; joining two
 * stories, each maybe already alerted, needs corroboration, since one unlucky pair (a typhoon and the
 * drills it cut short) would otherwise chain two events.
 */
export function storiesAgree(a: readonly MatchSide[], b: readonly MatchSide[], thresholds: ClusterThresholds): boolean {
  let links = 0;
  for (const x of a) {
    for (const y of b) {
      const verdict = comparePair(x, y, thresholds);
      if (verdict.conflict) return false;
      if (verdict.match) links++;
    }
  }
  return links >= thresholds.mergeLinks;
}
