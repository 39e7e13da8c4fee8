import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Discord REST stand-in on 127.0.0.1:0 for discord.js (`rest: { api: fake.apiBase }`).
 * It validates message bodies as the real API does (DISCORD.md §1: 400/50035 with an error
 * tree), deduplicates `nonce` + `enforce_nonce`, sends X-RateLimit-* headers from real
 * per-route buckets, and injects 5xx and 429 answers on demand. Every request is recorded.
 */

export interface FakeUser {
  id: string;
  username: string;
  bot: true;
  discriminator: string;
  avatar: null;
  global_name: null;
  public_flags: number;
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  author: FakeUser;
  content: string;
  embeds: Array<Record<string, unknown>>;
  nonce?: string | number;
  allowed_mentions?: unknown;
  webhook_id?: string;
  timestamp: string;
  edited_timestamp: string | null;
  type: 0;
  tts: false;
  mention_everyone: false;
  mentions: [];
  mention_roles: [];
  attachments: [];
  components: unknown[];
  pinned: false;
  flags: number;
}

export interface RecordedRequest {
  method: string;
  /** Decoded path, e.g. "/api/v10/channels/1/messages". */
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** The status answered. */
  status: number;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Handle the request for real first (the message is created), then answer this: a lost response. */
  commit?: boolean;
  /** Hold the answer this long after handling it (a client killed meanwhile never hears it). */
  holdMs?: number;
}

/** An extra route (FakeGateway's, for one): an answer, or undefined to pass the request on. */
export type FakeRoute = (request: RecordedRequest) => FakeResponse | undefined;

export interface FakeDiscordOptions {
  /** Requests per bucket (route + channel or webhook) per window, announced in X-RateLimit-*; more get a 429. */
  bucketLimit?: number;
  bucketWindowMs?: number;
  /** How long a nonce with `enforce_nonce` is remembered ("the past few minutes"). */
  nonceWindowMs?: number;
  /** When set, the only bot token accepted. */
  token?: string;
  now?: () => Date;
}

interface Channel {
  forbidden: boolean;
  messages: FakeMessage[];
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type ErrorTree = { [key: string]: ErrorTree | Array<{ code: string; message: string }> };

const LIMITS = { content: 2000, embeds: 10, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footerText: 2048, authorName: 256, total: 6000, nonce: 25 } as const;
const DISCORD_EPOCH = 1420070400000n;

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly bot: FakeUser = fakeUser('100000000000000001', 'straitwatch');
  private readonly channels = new Map<string, Channel>();
  private readonly webhooks = new Map<string, { token: string; channelId: string; name: string }>();
  private readonly buckets = new Map<string, { start: number; count: number }>();
  private readonly queued: FakeResponse[] = [];
  private readonly waiters: Array<() => void> = [];
  private readonly extraRoutes: FakeRoute[] = [];
  private failing?: { every: number; status: number; commit: boolean };
  private limiting?: { every: number; retryAfter: number; global: boolean };
  private counter = 0;
  private lastId = 0n;
  private readonly server = http.createServer((req, res) => void this.handle(req, res));

