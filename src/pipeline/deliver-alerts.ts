import type { Destination, OutboxEntry } from '../core/alert.js';
import { digest } from '../core/story-id.js';
import { type AlertView, alertEmbeds, fitEmbeds } from '../deliver/alert-embed.js';
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
  retrying: number;
  failed: number;
  /** Stories whose summary is not made yet: they go out on a later round. */
  waiting: number;
}

/** Backoff of a destination that failed transiently: 5 s, 10 s, 20 s ... up to 10 minutes. */
const retryDelayMs = (attempts: number) => Math.min(5000 * 2 ** Math.max(0, attempts - 1), 600_000);

function alertView(deps: DeliverDeps, storyId: string): AlertView | undefined {
  const story = deps.store.story(storyId);
  if (!story) return undefined;
  const { summary, state } = deps.store.summaries.summaryOf(storyId);
  if (state === 'pending') return undefined;
  const translated = summary && summary.method === 'openai' && summary.headline !== story.title;
  return {
    storyId,
    title: summary?.headline ?? story.title,
    ...(translated && { originalTitle: story.title }),
    ...(story.link && { link: story.link }),
    summary: summary?.summary ?? story.summary,
    outlet: deps.outletOf(story.feedId),
    lang: story.classification?.bcp47 ?? 'und',
    published: story.published,
    topics: story.classification?.topics ?? [],
    groups: story.classification?.groups ?? [],
    scores: story.classification?.scores ?? {},
  };
}

/**
 * Sends what the outbox holds, destination by destination, in order. A burst for one destination
 * is grouped up to `maxEmbedsPerMessage` alerts a message. Each message's rows are claimed with
 * its nonce before the first try, so after a crash the same message is sent again with the same
 * nonce and Discord returns the one it already made: never lost, never doubled.
 */
export async function deliverAlerts(deps: DeliverDeps): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, waiting: 0 };
  for (const [destination, entries] of deps.store.outbox.due(deps.now())) {
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
    for (const [batch, members] of batches) {
      const outcome = await sendBatch(deps, destination, batch, members);
      if (outcome === 'broken') break;
      report[outcome] += members.length;
    }
  }
  return report;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function sendBatch(deps: DeliverDeps, destination: Destination, batch: string, members: OutboxEntry[]): Promise<'sent' | 'retrying' | 'failed' | 'broken'> {
  const views = members.map((m) => alertView(deps, m.storyId)).filter((v): v is AlertView => v !== undefined);
  const embeds = views.flatMap(alertEmbeds);
  const log = deps.log.child({ destination, batch });
  const deliverer = deps.deliverer(destination);
  try {
    // Tried before with no recorded answer (a crash, a lost response): it may be posted already.
    const earlier = members.some((m) => m.state === 'sending' && m.attempts > 0) ? await deliverer.findRecent?.(destination, members.map((m) => m.storyId)) : undefined;
    const { messageId } = earlier ? { messageId: earlier } : await deliverer.send(destination, { embeds, nonce: batch });
    const now = deps.now();
    deps.store.outbox.markSent(
      members.map((m, i) => ({ id: m.id, latencyMs: views[i] ? Math.max(0, now.getTime() - Date.parse(views[i]!.published)) : undefined })),
      messageId,
      now,
    );
    log.info({ alerts: members.length, messageId }, 'alerts sent');
    return 'sent';
  } catch (raw) {
    const error = raw instanceof DeliveryError ? raw : new DeliveryError('transient', String(raw));
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
}
