import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEnvironment } from '../../src/config/environment.js';
import { type App, createApp } from '../../src/main.js';
import { pollAll } from '../../src/pipeline/poll-all.js';
import { silentLogger } from '../../src/log/logger.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { FeedServer } from '../support/feed-server.js';
import { type TestItem, rss2 } from '../support/feeds.js';
import { tempDir } from '../support/temp-dir.js';

const TAIWAN_CHANNEL = '111111111111111111';
const APT_CHANNEL = '222222222222222222';
const WEBHOOK_ID = '333333333333333333';

const OLD: TestItem[] = [
  { guid: 'old-1', title: 'Taiwan reports Chinese aircraft near the island', link: 'https://example.org/old-1', pubDate: 'Mon, 02 Jun 2025 01:00:00 GMT' },
  { guid: 'old-2', title: 'APT31 blamed for ministry hack', link: 'https://example.org/old-2', pubDate: 'Mon, 02 Jun 2025 02:00:00 GMT' },
];
const NEW: TestItem[] = [
  { guid: 'n1', title: '@everyone Taiwan holds Han Kuang drills', description: 'The drills began <@&123> on Tuesday. [click](https://evil.example)', link: 'https://example.org/n1' },
  { guid: 'n2', title: 'Volt Typhoon hid in US networks, officials say', description: 'Chinese state-sponsored hackers targeted utilities.', link: 'https://example.org/n2' },
  { guid: 'n3', title: 'China offers bounties for Taiwan military hackers', description: 'Guangzhou police accused the ICEFC; APT31 was blamed for a separate hack.', link: 'https://example.org/n3' },
  { guid: 'n4', title: 'Local football club wins the cup', description: 'Fans celebrated.', link: 'https://example.org/n4' },
  ...Array.from({ length: 12 }, (_, i) => ({ guid: `t${i}`, title: `Taiwan coast guard report number ${i + 1}`, description: `Taiwan said vessel ${i + 1} was tracked.`, link: `https://example.org/t${i}` })),
];