  private constructor(private readonly options: Required<Omit<FakeDiscordOptions, 'token'>> & { token?: string }) {}

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord({ bucketLimit: 50, bucketWindowMs: 1000, nonceWindowMs: 5 * 60_000, now: () => new Date(), ...options });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** For `rest: { api }`: discord.js appends "/v10". */
  get apiBase(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  addChannel(id: string, options: { forbidden?: boolean } = {}): void {
    this.channels.set(id, { forbidden: options.forbidden ?? false, messages: this.channels.get(id)?.messages ?? [] });
  }

  /** Registers a webhook posting into `channelId` (a new channel when omitted); returns that channel id. */
  addWebhook(id: string, token: string, options: { channelId?: string; name?: string } = {}): string {
    const channelId = options.channelId ?? this.snowflake();
    if (!this.channels.has(channelId)) this.addChannel(channelId);
    this.webhooks.set(id, { token, channelId, name: options.name ?? 'straitwatch-hook' });
    return channelId;
  }

  /** Messages in a channel, oldest first. */
  messages(channelId: string): FakeMessage[] {
    return [...(this.channels.get(channelId)?.messages ?? [])];
  }

  /** Resolves once `channelId` holds at least `count` messages. */
  async waitForMessages(channelId: string, count: number): Promise<FakeMessage[]> {
    while (this.messages(channelId).length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.messages(channelId);
  }

  /** Every `n`th request (counting all) answers `status`; with `commit`, after creating the message. `failEvery(0)` stops. */
  failEvery(n: number, status = 500, options: { commit?: boolean } = {}): void {
    this.failing = n > 0 ? { every: n, status, commit: options.commit ?? false } : undefined;
  }

  /** Every `n`th request (counting all) answers 429 with `retry_after` = `retryAfterSeconds`. `rateLimitEvery(0)` stops. */
  rateLimitEvery(n: number, retryAfterSeconds = 0.05, options: { global?: boolean } = {}): void {
    this.limiting = n > 0 ? { every: n, retryAfter: retryAfterSeconds, global: options.global ?? false } : undefined;
  }

  /** The next requests get these answers, in order, before anything else applies. */
  nextResponses(responses: FakeResponse[]): void {
    this.queued.push(...responses);
  }

  /** Serves more routes, tried before the channel and webhook ones (after injected failures and 429s). */
  addRoutes(route: FakeRoute): void {
    this.extraRoutes.push(route);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const raw = await readBody(req);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: raw ? tryJson(raw) : undefined,
      status: 0,
    };
    this.requests.push(record);
    const answer = this.answer(record, raw);
    record.status = answer.status;
    const hold = (answer as FakeResponse).holdMs;
    if (hold) {
      // The message exists now; tell waiters before the (held) answer.
      for (const wake of this.waiters.splice(0)) wake();
      await new Promise((resolve) => setTimeout(resolve, hold));
      if (res.destroyed) return;
    }
    if (answer.status === 204 || answer.body === undefined) {
      // discord.js parses any application/json answer: a 204 must have no such header.
      res.writeHead(answer.status, answer.headers);
      res.end();
    } else {
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    }
    for (const wake of this.waiters.splice(0)) wake();
  }

  private answer(request: RecordedRequest, raw: string): Answer {
    const injected = this.injected(request);
    if (injected && !injected.commit) return injected;
    const real = this.route(request, raw);
    return injected ?? real;
  }

  private injected(request: RecordedRequest): FakeResponse | undefined {
    const next = this.queued.shift();
    if (next) return next;
    this.counter += 1;
    if (this.limiting && this.counter % this.limiting.every === 0) {
      const { retryAfter, global } = this.limiting;
      return {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: retryAfter, global },
        headers: {
          ...rateLimitHeaders(this.options.bucketLimit, 0, retryAfter, routeOf(request)?.key ?? 'unknown', this.options.now()),
          'retry-after': String(retryAfter),
          'x-ratelimit-scope': global ? 'global' : 'user',
          ...(global && { 'x-ratelimit-global': 'true' }),
        },
      };
    }
    if (this.failing && this.counter % this.failing.every === 0) {
      return { status: this.failing.status, body: { message: `${this.failing.status}: injected failure`, code: 0 }, commit: this.failing.commit };
    }
    return undefined;
  }

  private route(request: RecordedRequest, raw: string): Answer {
    for (const extra of this.extraRoutes) {
      const answer = extra(request);
      if (answer) return answer;
    }
    const route = routeOf(request);
    if (!route) return notFound();
    const { id, token, messageId } = route;
    if (route.kind === 'webhook') {
      return this.limited(route.key, id, () =>
        request.method === 'POST' && !messageId
          ? this.executeWebhook(id, token!, request, raw)
          : request.method === 'PATCH' && messageId
            ? this.editWebhookMessage(id, token!, messageId, raw)
            : methodNotAllowed(),
      );
    }
    return this.limited(route.key, id, () => {
      const denied = this.checkAuth(request) ?? this.checkChannel(id);
      if (denied) return denied;
      if (!messageId && request.method === 'POST') return this.createMessage(id, raw);
      if (!messageId && request.method === 'GET') return this.listMessages(id, request.query);
      if (messageId && request.method === 'PATCH') return this.editMessage(id, messageId, raw);
      if (messageId && request.method === 'GET') return this.getMessage(id, messageId);
      return methodNotAllowed();
    });
  }

