import type { Destination, OutboxEntry } from '../core/alert.js';
import { digest } from '../core/story-id.js';
import { alertEmbeds, fitEmbeds } from '../deliver/alert-embed.js';
import { alertView, messageEmbeds } from './alert-view.js';
import { type Deliverer, DeliveryError } from '../deliver/deliverer.js';
import type { Logger } from '../log/logger.js';
import type { SqliteStore } from '../store/sqlite-store.js';

export interface DeliverDeps {
  store: SqliteStore;
  /** Sends to Discord (channels, webhooks) and the console. */
  deliverer: (destination: Destination) => Deliverer;
  /** A feed id's display name. */
  outletOf: (feedId: string) => string;
  maxEmbedsPerMessage: number;
  log: Logger;
  now: () => Date;
  /** Told when Discord refuses a destination for good, for the operators. */
  onBroken?: (destination: Destination, error: DeliveryError) => void;
}

export interface DeliveryReport {
  sent: number;
  /** Later reports listed by editing their story's message. */
  edited: number;
  retrying: number;
  failed: number;
  /** Stories whose summary is not made yet: they go out on a later round. */
  waiting: number;
}

/** Backoff of a destination that failed transiently: 5 s, 10 s, 20 s ... up to 10 minutes. */
const retryDelayMs = (attempts: number) => Math.min(5000 * 2 ** Math.max(0, attempts - 1), 600_000);

/**
 * Sends what the outbox holds, destination by destination, in order. A burst for one destination
 * is grouped up to `maxEmbedsPerMessage` alerts a message. Each message's rows are claimed with
 * its nonce before the first try, so after a crash the same message is sent again with the same
 * nonce and Discord returns the one it already made: never lost, never doubled.
 */
export async function deliverAlerts(deps: DeliverDeps): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, edited: 0, retrying: 0, failed: 0, waiting: 0 };
  for (const [destination, due] of deps.store.outbox.due(deps.now())) {
    const entries = due.filter((e) => e.kind === 'post');
    const batches = new Map<string, OutboxEntry[]>();
    // Messages already claimed (a retry, or a send whose outcome a crash hid) go out as they were.
    for (const entry of entries.filter((e) => e.batch)) batches.set(entry.batch!, [...(batches.get(entry.batch!) ?? []), entry]);
    const fresh = entries.filter((e) => !e.batch);
    const ready: Array<{ entry: OutboxEntry; embeds: ReturnType<typeof alertEmbeds> }> = [];
    for (const entry of fresh) {
      const view = alertView(deps, entry.storyId);
      if (!view) {
        report.waiting++;
        continue;
      }
      ready.push({ entry, embeds: alertEmbeds(view) });
    }
    // Group into messages: at most N alerts and within Discord's 6000-character total.
    let start = 0;
    for (const group of fitEmbeds(ready.flatMap((r) => r.embeds)).flatMap((message) => chunk(message, deps.maxEmbedsPerMessage))) {
      const members = ready.slice(start, start + group.length).map((r) => r.entry);
      start += group.length;
      const batch = digest('alert', destination, ...members.map((m) => String(m.id)));
      deps.store.outbox.claim(members.map((m) => m.id), batch);
      batches.set(batch, members);
    }
    let broken = false;
    for (const [batch, members] of batches) {
      const outcome = await sendBatch(deps, destination, batch, members);
      if (outcome === 'broken') {
        broken = true;
        break;
      }
      report[outcome] += members.length;
    }
    // Edits go after the posts, so a story posted this round can take its later reports at once.
    if (!broken) await deliverEdits(deps, destination, due.filter((e) => e.kind === 'edit'), report);
  }
  return report;
}

/**
 * A later report edits the message its story went out in (a PATCH is idempotent, so a retry or a
 * crash repeats it harmlessly). It waits while that message is not sent yet; the edits of one
 * message go as one PATCH. A story merged from two that had both gone out has two messages here:
 * both are edited, so each lists every report.
 */
