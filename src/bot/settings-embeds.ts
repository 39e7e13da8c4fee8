import type { APIEmbed } from 'discord.js';
import type { FeedConfig } from '../config/schema.js';
import type { FeedHealth } from '../pipeline/feed-health.js';
import type { FeedCheck } from '../pipeline/check-feed.js';
import type { ListedRoute } from '../pipeline/live-settings.js';
import { describeRoute } from '../pipeline/manage-routes.js';
import { discordText } from '../deliver/discord-text.js';
import { destinationOf } from '../deliver/match-routes.js';

const MAX_DESCRIPTION = 4096;
const MARK: Record<FeedHealth['status'], string> = { healthy: '🟢', failing: '🟡', unhealthy: '🔴', 'never-polled': '⚪', disabled: '⚫' };

/** Lines up to Discord's description limit, then how many were left out. */
function fitLines(lines: readonly string[], more: (left: number) => string): string {
  let out = '';
  for (const [i, line] of lines.entries()) {
    const tail = i < lines.length - 1 ? `\n${more(lines.length - i - 1)}` : '';
    if (out.length + line.length + 1 + tail.length > MAX_DESCRIPTION - 64) return `${out}${more(lines.length - i)}`;
    out += `${line}\n`;
  }
  return out.trimEnd();
}

/** /feeds list: the troubled feeds first, each with where it is defined. */
export function feedListEmbed(feeds: readonly FeedConfig[], health: readonly FeedHealth[], originOf: (id: string) => string | undefined): APIEmbed {
  const byId = new Map(health.map((h) => [h.feed, h]));
  const order: FeedHealth['status'][] = ['unhealthy', 'failing', 'never-polled', 'healthy', 'disabled'];
  const sorted = [...feeds].sort((a, b) => order.indexOf(byId.get(a.id)?.status ?? 'never-polled') - order.indexOf(byId.get(b.id)?.status ?? 'never-polled') || a.id.localeCompare(b.id));
  const lines = sorted.map((feed) => {
    const h = byId.get(feed.id);
    const status = h?.status ?? 'never-polled';
    const error = h?.lastError && status !== 'healthy' ? ` — ${discordText(h.lastError, 80)}` : '';
    const origin = originOf(feed.id) === 'discord' ? ' · added here' : '';
    return `${MARK[status]} \`${feed.id}\` ${discordText(feed.name ?? '', 40)}${feed.language ? ` (${feed.language})` : ''}${origin}${error}`;
  });
  const count = (status: FeedHealth['status']) => health.filter((h) => h.status === status).length;
  return {
    title: `Feeds (${feeds.length})`,
    description: lines.length ? fitLines(lines, (left) => `… and ${left} more: \`straitwatch stats\` lists them all`) : 'No feeds: add one with /feeds add.',
    footer: { text: `${count('healthy')} healthy · ${count('failing')} failing · ${count('unhealthy')} unhealthy · ${count('never-polled')} not polled yet` },
  };
}

/** /feeds add and /feeds check: what a fetch of the feed found. */
export function feedCheckEmbed(title: string, check: FeedCheck): APIEmbed {
  const ok = check.status === 'ok';
  return {
    title,
    color: ok ? 0x5cb85c : 0xd9534f,
    description: ok
      ? `${discordText(check.title ?? '(untitled)', 200)}\n${check.format ?? 'feed'} · ${check.items ?? 0} items · ${check.charset ?? '?'} · HTTP ${check.httpStatus ?? '?'} · ${check.ms} ms`
      : `Failed${check.httpStatus ? ` (HTTP ${check.httpStatus})` : ''}: ${discordText(check.error ?? 'unknown error', 1000)}`,
    footer: { text: check.url.slice(0, 2048) },
  };
}

/** /route list: every route, numbered when it was added from Discord (those /route remove takes). */
export function routeListEmbed(routes: readonly ListedRoute[]): APIEmbed {
  const lines = routes.map(({ route, number, origin }) => {
    const where = route.channel ? `<#${route.channel}>` : destinationOf(route);
    return `${number === undefined ? '•' : `**#${number}**`} ${where}: ${discordText(describeRoute(route), 200)}${origin === 'feeds.json' ? ' *(feeds.json)*' : ''}`;
  });
  return {
    title: `Routes (${routes.length})`,
    description: lines.length
      ? fitLines(lines, (left) => `… and ${left} more`)
      : 'No routes: alerts print on the console of the machine running straitwatch. Add one with /route add.',
  };
}