  /** Counts the request against its bucket; over the limit it is a 429, else the handler's answer with the bucket's headers. */
  private limited(routeKey: string, major: string, handler: () => Answer): Answer {
    const now = this.options.now();
    const key = `${routeKey}:${major}`;
    let bucket = this.buckets.get(key);
    if (!bucket || now.getTime() - bucket.start >= this.options.bucketWindowMs) {
      bucket = { start: now.getTime(), count: 0 };
      this.buckets.set(key, bucket);
    }
    bucket.count += 1;
    const limit = this.options.bucketLimit;
    const resetAfter = Math.max(0, bucket.start + this.options.bucketWindowMs - now.getTime()) / 1000;
    const headers = rateLimitHeaders(limit, Math.max(0, limit - bucket.count), resetAfter, routeKey, now);
    if (bucket.count > limit) {
      return {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: resetAfter, global: false },
        headers: { ...headers, 'retry-after': String(resetAfter), 'x-ratelimit-scope': 'user' },
      };
    }
    const answer = handler();
    return { ...answer, headers: { ...headers, ...answer.headers } };
  }

  private checkAuth(request: RecordedRequest): Answer | undefined {
    const token = /^Bot (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token || (this.options.token !== undefined && token !== this.options.token)) {
      return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    }
    return undefined;
  }

  private checkChannel(id: string): Answer | undefined {
    const channel = this.channels.get(id);
    if (!channel) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    if (channel.forbidden) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
    return undefined;
  }

  private createMessage(channelId: string, raw: string): Answer {
    const parsed = parseBody(raw);
    if ('status' in parsed) return parsed;
    const invalid = validateMessage(parsed.body, true);
    if (invalid) return invalid;
    const channel = this.channels.get(channelId)!;
    const { nonce, enforce_nonce } = parsed.body;
    if (enforce_nonce === true && nonce !== undefined) {
      const since = this.options.now().getTime() - this.options.nonceWindowMs;
      const first = channel.messages.find((m) => m.nonce === nonce && m.author.id === this.bot.id && Date.parse(m.timestamp) >= since);
      if (first) return { status: 200, body: first };
    }
    return { status: 200, body: this.store(channelId, parsed.body, this.bot, { nonce: nonce as string | number | undefined }) };
  }

  private executeWebhook(id: string, token: string, request: RecordedRequest, raw: string): Answer {
    const webhook = this.webhooks.get(id);
    if (!webhook || webhook.token !== token) return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
    const parsed = parseBody(raw);
    if ('status' in parsed) return parsed;
    const invalid = validateMessage(parsed.body, true);
    if (invalid) return invalid;
    const username = typeof parsed.body.username === 'string' ? parsed.body.username : webhook.name;
    // Webhooks take no nonce (DISCORD.md §7): nothing is deduplicated.
    const message = this.store(webhook.channelId, parsed.body, fakeUser(id, username), { webhookId: id });
    return request.query.wait === 'true' ? { status: 200, body: message } : { status: 204 };
  }

  /** PATCH /webhooks/:id/:token/messages/:mid: only the webhook's own messages. */
  private editWebhookMessage(id: string, token: string, messageId: string, raw: string): Answer {
    const webhook = this.webhooks.get(id);
    if (!webhook || webhook.token !== token) return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
    const message = this.channels.get(webhook.channelId)!.messages.find((m) => m.id === messageId);
    if (!message || message.webhook_id !== id) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
    return this.applyEdit(message, raw);
  }

  private editMessage(channelId: string, messageId: string, raw: string): Answer {
    const message = this.channels.get(channelId)!.messages.find((m) => m.id === messageId);
    if (!message) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
    if (message.author.id !== this.bot.id) return { status: 403, body: { message: 'Cannot edit a message authored by another user', code: 50005 } };
    return this.applyEdit(message, raw);
  }

  private applyEdit(message: FakeMessage, raw: string): Answer {
    const parsed = parseBody(raw);
    if ('status' in parsed) return parsed;
    const invalid = validateMessage(parsed.body, false);
    if (invalid) return invalid;
    const { content, embeds, allowed_mentions } = parsed.body;
    if (typeof content === 'string') message.content = content;
    if (Array.isArray(embeds)) message.embeds = embeds.map(richEmbed);
    if (allowed_mentions !== undefined) message.allowed_mentions = allowed_mentions;
    message.edited_timestamp = discordTime(this.options.now());
    return { status: 200, body: message };
  }

  private listMessages(channelId: string, query: Record<string, string>): Answer {
    const limit = query.limit === undefined ? 50 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      return invalidForm({ limit: { _errors: [{ code: 'NUMBER_TYPE_MAX', message: 'Must be between 1 and 100.' }] } });
    }
    const newestFirst = [...this.channels.get(channelId)!.messages].reverse();
    const before = query.before === undefined ? undefined : BigInt(query.before);
    const after = query.after === undefined ? undefined : BigInt(query.after);
    const picked = newestFirst.filter((m) => (before === undefined || BigInt(m.id) < before) && (after === undefined || BigInt(m.id) > after));
    return { status: 200, body: picked.slice(0, limit) };
  }

  private getMessage(channelId: string, messageId: string): Answer {
    const message = this.channels.get(channelId)!.messages.find((m) => m.id === messageId);
    return message ? { status: 200, body: message } : { status: 404, body: { message: 'Unknown Message', code: 10008 } };
  }

  private store(channelId: string, body: Record<string, unknown>, author: FakeUser, extra: { nonce?: string | number; webhookId?: string }): FakeMessage {
    const message: FakeMessage = {
      id: this.snowflake(),
      channel_id: channelId,
      author,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: Array.isArray(body.embeds) ? body.embeds.map(richEmbed) : [],
      ...(extra.nonce !== undefined && { nonce: extra.nonce }),
      ...(body.allowed_mentions !== undefined && { allowed_mentions: body.allowed_mentions }),
      ...(extra.webhookId && { webhook_id: extra.webhookId }),
      timestamp: discordTime(this.options.now()),
      edited_timestamp: null,
      type: 0,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      components: [],
      pinned: false,
      flags: 0,
    };
    this.channels.get(channelId)!.messages.push(message);
    return message;
  }

  /** Increasing ids shaped like Discord's: milliseconds since 2015 shifted left by 22 bits. */
  snowflake(): string {
    const fromClock = (BigInt(this.options.now().getTime()) - DISCORD_EPOCH) << 22n;
    this.lastId = fromClock > this.lastId ? fromClock : this.lastId + 1n;
    return this.lastId.toString();
  }
}