async function deliverEdits(deps: DeliverDeps, destination: Destination, edits: OutboxEntry[], report: DeliveryReport): Promise<void> {
  const byMessages = new Map<string, { messageIds: string[]; rows: OutboxEntry[] }>();
  for (const edit of edits) {
    const clusterId = deps.store.story(edit.storyId)?.clusterId ?? edit.storyId;
    const posts = deps.store.outbox.postsOf(clusterId, destination).filter((post) => post.state !== 'failed');
    if (posts.length === 0) {
      deps.store.outbox.markFailed([edit.id], 'the story this report belongs to was never posted here');
      report.failed++;
    } else if (posts.some((post) => post.state !== 'sent' || !post.messageId)) report.waiting++;
    else {
      const messageIds = [...new Set(posts.map((post) => post.messageId!))];
      const key = messageIds.join(' ');
      const group = byMessages.get(key) ?? { messageIds, rows: [] };
      group.rows.push(edit);
      byMessages.set(key, group);
    }
  }
  for (const { messageIds, rows } of byMessages.values()) {
    try {
      for (const messageId of messageIds) {
        await deps.deliverer(destination).edit(destination, messageId, messageEmbeds(deps, deps.store.outbox.storiesInMessage(destination, messageId)));
      }
      deps.store.outbox.markSent(rows.map((row) => ({ id: row.id })), messageIds[0]!, deps.now());
      deps.log.child({ destination }).info({ reports: rows.length, messages: messageIds }, 'alert edited with later reports');
      report.edited += rows.length;
    } catch (raw) {
      const outcome = failed(deps, destination, rows, raw);
      if (outcome === 'broken') return;
      report[outcome] += rows.length;
    }
  }
}

/** What a failed send or edit leaves: retry later (transient), a broken destination (permanent), or a failed row (rejected). */
function failed(deps: DeliverDeps, destination: Destination, members: OutboxEntry[], raw: unknown): 'retrying' | 'failed' | 'broken' {
  const error = raw instanceof DeliveryError ? raw : new DeliveryError('transient', String(raw));
  const log = deps.log.child({ destination });
  switch (error.kind) {
    case 'permanent':
      deps.store.outbox.markBroken(destination, deps.now(), error.code, error.message);
      log.error({ code: error.code }, `destination broken, its alerts wait until it is fixed: ${error.message}`);
      deps.onBroken?.(destination, error);
      return 'broken';
    case 'rejected':
      deps.store.outbox.markFailed(members.map((m) => m.id), error.message);
      log.error({ code: error.code }, `Discord rejected the alert: ${error.message}`);
      return 'failed';
    case 'transient': {
      const attempts = Math.max(...members.map((m) => m.attempts)) + 1;
      deps.store.outbox.retryLater(members.map((m) => m.id), new Date(deps.now().getTime() + retryDelayMs(attempts)), error.message);
      log.warn({ attempts }, `alert delivery will be retried: ${error.message}`);
      return 'retrying';
    }
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function sendBatch(deps: DeliverDeps, destination: Destination, batch: string, members: OutboxEntry[]): Promise<'sent' | 'retrying' | 'failed' | 'broken'> {
  const views = members.map((m) => alertView(deps, m.storyId));
  // Reports may have joined since the message was grouped: shrink their list rather than exceed 6000.
  const embeds = messageEmbeds(deps, members.map((m) => m.storyId));
  const log = deps.log.child({ destination, batch });
  const deliverer = deps.deliverer(destination);
  try {
    // Tried before with no recorded answer (a crash, a lost response): it may be posted already.
    const earlier = members.some((m) => m.state === 'sending' && m.attempts > 0) ? await deliverer.findRecent?.(destination, members.map((m) => m.storyId)) : undefined;
    const { messageId } = earlier ? { messageId: earlier } : await deliverer.send(destination, { embeds, nonce: batch });
    const now = deps.now();
    deps.store.outbox.markSent(
      members.map((m, i) => {
        const view = views[i];
        return { id: m.id, ...(view && { latencyMs: Math.max(0, now.getTime() - Date.parse(view.published)) }) };
      }),
      messageId,
      now,
    );
    log.info({ alerts: members.length, messageId }, 'alerts sent');
    return 'sent';
  } catch (raw) {
    return failed(deps, destination, members, raw);
  }
}
