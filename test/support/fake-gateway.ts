import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  type APIApplicationCommand,
  type APIApplicationCommandAutocompleteGuildInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIGuildInteractionWrapper,
  type APIGuildMember,
  type APIInteraction,
  type APIInteractionDataResolved,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIRole,
  type APIUser,
  type GatewayIdentifyData,
  type GuildMemberFlags,
  type RoleFlags,
} from 'discord.js';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { addError, discordTime, invalidForm, richEmbed, validateMessage, type ErrorTree, type FakeDiscord, type FakeResponse, type RecordedRequest } from './fake-discord.js';

/**
 * A Discord gateway stand-in on ws://127.0.0.1:0 that lets a real discord.js `Client` log in
 * (DISCORD.md §9): HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeat ACKs. It adds the routes the
 * bot's slash commands use to a FakeDiscord: GET /gateway/bot, PUT .../commands, interaction
 * callbacks, @original edits and follow-ups. Tests build interactions with `chatInput`,
 * `autocomplete` and `button`, dispatch them with `sendInteraction`, then await the answer with
 * `waitForCallback`, `waitForEdit` or `waitForFollowUp`.
 */

export interface FakeChannelInit {
  id: string;
  name: string;
  type?: ChannelType.GuildText | ChannelType.GuildAnnouncement | ChannelType.GuildForum;
}

export interface FakeGuildInit {
  id: string;
  name?: string;
  /** Not the interacting user by default: the owner holds every permission in discord.js. */
  ownerId?: string;
  channels?: FakeChannelInit[];
  everyonePermissions?: bigint;
  /** What the bot's managed role grants; becomes `app_permissions`. */
  botPermissions?: bigint;
}

export interface FakeGatewayOptions {
  discord: FakeDiscord;
  /** The bot token: checked on GET /gateway/bot, commands and IDENTIFY. */
  token?: string;
  guilds?: FakeGuildInit[];
  heartbeatIntervalMs?: number;
  /** Privileged intents "enabled in the developer portal"; identifying with others closes 4014. */
  privilegedIntents?: number;
  /** How long `waitFor*` waits before failing with what did arrive. */
  waitTimeoutMs?: number;
  /** The clock for the 3 s acknowledgement and 15 min token windows (DISCORD.md §5). */
  now?: () => Date;
}

export interface FakeMemberInit {
  user?: { id: string; username: string };
  /** The member's computed `permissions`. Without `roles`, a role granting exactly these is used (created if needed). */
  permissions?: bigint | string;
  roles?: string[];
}

export interface FakeInteractionInit {
  guildId?: string;
  channelId?: string;
  member?: FakeMemberInit;
  locale?: Locale;
}

export type FakeOptionValue = string | number | boolean;

export interface FakeCommandInit extends FakeInteractionInit {
  /** Values by name, typed from the registered command (else inferred), or raw options. */
  options?: Record<string, FakeOptionValue> | APIApplicationCommandInteractionDataOption[];
  subcommand?: string;
  group?: string;
}

/** A callback: `type` 4 reply, 5 defer, 6 defer update, 7 update, 8 autocomplete, 9 modal; `answer` is what the fake replied. */
export interface CallbackCall {
  kind: 'callback';
  interactionId: string;
  token: string;
  type: number | undefined;
  data: Record<string, unknown> | undefined;
  withResponse: boolean;
  status: number;
  answer: unknown;
}

/** A request on the interaction's webhook; `messageId` is "@original" or a follow-up's id. */
export interface WebhookCall<K extends 'edit' | 'followup' | 'fetch' | 'delete'> {
  kind: K;
  interactionId: string;
  token: string;
  messageId: string | undefined;
  body: Record<string, unknown> | undefined;
  status: number;
  answer: unknown;
}

export type InteractionCall = CallbackCall | WebhookCall<'edit'> | WebhookCall<'followup'> | WebhookCall<'fetch'> | WebhookCall<'delete'>;
type CallOf<K extends InteractionCall['kind']> = Extract<InteractionCall, { kind: K }>;

export type FakeButtonInteraction = APIGuildInteractionWrapper<APIMessageComponentButtonInteraction>;

export const DEFAULT_GUILD = { id: '1300000000000000001', channelId: '1300000000000000002', ownerId: '1400000000000000009' } as const;
export const DEFAULT_USER = { id: '1400000000000000001', username: 'analyst' } as const;

const F = PermissionFlagsBits;
/** Roughly what a new server's @everyone may do: no Manage Server. */
export const EVERYONE_PERMISSIONS = F.ViewChannel | F.SendMessages | F.EmbedLinks | F.AttachFiles | F.AddReactions | F.ReadMessageHistory | F.UseApplicationCommands;
const BOT_PERMISSIONS = F.ViewChannel | F.SendMessages | F.SendMessagesInThreads | F.EmbedLinks | F.ReadMessageHistory;
const KNOWN_INTENTS = Object.values(GatewayIntentBits).reduce<number>((all, bit) => (typeof bit === 'number' ? all | bit : all), 0);
const PRIVILEGED_INTENTS = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
const ACK_WINDOW_MS = 3_000;
const TOKEN_LIFETIME_MS = 15 * 60_000;
const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