interface Route {
  kind: 'channel' | 'webhook';
  /** Method and route template: what a rate-limit bucket is named after. */
  key: string;
  /** Channel or webhook id: the major parameter. */
  id: string;
  token?: string;
  messageId?: string;
}

/** The routes this fake serves: /api/v10/channels/:id/messages[/:mid] and /api/v10/webhooks/:id/:token. */
function routeOf(request: RecordedRequest): Route | undefined {
  const parts = request.path.split('/').filter(Boolean);
  if (parts[0] !== 'api' || parts[1] !== 'v10') return undefined;
  const [resource, id, sub, messageId, extra, more] = parts.slice(2);
  if (resource === 'webhooks' && id && sub && messageId === 'messages' && extra && more === undefined) {
    return { kind: 'webhook', key: `${request.method} /webhooks/:id/:token/messages/:mid`, id, token: sub, messageId: extra };
  }
  if (!id || !sub || extra !== undefined) return undefined;
  if (resource === 'webhooks' && messageId === undefined) return { kind: 'webhook', key: `${request.method} /webhooks/:id/:token`, id, token: sub };
  if (resource !== 'channels' || sub !== 'messages') return undefined;
  const template = messageId ? '/channels/:id/messages/:mid' : '/channels/:id/messages';
  return { kind: 'channel', key: `${request.method} ${template}`, id, ...(messageId && { messageId }) };
}

