import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedConfig } from '../../src/config/schema.js';
import type { RefreshOutcome } from '../../src/pipeline/refresh-feed.js';
import { FeedScheduler } from '../../src/scheduler/feed-scheduler.js';
import { SqliteLeaseCoordinator } from '../../src/store/sqlite-lease-coordinator.js';
import { FeedServer } from '../support/feed-server.js';
import { rss2 } from '../support/feeds.js';
import { type Harness, pipelineHarness, testConfig } from '../support/pipeline-harness.js';

describe('FeedScheduler', () => {
  let server: FeedServer;
  let h: Harness;
  beforeEach(async () => {
    server = await FeedServer.start();
    h = pipelineHarness();
  });
  afterEach(async () => {
    h.close();
    await server.close();
  });

  function requestArrived(path: string): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (server.requestsTo(path).length ? resolve() : setImmediate(check));
      check();
    });
  }

  function outcomes(scheduler: FeedScheduler, count: number): Promise<Array<[FeedConfig, RefreshOutcome]>> {
    const seen: Array<[FeedConfig, RefreshOutcome]> = [];
    return new Promise((resolve) => {
      scheduler.on('outcome', (feed, outcome) => {
        seen.push([feed, outcome]);
        if (seen.length === count) resolve(seen);
      });
    });
  }

  it('polls each due feed, and not again before its interval', async () => {
    server.route('/a', { body: rss2([{ guid: '1', title: 'one' }]) });
    server.route('/b', { body: rss2([{ guid: '2', title: 'two' }]) });
    const config = testConfig([
      { id: 'a', url: server.url('/a') },
      { id: 'b', url: server.url('/b') },
    ]);
    const scheduler = new FeedScheduler(config, h.deps, { tickPattern: '0 0 1 1 *', startSpreadMs: 1 });
    const done = outcomes(scheduler, 2);
    h.clock.advance(10);
    scheduler.start();
    const results = await done;
    expect(results.map(([feed, outcome]) => [feed.id, outcome.status]).sort()).toEqual([
      ['a', 'seeded'],
      ['b', 'seeded'],
    ]);
    // Same instant: nothing is due again.
    expect(scheduler.tick()).toBe(0);
    h.clock.advance(6 * 60_000);
    const again = outcomes(scheduler, 2);
    expect(scheduler.tick()).toBe(2);
    expect((await again).map(([, o]) => o.status)).toEqual(['not-modified', 'not-modified']);
    await scheduler.stop(1000);
  });

  it('never polls one feed twice at once, however often it ticks', async () => {
    server.route('/slow', { body: rss2([{ guid: '1', title: 'one' }]), delayMs: 200 });
    const config = testConfig([{ id: 'slow', url: server.url('/slow') }]);
    const scheduler = new FeedScheduler(config, h.deps, { tickPattern: '0 0 1 1 *', startSpreadMs: 1 });
    const done = outcomes(scheduler, 1);
    h.clock.advance(10);
    scheduler.start();
    for (let i = 0; i < 20; i++) expect(scheduler.tick()).toBe(0);
    await done;
    expect(server.requestsTo('/slow')).toHaveLength(1);
    await scheduler.stop(1000);
  });

  it('on stop, waits for an in-flight poll within the grace period', async () => {
    server.route('/slow', { body: rss2([{ guid: '1', title: 'one' }]), delayMs: 300 });
    const scheduler = new FeedScheduler(testConfig([{ id: 'slow', url: server.url('/slow') }]), h.deps, { tickPattern: '0 0 1 1 *', startSpreadMs: 1 });
    h.clock.advance(10);
    const done = outcomes(scheduler, 1);
    scheduler.start();
    await requestArrived('/slow');
    await scheduler.stop(10_000);
    const outcome = (await done)[0]![1];
    expect(outcome.status).toBe('seeded');
    expect(h.store.countStories()).toBe(1);
  });

  it('on stop, aborts a poll that outlives the grace period and records it as failed', async () => {
    server.route('/stuck', { body: rss2([]), delayMs: 10_000 });
    const scheduler = new FeedScheduler(testConfig([{ id: 'stuck', url: server.url('/stuck') }]), h.deps, { tickPattern: '0 0 1 1 *', startSpreadMs: 1 });
    h.clock.advance(10);
    const done = outcomes(scheduler, 1);
    scheduler.start();
    await requestArrived('/stuck');
    await scheduler.stop(50);
    const outcome = (await done)[0]![1];
    expect(outcome.status === 'failed' && outcome.error.code).toBe('fetch-network');
    expect(h.store.feedState('stuck')!.lastError).toMatch(/aborted/);
  });

  it('with a lease coordinator, a feed leased by another instance is skipped', async () => {
    server.route('/a', { body: rss2([{ guid: '1', title: 'one' }]) });
    server.route('/b', { body: rss2([{ guid: '2', title: 'two' }]) });
    const config = testConfig([
      { id: 'a', url: server.url('/a') },
      { id: 'b', url: server.url('/b') },
    ]);
    const other = new SqliteLeaseCoordinator(h.store.db, 'other');
    expect(other.shouldRun('feed:a', 60_000)).toBe(true);
    const mine = new SqliteLeaseCoordinator(h.store.db, 'me');
    const scheduler = new FeedScheduler(config, h.deps, { tickPattern: '0 0 1 1 *', startSpreadMs: 1, coordinator: mine });
    const done = outcomes(scheduler, 1);
    h.clock.advance(10);
    scheduler.start();
    const feed = (await done)[0]![0];
    expect(feed.id).toBe('b');
    await scheduler.stop(1000);
    expect(server.requestsTo('/a')).toHaveLength(0);
    // Released after the poll: the lease on b is free again, a's still belongs to "other".
    expect(mine.shouldRun('feed:b', 60_000)).toBe(true);
    expect(mine.shouldRun('feed:a', 60_000)).toBe(false);
  });
});
