import type { Destination } from '../core/alert.js';

/** The route filters, as feeds.json gives them (every one optional). */
export interface RouteFilter {
  channel?: string;
  webhook?: string;
  topics?: string[];
  languages?: string[];
  feeds?: string[];
  groups?: string[];
  minScore?: number;
  ops?: boolean;
}

export interface RoutableStory {
  feedId: string;
  bcp47: string;
  topics: string[];
  groups: string[];
  scores: Record<string, number>;
}

/** A webhook URL's id and token (…/webhooks/ID/TOKEN), if it is one. */
export function webhookParts(url: string | undefined): { id: string; token: string } | undefined {
  const match = /\/webhooks\/(\d+)\/([\w-]+)/.exec(url ?? '');
  return match ? { id: match[1]!, token: match[2]! } : undefined;
}

export function destinationOf(route: RouteFilter): Destination {
  if (route.channel) return `channel:${route.channel}`;
  const webhook = webhookParts(route.webhook);
  if (!webhook) throw new Error('a route needs a channel or a webhook URL');
  return `webhook:${webhook.id}`;
}

/** "zh" matches zh-Hant and zh-Hans; "zh-Hant" only itself. Case-insensitive, as BCP 47 is. */
function languageMatches(wanted: string, actual: string): boolean {
  const w = wanted.toLowerCase();
  const a = actual.toLowerCase();
  return a === w || a.startsWith(`${w}-`);
}

export function routeMatches(route: RouteFilter, story: RoutableStory): boolean {
  if (route.ops || story.topics.length === 0) return false;
  if (route.topics && !route.topics.some((t) => story.topics.includes(t))) return false;
  if (route.languages && !route.languages.some((l) => languageMatches(l, story.bcp47))) return false;
  if (route.feeds && !route.feeds.includes(story.feedId)) return false;
  if (route.groups && !route.groups.some((g) => story.groups.includes(g))) return false;
  if (route.minScore !== undefined) {
    const considered = route.topics ? story.topics.filter((t) => route.topics!.includes(t)) : story.topics;
    if (Math.max(0, ...considered.map((t) => story.scores[t] ?? 0)) < route.minScore) return false;
  }
  return true;
}

/**
 * Every destination a story goes to: each route it matches, once per destination however many
 * routes point there. Ops routes get operator notices only. With no alert routes at all, relevant
 * stories go to the console.
 */
export function destinationsFor(story: RoutableStory, routes: readonly RouteFilter[]): Destination[] {
  if (story.topics.length === 0) return [];
  const alertRoutes = routes.filter((route) => !route.ops);
  if (alertRoutes.length === 0) return ['console'];
  return [...new Set(alertRoutes.filter((route) => routeMatches(route, story)).map(destinationOf))];
}
