import type { Config, FeedConfig, RouteConfig } from '../config/schema.js';
import { overlayManaged } from '../config/overlay-managed.js';
import { StraitwatchError } from '../core/errors.js';
import { destinationOf } from '../deliver/match-routes.js';
import type { OutboxStore } from '../store/outbox-store.js';
import type { SettingsStore } from '../store/settings-store.js';

export interface ListedRoute {
  route: RouteConfig;
  /** The /route number of a route added from Discord; feeds.json routes have none. */
  number?: number;
  origin: 'feeds.json' | 'discord';
}

/**
 * The feeds and routes in force: feeds.json plus the changes made from Discord. `config.feeds`
 * and `config.routes` are updated in place, so the scheduler (reads feeds each tick) and the
 * router (holds the routes array) see a change at once; this class is their only writer after
 * start, and every change is stored first, so it survives a restart.
 */
export class LiveSettings {
  private managedRouteIds: Map<RouteConfig, number>;
  private feedOrigin: Map<string, 'feeds.json' | 'discord'>;
  private readonly fileFeeds: ReadonlySet<string>;
  /** Stored changes that no longer validate; logged at start. */
  readonly problems: string[];

  constructor(
    private readonly config: Config,
    private readonly store: { settings: SettingsStore; outbox: Pick<OutboxStore, 'repair'> },
    private readonly now: () => Date,
  ) {
    this.fileFeeds = new Set(config.feeds.map((feed) => feed.id));
    const overlaid = overlayManaged(config, store.settings.managedFeeds(), store.settings.managedRoutes());
    config.feeds.splice(0, config.feeds.length, ...overlaid.feeds);
    config.routes.splice(0, config.routes.length, ...overlaid.routes);
    this.managedRouteIds = overlaid.managedRouteIds;
    this.feedOrigin = overlaid.feedOrigin;
    this.problems = overlaid.problems;
  }

  feeds(): readonly FeedConfig[] {
    return this.config.feeds;
  }

  originOf(feedId: string): 'feeds.json' | 'discord' | undefined {
    return this.feedOrigin.get(feedId);
  }

  addFeed(feed: FeedConfig, by: string): void {
    if (this.feedOrigin.has(feed.id)) throw new StraitwatchError('setting-refused', `a feed with id "${feed.id}" exists already; pick another id`);
    this.store.settings.putFeed(feed.id, feed, by, this.now());
    this.config.feeds.push(feed);
    this.feedOrigin.set(feed.id, 'discord');
  }

  /** Stops polling a feed (its stories stay searchable). A feeds.json feed stays removed until re-added. */
  removeFeed(feedId: string, by: string): FeedConfig {
    const index = this.config.feeds.findIndex((feed) => feed.id === feedId);
    if (index < 0) throw new StraitwatchError('setting-refused', `no feed has the id "${feedId}"; /feeds list shows them`);
    if (this.fileFeeds.has(feedId)) this.store.settings.putFeed(feedId, null, by, this.now());
    else this.store.settings.forgetFeed(feedId);
    this.feedOrigin.delete(feedId);
    return this.config.feeds.splice(index, 1)[0]!;
  }

  routes(): ListedRoute[] {
    return this.config.routes.map((route) => {
      const number = this.managedRouteIds.get(route);
      return number === undefined ? { route, origin: 'feeds.json' } : { route, number, origin: 'discord' };
    });
  }

  /** Adds a route; a destination that had broken gets its kept alerts sent again (the operator has just pointed at it). */
  addRoute(route: RouteConfig, by: string): number {
    const same = this.routes().find((listed) => JSON.stringify(listed.route) === JSON.stringify(route));
    if (same) {
      throw new StraitwatchError('setting-refused', same.number === undefined ? 'feeds.json has this route already' : `route #${same.number} is this route already`);
    }
    const number = this.store.settings.addRoute(route, by, this.now());
    this.config.routes.push(route);
    this.managedRouteIds.set(route, number);
    this.store.outbox.repair(destinationOf(route));
    return number;
  }

  /** Removes a route added from Discord; alerts already queued for it still go out (nothing is lost). */
  removeRoute(number: number): RouteConfig {
    const listed = this.routes().find((r) => r.number === number);
    if (!listed) throw new StraitwatchError('setting-refused', `no route #${number}; /route list shows the numbers (routes in feeds.json are changed in the file)`);
    this.store.settings.removeRoute(number);
    this.config.routes.splice(this.config.routes.indexOf(listed.route), 1);
    this.managedRouteIds.delete(listed.route);
    return listed.route;
  }
}
