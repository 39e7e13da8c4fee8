import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Events, PermissionFlagsBits, REST, Routes } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StraitwatchBot, answeredCommandDefinitions } from '../../src/bot/straitwatch-bot.js';
import { readEnvironment } from '../../src/config/environment.js';
import { silentLogger } from '../../src/log/logger.js';
import { type App, createApp } from '../../src/main.js';
import { pollAll } from '../../src/pipeline/poll-all.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { FakeGateway } from '../support/fake-gateway.js';
import { FeedServer } from '../support/feed-server.js';
import { rss2 } from '../support/feeds.js';
import { tempDir } from '../support/temp-dir.js';

const ADMIN = { user: { id: '700000000000000001', username: 'admin' }, permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages };
const READER = { user: { id: '700000000000000002', username: 'reader' }, permissions: PermissionFlagsBits.SendMessages | PermissionFlagsBits.ViewChannel };

type Body = { content?: string; embeds?: Array<{ title?: string; description?: string }> };
const text = (body: unknown) => JSON.stringify(body);

describe('/feeds and /route over a loopback gateway', () => {
  let discord: FakeDiscord;
  let gateway: FakeGateway;
  let feeds: FeedServer;
  const dir = tempDir();
  const configPath = join(dir.path, 'feeds.json');
  const dbPath = join(dir.path, 'straitwatch.db');
  let app: App | undefined;
  let bot: StraitwatchBot | undefined;

  async function start(allowPrivate: boolean): Promise<App> {
    const env = readEnvironment({
      DISCORD_TOKEN: gateway.token,
      DISCORD_API_BASE: discord.apiBase,
      LOG_LEVEL: 'silent',
      ...(allowPrivate && { STRAITWATCH_ALLOW_PRIVATE_NETWORKS: '1' }),
    });
    app = createApp({ configPath, dbPath, env, log: silentLogger(), consoleOut: { write: () => true } as unknown as NodeJS.WritableStream });
    bot = new StraitwatchBot({ token: gateway.token, apiBase: discord.apiBase, app, log: silentLogger() });
    const ready = once(bot.client, Events.ClientReady);
    await bot.start();
    await ready;
    return app;
  }

  async function stop(): Promise<void> {
    await bot?.stop();
    app?.close();
    bot = undefined;
    app = undefined;
  }

  /** Sends a command and returns what the user finally sees (the immediate reply or the edited deferral). */
  async function ask(name: string, subcommand: string, options: Record<string, string | number>, member = ADMIN): Promise<{ type: number; flags: number; body: Body }> {
    const sent = gateway.sendInteraction(gateway.chatInput(name, { subcommand, options, member }));
    const callback = await gateway.waitForCallback(sent.id);
    const flags = Number(callback.data?.flags ?? 0);
    if (callback.type !== 5) return { type: callback.type ?? 0, flags, body: callback.data as Body };
    return { type: 5, flags, body: (await gateway.waitForEdit(sent.token)).body as Body };
  }

  beforeAll(async () => {
    discord = await FakeDiscord.start();
    gateway = await FakeGateway.start({ discord });
    feeds = await FeedServer.start();
    feeds.route('/file.xml', { body: rss2([{ title: 'Taiwan coast guard drill', link: 'https://example.org/1' }]) });
    feeds.route('/new.xml', { body: rss2([{ title: 'Legislative Yuan passes budget', link: 'https://example.org/2' }, { title: 'Taipei hosts forum', link: 'https://example.org/3' }], { title: 'New outlet' }) });
    feeds.route('/page.html', { body: '<!doctype html><html><body>not a feed</body></html>', headers: { 'content-type': 'text/html' } });
    writeFileSync(configPath, JSON.stringify({ feeds: [{ id: 'file-feed', url: feeds.url('/file.xml') }] }));
    // Typed options (channel, integer) need the registered definitions, as on Discord.
    const rest = new REST({ api: discord.apiBase }).setToken(gateway.token);
    await rest.put(Routes.applicationCommands(gateway.applicationId), { body: answeredCommandDefinitions() });
  });
  afterEach(stop);
  afterAll(async () => {
    await gateway.close();
    await discord.close();
    await feeds.close();
    dir.cleanup();
  });

  it('refuses members without Manage Server, in an ephemeral reply, and changes nothing', async () => {
    const live = await start(true);
    for (const [name, sub, options] of [
      ['feeds', 'list', {}],
      ['feeds', 'add', { url: feeds.url('/new.xml'), id: 'sneaky' }],
      ['route', 'add', { channel: gateway.channelId }],
    ] as const) {
      const answer = await ask(name, sub, options, READER);
      expect(answer.type).toBe(4);
      expect(answer.flags & 64).toBe(64);
      expect(answer.body.content).toBe(`You need the Manage Server permission to use /${name} ${sub}.`);
    }
    expect(live.config.feeds.map((f) => f.id)).toEqual(['file-feed']);
    expect(live.settings.routes()).toEqual([]);
    expect(feeds.requests.filter((r) => r.path === '/new.xml')).toHaveLength(0);
  });

  it('/feeds add refuses a private address when private networks are not allowed, without storing it', async () => {
    const live = await start(false);
    const answer = await ask('feeds', 'add', { url: feeds.url('/new.xml'), id: 'loopback' });
    expect(answer.flags & 64).toBe(64);
    expect(answer.body.content).toMatch(/^Sorry, that failed: refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a private, loopback or link-local address/);
    expect(live.config.feeds.map((f) => f.id)).toEqual(['file-feed']);
    expect(live.store.settings.managedFeeds()).toEqual([]);
    expect(feeds.requests.filter((r) => r.path === '/new.xml')).toHaveLength(0);
  });

  it('/feeds add validates, test-fetches and reports; the scheduler polls the new feed; the change survives a restart', async () => {
    let live = await start(true);
    const bad = await ask('feeds', 'add', { url: 'ftp://example.org/rss', id: 'bad' });
    expect(bad.body.content).toContain('url must be an http(s) URL');
    const notFeed = await ask('feeds', 'add', { url: feeds.url('/page.html'), id: 'page' });
    expect(notFeed.body.content).toMatch(/the test fetch failed: .*; the feed was not added/);
    const duplicate = await ask('feeds', 'add', { url: feeds.url('/new.xml'), id: 'file-feed' });
    expect(duplicate.body.content).toContain('a feed with id "file-feed" exists already');
    const sameUrl = await ask('feeds', 'add', { url: feeds.url('/file.xml'), id: 'copy' });
    expect(sameUrl.body.content).toContain('"file-feed" polls this URL already');

    const added = await ask('feeds', 'add', { url: feeds.url('/new.xml'), id: 'new-outlet', language: 'en' });
    expect(added.body.content).toMatch(/^Added `new-outlet`: it is polled every 5m/);
    expect(added.body.embeds![0]!.description).toContain('New outlet');
    expect(added.body.embeds![0]!.description).toContain('2 items');
    expect(live.config.feeds.map((f) => f.id)).toEqual(['file-feed', 'new-outlet']);
    // The scheduler and `poll` read the same live list.
    const polled = await pollAll(live.config, live.deps);
    expect(polled.map((p) => p.feed).sort()).toEqual(['file-feed', 'new-outlet']);

    const list = await ask('feeds', 'list', {});
    expect(list.body.embeds![0]!.title).toBe('Feeds (2)');
    expect(list.body.embeds![0]!.description).toMatch(/`new-outlet`.*added here/);

    const removed = await ask('feeds', 'remove', { id: 'file-feed' });
    expect(removed.body.content).toContain('Removed `file-feed`');
    expect((await ask('feeds', 'remove', { id: 'file-feed' })).body.content).toContain('no feed has the id "file-feed"');

    await stop();
    live = await start(true);
    expect(live.config.feeds.map((f) => f.id)).toEqual(['new-outlet']);
    expect(live.config.feeds[0]).toMatchObject({ url: feeds.url('/new.xml'), language: 'en' });
    expect(live.store.story(live.store.latestStories(undefined, 10)[0]?.id ?? '')).toBeDefined();
  });

  it('/route add checks its filters, stores canonical group names, repairs a broken channel, and lists and removes', async () => {
    let live = await start(true);
    expect((await ask('route', 'add', { channel: gateway.channelId, topic: 'sports' })).body.content).toContain('no topic "sports"');
    expect((await ask('route', 'add', { channel: gateway.channelId, group: 'no such crew' })).body.content).toContain('no threat-actor group goes by "no such crew"');
    expect(live.settings.routes()).toEqual([]);

    live.store.outbox.markBroken(`channel:${gateway.channelId}`, new Date(), 50001, 'Missing Access');
    const added = await ask('route', 'add', { channel: gateway.channelId, topic: 'apt', group: 'zirconium' });
    expect(added.body.content).toBe(`Route #1 added: <#${gateway.channelId}> gets apt · APT31, from the next new story on.`);
    expect(live.config.routes).toEqual([{ channel: gateway.channelId, topics: ['apt'], groups: ['APT31'], ops: false }]);
    expect(live.store.outbox.brokenDestinations()).toEqual([]);
    expect((await ask('route', 'add', { channel: gateway.channelId, topic: 'apt', group: 'APT31' })).body.content).toContain('route #1 is this route already');

    await stop();
    live = await start(true);
    const list = await ask('route', 'list', {});
    expect(list.body.embeds![0]!.description).toBe(`**#1** <#${gateway.channelId}>: apt · APT31`);
    expect((await ask('route', 'remove', { number: 7 })).body.content).toContain('no route #7');
    expect((await ask('route', 'remove', { number: 1 })).body.content).toMatch(/^Route #1 removed/);
    expect(live.config.routes).toEqual([]);
    await stop();
    live = await start(true);
    expect(live.settings.routes()).toEqual([]);
  });
});
