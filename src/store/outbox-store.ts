import type Database from 'better-sqlite3';
import type { Destination, OutboxEntry } from '../core/alert.js';

interface OutboxRow {
  id: number;
  story_id: string;
  destination: string;
  state: string;
  batch: string | null;
  attempts: number;
  kind: string;
}

const entryFromRow = (row: OutboxRow): OutboxEntry => ({
  id: row.id,
  storyId: row.story_id,
  destination: row.destination as Destination,
  state: row.state as OutboxEntry['state'],
  ...(row.batch && { batch: row.batch }),
  attempts: row.attempts,
  kind: row.kind === 'edit' ? 'edit' : 'post',
});

export interface LatencyFigures {
  feed: string;
  alerts: number;
  p50Ms: number;
  p95Ms: number;
}

/** The alert outbox: what must be posted where, and what Discord answered. */
export class OutboxStore {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      add: db.prepare<[string, string, string, string]>(
        'INSERT INTO outbox (story_id, destination, created_at, kind) VALUES (?, ?, ?, ?) ON CONFLICT (story_id, destination) DO NOTHING',
      ),
      posted: db.prepare<[string], { destination: string }>(
        `SELECT DISTINCT o.destination FROM stories s JOIN outbox o ON o.story_id = s.id WHERE s.cluster_id = ? AND o.kind = 'post'`,
      ),
      postsOf: db.prepare<[string, string], { state: string; message_id: string | null }>(
        `SELECT o.state, o.message_id FROM stories s JOIN outbox o ON o.story_id = s.id
         WHERE s.cluster_id = ? AND o.destination = ? AND o.kind = 'post' ORDER BY o.id`,
      ),
      foldPending: db.prepare<{ absorbed: string; into: string }>(
        `UPDATE outbox SET kind = 'edit' WHERE kind = 'post' AND state = 'pending'
           AND story_id IN (SELECT id FROM stories WHERE cluster_id = @absorbed)
           AND destination IN (SELECT o.destination FROM stories s JOIN outbox o ON o.story_id = s.id
                               WHERE s.cluster_id = @into AND o.kind = 'post' AND o.state != 'failed')`,
      ),
      inMessage: db.prepare<[string, string], { story_id: string }>(
        `SELECT story_id FROM outbox WHERE destination = ? AND message_id = ? AND kind = 'post' ORDER BY id`,
      ),
      open: db.prepare<[string], OutboxRow>(
        `SELECT id, story_id, destination, state, batch, attempts, kind FROM outbox
         WHERE state IN ('pending', 'sending') AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
           AND destination NOT IN (SELECT destination FROM broken_destinations)
         ORDER BY destination, id`,
      ),
      claim: db.prepare<[string, number]>("UPDATE outbox SET state = 'sending', batch = ?, attempts = attempts + 1 WHERE id = ?"),
      sent: db.prepare<[string, string, number | null, number]>("UPDATE outbox SET state = 'sent', message_id = ?, sent_at = ?, latency_ms = ?, last_error = NULL WHERE id = ?"),
      retry: db.prepare<[string, string, number]>('UPDATE outbox SET next_attempt_at = ?, last_error = ?, attempts = attempts + 1 WHERE id = ?'),
      fail: db.prepare<[string, number]>("UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?"),
      breakDestination: db.prepare<[string, string, number | null, string]>(
        'INSERT OR REPLACE INTO broken_destinations (destination, broken_at, code, error) VALUES (?, ?, ?, ?)',
      ),
      broken: db.prepare<[], { destination: string; broken_at: string; code: number | null; error: string }>('SELECT * FROM broken_destinations ORDER BY destination'),
      repair: db.prepare<[string]>('DELETE FROM broken_destinations WHERE destination = ?'),
      counts: db.prepare<[], { state: string; n: number }>("SELECT state, count(*) AS n FROM outbox WHERE kind = 'post' GROUP BY state"),
      edits: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE kind = 'edit' AND state = 'sent'"),
      latencies: db.prepare<[string], { feed_id: string; latency_ms: number }>(
        `SELECT s.feed_id, o.latency_ms FROM outbox o JOIN stories s ON s.id = o.story_id
         WHERE o.state = 'sent' AND o.kind = 'post' AND o.latency_ms IS NOT NULL AND o.sent_at >= ? ORDER BY s.feed_id, o.latency_ms`,
      ),
      messageOf: db.prepare<[string, string], { message_id: string | null; state: string }>('SELECT message_id, state FROM outbox WHERE story_id = ? AND destination = ?'),
    };
  }

  /** Queues a story for each destination; called inside the transaction that stores the story. */
  add(storyId: string, destinations: readonly Destination[], now: Date, kind: OutboxEntry['kind'] = 'post'): void {
    for (const destination of destinations) this.s.add.run(storyId, destination, now.toISOString(), kind);
  }

  /** Where a story (cluster) has an alert posted or queued. */
  postedDestinations(clusterId: string): Destination[] {
    return this.s.posted.all(clusterId).map((row) => row.destination as Destination);
  }

  /**
   * The story's alerts at a destination, first queued first: their states and, once sent, their
   * messages. One, unless two stories that had both gone out were merged.
   */
  postsOf(clusterId: string, destination: Destination): Array<{ state: OutboxEntry['state']; messageId?: string }> {
    return this.s.postsOf.all(clusterId, destination).map((row) => ({ state: row.state as OutboxEntry['state'], ...(row.message_id && { messageId: row.message_id }) }));
  }

  /**
   * Called when story `absorbed` merges into `into`, before its reports are relabelled: its alerts
   * not sent yet, where `into` has one, become edits of that one instead of second messages.
   */
  foldPendingPosts(absorbed: string, into: string): void {
    this.s.foldPending.run({ absorbed, into });
  }

  /** The stories whose alerts make up one sent message, in their order in it. */
  storiesInMessage(destination: Destination, messageId: string): string[] {
    return this.s.inMessage.all(destination, messageId).map((row) => row.story_id);
  }

  /** Messages edited to list later reports. */
  editsSent(): number {
    return this.s.edits.get()!.n;
  }

  /** Rows to send now, grouped by destination in queue order; rows of a broken destination wait. */
  due(now: Date): Map<Destination, OutboxEntry[]> {
    const byDestination = new Map<Destination, OutboxEntry[]>();
    for (const row of this.s.open.all(now.toISOString())) {
      const entry = entryFromRow(row);
      byDestination.set(entry.destination, [...(byDestination.get(entry.destination) ?? []), entry]);
    }
    return byDestination;
  }

  /** Fixes the message nonce of these rows before the first send, in one transaction. */
  claim(ids: readonly number[], batch: string): void {
    this.db.transaction(() => ids.forEach((id) => this.s.claim.run(batch, id)))();
  }

  markSent(entries: ReadonlyArray<{ id: number; latencyMs?: number }>, messageId: string, now: Date): void {
    this.db.transaction(() => entries.forEach((e) => this.s.sent.run(messageId, now.toISOString(), e.latencyMs ?? null, e.id)))();
  }

  retryLater(ids: readonly number[], at: Date, error: string): void {
    this.db.transaction(() => ids.forEach((id) => this.s.retry.run(at.toISOString(), error, id)))();
  }

  markFailed(ids: readonly number[], error: string): void {
    this.db.transaction(() => ids.forEach((id) => this.s.fail.run(error, id)))();
  }

  markBroken(destination: Destination, now: Date, code: number | undefined, error: string): void {
    this.s.breakDestination.run(destination, now.toISOString(), code ?? null, error);
  }

  /** Forget that a destination was broken (its route was fixed in feeds.json): its alerts go out again. */
  repair(destination: Destination): void {
    this.s.repair.run(destination);
  }

  brokenDestinations(): Array<{ destination: string; brokenAt: string; code: number | null; error: string }> {
    return this.s.broken.all().map((r) => ({ destination: r.destination, brokenAt: r.broken_at, code: r.code, error: r.error }));
  }

  messageOf(storyId: string, destination: Destination): { messageId?: string; state?: string } {
    const row = this.s.messageOf.get(storyId, destination);
    return { ...(row?.message_id && { messageId: row.message_id }), ...(row && { state: row.state }) };
  }

  counts(): Record<'pending' | 'sending' | 'sent' | 'failed', number> {
    const counts = { pending: 0, sending: 0, sent: 0, failed: 0 };
    for (const row of this.s.counts.all()) counts[row.state as keyof typeof counts] = row.n;
    return counts;
  }

  /** Publication-to-post latency percentiles per feed and overall ("*"), for alerts sent since `since`. */
  latency(since: Date): LatencyFigures[] {
    const byFeed = new Map<string, number[]>();
    const all: number[] = [];
    for (const row of this.s.latencies.all(since.toISOString())) {
      byFeed.set(row.feed_id, [...(byFeed.get(row.feed_id) ?? []), row.latency_ms]);
      all.push(row.latency_ms);
    }
    const pick = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    const figures = [...byFeed].map(([feed, values]) => ({ feed, alerts: values.length, p50Ms: pick(values, 0.5), p95Ms: pick(values, 0.95) }));
    all.sort((a, b) => a - b);
    return all.length ? [{ feed: '*', alerts: all.length, p50Ms: pick(all, 0.5), p95Ms: pick(all, 0.95) }, ...figures] : [];
  }
}
