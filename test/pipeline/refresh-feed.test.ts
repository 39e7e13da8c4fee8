import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pollPolicyFor } from '../../src/pipeline/poll-policy-for-feed.js';
import { refreshFeed } from '../../src/pipeline/refresh-feed.js';
import { FeedServer } from '../support/feed-server.js';
import { rss2 } from '../support/feeds.js';
import { type Harness, pipelineHarness, testConfig } from '../support/pipeline-harness.js';
import { tempDir } from '../support/temp-dir.js';

const items = [
  { guid: 'a', title: 'Taiwan reports PLA aircraft', link: 'https://example.org/a?utm_source=rss', pubDate: 'Tue, 03 Jun 2025 01:00:00 GMT' },
  { guid: 'b', title: 'APT31 blamed for ministry hack', link: 'https://example.org/b', pubDate: 'Tue, 03 Jun 2025 02:00:00 GMT' },
];

describe('refreshFeed', () => {
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

  const feedAt = (path: string, extra = {}) => testConfig([{ id: 'f', url: server.url(path), ...extra }], { unhealthyAfter: 3, maxBackoff: '1h' });
  const refresh = (config: ReturnType<typeof feedAt>) => refreshFeed(config.feeds[0]!, pollPolicyFor(config.feeds[0]!, config.polling), h.deps);

  it('seeds on the first poll, then sends a conditional GET and stores nothing on 304', async () => {
    server.route('/rss', { body: rss2(items), headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
    const config = feedAt('/rss');

    const first = await refresh(config);
    expect(first.status).toBe('seeded');
    expect(first.status === 'seeded' && first.stored.map((s) => s.title)).toEqual(['Taiwan reports PLA aircraft', 'APT31 blamed for ministry hack']);
    expect(first.status === 'seeded' && first.stored[0]!.link).toBe('https://example.org/a');
    // Each new story is classified before it is stored, and the classification is stored with it.
    const stored = h.store.story(first.status === 'seeded' ? first.stored[1]!.id : '')!;
    expect(stored.classification).toMatchObject({ lang: 'eng', bcp47: 'en', topics: ['apt'], groups: ['APT31'] });
    const state = h.store.feedState('f')!;
    expect(state).toMatchObject({ charset: 'utf-8', format: 'rss', itemCount: 2, consecutiveFailures: 0, lastStatus: 'seeded' });
    expect(state.etag).toBeTruthy();
    expect(state.firstSeenAt).toBe(h.clock.now.toISOString());

    h.clock.advance(5 * 60_000);
    const second = await refresh(config);
    expect(second.status).toBe('not-modified');
    const [, conditional] = server.requestsTo('/rss');
    expect(conditional!.headers['if-none-match']).toBe(state.etag);
    expect(conditional!.headers['if-modified-since']).toBe(state.lastModified);
    expect(h.store.countStories()).toBe(2);
  });

  it('stores only the new item when the feed changes', async () => {
    server.route('/rss', { body: rss2(items) });
    await refresh(feedAt('/rss'));
    server.route('/rss', { body: rss2([{ guid: 'c', title: 'Han Kuang drills begin' }, ...items]) });
    const outcome = await refresh(feedAt('/rss'));
    expect(outcome.status).toBe('refreshed');
    expect(outcome.status === 'refreshed' && outcome.stored.map((s) => s.title)).toEqual(['Han Kuang drills begin']);
    expect(h.store.countStories()).toBe(3);
  });

  it('backs off exponentially, turns unhealthy after repeated failures, and recovers', async () => {
    server.route('/rss', { status: 500, body: 'oops' });
    const config = feedAt('/rss');
    const delays: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const outcome = await refresh(config);
      expect(outcome).toMatchObject({ status: 'failed', consecutiveFailures: i, unhealthy: i >= 3 });
      expect(outcome.health).toBe(i === 3 ? 'became-unhealthy' : undefined);
      delays.push(Date.parse(h.store.feedState('f')!.nextPollAt!) - h.clock.now.getTime());
    }
    // 5 min interval: 10, 20, 40 min.
    expect(delays).toEqual([10 * 60_000, 20 * 60_000, 40 * 60_000]);
    const state = h.store.feedState('f')!;
    expect(state).toMatchObject({ lastErrorCode: 'fetch-http-status', unhealthySince: h.clock.now.toISOString() });
    expect(state.lastError).toContain('500');
    // The ceiling holds however long it fails.
    for (let i = 0; i < 5; i++) await refresh(config);
    expect(Date.parse(h.store.feedState('f')!.nextPollAt!) - h.clock.now.getTime()).toBe(60 * 60_000);

    server.route('/rss', { body: rss2(items) });
    const recovered = await refresh(config);
    expect(recovered.health).toBe('recovered');
    expect(h.store.feedState('f')).not.toHaveProperty('unhealthySince');
    expect(h.store.feedState('f')).not.toHaveProperty('lastError');
    expect(h.store.feedState('f')!.consecutiveFailures).toBe(0);
  });

  it('honors Retry-After on 429 beyond its own backoff', async () => {
    server.route('/rss', { status: 429, headers: { 'retry-after': '7200' } });
    const outcome = await refresh(feedAt('/rss'));
    expect(outcome.status).toBe('failed');
    expect(Date.parse(h.store.feedState('f')!.nextPollAt!) - h.clock.now.getTime()).toBe(7200 * 1000);
  });

  it('reports a malformed feed as a failure naming the feed, and keeps no validators', async () => {
    server.route('/rss', { body: '<rss version="2.0"><channel><title>broken</title><item><title>x</item></channel>' });
    const outcome = await refresh(feedAt('/rss'));
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.error.code).toBe('parse-malformed');
    expect(outcome.error.message).toContain(`feed "f" (${server.url('/rss')})`);
    expect(h.store.feedState('f')!.etag).toBeUndefined();
  });

  it('starts over with no validators when the feed URL changes', async () => {
    server.route('/old', { body: rss2(items) });
    server.route('/new', { body: rss2(items) });
    await refresh(feedAt('/old'));
    await refresh(feedAt('/new'));
    expect(server.requestsTo('/new')[0]!.headers['if-none-match']).toBeUndefined();
    expect(h.store.feedState('f')!.url).toBe(server.url('/new'));
  });

  it('refuses loopback feeds unless private networks are allowed', async () => {
    const guarded = pipelineHarness({ allowPrivateNetworks: false });
    server.route('/rss', { body: rss2(items) });
    const config = feedAt('/rss');
    const outcome = await refreshFeed(config.feeds[0]!, pollPolicyFor(config.feeds[0]!, config.polling), guarded.deps);
    guarded.close();
    expect(outcome.status === 'failed' && outcome.error.code).toBe('fetch-blocked-address');
    expect(server.requests).toHaveLength(0);
  });
});

describe('refreshFeed across a restart', () => {
  it('adds no duplicates when a new process polls the same database', async () => {
    const server = await FeedServer.start();
    const dir = tempDir();
    const dbPath = join(dir.path, 'db.sqlite');
    // No validators: the server answers 200 every time, so only the store prevents duplicates.
    server.route('/rss', { body: rss2(items), conditional: false });
    const config = testConfig([{ id: 'f', url: server.url('/rss') }]);
    for (let run = 0; run < 2; run++) {
      const h = pipelineHarness({ dbPath });
      const outcome = await refreshFeed(config.feeds[0]!, pollPolicyFor(config.feeds[0]!, config.polling), h.deps);
      expect(outcome.status).toBe(run === 0 ? 'seeded' : 'refreshed');
      expect('stored' in outcome && outcome.stored.length).toBe(run === 0 ? 2 : 0);
      expect(h.store.countStories()).toBe(2);
      h.close();
    }
    await server.close();
    dir.cleanup();
  });
});
