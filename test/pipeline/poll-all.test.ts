import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pollAll } from '../../src/pipeline/poll-all.js';
import { FeedServer } from '../support/feed-server.js';
import { atom, jsonFeed, rss2 } from '../support/feeds.js';
import { type Harness, pipelineHarness, testConfig } from '../support/pipeline-harness.js';

describe('pollAll', () => {
  let server: FeedServer;
  let h: Harness;
  beforeEach(async () => {
    server = await FeedServer.start();
    h = pipelineHarness({ timeoutMs: 1000 });
  });
  afterEach(async () => {
    h.close();
    await server.close();
  });

  it('one broken feed never stops the others', async () => {
    server.route('/good.xml', { body: rss2([{ guid: '1', title: 'good one' }]) });
    server.route('/atom.xml', { body: atom([{ guid: 'urn:2', title: 'atom one', link: 'https://example.org/2' }]) });
    server.route('/feed.json', { body: jsonFeed([{ guid: '3', title: 'json one', link: 'https://example.org/3' }]) });
    server.route('/500', { status: 500 });
    server.route('/html', { body: '<!doctype html><html><body>not a feed</body></html>', headers: { 'content-type': 'text/html' } });
    server.route('/slow', { body: rss2([]), delayMs: 5000 });
    const config = testConfig([
      { id: 'good', url: server.url('/good.xml') },
      { id: 'down', url: server.url('/500') },
      { id: 'html', url: server.url('/html') },
      { id: 'slow', url: server.url('/slow') },
      { id: 'atom', url: server.url('/atom.xml') },
      { id: 'json', url: server.url('/feed.json') },
      { id: 'off', url: server.url('/good.xml'), enabled: false },
    ]);
    const seen: string[] = [];
    const results = await pollAll(config, h.deps, { onResult: ({ feed }) => seen.push(feed.id) });
    const status = Object.fromEntries(results.map((r) => [r.feed, r.status]));
    expect(status).toEqual({ good: 'seeded', down: 'failed', html: 'failed', slow: 'failed', atom: 'seeded', json: 'seeded' });
    expect(seen.sort()).toEqual(['atom', 'down', 'good', 'html', 'json', 'slow']);
    expect(h.store.countStories()).toBe(3);
    expect(h.store.feedState('slow')!.lastErrorCode).toBe('fetch-timeout');
    // The cycle leaves the search index complete.
    expect(h.store.indexPendingStories()).toBe(0);
    expect(h.store.db.prepare('SELECT count(*) AS n FROM stories_fts').get()).toEqual({ n: 3 });
  });

  it('never runs more feeds at once than the concurrency limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const feeds = Array.from({ length: 12 }, (_, i) => ({ id: `f${i}`, url: server.url(`/f${i}`) }));
    for (const feed of feeds) {
      server.route(`/f${feed.id.slice(1)}`, () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        return { body: rss2([{ guid: feed.id, title: feed.id }]), delayMs: 30 };
      });
    }
    const done = pollAll(testConfig(feeds, { concurrency: 3 }), {
      ...h.deps,
      http: { get: (r) => h.deps.http.get(r).finally(() => inFlight--), close: () => h.deps.http.close() },
    });
    await done;
    expect(peak).toBe(3);
    expect(h.store.countStories()).toBe(12);
  });
});
