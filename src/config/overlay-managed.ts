import { type Config, type FeedConfig, FeedSchema, type RouteConfig, RouteSchema } from './schema.js';
import { formatIssuePath } from './load-config.js';

/** A stored feed change: its definition, or null for "do not poll this feeds.json feed". */
export interface FeedChange {
  feedId: string;
  definition: unknown;
}

/** A stored route, numbered for /route remove. */
export interface RouteChange {
  id: number;
  definition: unknown;
}

export interface OverlaidSettings {
  feeds: FeedConfig[];
  routes: RouteConfig[];
  /** Which routes came from Discord, by their /route number. */
  managedRouteIds: Map<RouteConfig, number>;
  /** Where each feed is defined. */
  feedOrigin: Map<string, 'feeds.json' | 'discord'>;
  /** Stored changes that no longer validate (the schema moved on): named, and left out. */
  problems: string[];
}

/**
 * feeds.json with the changes made from Discord laid over it: a managed feed replaces or adds
 * to the file's, a null one removes the file's; managed routes come after the file's. Pure.
 */
export function overlayManaged(config: Pick<Config, 'feeds' | 'routes'>, feedRows: readonly FeedChange[], routeRows: readonly RouteChange[]): OverlaidSettings {
  const problems: string[] = [];
  const feeds = new Map(config.feeds.map((feed) => [feed.id, feed]));
  const feedOrigin = new Map<string, 'feeds.json' | 'discord'>(config.feeds.map((feed) => [feed.id, 'feeds.json']));
  for (const row of feedRows) {
    if (row.definition === null) {
      feeds.delete(row.feedId);
      feedOrigin.delete(row.feedId);
      continue;
    }
    const parsed = FeedSchema.safeParse(row.definition);
    if (!parsed.success) {
      problems.push(`feed "${row.feedId}" added from Discord is invalid (${issues(parsed.error.issues)}); remove it with /feeds remove`);
      continue;
    }
    feeds.set(parsed.data.id, parsed.data);
    feedOrigin.set(parsed.data.id, 'discord');
  }
  const routes = [...config.routes];
  const managedRouteIds = new Map<RouteConfig, number>();
  for (const row of routeRows) {
    const parsed = RouteSchema.safeParse(row.definition);
    if (!parsed.success) {
      problems.push(`route #${row.id} added from Discord is invalid (${issues(parsed.error.issues)}); remove it with /route remove`);
      continue;
    }
    routes.push(parsed.data);
    managedRouteIds.set(parsed.data, row.id);
  }
  return { feeds: [...feeds.values()], routes, managedRouteIds, feedOrigin, problems };
}

function issues(list: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return list.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`).join('; ');
}