interface GuildState {
  id: string;
  name: string;
  ownerId: string;
  channels: Array<Required<FakeChannelInit>>;
  roles: APIRole[];
  botRoleId: string;
  joinedAt: string;
}

export interface FakeGatewayConnection {
  socket: WebSocket;
  query: Record<string, string>;
  seq: number;
  sessionId?: string;
}

interface InteractionState {
  payload: APIInteraction & { guild_id: string; channel: { id: string }; member: APIInteractionGuildMember };
  sentAt: number;
  ackedAt?: number;
  original?: APIMessage;
  followUps: APIMessage[];
}

export class FakeGateway {
  readonly token: string;
  /** Every IDENTIFY payload received, in order. */
  readonly identifies: GatewayIdentifyData[] = [];
  /** Every WebSocket opened, with its query (`v`, `encoding`, `compress`). */
  readonly connections: FakeGatewayConnection[] = [];
  /** Every interaction callback, webhook edit, follow-up, fetch and delete, in order. */
  readonly calls: InteractionCall[] = [];
  heartbeats = 0;
  private readonly guilds = new Map<string, GuildState>();
  private readonly interactions = new Map<string, InteractionState>();
  private readonly commandSets = new Map<string, APIApplicationCommand[]>();
  private readonly waiters = new Set<() => void>();
  private readonly wss: WebSocketServer;
  private readonly discord: FakeDiscord;
  private readonly now: () => Date;
  private closed = false;

  private constructor(private readonly options: FakeGatewayOptions, wss: WebSocketServer) {
    this.discord = options.discord;
    this.token = options.token ?? `fake-bot-token.${randomBytes(6).toString('hex')}`;
    this.now = options.now ?? (() => new Date());
    this.wss = wss;
    for (const init of options.guilds ?? [{ id: DEFAULT_GUILD.id, channels: [{ id: DEFAULT_GUILD.channelId, name: 'alerts' }] }]) this.addGuild(init);
    wss.on('connection', (socket, request) => this.onConnection(socket, request));
    this.discord.addRoutes((request) => (this.closed ? undefined : this.route(request)));
  }

