import { Client, DiscordAPIError, HTTPError, makeURLSearchParams, REST, Routes, WebhookClient, type APIEmbed, type APIMessage } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeDiscord, type FakeDiscordOptions } from './fake-discord.js';

const CHANNEL = '1100000000000000001';
const FORBIDDEN = '1100000000000000002';
const UNKNOWN = '1100000000000000003';
const HOOK = { id: '1200000000000000001', token: 'hook-token' };

let fake: FakeDiscord;
let rest: REST;

async function startFake(options?: FakeDiscordOptions): Promise<void> {
  fake = await FakeDiscord.start(options);
  fake.addChannel(CHANNEL);
  fake.addChannel(FORBIDDEN, { forbidden: true });
  rest = new REST({ api: fake.apiBase, retries: 1, timeout: 2000 }).setToken('x');
}

beforeEach(() => startFake());
afterEach(() => fake.close());

const post = (body: object, channel = CHANNEL) => rest.post(Routes.channelMessages(channel), { body }) as Promise<APIMessage>;

/** The error a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const embed = (overrides: Partial<APIEmbed> = {}): APIEmbed => ({ title: 'Taiwan Strait drills', description: 'PLA aircraft crossed the median line.', ...overrides });
const fields = (count: number, name = 'n', value = 'v') => Array.from({ length: count }, () => ({ name, value }));

describe('FakeDiscord with the discord.js REST client', () => {
  it('creates a message and answers with a full message object', async () => {
    const message = await post({ embeds: [embed()], allowed_mentions: { parse: [] } });

    expect(message).toMatchObject({ channel_id: CHANNEL, content: '', type: 0, edited_timestamp: null, author: { bot: true } });
    expect(message.id).toMatch(/^\d{17,20}$/);
    expect(message.embeds[0]).toMatchObject({ type: 'rich', title: 'Taiwan Strait drills' });
    expect(fake.messages(CHANNEL)).toEqual([expect.objectContaining({ id: message.id, allowed_mentions: { parse: [] } })]);
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: 'POST', path: `/api/v10/channels/${CHANNEL}/messages`, status: 200 });
    expect(request?.headers.authorization).toBe('Bot x');
  });

  it.each([
    { name: 'title of 256', body: { embeds: [embed({ title: 'x'.repeat(256) })] } },
    { name: 'title of 256 plus whitespace (trimmed)', body: { embeds: [embed({ title: `  ${'x'.repeat(256)}\n` })] } },
    { name: 'content of 2000', body: { content: 'x'.repeat(2000) } },
    { name: '10 embeds', body: { embeds: Array.from({ length: 10 }, () => embed()) } },
    { name: 'exactly 6000 over two embeds', body: { embeds: [embed({ title: undefined, description: 'x'.repeat(4000) }), embed({ title: undefined, description: 'y'.repeat(2000) })] } },
    { name: '25 fields', body: { embeds: [embed({ fields: fields(25) })] } },
    { name: 'nonce of 25', body: { content: 'hi', nonce: 'n'.repeat(25), enforce_nonce: true } },
    { name: 'attachment:// image', body: { embeds: [embed({ image: { url: 'attachment://map.png' } })] } },
  ])('accepts $name', async ({ body }) => {
    await expect(post(body)).resolves.toMatchObject({ channel_id: CHANNEL });
  });

  it.each([
    { name: 'title of 257', body: { embeds: [embed({ title: 'x'.repeat(257) })] }, path: 'embeds.0.title', code: 'BASE_TYPE_MAX_LENGTH' },
    { name: 'description of 4097', body: { embeds: [embed({ description: 'x'.repeat(4097) })] }, path: 'embeds.0.description', code: 'BASE_TYPE_MAX_LENGTH' },
    { name: 'content of 2001', body: { content: 'x'.repeat(2001) }, path: 'content', code: 'BASE_TYPE_MAX_LENGTH' },
    { name: '11 embeds', body: { embeds: Array.from({ length: 11 }, () => embed()) }, path: 'embeds', code: 'BASE_TYPE_BAD_LENGTH' },
    { name: '26 fields', body: { embeds: [embed({ fields: fields(26) })] }, path: 'embeds.0.fields', code: 'BASE_TYPE_MAX_LENGTH' },
    { name: 'field name of 257', body: { embeds: [embed({ fields: fields(1, 'x'.repeat(257)) })] }, path: 'embeds.0.fields.0.name', code: 'BASE_TYPE_MAX_LENGTH' },
    { name: 'field value of 1025', body: { embeds: [embed({ fields: fields(1, 'n', 'x'.repeat(1025)) })] }, path: 'embeds.0.fields.0.value', code: 'BASE_TYPE_MAX_LENGTH' },
    { name: 'empty field value', body: { embeds: [embed({ fields: fields(1, 'n', ' ') })] }, path: 'embeds.0.fields.0.value', code: 'BASE_TYPE_REQUIRED' },
    { name: 'footer of 2049', body: { embeds: [embed({ footer: { text: 'x'.repeat(2049) } })] }, path: 'embeds.0.footer.text', code: 'BASE_TYPE_MAX_LENGTH' },
    { name: '6001 over two embeds', body: { embeds: [embed({ title: undefined, description: 'x'.repeat(4000) }), embed({ title: undefined, description: 'y'.repeat(2001) })] }, path: 'embeds', code: 'MAX_EMBED_SIZE_EXCEEDED' },
    { name: 'javascript: url', body: { embeds: [embed({ url: 'javascript:alert(1)' })] }, path: 'embeds.0.url', code: 'URL_TYPE_INVALID_SCHEME' },
    { name: 'relative url', body: { embeds: [embed({ url: '/news/1' })] }, path: 'embeds.0.url', code: 'URL_TYPE_INVALID_URL' },
    { name: 'color as a string', body: { embeds: [{ ...embed(), color: '#ff0000' }] }, path: 'embeds.0.color', code: 'NUMBER_TYPE_COERCE' },
    { name: 'fractional color', body: { embeds: [embed({ color: 1.5 })] }, path: 'embeds.0.color', code: 'NUMBER_TYPE_COERCE' },
    { name: 'color above 0xFFFFFF', body: { embeds: [embed({ color: 0x1000000 })] }, path: 'embeds.0.color', code: 'NUMBER_TYPE_MAX' },
    { name: 'timestamp not ISO 8601', body: { embeds: [embed({ timestamp: 'yesterday' })] }, path: 'embeds.0.timestamp', code: 'DATE_TYPE_PARSE' },
    { name: 'nonce of 26', body: { content: 'hi', nonce: 'n'.repeat(26) }, path: 'nonce', code: 'BASE_TYPE_MAX_LENGTH' },
    { name: 'parse users and users ids', body: { content: 'hi', allowed_mentions: { parse: ['users'], users: ['1'] } }, path: 'allowed_mentions', code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE' },
  ])('rejects $name with 400/50035 and the error at $path', async ({ body, path, code }) => {
    const error = await rejection(post(body));

    expect(error).toBeInstanceOf(DiscordAPIError);
    const apiError = error as DiscordAPIError;
    expect({ status: apiError.status, code: apiError.code }).toEqual({ status: 400, code: 50035 });
    const node = path.split('.').reduce<unknown>((tree, key) => (tree as Record<string, unknown>)[key], (apiError.rawError as { errors: unknown }).errors);
    expect(node).toEqual({ _errors: [expect.objectContaining({ code })] });
    expect(fake.messages(CHANNEL)).toEqual([]);
    // A 400 is final: discord.js does not send it again.
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    { name: 'an empty message', channel: CHANNEL, body: { content: '  ' }, status: 400, code: 50006 },
    { name: 'an unknown channel', channel: UNKNOWN, body: { content: 'hi' }, status: 404, code: 10003 },
    { name: 'a forbidden channel', channel: FORBIDDEN, body: { content: 'hi' }, status: 403, code: 50001 },
  ])('answers $name with $status/$code', async ({ channel, body, status, code }) => {
    const error = (await rejection(post(body, channel))) as DiscordAPIError;

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect({ status: error.status, code: error.code }).toEqual({ status, code });
  });

  it('answers 401 without a bot token', async () => {
    const response = await fetch(`${fake.apiBase}/v10/channels/${CHANNEL}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"content":"hi"}' });

    expect(response.status).toBe(401);
    expect(fake.messages(CHANNEL)).toEqual([]);
  });

  it.each([
    { name: 'with enforce_nonce: the first message, none created', enforce: true, created: 1 },
    { name: 'without enforce_nonce: a second message', enforce: false, created: 2 },
  ])('a repeated nonce $name', async ({ enforce, created }) => {
    const body = { embeds: [embed()], nonce: 'story-940cd3c657df5df42d', enforce_nonce: enforce };

    const first = await post(body);
    const second = await post(body);

    expect(second.id === first.id).toBe(enforce);
    expect(fake.messages(CHANNEL)).toHaveLength(created);
  });

  it('a 500 after the message was created, retried by discord.js with the same nonce, leaves one message', async () => {
    fake.nextResponses([{ status: 500, commit: true }]);

    const message = await post({ content: 'alert', nonce: 'story-1', enforce_nonce: true });

    expect(fake.requests.map((r) => r.status)).toEqual([500, 200]);
    expect(fake.messages(CHANNEL).map((m) => m.id)).toEqual([message.id]);
  });

  it('discord.js retries a 500 and gives up after `retries`', async () => {
    fake.failEvery(2, 500);

    await post({ content: 'one' });
    await post({ content: 'two' });
    expect(fake.requests.map((r) => r.status)).toEqual([200, 500, 200]);
    expect(fake.messages(CHANNEL).map((m) => m.content)).toEqual(['one', 'two']);

    fake.failEvery(1, 503);
    const error = await rejection(post({ content: 'three' }));
    expect(error).toBeInstanceOf(HTTPError);
    expect((error as HTTPError).status).toBe(503);
    expect(fake.requests.slice(3).map((r) => r.status)).toEqual([503, 503]);
  });

  it('discord.js waits out an injected 429 and sends once more (not counted as a retry)', async () => {
    fake.rateLimitEvery(2, 0.05);
    rest = new REST({ api: fake.apiBase, retries: 0, timeout: 2000 }).setToken('x');

    await post({ content: 'one' });
    await post({ content: 'two' });

    expect(fake.requests.map((r) => r.status)).toEqual([200, 429, 200]);
    expect(fake.messages(CHANNEL).map((m) => m.content)).toEqual(['one', 'two']);
  });

  it('answers a 429 the way Discord does', async () => {
    fake.rateLimitEvery(1, 0.25);
    const response = await fetch(`${fake.apiBase}/v10/channels/${CHANNEL}/messages`, { method: 'POST', headers: { authorization: 'Bot x' }, body: '{"content":"hi"}' });

    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ message: 'You are being rate limited.', retry_after: 0.25, global: false });
    expect(Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('x-ratelimit') || name === 'retry-after'))).toEqual({
      'retry-after': '0.25',
      'x-ratelimit-limit': expect.stringMatching(/^\d+$/),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': expect.stringMatching(/^\d+\.\d{3}$/),
      'x-ratelimit-reset-after': '0.250',
      'x-ratelimit-bucket': expect.stringMatching(/^[0-9a-f]{32}$/),
      'x-ratelimit-scope': 'user',
    });
  });

  it('announces its buckets in X-RateLimit-* so discord.js queues instead of hitting 429s', async () => {
    await fake.close();
    await startFake({ bucketLimit: 2, bucketWindowMs: 100 });

    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((content) => post({ content })));

    expect(fake.messages(CHANNEL).map((m) => m.content)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('edits a message with PATCH, validating the new body', async () => {
    const message = await post({ content: 'first' });

    const edited = (await rest.patch(Routes.channelMessage(CHANNEL, message.id), { body: { embeds: [embed({ title: 'Updated' })] } })) as APIMessage;
    const invalid = (await rejection(rest.patch(Routes.channelMessage(CHANNEL, message.id), { body: { content: 'x'.repeat(2001) } }))) as DiscordAPIError;
    const missing = (await rejection(rest.patch(Routes.channelMessage(CHANNEL, '1'), { body: { content: 'x' } }))) as DiscordAPIError;

    expect(edited).toMatchObject({ id: message.id, content: 'first', embeds: [{ title: 'Updated' }], edited_timestamp: expect.any(String) });
    expect(invalid.code).toBe(50035);
    expect(missing.code).toBe(10008);
    expect(fake.messages(CHANNEL)).toEqual([edited]);
  });

  it('lists recent messages newest first, at most `limit`', async () => {
    for (const content of ['one', 'two', 'three']) await post({ content });

    const recent = (await rest.get(Routes.channelMessages(CHANNEL), { query: makeURLSearchParams({ limit: 2 }) })) as APIMessage[];
    const badLimit = (await rejection(rest.get(Routes.channelMessages(CHANNEL), { query: makeURLSearchParams({ limit: 101 }) }))) as DiscordAPIError;

    expect(recent.map((m) => m.content)).toEqual(['three', 'two']);
    expect(badLimit.code).toBe(50035);
  });

  it('resolves waitForMessages once enough messages arrive', async () => {
    const waiting = fake.waitForMessages(CHANNEL, 2);
    void post({ content: 'one' }).then(() => post({ content: 'two' }));

    expect((await waiting).map((m) => m.content)).toEqual(['one', 'two']);
  });
});

describe('FakeDiscord webhooks with discord.js WebhookClient', () => {
  it('executes a webhook with wait=true, without a bot token, and returns the message', async () => {
    const channelId = fake.addWebhook(HOOK.id, HOOK.token);
    const webhook = new WebhookClient(HOOK, { rest: { api: fake.apiBase, retries: 0, timeout: 2000 } });

    const message = await webhook.send({ embeds: [embed()], allowedMentions: { parse: [] } });
    webhook.destroy();

    expect(message).toMatchObject({ channel_id: channelId, webhook_id: HOOK.id, author: { id: HOOK.id, bot: true }, embeds: [{ title: 'Taiwan Strait drills' }] });
    expect(fake.messages(channelId)).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: 'POST', path: `/api/v10/webhooks/${HOOK.id}/${HOOK.token}`, query: { wait: 'true' } });
    expect(request?.headers.authorization).toBeUndefined();
  });

  it.each([
    { name: 'an unknown webhook', id: '1200000000000000009', token: HOOK.token },
    { name: 'a wrong token', id: HOOK.id, token: 'wrong' },
  ])('answers $name with 404/10015', async ({ id, token }) => {
    fake.addWebhook(HOOK.id, HOOK.token);
    const webhook = new WebhookClient({ id, token }, { rest: { api: fake.apiBase, retries: 0, timeout: 2000 } });

    const error = (await rejection(webhook.send({ content: 'hi' }))) as DiscordAPIError;
    webhook.destroy();

    expect({ status: error.status, code: error.code }).toEqual({ status: 404, code: 10015 });
  });

  it('answers 204 with no body without wait=true', async () => {
    fake.addWebhook(HOOK.id, HOOK.token);

    const response = await rest.post(Routes.webhook(HOOK.id, HOOK.token), { body: { content: 'hi' }, auth: false });

    expect(fake.requests[0]?.status).toBe(204);
    expect(response).toBeInstanceOf(ArrayBuffer);
  });
});

describe('FakeDiscord with a discord.js Client', () => {
  it('serves client.rest without a gateway login', async () => {
    const client = new Client({ intents: [], rest: { api: fake.apiBase, retries: 0, timeout: 2000 } });
    client.rest.setToken('x');

    const message = (await client.rest.post(Routes.channelMessages(CHANNEL), { body: { content: 'from a client' } })) as APIMessage;
    await client.destroy();

    expect(fake.messages(CHANNEL).map((m) => m.id)).toEqual([message.id]);
  });
});
