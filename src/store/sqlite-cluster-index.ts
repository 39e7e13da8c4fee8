import type Database from 'better-sqlite3';
import type { ClusterFeatures } from '../cluster/cluster-features.js';
import type { ClusterCandidate, ClusterIndex } from '../cluster/memory-cluster-index.js';

/** Per key, the newest members within the window: a key shared by thousands (a weak entity) cannot flood the comparison. */
const PER_KEY = 24;
/**
 * Comparisons per new report, at most: the members sharing the most keys with it (a copy shares
 * most LSH bands, a translation several strong entities; a bystander one common key).
 */
const MAX_COMPARED = 64;
/** Parsed features of recent members, so a burst of reports of one event does not parse them again. */
const CACHE_SIZE = 4096;

/**
 * The clusterer's memory in SQLite: each member's features (and embedding) and its lookup keys.
 * Candidates are found by index seeks on (key, published time), so the cost of a new report is
 * flat however many stories are stored. Writes happen inside the caller's transaction (the one
 * that stores the report), so a report and its cluster assignment commit together.
 */
export class SqliteClusterIndex implements ClusterIndex {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      byKey: db.prepare<[string, number, number, number], { story_id: string }>(
        'SELECT story_id FROM cluster_keys WHERE key = ? AND published_ms BETWEEN ? AND ? ORDER BY published_ms DESC LIMIT ?',
      ),
      member: db.prepare<[string], { story_id: string; cluster_id: string; features: string; embedding: Buffer | null }>(
        'SELECT story_id, cluster_id, features, embedding FROM cluster_members WHERE story_id = ?',
      ),
      addMember: db.prepare<[string, string, number, string, Buffer | null]>(
        'INSERT OR REPLACE INTO cluster_members (story_id, cluster_id, published_ms, features, embedding) VALUES (?, ?, ?, ?, ?)',
      ),
      addKey: db.prepare<[string, number, string]>('INSERT OR IGNORE INTO cluster_keys (key, published_ms, story_id) VALUES (?, ?, ?)'),
      members: db.prepare<[string, number, number, number], { story_id: string }>(
        'SELECT story_id FROM cluster_members WHERE cluster_id = ? AND published_ms BETWEEN ? AND ? ORDER BY published_ms DESC LIMIT ?',
      ),
      merge: db.prepare<[string, string]>('UPDATE cluster_members SET cluster_id = ? WHERE cluster_id = ?'),
    };
  }

  private readonly cache = new Map<string, ClusterCandidate>();

  candidates(features: ClusterFeatures, windowMs: number): ClusterCandidate[] {
    const from = features.publishedMs - windowMs;
    const to = features.publishedMs + windowMs;
    const shared = new Map<string, number>();
    for (const key of new Set(features.keys)) {
      for (const row of this.s.byKey.all(key, from, to, PER_KEY)) shared.set(row.story_id, (shared.get(row.story_id) ?? 0) + 1);
    }
    const ranked = [...shared].sort((a, b) => b[1] - a[1]).slice(0, MAX_COMPARED);
    const out: ClusterCandidate[] = [];
    for (const [id] of ranked) {
      const candidate = this.member(id);
      if (candidate) out.push(candidate);
    }
    return out;
  }

  private member(id: string): ClusterCandidate | undefined {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const row = this.s.member.get(id);
    if (!row) return undefined;
    const candidate: ClusterCandidate = {
      storyId: row.story_id,
      clusterId: row.cluster_id,
      features: JSON.parse(row.features) as ClusterFeatures,
      ...(row.embedding && { embedding: [...new Float32Array(row.embedding.buffer, row.embedding.byteOffset, row.embedding.byteLength / 4)] }),
    };
    this.remember(candidate);
    return candidate;
  }

  private remember(candidate: ClusterCandidate): void {
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(candidate.storyId, candidate);
  }

  members(clusterId: string, fromMs: number, toMs: number, limit: number): ClusterCandidate[] {
    const out: ClusterCandidate[] = [];
    for (const row of this.s.members.all(clusterId, fromMs, toMs, limit)) {
      const member = this.member(row.story_id);
      if (member) out.push(member);
    }
    return out;
  }

  merge(from: string, into: string): void {
    if (from === into) return;
    this.s.merge.run(into, from);
    for (const cached of this.cache.values()) if (cached.clusterId === from) cached.clusterId = into;
  }

  add(storyId: string, clusterId: string, features: ClusterFeatures, embedding?: readonly number[]): void {
    const blob = embedding ? Buffer.from(new Float32Array(embedding).buffer) : null;
    this.s.addMember.run(storyId, clusterId, features.publishedMs, JSON.stringify(features), blob);
    for (const key of new Set(features.keys)) this.s.addKey.run(key, features.publishedMs, storyId);
    // Fresh members are the likeliest candidates of the next reports.
    this.cache.delete(storyId);
    this.remember({ storyId, clusterId, features, ...(embedding && { embedding }) });
  }
}