describe('alerts end to end: feeds on loopback, a Discord stand-in', () => {
  let feeds: FeedServer;
  let discord: FakeDiscord;
  const dir = tempDir();
  let app: App | undefined;
  const consoleOut = new PassThrough();

  beforeEach(async () => {
    feeds = await FeedServer.start();
    discord = await FakeDiscord.start({ token: 'test-token' });
    discord.addChannel(TAIWAN_CHANNEL);
    discord.addChannel(APT_CHANNEL);
  });
  afterEach(async () => {
    app?.close();
    await discord.close();
    await feeds.close();
  });

  let run = 0;
  beforeEach(() => run++);
  // One database per test; a restart reopens the same one.
  function open(routes: unknown[], extra: Record<string, unknown> = {}, db = `db-${run}.sqlite`): App {
    const configPath = join(dir.path, 'feeds.json');
    writeFileSync(configPath, JSON.stringify({ feeds: [{ id: 'wire', name: 'Wire', url: feeds.url('/rss'), language: 'en' }], routes, ...extra }));
    const env = readEnvironment({ STRAITWATCH_ALLOW_PRIVATE_NETWORKS: '1', DISCORD_TOKEN: 'test-token', DISCORD_API_BASE: discord.apiBase, LOG_LEVEL: 'silent' });
    app = createApp({ configPath, dbPath: join(dir.path, db), env, log: silentLogger(), consoleOut });
    return app;
  }

  async function cycle(a: App) {
    await pollAll(a.config, a.deps);
    await a.summaries.summarizePending(1000);
    return a.deliver();
  }

  const storyIdsIn = (channel: string) => discord.messages(channel).flatMap((m) => m.embeds.map((e) => (e.footer as { text: string }).text));

  it('polled twice under 429s and 500s: every relevant story reaches its channel exactly once, nothing rejected, nothing can ping', async () => {
    const a = open([
      { channel: TAIWAN_CHANNEL, topics: ['taiwan'] },
      { channel: APT_CHANNEL, topics: ['apt'] },
    ]);
    discord.rateLimitEvery(5);
    discord.failEvery(7, 500);
    feeds.route('/rss', { body: rss2(OLD) });
    const first = await cycle(a);
    // First poll of a new feed: its backlog is not dumped into Discord.
    expect(first.sent).toBe(0);
    expect(discord.messages(TAIWAN_CHANNEL)).toHaveLength(0);

    feeds.route('/rss', { body: rss2([...NEW, ...OLD]) });
    const second = await cycle(a);
    expect(second.failed).toBe(0);
    const taiwan = storyIdsIn(TAIWAN_CHANNEL);
    const apt = storyIdsIn(APT_CHANNEL);
    const relevant = (topic: string) =>
      a.store.db
        .prepare<[string], { id: string }>("SELECT s.id FROM stories s, json_each(s.topics) t WHERE t.value = ? AND s.guid NOT LIKE 'old-%'")
        .all(topic)
        .map((r) => r.id);
    expect(taiwan.map((f) => f.replace(/^.*?([0-9a-f]{20}).*$/, '$1')).sort()).toEqual(relevant('taiwan').sort());
    expect(apt.map((f) => f.replace(/^.*?([0-9a-f]{20}).*$/, '$1')).sort()).toEqual(relevant('apt').sort());
    expect(new Set(taiwan).size).toBe(taiwan.length);
    expect(relevant('taiwan').length).toBeGreaterThanOrEqual(13);
    // Bursts are grouped: 13+ alerts in 2 messages, not 13.
    expect(discord.messages(TAIWAN_CHANNEL).length).toBeLessThanOrEqual(2);
    for (const request of discord.requests.filter((r) => r.method === 'POST')) {
      expect(request.body).toMatchObject({ allowed_mentions: { parse: [] } });
      const texts = (request.body as { embeds: Array<{ title?: string; description?: string }> }).embeds.flatMap((e) => [e.title ?? '', e.description ?? '']);
      for (const text of texts) {
        // Mentions are broken by a zero-width space, masked links by escaped brackets.
        expect(text).not.toMatch(/@everyone|<@&123>|(?<!\\)\]\(/);
      }
    }
    expect(discord.requests.filter((r) => r.status === 400)).toHaveLength(0);

    // A third cycle with nothing new sends nothing again.
    const before = discord.messages(TAIWAN_CHANNEL).length + discord.messages(APT_CHANNEL).length;
    await cycle(a);
    expect(discord.messages(TAIWAN_CHANNEL).length + discord.messages(APT_CHANNEL).length).toBe(before);
  });

  it('a send whose answer was lost is retried with the same nonce after a restart: one message', async () => {
    let a = open([{ channel: TAIWAN_CHANNEL, topics: ['taiwan'] }]);
    feeds.route('/rss', { body: rss2(OLD) });
    await cycle(a);
    feeds.route('/rss', { body: rss2([NEW[0]!, ...OLD]) });
    // Discord makes the message, but the answer never arrives (as if we crashed before marking it sent).
    discord.nextResponses([{ status: 500, commit: true }, { status: 500, commit: true }, { status: 500, commit: true }, { status: 500, commit: true }]);
    const lost = await cycle(a);
    expect(lost.retrying).toBe(1);
    expect(discord.messages(TAIWAN_CHANNEL)).toHaveLength(1);
    a.close();
    // Restart on the same database; the retry is due.
    a = open([{ channel: TAIWAN_CHANNEL, topics: ['taiwan'] }]);
    a.store.db.prepare('UPDATE outbox SET next_attempt_at = NULL').run();
    const retried = await a.deliver();
    expect(retried.sent).toBe(1);
    expect(discord.messages(TAIWAN_CHANNEL)).toHaveLength(1);
    expect(a.store.outbox.counts()).toMatchObject({ sent: 1, pending: 0, sending: 0 });
  });

  it('past the nonce window, a send of unknown outcome is found among recent messages, not posted again', async () => {
    await discord.close();
    let discordNow = Date.now();
    discord = await FakeDiscord.start({ token: 'test-token', now: () => new Date(discordNow) });
    discord.addChannel(TAIWAN_CHANNEL);
    let a = open([{ channel: TAIWAN_CHANNEL, topics: ['taiwan'] }]);
    feeds.route('/rss', { body: rss2(OLD) });
    await cycle(a);
    feeds.route('/rss', { body: rss2([NEW[0]!, ...OLD]) });
    discord.nextResponses([{ status: 500, commit: true }, { status: 500, commit: true }, { status: 500, commit: true }, { status: 500, commit: true }]);
    await cycle(a);
    expect(discord.messages(TAIWAN_CHANNEL)).toHaveLength(1);
    a.close();
    // The restart comes long after: Discord has forgotten the nonce.
    discordNow += 30 * 60_000;
    a = open([{ channel: TAIWAN_CHANNEL, topics: ['taiwan'] }]);
    a.store.db.prepare('UPDATE outbox SET next_attempt_at = NULL').run();
    expect((await a.deliver()).sent).toBe(1);
    expect(discord.messages(TAIWAN_CHANNEL)).toHaveLength(1);
    expect(a.store.outbox.messageOf(a.store.db.prepare<[], { story_id: string }>('SELECT story_id FROM outbox').get()!.story_id, `channel:${TAIWAN_CHANNEL}`).messageId).toBe(
      discord.messages(TAIWAN_CHANNEL)[0]!.id,
    );
  });

  it('a channel the bot cannot see breaks its route, keeps its alerts, and other routes go on', async () => {
    const forbidden = '444444444444444444';
    discord.addChannel(forbidden, { forbidden: true });
    const a = open([
      { channel: forbidden, topics: ['taiwan'] },
      { channel: APT_CHANNEL, topics: ['apt'] },
    ]);
    feeds.route('/rss', { body: rss2(OLD) });
    await cycle(a);
    feeds.route('/rss', { body: rss2([...NEW.slice(0, 3), ...OLD]) });
    await cycle(a);
    expect(a.store.outbox.brokenDestinations()).toMatchObject([{ destination: `channel:${forbidden}`, code: 50001 }]);
    expect(discord.messages(APT_CHANNEL).length).toBeGreaterThan(0);
    const queued = a.store.outbox.counts().pending + a.store.outbox.counts().sending;
    expect(queued).toBeGreaterThan(0);
    // The operator grants access and restarts: the kept alerts go out.
    a.close();
    discord.addChannel(forbidden);
    const fixed = open([
      { channel: forbidden, topics: ['taiwan'] },
      { channel: APT_CHANNEL, topics: ['apt'] },
    ]);
    fixed.retryBrokenRoutes();
    expect((await fixed.deliver()).sent).toBe(queued);
    expect(storyIdsIn(forbidden)).toHaveLength(queued);
  });

  it('webhook routes post with wait=true and need no token', async () => {
    const hookUrl = `https://discord.com/api/webhooks/${WEBHOOK_ID}/hook-token`;
    discord.addWebhook(WEBHOOK_ID, 'hook-token', { channelId: APT_CHANNEL });
    const a = open([{ webhook: hookUrl, topics: ['apt'] }]);
    feeds.route('/rss', { body: rss2(OLD) });
    await cycle(a);
    feeds.route('/rss', { body: rss2([NEW[1]!, ...OLD]) });
    expect((await cycle(a)).sent).toBe(1);
    const post = discord.requests.find((r) => r.method === 'POST' && r.path.includes('/webhooks/'))!;
    expect(post.query.wait).toBe('true');
    expect(post.headers.authorization).toBeUndefined();
  });

  it('the first poll can post the newest N instead of nothing', async () => {
    const a = open([{ channel: TAIWAN_CHANNEL, topics: ['taiwan'] }], { alerts: { backlog: 1 } });
    feeds.route('/rss', { body: rss2(NEW) });
    expect((await cycle(a)).sent).toBe(1);
  });

  it('with no routes, alerts print to the console as JSON lines', async () => {
    const lines: string[] = [];
    consoleOut.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    const a = open([], { alerts: { backlog: 3 } });
    feeds.route('/rss', { body: rss2(NEW.slice(0, 3)) });
    expect((await cycle(a)).sent).toBe(3);
    const alerts = lines.map((line) => JSON.parse(line) as { alert: { title: string } });
    expect(alerts).toHaveLength(3);
    expect(discord.requests).toHaveLength(0);
  });
});

