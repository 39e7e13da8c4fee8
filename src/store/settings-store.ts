import type Database from 'better-sqlite3';

/** A feed change made from Discord: a feed's definition, or null for "do not poll this feeds.json feed". */
export interface ManagedFeedRow {
  feedId: string;
  definition: unknown;
  changedBy: string;
  changedAt: string;
}

export interface ManagedRouteRow {
  /** Stable, shown in /route list and used by /route remove. */
  id: number;
  definition: unknown;
  createdBy: string;
  createdAt: string;
}

/** The feeds and routes managed from Discord (/feeds, /route), kept so they survive restarts. */
export class SettingsStore {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      feeds: db.prepare<[], { feed_id: string; definition: string | null; changed_by: string; changed_at: string }>(
        'SELECT feed_id, definition, changed_by, changed_at FROM managed_feeds ORDER BY changed_at, feed_id',
      ),
      putFeed: db.prepare<[string, string | null, string, string]>(
        'INSERT OR REPLACE INTO managed_feeds (feed_id, definition, changed_by, changed_at) VALUES (?, ?, ?, ?)',
      ),
      forgetFeed: db.prepare<[string]>('DELETE FROM managed_feeds WHERE feed_id = ?'),
      routes: db.prepare<[], { id: number; definition: string; created_by: string; created_at: string }>(
        'SELECT id, definition, created_by, created_at FROM managed_routes ORDER BY id',
      ),
      addRoute: db.prepare<[string, string, string]>('INSERT INTO managed_routes (definition, created_by, created_at) VALUES (?, ?, ?)'),
      removeRoute: db.prepare<[number]>('DELETE FROM managed_routes WHERE id = ?'),
    };
  }

  managedFeeds(): ManagedFeedRow[] {
    return this.s.feeds.all().map((row) => ({
      feedId: row.feed_id,
      definition: row.definition === null ? null : (JSON.parse(row.definition) as unknown),
      changedBy: row.changed_by,
      changedAt: row.changed_at,
    }));
  }

  /** Adds or replaces a feed; `null` marks a feeds.json feed as removed. */
  putFeed(feedId: string, definition: object | null, by: string, at: Date): void {
    this.s.putFeed.run(feedId, definition === null ? null : JSON.stringify(definition), by, at.toISOString());
  }

  /** Drops the change, so feeds.json alone decides again. */
  forgetFeed(feedId: string): void {
    this.s.forgetFeed.run(feedId);
  }

  managedRoutes(): ManagedRouteRow[] {
    return this.s.routes.all().map((row) => ({ id: row.id, definition: JSON.parse(row.definition) as unknown, createdBy: row.created_by, createdAt: row.created_at }));
  }

  addRoute(definition: object, by: string, at: Date): number {
    return Number(this.s.addRoute.run(JSON.stringify(definition), by, at.toISOString()).lastInsertRowid);
  }

  removeRoute(id: number): boolean {
    return this.s.removeRoute.run(id).changes === 1;
  }
}
