import { once } from 'node:events';
import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredCommandDefinitions, StraitwatchBot } from '../../src/bot/straitwatch-bot.js';
import { parseConfig } from '../../src/config/load-config.js';
import { emptyFeedState } from '../../src/core/feed-state.js';
import { silentLogger } from '../../src/log/logger.js';
import { LiveSettings } from '../../src/pipeline/live-settings.js';
import { SummaryService } from '../../src/pipeline/summary-service.js';
import { createHttpFeedClient } from '../../src/fetch/http-feed-client.js';
import { type SqliteStore, openSqliteStore } from '../../src/store/sqlite-store.js';
import { CircuitBreaker } from '../../src/summarize/circuit-breaker.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { FakeGateway } from '../support/fake-gateway.js';
import { understanding } from '../support/pipeline-harness.js';
import { makeStory } from '../support/stories.js';

const understand = understanding();
const STORIES = [
  ...Array.from({ length: 7 }, (_, i) => ({ id: `tw${i}`, title: `臺灣國防部：共機擾台 第${i + 1}報`, published: `2025-06-0${i + 1}T01:00:00.000Z` })),
  { id: 'violet', title: 'Microsoft: Violet Typhoon targeted ministries', published: '2025-06-02T00:00:00.000Z' },
];

describe('StraitwatchBot over a loopback gateway', () => {
  let discord: FakeDiscord;
  let gateway: FakeGateway;
  let store: SqliteStore;
  let bot: StraitwatchBot;

  beforeAll(async () => {
    discord = await FakeDiscord.start();
    gateway = await FakeGateway.start({ discord });
    store = openSqliteStore(':memory:');
    store.commitRefresh({
      state: emptyFeedState('cna-zh', 'u'),
      stories: STORIES.map((s) => makeStory({ ...s, feedId: 'cna-zh', classification: understand({ title: s.title }) })),
    });
    const config = parseConfig({ feeds: [{ id: 'cna-zh', url: 'https://example.org/rss' }] }, 'test');
    const summaries = new SummaryService({
      language: 'en',
      breaker: new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1000 }),
      budget: { requestsPerHour: 1, tokensPerDay: 1 },
      store: store.summaries,
      log: silentLogger(),
      now: () => new Date(),
    });
    const settings = new LiveSettings(config, store, () => new Date());
    const http = createHttpFeedClient({ connectTimeoutMs: 1000, timeoutMs: 1000, maxBodyBytes: 1 << 20, maxRedirects: 3, userAgent: 'test', allowPrivateNetworks: false });
    bot = new StraitwatchBot({ token: gateway.token, apiBase: discord.apiBase, app: { config, store, summaries, settings, http }, log: silentLogger() });
    const ready = once(bot.client, Events.ClientReady);
    await bot.start();
    await ready;
  });
  afterAll(async () => {
    await bot.stop();
    await gateway.close();
    await discord.close();
    store.close();
  });

  it('/search defers ephemerally, then pages five results at a time', async () => {
    const sent = gateway.sendInteraction(gateway.chatInput('search', { options: { query: '台湾' } }));
    const defer = await gateway.waitForCallback(sent.id);
    expect(defer).toMatchObject({ type: 5, data: { flags: 64 } });
    const edit = await gateway.waitForEdit(sent.token);
    const embed = (edit.body!.embeds as Array<{ description: string }>)[0]!;
    expect(embed.description.match(/\*\*\d+\.\*\*/g)).toHaveLength(5);
    const rows = edit.body!.components as Array<{ components: Array<{ custom_id: string; disabled: boolean }> }>;
    const next = rows[0]!.components[1]!;
    expect(next.disabled).toBe(false);
    const click = gateway.sendInteraction(gateway.button(next.custom_id));
    const update = await gateway.waitForCallback(click.id);
    expect(update.type).toBe(7);
    const page2 = (update.data!.embeds as Array<{ description: string }>)[0]!.description;
    expect(page2).toContain('**6.**');
  });

  it('/search with share posts for everyone', async () => {
    const sent = gateway.sendInteraction(gateway.chatInput('search', { options: { query: 'Violet Typhoon', share: true } }));
    expect((await gateway.waitForCallback(sent.id)).data?.flags ?? 0).toBe(0);
    const edit = await gateway.waitForEdit(sent.token);
    expect(JSON.stringify(edit.body)).toContain('Violet Typhoon targeted ministries');
  });

  it('/why explains a story; an unknown id gets a clear answer', async () => {
    const sent = gateway.sendInteraction(gateway.chatInput('why', { options: { story: 'violet' } }));
    const edit = await gateway.waitForEdit(sent.token);
    expect(JSON.stringify(edit.body)).toContain('APT31');
    const unknown = gateway.sendInteraction(gateway.chatInput('why', { options: { story: 'nope' } }));
    expect((await gateway.waitForEdit(unknown.token)).body!.content).toContain('No story with that id');
  });

  it('/latest lists the newest relevant stories, newest first', async () => {
    const sent = gateway.sendInteraction(gateway.chatInput('latest', { options: { topic: 'taiwan', count: 3 } }));
    const description = ((await gateway.waitForEdit(sent.token)).body!.embeds as Array<{ description: string }>)[0]!.description;
    expect(description.match(/\*\*\d+\.\*\*/g)).toEqual(['**1.**', '**2.**', '**3.**']);
    expect(description.indexOf('第7報')).toBeLessThan(description.indexOf('第6報'));
  });

  it('/story shows one story in full', async () => {
    const sent = gateway.sendInteraction(gateway.chatInput('story', { options: { id: 'violet' } }));
    const embeds = (await gateway.waitForEdit(sent.token)).body!.embeds as Array<{ title: string; footer?: { text: string } }>;
    expect(embeds[0]!.title).toContain('Violet Typhoon targeted ministries');
    expect(embeds[0]!.footer!.text).toContain('violet');
  });

  it('/group finds a group by any alias', async () => {
    const sent = gateway.sendInteraction(gateway.chatInput('group', { options: { name: 'zirconium' } }));
    const edit = await gateway.waitForEdit(sent.token);
    expect((edit.body!.embeds as Array<{ title: string }>)[0]!.title).toBe('APT31 🇨🇳');
  });

  it('/status and /help answer', async () => {
    const status = gateway.sendInteraction(gateway.chatInput('status'));
    expect(JSON.stringify((await gateway.waitForEdit(status.token)).body)).toContain('8 stored');
    const help = gateway.sendInteraction(gateway.chatInput('help'));
    expect(JSON.stringify((await gateway.waitForEdit(help.token)).body)).toContain('/search');
  });

  it('a search that cannot run gets a clear message, not silence', async () => {
    const sent = gateway.sendInteraction(gateway.chatInput('search', { options: { query: 'a' } }));
    expect((await gateway.waitForEdit(sent.token)).body!.content).toMatch(/Sorry, that failed: nothing to search for/);
  });

  it('autocompletes groups', async () => {
    const sent = gateway.sendInteraction(gateway.autocomplete('search', { options: { query: 'x', group: 'apt4' }, focused: 'group' }));
    const answer = await gateway.waitForCallback(sent.id);
    expect(answer.type).toBe(8);
    const choices = (answer.data!.choices as Array<{ value: string }>).map((c) => c.value);
    expect(choices).toContain('APT41');
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('registers only the commands it answers', () => {
    expect(answeredCommandDefinitions().map((c) => c.name)).toEqual(['search', 'latest', 'story', 'group', 'why', 'feeds', 'route', 'status', 'help']);
  });
});
