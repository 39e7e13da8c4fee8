import type Database from 'better-sqlite3';
import type { RunCoordinator } from 'node-cron';

/**
 * node-cron's RunCoordinator over the shared SQLite file: several straitwatch instances on one
 * database each poll a feed only while holding its lease, so no feed is fetched twice per cycle.
 * A lease expires on its own, so a crashed instance's feeds are taken over after `ttlMs`.
 */
export class SqliteLeaseCoordinator implements RunCoordinator {
  private readonly acquire;
  private readonly release;

  constructor(
    db: Database.Database,
    private readonly holder: string,
    private readonly now: () => number = Date.now,
  ) {
    this.acquire = db.prepare<[{ key: string; holder: string; expires: number; now: number }]>(
      `INSERT INTO leases (key, holder, expires_at) VALUES (@key, @holder, @expires)
       ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.expires_at <= @now OR leases.holder = excluded.holder`,
    );
    this.release = db.prepare<[string, string]>('DELETE FROM leases WHERE key = ? AND holder = ?');
  }

  shouldRun(key: string, ttlMs: number): boolean {
    const now = this.now();
    return this.acquire.run({ key, holder: this.holder, expires: now + ttlMs, now }).changes === 1;
  }

  onComplete(key: string): void {
    this.release.run(key, this.holder);
  }
}
