import { clusterFeatures, type ClusterFeatures } from './cluster-features.js';
import type { ClusterInput } from './cluster-input.js';
import type { ClusterThresholds } from './cluster-thresholds.js';
import { type ClusterIndex, MEMBERS_COMPARED } from './memory-cluster-index.js';
import { type ClusterMatch, clusterMatches, type MatchSide } from './match-story.js';
import { storiesAgree } from './merge-stories.js';
import { supportedCluster } from './story-support.js';

export interface StoryAssignment {
  /** The matched cluster, or the story's own id when it starts a new one. */
  clusterId: string;
  match?: ClusterMatch;
  features: ClusterFeatures;
  /** Stories this report showed to be the same event as its own, merged into `clusterId`; usually none. */
  absorbed: string[];
  /** How many of the story's reports agreed, when the report joined it by their support rather than a match. */
  supportedBy?: number;
}

const HOUR_MS = 3_600_000;

/**
 * Puts one story into the cluster of the event it reports (or a new one) and adds it to the index.
 * A report that matches no report outright joins the story most of whose reports agree with it
 * (supportReports). A report that matches two stories merges them when enough of their reports agree (mergeLinks):
 * the older story absorbs the newer.
 */
export function assignStory(input: ClusterInput, index: ClusterIndex, thresholds: ClusterThresholds, embedding?: readonly number[]): StoryAssignment {
  const features = clusterFeatures(input);
  const windowMs = thresholds.windowHours * HOUR_MS;
  // A story polled again is matched against the others, not against its own earlier copy.
  const candidates = index.candidates(features, windowMs).filter((c) => c.storyId !== input.id);
  const self: MatchSide = { features, embedding };
  const [match, ...others] = clusterMatches(self, candidates, thresholds);
  const support = match ? undefined : supportedCluster(self, candidates, index, thresholds, windowMs);
  let clusterId = match?.clusterId ?? support?.clusterId ?? input.id;
  const absorbed: string[] = [];
  if (thresholds.mergeLinks > 0) {
    const membersOf = (id: string) => index.members(id, features.publishedMs - windowMs, features.publishedMs + windowMs, MEMBERS_COMPARED);
    for (const other of others) {
      const mine = [...membersOf(clusterId), self];
      const theirs = membersOf(other.clusterId);
      if (theirs.length === 0 || !storiesAgree(mine, theirs, thresholds)) continue;
      const [older, newer] = olderFirst(clusterId, mine, other.clusterId, theirs);
      index.merge(newer, older);
      absorbed.push(newer);
      clusterId = older;
    }
  }
  index.add(input.id, clusterId, features, embedding);
  const assignment = { clusterId, features, absorbed };
  if (match) return { ...assignment, match };
  return support ? { ...assignment, supportedBy: support.agreeing } : assignment;
}

/** The story first reported earlier (then the smaller id) keeps its id: its alert went out first. */
function olderFirst(a: string, aMembers: readonly MatchSide[], b: string, bMembers: readonly MatchSide[]): [older: string, newer: string] {
  const first = (members: readonly MatchSide[]) => Math.min(...members.map((m) => m.features.publishedMs));
  const [fa, fb] = [first(aMembers), first(bMembers)];
  return fa < fb || (fa === fb && a < b) ? [a, b] : [b, a];
}