/** Checks a message body against DISCORD.md §1; a 400 answer listing every problem, or undefined. */
export function validateMessage(body: Record<string, unknown>, creating: boolean): FakeResponse | undefined {
  const errors: ErrorTree = {};
  const { content, embeds, nonce, allowed_mentions } = body;
  if (content !== undefined && content !== null) {
    if (typeof content !== 'string') addError(errors, ['content'], 'BASE_TYPE_STRING', 'Must be a string.');
    else if (content.trim().length > LIMITS.content) addError(errors, ['content'], 'BASE_TYPE_MAX_LENGTH', `Must be ${LIMITS.content} or fewer in length.`);
  }
  if (embeds !== undefined && embeds !== null) validateEmbeds(embeds, errors);
  if (nonce !== undefined && !(typeof nonce === 'string' ? nonce.length <= LIMITS.nonce : Number.isInteger(nonce))) {
    addError(errors, ['nonce'], 'BASE_TYPE_MAX_LENGTH', `Must be ${LIMITS.nonce} or fewer in length.`);
  }
  if (body.enforce_nonce !== undefined && typeof body.enforce_nonce !== 'boolean') addError(errors, ['enforce_nonce'], 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
  if (allowed_mentions !== undefined) validateAllowedMentions(allowed_mentions, errors);
  if (Object.keys(errors).length > 0) return invalidForm(errors);
  const empty = !(typeof content === 'string' && content.trim()) && !(Array.isArray(embeds) && embeds.length > 0);
  if (creating && empty && !body.sticker_ids && !body.components && !body.poll) {
    return { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };
  }
  return undefined;
}

function validateEmbeds(embeds: unknown, errors: ErrorTree): void {
  if (!Array.isArray(embeds)) return addError(errors, ['embeds'], 'BASE_TYPE_ARRAY', 'Must be an array.');
  if (embeds.length > LIMITS.embeds) return addError(errors, ['embeds'], 'BASE_TYPE_BAD_LENGTH', `Must be between 0 and ${LIMITS.embeds} in length.`);
  let total = 0;
  embeds.forEach((embed: unknown, i) => {
    const at = (...path: Array<string | number>) => ['embeds', i, ...path];
    if (typeof embed !== 'object' || embed === null || Array.isArray(embed)) return addError(errors, at(), 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    const e = embed as Record<string, unknown>;
    total += text(errors, e.title, at('title'), LIMITS.title);
    total += text(errors, e.description, at('description'), LIMITS.description);
    url(errors, e.url, at('url'), false);
    if (e.timestamp !== undefined && (typeof e.timestamp !== 'string' || Number.isNaN(Date.parse(e.timestamp)))) {
      addError(errors, at('timestamp'), 'DATE_TYPE_PARSE', `Could not parse ${String(e.timestamp)}. Should be ISO8601.`);
    }
    if (e.color !== undefined && e.color !== null) {
      if (typeof e.color !== 'number' || !Number.isInteger(e.color)) addError(errors, at('color'), 'NUMBER_TYPE_COERCE', `Value "${String(e.color)}" is not int.`);
      else if (e.color < 0 || e.color > 0xffffff) addError(errors, at('color'), 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 16777215.');
    }
    const footer = part(errors, e.footer, at('footer'));
    if (footer) {
      total += text(errors, footer.text, at('footer', 'text'), LIMITS.footerText, true);
      url(errors, footer.icon_url, at('footer', 'icon_url'), true);
    }
    const author = part(errors, e.author, at('author'));
    if (author) {
      total += text(errors, author.name, at('author', 'name'), LIMITS.authorName, true);
      url(errors, author.url, at('author', 'url'), false);
      url(errors, author.icon_url, at('author', 'icon_url'), true);
    }
    for (const media of ['image', 'thumbnail'] as const) {
      const value = part(errors, e[media], at(media));
      if (value) {
        if (value.url === undefined) addError(errors, at(media, 'url'), 'BASE_TYPE_REQUIRED', 'This field is required');
        url(errors, value.url, at(media, 'url'), true);
      }
    }
    if (e.fields !== undefined) {
      if (!Array.isArray(e.fields)) return addError(errors, at('fields'), 'BASE_TYPE_ARRAY', 'Must be an array.');
      if (e.fields.length > LIMITS.fields) addError(errors, at('fields'), 'BASE_TYPE_MAX_LENGTH', `Must be ${LIMITS.fields} or fewer in length.`);
      e.fields.forEach((field: unknown, j) => {
        const f = part(errors, field, at('fields', j));
        if (!f) return;
        total += text(errors, f.name, at('fields', j, 'name'), LIMITS.fieldName, true);
        total += text(errors, f.value, at('fields', j, 'value'), LIMITS.fieldValue, true);
        if (f.inline !== undefined && typeof f.inline !== 'boolean') addError(errors, at('fields', j, 'inline'), 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
      });
    }
  });
  if (total > LIMITS.total) addError(errors, ['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${LIMITS.total}`);
}

function validateAllowedMentions(value: unknown, errors: ErrorTree): void {
  const mentions = part(errors, value, ['allowed_mentions']);
  if (!mentions) return;
  const parse = mentions.parse ?? [];
  if (!Array.isArray(parse) || parse.some((p) => !['users', 'roles', 'everyone'].includes(p as string))) {
    return addError(errors, ['allowed_mentions', 'parse'], 'ENUM_TYPE_COERCE', 'Value must be one of {"users", "roles", "everyone"}.');
  }
  for (const kind of ['users', 'roles'] as const) {
    const ids = mentions[kind];
    if (parse.includes(kind) && Array.isArray(ids) && ids.length > 0) {
      addError(errors, ['allowed_mentions'], 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`);
    }
  }
}

/** Validates an optional string slot (trimmed, as Discord counts it) and returns what it adds to the 6000 total. */
function text(errors: ErrorTree, value: unknown, path: Array<string | number>, max: number, required = false): number {
  if (value === undefined || value === null) {
    if (required) addError(errors, path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return 0;
  }
  if (typeof value !== 'string') {
    addError(errors, path, 'BASE_TYPE_STRING', 'Must be a string.');
    return 0;
  }
  // UTF-16 units, like JS .length: never below what Discord counts (DISCORD.md §1).
  const length = value.trim().length;
  if (required && length === 0) addError(errors, path, 'BASE_TYPE_REQUIRED', 'This field is required');
  if (length > max) addError(errors, path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  return length;
}

function url(errors: ErrorTree, value: unknown, path: Array<string | number>, attachments: boolean): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string') return addError(errors, path, 'BASE_TYPE_STRING', 'Must be a string.');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  const allowed = attachments ? ['http', 'https', 'attachment'] : ['http', 'https'];
  if (!scheme || !URL.canParse(value)) return addError(errors, path, 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
  if (!allowed.includes(scheme)) {
    addError(errors, path, 'URL_TYPE_INVALID_SCHEME', `Scheme "${scheme}" is not supported. Scheme must be one of (${allowed.map((s) => `'${s}'`).join(', ')}).`);
  }
}

/** An optional nested object; undefined (with an error when it is not an object) otherwise. */
function part(errors: ErrorTree, value: unknown, path: Array<string | number>): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    addError(errors, path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return undefined;
  }
  return value as Record<string, unknown>;
}

export function addError(tree: ErrorTree, path: Array<string | number>, code: string, message: string): void {
  let node = tree;
  for (const key of path) node = (node[String(key)] ??= {}) as ErrorTree;
  ((node._errors ??= []) as Array<{ code: string; message: string }>).push({ code, message });
}

export function invalidForm(errors: ErrorTree): FakeResponse {
  return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors } };
}

function parseBody(raw: string): { body: Record<string, unknown> } | Answer {
  const body = tryJson(raw);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { status: 400, body: { message: 'The request body contains invalid JSON.', code: 50109 } };
  }
  return { body: body as Record<string, unknown> };
}

function rateLimitHeaders(limit: number, remaining: number, resetAfter: number, routeKey: string, now: Date): Record<string, string> {
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': ((now.getTime() + resetAfter * 1000) / 1000).toFixed(3),
    'x-ratelimit-reset-after': resetAfter.toFixed(3),
    'x-ratelimit-bucket': createHash('sha1').update(routeKey).digest('hex').slice(0, 32),
  };
}

function fakeUser(id: string, username: string): FakeUser {
  return { id, username, bot: true, discriminator: '0000', avatar: null, global_name: null, public_flags: 0 };
}

/** Discord stores embeds as "rich" ones. */
export function richEmbed(embed: unknown): Record<string, unknown> {
  return { type: 'rich', ...(embed as Record<string, unknown>) };
}

/** Discord's own format: "2025-06-02T16:00:00.000000+00:00". */
export function discordTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

const notFound = (): Answer => ({ status: 404, body: { message: '404: Not Found', code: 0 } });
const methodNotAllowed = (): Answer => ({ status: 405, body: { message: '405: Method Not Allowed', code: 0 } });

function tryJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    // Recorded as text; parseBody turns it into Discord's 50109.
    return raw;
  }
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
