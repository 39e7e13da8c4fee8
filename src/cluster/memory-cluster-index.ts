import type { ClusterFeatures } from './cluster-features.js';
import type { ClusterCandidate } from './match-story.js';

export type { ClusterCandidate };

/**
 * A story's newest reports in the window speak for it when a report is weighed against the whole
 * story (merging, support): comparing two stories costs up to this squared, and a burst of 300
 * reports of one event must not make each new one slow.
 */
export const MEMBERS_COMPARED = 16;

/** Where stories wait to be clustered against: candidates share a key and fall within the window. */
export interface ClusterIndex {
  candidates(features: ClusterFeatures, windowMs: number): ClusterCandidate[];
  add(storyId: string, clusterId: string, features: ClusterFeatures, embedding?: readonly number[]): void;
  /** The newest `limit` members of a cluster published between `fromMs` and `toMs`, newest first. */
  members(clusterId: string, fromMs: number, toMs: number, limit: number): ClusterCandidate[];
  /** Moves every member of cluster `from` into cluster `into`. */
  merge(from: string, into: string): void;
}

/** First position in `list` (ordered by time) at or after `ms`. */
function lowerBound(list: readonly ClusterCandidate[], ms: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.features.publishedMs < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index in memory, for tests and evaluation. Each key keeps its stories in time order, so a
 * lookup reads only the window, however long the store is: what SQLite does with an index on (key, published).
 */
export class MemoryClusterIndex implements ClusterIndex {
  private readonly byKey = new Map<string, ClusterCandidate[]>();
  private readonly byStory = new Map<string, ClusterCandidate>();
  private readonly byCluster = new Map<string, Set<ClusterCandidate>>();

  candidates(features: ClusterFeatures, windowMs: number): ClusterCandidate[] {
    const found = new Map<string, ClusterCandidate>();
    for (const key of features.keys) {
      const list = this.byKey.get(key);
      if (!list) continue;
      const end = features.publishedMs + windowMs;
      for (let i = lowerBound(list, features.publishedMs - windowMs); i < list.length; i++) {
        const candidate = list[i]!;
        if (candidate.features.publishedMs > end) break;
        found.set(candidate.storyId, candidate);
      }
    }
    return [...found.values()];
  }

  add(storyId: string, clusterId: string, features: ClusterFeatures, embedding?: readonly number[]): void {
    // A story seen again (edited, re-polled) replaces what was stored for it.
    const previous = this.byStory.get(storyId);
    if (previous) {
      for (const key of previous.features.keys) {
        const list = this.byKey.get(key);
        if (list) list.splice(list.indexOf(previous), 1);
      }
      this.byCluster.get(previous.clusterId)?.delete(previous);
    }
    const entry: ClusterCandidate = embedding ? { storyId, clusterId, features, embedding } : { storyId, clusterId, features };
    this.byStory.set(storyId, entry);
    this.clusterSet(clusterId).add(entry);
    for (const key of new Set(features.keys)) {
      const list = this.byKey.get(key) ?? [];
      if (list.length === 0) this.byKey.set(key, list);
      // Stories mostly arrive in time order, so this is an append.
      let at = list.length;
      while (at > 0 && list[at - 1]!.features.publishedMs > features.publishedMs) at--;
      list.splice(at, 0, entry);
    }
  }

  members(clusterId: string, fromMs: number, toMs: number, limit: number): ClusterCandidate[] {
    return [...(this.byCluster.get(clusterId) ?? [])]
      .filter((m) => m.features.publishedMs >= fromMs && m.features.publishedMs <= toMs)
      .sort((a, b) => b.features.publishedMs - a.features.publishedMs)
      .slice(0, limit);
  }

  merge(from: string, into: string): void {
    const moving = this.byCluster.get(from);
    if (!moving || from === into) return;
    const target = this.clusterSet(into);
    // Entries are shared with the key lists, so relabelling them relabels every list they are in.
    for (const member of moving) {
      member.clusterId = into;
      target.add(member);
    }
    this.byCluster.delete(from);
  }

  private clusterSet(clusterId: string): Set<ClusterCandidate> {
    let set = this.byCluster.get(clusterId);
    if (!set) this.byCluster.set(clusterId, (set = new Set()));
    return set;
  }

  get size(): number {
    return this.byStory.size;
  }
}
