import type { Destination } from '../core/alert.js';
import { digest } from '../core/story-id.js';
import type { Deliverer } from '../deliver/deliverer.js';
import { discordText } from '../deliver/discord-text.js';
import type { Logger } from '../log/logger.js';
import type { FeedResult } from './poll-all.js';

export interface OpsNotice {
  title: string;
  detail: string;
  /** What the operator should do about it. */
  action: string;
  severity: 'problem' | 'recovered';
}

const COLORS = { problem: 0xd9534f, recovered: 0x5cb85c } as const;

/** The notice for a feed whose health changed in this poll, if it did. */
export function feedHealthNotice({ feed, outcome }: FeedResult): OpsNotice | undefined {
  if (outcome.health === 'became-unhealthy' && outcome.status === 'failed') {
    return {
      title: `Feed "${feed.id}" is unhealthy`,
      detail: `${outcome.consecutiveFailures} polls in a row failed. Last error: ${outcome.error.message}`,
      action: `Check ${feed.url} (straitwatch feeds check ${feed.id}); fix or disable the feed in feeds.json. It is polled at the backoff ceiling meanwhile.`,
      severity: 'problem',
    };
  }
  if (outcome.health === 'recovered') {
    return { title: `Feed "${feed.id}" recovered`, detail: `It answered again (${outcome.status}).`, action: 'Nothing to do.', severity: 'recovered' };
  }
  return undefined;
}

export function brokenRouteNotice(destination: Destination, error: Error): OpsNotice {
  return {
    title: `Route to ${destination} is broken`,
    detail: error.message,
    action: 'Give the bot access to the channel (View Channel, Send Messages, Embed Links) or fix the webhook URL in feeds.json, then restart: queued alerts are kept and go out then.',
    severity: 'problem',
  };
}

/**
 * Tells operators about trouble on the ops routes (and STRAITWATCH_OPS_CHANNEL), so feeds never
 * fail silently. Best effort: a notice that cannot be posted is logged.
 */
export function createOpsNotifier(destinations: readonly Destination[], deliverer: (d: Destination) => Deliverer, log: Logger): (notice: OpsNotice) => Promise<void> {
  return async (notice) => {
    log[notice.severity === 'problem' ? 'warn' : 'info']({ detail: notice.detail }, notice.title);
    for (const destination of destinations) {
      const embed = {
        title: discordText(notice.title, 256),
        description: discordText(notice.detail, 4000),
        fields: [{ name: 'What to do', value: discordText(notice.action, 1024) }],
        color: COLORS[notice.severity],
        timestamp: new Date().toISOString(),
      };
      try {
        await deliverer(destination).send(destination, { embeds: [embed], nonce: digest('ops', destination, notice.title, notice.detail) });
      } catch (error) {
        log.error({ destination, err: error }, `could not post an ops notice: ${notice.title}`);
      }
    }
  };
}
