import { clusterFeatures, type ClusterFeatures } from './cluster-features.js';
import type { ClusterInput } from './cluster-input.js';
import type { ClusterThresholds } from './cluster-thresholds.js';
import type { ClusterIndex } from './memory-cluster-index.js';
import { bestCluster, type ClusterMatch } from './match-story.js';

export interface StoryAssignment {
  /** The matched cluster, or the story's own id when it starts a new one. */
  clusterId: string;
  match?: ClusterMatch;
  features: ClusterFeatures;
}

const HOUR_MS = 3_600_000;

/** Puts one story into the cluster of the event it reports (or a new one) and adds it to the index. */
export function assignStory(
  input: ClusterInput,
  index: ClusterIndex,
  thresholds: ClusterThresholds,
  embedding?: readonly number[],
): StoryAssignment {
  const features = clusterFeatures(input);
  // A story polled again is matched against the others, not against its own earlier copy.
  const candidates = index.candidates(features, thresholds.windowHours * HOUR_MS).filter((c) => c.storyId !== input.id);
  const match = bestCluster(features, candidates, thresholds, embedding);
  const clusterId = match?.clusterId ?? input.id;
  index.add(input.id, clusterId, features, embedding);
  return match ? { clusterId, match, features } : { clusterId, features };
}