describe('operators hear about trouble', () => {
  it('a feed turning unhealthy and recovering, and a broken route, are posted to the ops channel', async () => {
    const feeds = await FeedServer.start();
    const discord = await FakeDiscord.start({ token: 'test-token' });
    const OPS = '555555555555555555';
    const GONE = '666666666666666666';
    discord.addChannel(OPS);
    const dir = tempDir();
    const configPath = join(dir.path, 'feeds.json');
    writeFileSync(
      configPath,
      JSON.stringify({
        feeds: [{ id: 'flaky', url: feeds.url('/rss'), language: 'en' }],
        routes: [{ channel: GONE, topics: ['taiwan'] }, { channel: OPS, ops: true }],
        polling: { unhealthyAfter: 2 },
        alerts: { backlog: 1 },
      }),
    );
    const env = readEnvironment({ STRAITWATCH_ALLOW_PRIVATE_NETWORKS: '1', DISCORD_TOKEN: 'test-token', DISCORD_API_BASE: discord.apiBase });
    const app = createApp({ configPath, dbPath: join(dir.path, 'db.sqlite'), env, log: silentLogger() });
    const { feedHealthNotice } = await import('../../src/pipeline/ops-notices.js');
    const poll = async () => {
      const notices: Array<Promise<void>> = [];
      await pollAll(app.config, app.deps, { onResult: (r) => void (feedHealthNotice(r) && notices.push(app.ops(feedHealthNotice(r)!))) });
      await Promise.all(notices);
    };
    feeds.route('/rss', { status: 500 });
    await poll();
    await poll();
    feeds.route('/rss', { body: rss2([NEW[0]!]) });
    await poll();
    await app.summaries.summarizePending(10);
    await app.deliver();
    // The broken-route notice is posted in the background of the delivery.
    await discord.waitForMessages(OPS, 3);
    const titles = discord.messages(OPS).map((m) => (m.embeds[0] as { title: string }).title);
    expect(titles).toEqual(['Feed "flaky" is unhealthy', 'Feed "flaky" recovered', `Route to channel:${GONE} is broken`]);
    const what = discord.messages(OPS)[0]!.embeds[0] as { fields: Array<{ name: string; value: string }> };
    expect(what.fields[0]!.name).toBe('What to do');
    app.close();
    await discord.close();
    await feeds.close();
    dir.cleanup();
  });
});