  static async start(options: FakeGatewayOptions): Promise<FakeGateway> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve, reject) => wss.once('listening', resolve).once('error', reject));
    return new FakeGateway(options, wss);
  }

  /** What GET /gateway/bot announces. */
  get url(): string {
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}`;
  }

  /** READY's `application.id`: the bot user's id, as for apps made since 2020. */
  get applicationId(): string {
    return this.discord.bot.id;
  }

  /** The first configured guild and its first channel. */
  get guildId(): string {
    return this.guild(undefined).id;
  }

  get channelId(): string {
    return this.guild(undefined).channels[0]!.id;
  }

  /** The commands last PUT, globally or for one guild. */
  commands(guildId?: string): APIApplicationCommand[] {
    return [...(this.commandSets.get(guildId ?? 'global') ?? [])];
  }

  chatInput(name: string, init: FakeCommandInit = {}): APIChatInputApplicationCommandGuildInteraction {
    const { data, base } = this.command(name, init, undefined);
    return { ...base, type: InteractionType.ApplicationCommand, data: { ...data, type: ApplicationCommandType.ChatInput } };
  }

  /** `focused` names the option being typed; its value is sent as the partial text. */
  autocomplete(name: string, init: FakeCommandInit & { focused: string }): APIApplicationCommandAutocompleteGuildInteraction {
    const { data, base } = this.command(name, init, init.focused);
    return { ...base, type: InteractionType.ApplicationCommandAutocomplete, data: { ...data, type: ApplicationCommandType.ChatInput, options: data.options ?? [] } };
  }

  /** A click on a button the bot posted; `message` overrides parts of that message. */
  button(customId: string, init: FakeInteractionInit & { message?: Partial<APIMessage> } = {}): FakeButtonInteraction {
    const base = this.base(init);
    const row = { type: ComponentType.ActionRow as const, components: [{ type: ComponentType.Button as const, style: 1 as const, custom_id: customId, label: customId }] };
    const message: APIMessage = { ...this.message(base.channel.id, { components: [row] }, MessageType.Default), ...init.message };
    return { ...base, type: InteractionType.MessageComponent, data: { custom_id: customId, component_type: ComponentType.Button }, message };
  }

  /** Dispatches INTERACTION_CREATE to every logged-in client; answers to it are then accepted for 3 s. */
  sendInteraction<T extends APIInteraction>(payload: T): T {
    const { member, guild_id: guildId, channel } = payload;
    if (!member || !guildId || !channel) throw new Error(`FakeGateway: interaction ${payload.id} needs member, guild_id and channel: build it with chatInput(), autocomplete() or button()`);
    if (!this.connections.some((c) => c.sessionId && c.socket.readyState === c.socket.OPEN)) {
      throw new Error('FakeGateway: no client has identified; await client.login(gateway.token) first');
    }
    this.interactions.set(payload.id, {
      payload: { ...payload, member, guild_id: guildId, channel },
      sentAt: this.now().getTime(),
      ...(payload.type === InteractionType.MessageComponent && { original: payload.message }),
      followUps: [],
    });
    this.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return payload;
  }

  /** Sends a dispatch to every identified connection; returns how many got it. */
  dispatch(event: GatewayDispatchEvents | string, data: unknown): number {
    const live = this.connections.filter((c) => c.sessionId && c.socket.readyState === c.socket.OPEN);
    for (const connection of live) this.send(connection, event, data);
    return live.length;
  }

  waitForCallback(interactionId: string): Promise<CallOf<'callback'>> {
    return this.waitFor(`callback for interaction ${interactionId}`, () => this.callsOf('callback', (c) => c.interactionId === interactionId)[0]);
  }

  /** The `nth` edit (PATCH) through this interaction token. */
  waitForEdit(token: string, nth = 1): Promise<CallOf<'edit'>> {
    return this.waitFor(`edit #${nth} for token ${token}`, () => this.callsOf('edit', (c) => c.token === token)[nth - 1]);
  }

  waitForFollowUp(token: string, nth = 1): Promise<CallOf<'followup'>> {
    return this.waitFor(`follow-up #${nth} for token ${token}`, () => this.callsOf('followup', (c) => c.token === token)[nth - 1]);
  }

  waitForHeartbeats(count: number): Promise<number> {
    return this.waitFor(`${count} heartbeats`, () => (this.heartbeats >= count ? this.heartbeats : undefined));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const socket of this.wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  // --- Gateway ---

  private onConnection(socket: WebSocket, request: IncomingMessage): void {
    const query = Object.fromEntries(new URL(request.url ?? '/', 'ws://x').searchParams);
    const connection: FakeGatewayConnection = { socket, query, seq: 0 };
    this.connections.push(connection);
    socket.on('message', (raw) => this.onPayload(connection, raw));
    socket.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 45_000 }, s: null, t: null }));
  }

  private onPayload(connection: FakeGatewayConnection, raw: RawData): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(raw.toString()) as { op?: unknown; d?: unknown };
    } catch {
      return connection.socket.close(4002, 'Error while decoding payload.');
    }
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.heartbeats += 1;
        connection.socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
        return this.wake();
      case GatewayOpcodes.Identify:
        return this.identify(connection, payload.d as GatewayIdentifyData);
      case GatewayOpcodes.Resume: {
        // Nothing is replayed: RESUMED right away, on the old session's sequence.
        const { token, session_id: sessionId } = payload.d as { token?: string; session_id?: string };
        const previous = this.connections.find((c) => c !== connection && c.sessionId === sessionId);
        if (token !== this.token || !previous) return connection.socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
        connection.sessionId = sessionId;
        connection.seq = previous.seq;
        return this.send(connection, GatewayDispatchEvents.Resumed, null);
      }
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (!connection.sessionId) connection.socket.close(4003, 'Not authenticated.');
        return;
      default:
        return connection.socket.close(4001, 'Unknown opcode.');
    }
  }

  private identify(connection: FakeGatewayConnection, d: GatewayIdentifyData): void {
    const close = (code: number, reason: string) => connection.socket.close(code, reason);
    if (connection.sessionId) return close(4005, 'Already authenticated.');
    if (d?.token !== this.token) return close(4004, 'Authentication failed.');
    if (!Number.isInteger(d.intents) || (d.intents & ~KNOWN_INTENTS) !== 0) return close(4013, 'Invalid intent(s).');
    if ((d.intents & PRIVILEGED_INTENTS & ~(this.options.privilegedIntents ?? 0)) !== 0) return close(4014, 'Disallowed intent(s).');
    if (d.shard && (d.shard[0] !== 0 || d.shard[1] !== 1)) return close(4010, 'Invalid shard.');
    this.identifies.push(d);
    connection.sessionId = randomBytes(16).toString('hex');
    this.send(connection, GatewayDispatchEvents.Ready, {
      v: 10,
      user: { ...this.discord.bot, verified: true, mfa_enabled: false, flags: 0 },
      guilds: [...this.guilds.values()].map((g) => ({ id: g.id, unavailable: true })),
      session_id: connection.sessionId,
      resume_gateway_url: this.url,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
    });
    // Discord sends GUILD_CREATE only to clients with the Guilds intent; discord.js waits for them only then.
    if (d.intents & GatewayIntentBits.Guilds) for (const guild of this.guilds.values()) this.send(connection, GatewayDispatchEvents.GuildCreate, this.guildJson(guild));
  }

  private send(connection: FakeGatewayConnection, event: string, data: unknown): void {
    connection.seq += 1;
    connection.socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t: event, s: connection.seq, d: data }));
  }

  // --- Guilds, members, roles ---

  private addGuild(init: FakeGuildInit): void {
    const botRoleId = this.discord.snowflake();
    const role = (id: string, name: string, position: number, permissions: bigint, managed = false): APIRole => ({
      id, name, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, position,
      permissions: permissions.toString(), managed, mentionable: false, flags: 0 as RoleFlags, ...(managed && { tags: { bot_id: this.discord.bot.id } }),
    });
    const channels = (init.channels ?? [{ id: this.discord.snowflake(), name: 'general' }]).map((c) => ({ type: ChannelType.GuildText as const, ...c }));
    for (const channel of channels) this.discord.addChannel(channel.id);
    this.guilds.set(init.id, {
      id: init.id,
      name: init.name ?? 'Strait Desk',
      ownerId: init.ownerId ?? DEFAULT_GUILD.ownerId,
      channels,
      roles: [role(init.id, '@everyone', 0, init.everyonePermissions ?? EVERYONE_PERMISSIONS), role(botRoleId, this.discord.bot.username, 1, init.botPermissions ?? BOT_PERMISSIONS, true)],
      botRoleId,
      joinedAt: discordTime(this.now()),
    });
  }

  private guild(id: string | undefined): GuildState {
    const guild = id === undefined ? this.guilds.values().next().value : this.guilds.get(id);
    if (!guild) throw new Error(`FakeGateway: no guild ${id}; pass it in FakeGatewayOptions.guilds`);
    return guild;
  }

  private guildJson(guild: GuildState): Record<string, unknown> {
    const botMember: APIGuildMember = { ...this.memberJson(guild, [guild.botRoleId]), user: this.discord.bot };
    return {
      id: guild.id, name: guild.name, icon: null, splash: null, discovery_splash: null, banner: null, description: null,
      owner_id: guild.ownerId, afk_channel_id: null, afk_timeout: 300, verification_level: 0, default_message_notifications: 0,
      explicit_content_filter: 0, mfa_level: 0, nsfw_level: 0, premium_tier: 0, premium_subscription_count: 0, premium_progress_bar_enabled: false,
      features: [], emojis: [], stickers: [], roles: guild.roles, application_id: null, system_channel_id: null, system_channel_flags: 0,
      rules_channel_id: null, public_updates_channel_id: null, safety_alerts_channel_id: null, vanity_url_code: null, preferred_locale: Locale.EnglishUS,
      joined_at: guild.joinedAt, large: false, unavailable: false, member_count: 2, members: [botMember], voice_states: [], presences: [],
      // GUILD_CREATE channels carry no guild_id.
      channels: guild.channels.map((c, position) => ({ ...c, position, permission_overwrites: [], parent_id: null, topic: null, nsfw: false, last_message_id: null, rate_limit_per_user: 0, flags: 0 })),
      threads: [], stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [],
    };
  }

  private memberJson(guild: GuildState, roles: string[]): Omit<APIGuildMember, 'user'> {
    return { nick: null, avatar: null, banner: null, roles, joined_at: guild.joinedAt, premium_since: null, deaf: false, mute: false, flags: 0 as GuildMemberFlags, pending: false, communication_disabled_until: null };
  }

  /** What Discord computes (without channel overwrites): @everyone's permissions and every role's. */
  private permissionsOf(guild: GuildState, roles: string[]): bigint {
    return guild.roles.filter((r) => r.id === guild.id || roles.includes(r.id)).reduce((all, r) => all | BigInt(r.permissions), 0n);
  }

  /** discord.js computes `member.permissions` from cached roles, so the payload's `permissions` gets a role of its own. */
  private roleGranting(guild: GuildState, permissions: string): string {
    const existing = guild.roles.find((r) => r.id !== guild.id && !r.managed && r.permissions === permissions);
    if (existing) return existing.id;
    const role: APIRole = { ...guild.roles[0]!, id: this.discord.snowflake(), name: `perms ${permissions}`, position: guild.roles.length, permissions };
    guild.roles.push(role);
    this.dispatch(GatewayDispatchEvents.GuildRoleCreate, { guild_id: guild.id, role });
    return role.id;
  }

  // --- Interaction payloads ---

  private base(init: FakeInteractionInit) {
    const guild = this.guild(init.guildId);
    const channel = init.channelId === undefined ? guild.channels[0] : guild.channels.find((c) => c.id === init.channelId);
    if (!channel) throw new Error(`FakeGateway: no channel ${init.channelId} in guild ${guild.id}`);
    const { user = DEFAULT_USER, permissions, roles } = init.member ?? {};
    const memberRoles = roles ?? (permissions === undefined ? [] : [this.roleGranting(guild, permissions.toString())]);
    const member: APIInteractionGuildMember = {
      ...this.memberJson(guild, memberRoles),
      user: { id: user.id, username: user.username, discriminator: '0', global_name: null, avatar: null },
      permissions: (permissions ?? this.permissionsOf(guild, memberRoles)).toString(),
    };
    const id = this.discord.snowflake();
    return {
      id,
      application_id: this.applicationId,
      token: `interaction.${id}.${randomBytes(12).toString('hex')}`,
      version: 1 as const,
      guild_id: guild.id,
      guild: { id: guild.id, features: [], locale: Locale.EnglishUS },
      channel: { id: channel.id, type: channel.type, name: channel.name, guild_id: guild.id, position: 0, permission_overwrites: [], parent_id: null, nsfw: false, flags: 0 },
      channel_id: channel.id,
      member,
      app_permissions: this.permissionsOf(guild, [guild.botRoleId]).toString(),
      locale: init.locale ?? Locale.EnglishUS,
      guild_locale: Locale.EnglishUS,
      entitlements: [],
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guild.id },
      context: InteractionContextType.Guild,
      attachment_size_limit: 10 * 1024 * 1024,
    };
  }

  private command(name: string, init: FakeCommandInit, focused: string | undefined) {
    const base = this.base(init);
    const command = this.commands(base.guild_id).find((c) => c.name === name) ?? this.commands().find((c) => c.name === name);
    const resolved: APIInteractionDataResolved = {};
    let options: APIApplicationCommandInteractionDataOption[] | undefined;
    if (Array.isArray(init.options)) options = init.options;
    else {
      type Definition = { name: string; type: number; options?: Definition[] };
      const pick = (defs: Definition[] | undefined, want: string | undefined) => (want === undefined ? defs : defs?.find((d) => d.name === want)?.options);
      const definitions = pick(pick(command?.options as Definition[] | undefined, init.group), init.subcommand);
      const leaves = Object.entries(init.options ?? {}).map(([optionName, value]) => {
        const type = definitions?.find((d) => d.name === optionName)?.type ?? inferType(value);
        if (optionName === focused) return { name: optionName, type, value: String(value), focused: true };
        this.resolve(resolved, base, type, String(value));
        return { name: optionName, type, value };
      }) as APIApplicationCommandInteractionDataOption[];
      const sub = init.subcommand === undefined ? leaves : [{ name: init.subcommand, type: ApplicationCommandOptionType.Subcommand, options: leaves }];
      options = (init.group === undefined ? sub : [{ name: init.group, type: ApplicationCommandOptionType.SubcommandGroup, options: sub }]) as APIApplicationCommandInteractionDataOption[];
    }
    const data = {
      id: command?.id ?? this.discord.snowflake(),
      name,
      ...(command?.guild_id && { guild_id: command.guild_id }),
      ...(options.length > 0 && { options }),
      ...(Object.keys(resolved).length > 0 && { resolved }),
    };
    return { base, data };
  }

  /** Channel, role and user options carry their objects in `resolved`, which discord.js reads. */
  private resolve(resolved: APIInteractionDataResolved, base: ReturnType<FakeGateway['base']>, type: number, id: string): void {
    const guild = this.guild(base.guild_id);
    if (type === ApplicationCommandOptionType.Channel) {
      const channel = guild.channels.find((c) => c.id === id);
      if (channel) (resolved.channels ??= {})[id] = { id, type: channel.type, name: channel.name, permissions: base.member.permissions } as never;
    } else if (type === ApplicationCommandOptionType.Role) {
      const role = guild.roles.find((r) => r.id === id);
      if (role) (resolved.roles ??= {})[id] = role;
    } else if (type === ApplicationCommandOptionType.User) {
      const user: APIUser = id === base.member.user.id ? base.member.user : { id, username: `user${id.slice(-4)}`, discriminator: '0', global_name: null, avatar: null };
      (resolved.users ??= {})[id] = user;
    }
  }

  // --- REST ---

  private route(request: RecordedRequest): FakeResponse | undefined {
    const [api, version, resource, a, b, c, d, ...rest] = request.path.split('/').filter(Boolean);
    if (api !== 'api' || version !== 'v10' || rest.length > 0) return undefined;
    const get = request.method === 'GET';
    if (resource === 'gateway' && a === 'bot' && b === undefined && get) {
      return this.authorized(request, () => ({
        status: 200,
        body: { url: this.url, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } },
      }));
    }
    if (resource === 'gateway' && a === undefined && get) return { status: 200, body: { url: this.url } };
    if (resource === 'users' && a === '@me' && b === undefined && get) return this.authorized(request, () => ({ status: 200, body: this.discord.bot }));
    if (resource === 'applications' && a) {
      if (a === '@me' && b === undefined && get) return this.authorized(request, () => ({ status: 200, body: { id: this.applicationId, name: this.discord.bot.username, flags: 0, bot_public: false, bot_require_code_grant: false } }));
      if (a !== this.applicationId) return { status: 404, body: { message: 'Unknown Application', code: 10002 } };
      if (b === 'commands' && c === undefined) return this.authorized(request, () => this.commandsRoute(request, 'global'));
      if (b === 'guilds' && c && d === 'commands') return this.authorized(request, () => (this.guilds.has(c) ? this.commandsRoute(request, c) : { status: 403, body: { message: 'Missing Access', code: 50001 } }));
      return undefined;
    }
    if (resource === 'interactions' && a && b && c === 'callback' && d === undefined && request.method === 'POST') return this.callback(a, b, request);
    if (resource === 'webhooks' && a === this.applicationId && b && this.stateOf(b)) return this.interactionWebhook(b, c, d, request);
    return undefined;
  }

  private authorized(request: RecordedRequest, handler: () => FakeResponse): FakeResponse {
    return request.headers.authorization === `Bot ${this.token}` ? handler() : { status: 401, body: { message: '401: Unauthorized', code: 0 } };
  }

  private commandsRoute(request: RecordedRequest, scope: string): FakeResponse {
    if (request.method === 'GET') return { status: 200, body: this.commands(scope === 'global' ? undefined : scope) };
    if (request.method !== 'PUT') return { status: 405, body: { message: '405: Method Not Allowed', code: 0 } };
    const invalid = validateCommands(request.body);
    if (invalid) return invalid;
    const before = this.commandSets.get(scope) ?? [];
    const stored = (request.body as Array<Record<string, unknown>>).map((definition): APIApplicationCommand => {
      const type = (definition.type as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput;
      const previous = before.find((c) => c.name === definition.name && c.type === type);
      const command = {
        description: '', options: [], default_member_permissions: null, nsfw: false, integration_types: [ApplicationIntegrationType.GuildInstall], contexts: null,
        ...definition, type, application_id: this.applicationId, ...(scope !== 'global' && { guild_id: scope }),
      } as unknown as Omit<APIApplicationCommand, 'id' | 'version'>;
      // Ids survive a PUT of the same name and type; the version changes only when the definition does.
      const unchanged = previous && JSON.stringify({ ...previous, id: undefined, version: undefined }) === JSON.stringify({ ...command, id: undefined, version: undefined });
      return { ...command, id: previous?.id ?? this.discord.snowflake(), version: unchanged ? previous.version : this.discord.snowflake() };
    });
    this.commandSets.set(scope, stored);
    return { status: 200, body: stored };
  }

  private stateOf(token: string): InteractionState | undefined {
    for (const state of this.interactions.values()) if (state.payload.token === token) return state;
    return undefined;
  }

  private callback(id: string, token: string, request: RecordedRequest): FakeResponse {
    const body = (request.body ?? {}) as { type?: number; data?: Record<string, unknown> };
    const withResponse = request.query.with_response === 'true';
    const answer = this.acknowledge(this.interactions.get(id), token, body, withResponse);
    this.record({ kind: 'callback', interactionId: id, token, type: body.type, data: body.data, withResponse, status: answer.status, answer: answer.body });
    return answer;
  }

  private acknowledge(state: InteractionState | undefined, token: string, body: { type?: number; data?: Record<string, unknown> }, withResponse: boolean): FakeResponse {
    const now = this.now().getTime();
    if (!state || state.payload.token !== token || now - state.sentAt > ACK_WINDOW_MS) return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
    if (state.ackedAt !== undefined) return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
    const data = body.data ?? {};
    const flags = typeof data.flags === 'number' ? data.flags : 0;
    const channelId = state.payload.channel.id;
    switch (body.type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        const invalid = validateMessage(data, true);
        if (invalid) return underData(invalid);
        state.original = this.message(channelId, data, MessageType.ChatInputCommand, state, flags & MessageFlags.Ephemeral);
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource:
        // Ephemeral is the only flag a deferred response takes (DISCORD.md §5).
        if ((flags & ~MessageFlags.Ephemeral) !== 0) return invalidForm(errorAt(['data', 'flags'], 'INTERACTION_RESPONSE_FLAGS_INVALID', 'Only the EPHEMERAL flag can be set.'));
        state.original = this.message(channelId, {}, MessageType.ChatInputCommand, state, (flags & MessageFlags.Ephemeral) | MessageFlags.Loading);
        break;
      case InteractionResponseType.DeferredMessageUpdate:
        break;
      case InteractionResponseType.UpdateMessage: {
        const invalid = validateMessage(data, false);
        if (invalid) return underData(invalid);
        if (state.original) state.original = applyEdit(state.original, data, null);
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        const invalid = validateChoices(data.choices);
        if (invalid) return invalid;
        break;
      }
      case InteractionResponseType.Modal:
        break;
      default:
        return invalidForm(errorAt(['type'], 'ENUM_TYPE_COERCE', `Value "${String(body.type)}" is not a valid enum value.`));
    }
    state.ackedAt = now;
    if (!withResponse) return { status: 204 };
    const { payload, original } = state;
    return {
      status: 200,
      body: {
        interaction: { id: payload.id, type: payload.type, response_message_id: original?.id, response_message_loading: Boolean((original?.flags ?? 0) & MessageFlags.Loading), response_message_ephemeral: Boolean((original?.flags ?? 0) & MessageFlags.Ephemeral) },
        resource: { type: body.type, ...(original && body.type !== InteractionResponseType.ApplicationCommandAutocompleteResult && { message: original }) },
      },
    };
  }

  /** /webhooks/:app/:token[/messages/:id] for an interaction token: follow-ups, and @original or follow-up edits. */
  private interactionWebhook(token: string, sub: string | undefined, messageId: string | undefined, request: RecordedRequest): FakeResponse {
    const state = this.stateOf(token)!;
    const kind = request.method === 'POST' ? 'followup' : request.method === 'PATCH' ? 'edit' : request.method === 'DELETE' ? 'delete' : 'fetch';
    const body = request.body as Record<string, unknown> | undefined;
    const answer = this.webhookAnswer(state, kind, sub, messageId, body ?? {}, request.query.wait === 'true');
    this.record({ kind, interactionId: state.payload.id, token, messageId, body, status: answer.status, answer: answer.body } as InteractionCall);
    return answer;
  }

  private webhookAnswer(state: InteractionState, kind: 'followup' | 'edit' | 'delete' | 'fetch', sub: string | undefined, messageId: string | undefined, body: Record<string, unknown>, wait: boolean): FakeResponse {
    // The webhook behind an interaction token exists from the acknowledgement for 15 minutes.
    if (state.ackedAt === undefined) return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
    if (this.now().getTime() - state.ackedAt > TOKEN_LIFETIME_MS) return { status: 401, body: { message: 'Invalid Webhook Token', code: 50027 } };
    if (kind === 'followup') {
      if (sub !== undefined) return { status: 405, body: { message: '405: Method Not Allowed', code: 0 } };
      const invalid = validateMessage(body, true);
      if (invalid) return invalid;
      const flags = typeof body.flags === 'number' ? body.flags & MessageFlags.Ephemeral : 0;
      const message = this.message(state.payload.channel.id, body, MessageType.Default, state, flags);
      state.followUps.push(message);
      return wait ? { status: 200, body: message } : { status: 204 };
    }
    if (sub !== 'messages' || !messageId) return { status: 404, body: { message: '404: Not Found', code: 0 } };
    const target = messageId === '@original' ? state.original : state.followUps.find((m) => m.id === messageId);
    if (!target) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
    if (kind === 'fetch') return { status: 200, body: target };
    if (kind === 'delete') {
      if (target === state.original) state.original = undefined;
      else state.followUps.splice(state.followUps.indexOf(target), 1);
      return { status: 204 };
    }
    const invalid = validateMessage(body, false);
    if (invalid) return invalid;
    // The first edit of a deferred reply fills it in: no longer loading, not "(edited)".
    const loading = ((target.flags ?? 0) & MessageFlags.Loading) !== 0;
    const edited = applyEdit(target, body, loading ? null : discordTime(this.now()));
    if (target === state.original) state.original = edited;
    else state.followUps[state.followUps.indexOf(target)] = edited;
    return { status: 200, body: edited };
  }

  /** A whole message object: discord.js builds a `Message` from it when the channel is cached. */
  private message(channelId: string, body: Record<string, unknown>, type: MessageType, state?: InteractionState, flags = 0): APIMessage {
    const payload = state?.payload;
    return {
      id: this.discord.snowflake(), channel_id: channelId, author: this.discord.bot, type,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: Array.isArray(body.embeds) ? (body.embeds.map(richEmbed) as APIMessage['embeds']) : [],
      components: Array.isArray(body.components) ? (body.components as APIMessage['components']) : [],
      attachments: [], mentions: [], mention_roles: [], mention_everyone: false, pinned: false, tts: false,
      timestamp: discordTime(this.now()), edited_timestamp: null, flags,
      ...(payload && {
        webhook_id: this.applicationId,
        application_id: this.applicationId,
        // Without authorizing_integration_owners, discord.js throws inside editReply() (DISCORD.md §9).
        interaction_metadata: {
          id: payload.id, type: payload.type as InteractionType.ApplicationCommand, user: payload.member.user,
          authorizing_integration_owners: payload.authorizing_integration_owners,
          ...(state.original && type === MessageType.Default && { original_response_message_id: state.original.id }),
        },
      }),
    };
  }

  private record(call: InteractionCall): void {
    this.calls.push(call);
    this.wake();
  }

  private callsOf<K extends InteractionCall['kind']>(kind: K, match: (call: CallOf<K>) => boolean): Array<CallOf<K>> {
    return this.calls.filter((c): c is CallOf<K> => c.kind === kind && match(c as CallOf<K>));
  }

  private wake(): void {
    for (const check of [...this.waiters]) check();
  }

  private waitFor<T>(what: string, pick: () => T | undefined): Promise<T> {
    const ms = this.options.waitTimeoutMs ?? 5_000;
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      const check = () => {
        const found = pick();
        if (found !== undefined) {
          done();
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        done();
        const seen = this.calls.map((c) => `${c.kind} ${c.interactionId} → ${c.status}`).join('; ') || 'none';
        reject(new Error(`FakeGateway: no ${what} within ${ms} ms (calls so far: ${seen})`));
      }, ms);
      timer.unref();
      this.waiters.add(check);
      check();
    });
  }
}

function inferType(value: FakeOptionValue): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
  return ApplicationCommandOptionType.String;
}

function applyEdit(message: APIMessage, body: Record<string, unknown>, editedAt: string | null): APIMessage {
  return {
    ...message,
    ...(typeof body.content === 'string' && { content: body.content }),
    ...(Array.isArray(body.embeds) && { embeds: body.embeds.map(richEmbed) as APIMessage['embeds'] }),
    ...(Array.isArray(body.components) && { components: body.components as APIMessage['components'] }),
    flags: (message.flags ?? 0) & ~MessageFlags.Loading,
    edited_timestamp: editedAt ?? message.edited_timestamp,
  };
}

/** A callback's message sits in `data`, and so do the paths of its errors. */
function underData(invalid: FakeResponse): FakeResponse {
  const body = invalid.body as { errors?: ErrorTree };
  return body.errors ? { ...invalid, body: { ...body, errors: { data: body.errors } } } : invalid;
}

function errorAt(path: Array<string | number>, code: string, message: string): ErrorTree {
  const errors: ErrorTree = {};
  addError(errors, path, code, message);
  return errors;
}

/** Autocomplete answers (DISCORD.md §5): at most 25 choices, names 1-100, string values at most 100. */
function validateChoices(choices: unknown): FakeResponse | undefined {
  const errors: ErrorTree = {};
  if (!Array.isArray(choices)) return invalidForm(errorAt(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required'));
  if (choices.length > 25) addError(errors, ['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  choices.forEach((choice: { name?: unknown; value?: unknown }, i) => {
    const name = typeof choice?.name === 'string' ? choice.name : '';
    if (name.length < 1 || name.length > 100) addError(errors, ['data', 'choices', i, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    if (typeof choice?.value === 'string' && choice.value.length > 100) addError(errors, ['data', 'choices', i, 'value'], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
  });
  return Object.keys(errors).length > 0 ? invalidForm(errors) : undefined;
}

/** Command limits (DISCORD.md §5): names, descriptions, 25 options or choices, 8000 characters a command. */
function validateCommands(body: unknown): FakeResponse | undefined {
  if (!Array.isArray(body)) return invalidForm(errorAt([], 'BASE_TYPE_ARRAY', 'Must be an array.'));
  const errors: ErrorTree = {};
  body.forEach((command: Record<string, unknown>, i) => {
    const chatInput = (command.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput;
    const size = checkNamed(errors, [i], command, chatInput);
    if (size > 8000) addError(errors, [i], 'APPLICATION_COMMAND_TOO_LARGE', 'Command exceeds maximum size (8000)');
  });
  return Object.keys(errors).length > 0 ? invalidForm(errors) : undefined;
}

/** Checks a command or option and what it holds; returns its characters. */
function checkNamed(errors: ErrorTree, path: Array<string | number>, item: Record<string, unknown>, chatInput: boolean): number {
  const name = typeof item.name === 'string' ? item.name : '';
  const description = typeof item.description === 'string' ? item.description : '';
  if (chatInput ? !COMMAND_NAME.test(name) || name !== name.toLowerCase() : name.length < 1 || name.length > 32) {
    addError(errors, [...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
  if (chatInput && (description.length < 1 || description.length > 100)) addError(errors, [...path, 'description'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  let size = name.length + description.length;
  for (const key of ['options', 'choices'] as const) {
    const list = item[key];
    if (!Array.isArray(list)) continue;
    if (list.length > 25) addError(errors, [...path, key], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    list.forEach((child: Record<string, unknown>, j) => {
      size += key === 'options' ? checkNamed(errors, [...path, key, j], child, true) : String(child.name).length + String(child.value).length;
    });
  }
  return size;
}
