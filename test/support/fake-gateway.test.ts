import { once } from 'node:events';
import {
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  type ClientOptions,
  type Interaction,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/bot/command-definitions.js';
import { FakeDiscord } from './fake-discord.js';
import { EVERYONE_PERMISSIONS, FakeGateway, type FakeGatewayOptions } from './fake-gateway.js';

let discord: FakeDiscord;
let gateway: FakeGateway;
let client: Client | undefined;

async function start(options: Omit<FakeGatewayOptions, 'discord'> = {}): Promise<void> {
  discord = await FakeDiscord.start();
  gateway = await FakeGateway.start({ discord, ...options });
}

beforeEach(() => start());
afterEach(async () => {
  // The client first: a gateway closing under a live client makes it reconnect.
  await client?.destroy();
  client = undefined;
  await gateway.close();
  await discord.close();
});

async function login(options: Partial<ClientOptions> = {}): Promise<Client<true>> {
  const created = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiBase, retries: 0, timeout: 2000 }, ...options });
  client = created;
  const ready = once(created, Events.ClientReady);
  await created.login(gateway.token);
  await ready;
  return created as Client<true>;
}

/** Runs `handler` on the client's next interaction; settles when the handler has finished. */
function handleNext<T>(bot: Client, handler: (interaction: Interaction) => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => bot.once(Events.InteractionCreate, (interaction) => void handler(interaction).then(resolve, reject)));
}

/** The error a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('FakeGateway: logging in', () => {
  it('takes a discord.js Client to ClientReady with the guild, its channel and the bot member cached', async () => {
    const bot = await login();

    const guild = bot.guilds.cache.get(gateway.guildId);
    expect(guild?.name).toBe('Strait Desk');
    expect(guild?.channels.cache.get(gateway.channelId)?.type).toBe(ChannelType.GuildText);
    expect(guild?.roles.everyone.permissions.has(PermissionFlagsBits.ManageGuild)).toBe(false);
    expect(guild?.members.me?.permissions.has(PermissionFlagsBits.EmbedLinks)).toBe(true);
    expect(bot.user.id).toBe(discord.bot.id);
    expect(bot.application.id).toBe(gateway.applicationId);
    expect(gateway.identifies).toEqual([expect.objectContaining({ token: gateway.token, intents: GatewayIntentBits.Guilds, shard: [0, 1] })]);
    expect(gateway.connections.map((c) => c.query)).toEqual([{ v: '10', encoding: 'json' }]);
    expect(discord.requests[0]).toMatchObject({ method: 'GET', path: '/api/v10/gateway/bot', status: 200 });
    expect(discord.requests[0]?.headers.authorization).toBe(`Bot ${gateway.token}`);
  });

  it('answers heartbeats, so the connection is never closed as a zombie', async () => {
    await gateway.close();
    await discord.close();
    await start({ heartbeatIntervalMs: 20 });
    const bot = await login();

    await gateway.waitForHeartbeats(3);

    expect(gateway.connections).toHaveLength(1);
    expect(bot.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it('lets a dropped connection resume its session without a new IDENTIFY', async () => {
    const bot = await login();
    const resumed = once(bot, Events.ShardResume);

    gateway.connections[0]?.socket.close(4000, 'Unknown error.');
    await resumed;
    const handled = handleNext(bot, async (interaction) => interaction.id);
    const sent = gateway.sendInteraction(gateway.chatInput('help'));

    expect(await handled).toBe(sent.id);
    expect(gateway.connections).toHaveLength(2);
    expect(gateway.identifies).toHaveLength(1);
  });

  it('refuses a wrong token at GET /gateway/bot', async () => {
    const bot = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiBase, retries: 0, timeout: 2000 } });
    client = bot;

    const error = (await rejection(bot.login('not-the-token'))) as Error;

    expect(error.message).toMatch(/invalid token/i);
    expect(discord.requests[0]).toMatchObject({ path: '/api/v10/gateway/bot', status: 401 });
  });

  it('closes 4014 on a privileged intent the application was not granted', async () => {
    const bot = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent], rest: { api: discord.apiBase, retries: 0, timeout: 2000 } });
    client = bot;

    const error = (await rejection(bot.login(gateway.token))) as Error;

    expect(error.message).toMatch(/disallowed intents/i);
    expect(gateway.identifies).toEqual([]);
  });
});

describe('FakeGateway: application commands', () => {
  it('stores the commands PUT by commands.set, with ids kept across a second PUT', async () => {
    const bot = await login();

    const first = await bot.application.commands.set(commandDefinitions());
    const second = await bot.application.commands.set(commandDefinitions());
    const guildOnly = await bot.guilds.cache.get(gateway.guildId)!.commands.set([{ name: 'help', description: 'Help' }]);

    expect([...first.values()].map((c) => c.name)).toEqual(['search', 'latest', 'story', 'group', 'why', 'feeds', 'route', 'status', 'help']);
    expect([...second.keys()]).toEqual([...first.keys()]);
    expect(gateway.commands().map((c) => [c.application_id, c.version])).toEqual([...first.values()].map((c) => [gateway.applicationId, c.version]));
    expect(guildOnly.first()?.guildId).toBe(gateway.guildId);
    expect(gateway.commands(gateway.guildId).map((c) => c.name)).toEqual(['help']);
    expect(discord.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([
      `/api/v10/applications/${gateway.applicationId}/commands`,
      `/api/v10/applications/${gateway.applicationId}/commands`,
      `/api/v10/applications/${gateway.applicationId}/guilds/${gateway.guildId}/commands`,
    ]);
  });

  it.each([
    { name: 'an upper-case name', command: { name: 'Search', description: 'x' }, path: ['0', 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME' },
    { name: 'an empty description', command: { name: 'search', description: '' }, path: ['0', 'description'], code: 'BASE_TYPE_BAD_LENGTH' },
    { name: '26 options', command: { name: 'search', description: 'x', options: Array.from({ length: 26 }, (_, i) => ({ type: 3, name: `o${i}`, description: 'x' })) }, path: ['0', 'options'], code: 'BASE_TYPE_MAX_LENGTH' },
  ])('rejects $name with 400/50035', async ({ command, path, code }) => {
    const bot = await login();

    const error = (await rejection(bot.application.commands.set([command]))) as DiscordAPIError;

    expect({ status: error.status, code: error.code }).toEqual({ status: 400, code: 50035 });
    const node = path.reduce<unknown>((tree, key) => (tree as Record<string, unknown>)[key], (error.rawError as { errors: unknown }).errors);
    expect(node).toEqual({ _errors: [expect.objectContaining({ code })] });
  });
});

describe('FakeGateway: interactions', () => {
  it('delivers a chat-input command with its options; an ephemeral reply arrives as callback type 4, flags 64', async () => {
    const bot = await login();
    await bot.application.commands.set(commandDefinitions());
    const handled = handleNext(bot, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error(`not a chat-input command: ${interaction.type}`);
      await interaction.reply({ content: 'hi', flags: MessageFlags.Ephemeral });
      return { name: interaction.commandName, query: interaction.options.getString('query'), share: interaction.options.getBoolean('share'), guild: interaction.guildId };
    });

    const sent = gateway.sendInteraction(gateway.chatInput('search', { options: { query: 'APT41 台灣', share: true } }));

    expect(await handled).toEqual({ name: 'search', query: 'APT41 台灣', share: true, guild: gateway.guildId });
    expect(await gateway.waitForCallback(sent.id)).toMatchObject({ type: 4, data: { content: 'hi', flags: 64 }, withResponse: false, status: 204 });
    expect(sent.data.id).toBe(gateway.commands().find((c) => c.name === 'search')?.id);
  });

  it('takes deferReply then editReply as callback type 5 and a PATCH of @original', async () => {
    const bot = await login();
    const handled = handleNext(bot, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      return interaction.editReply({ embeds: [{ title: 'APT41', description: 'Three stories this week' }], allowedMentions: { parse: [] } });
    });

    const sent = gateway.sendInteraction(gateway.chatInput('group', { options: { name: 'apt41' } }));
    const reply = await handled;

    expect(await gateway.waitForCallback(sent.id)).toMatchObject({ type: 5, data: { flags: 64 }, status: 204 });
    const edit = await gateway.waitForEdit(sent.token);
    expect(edit).toMatchObject({ messageId: '@original', status: 200, body: { embeds: [{ title: 'APT41' }], allowed_mentions: { parse: [] } } });
    expect(reply.embeds[0]?.title).toBe('APT41');
    expect(reply.flags.has(MessageFlags.Ephemeral)).toBe(true);
    expect(reply.flags.has(MessageFlags.Loading)).toBe(false);
    expect(reply.interactionMetadata?.id).toBe(sent.id);
  });

  it('answers an autocomplete with the focused option as callback type 8 with choices', async () => {
    const bot = await login();
    await bot.application.commands.set(commandDefinitions());
    const handled = handleNext(bot, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('not an autocomplete');
      const focused = interaction.options.getFocused(true);
      await interaction.respond([{ name: 'APT41 (Double Dragon)', value: 'apt41' }]);
      return { name: focused.name, value: focused.value, query: interaction.options.getString('query') };
    });

    const sent = gateway.sendInteraction(gateway.autocomplete('search', { options: { query: 'drills', group: 'apt4' }, focused: 'group' }));

    expect(await handled).toEqual({ name: 'group', value: 'apt4', query: 'drills' });
    expect(await gateway.waitForCallback(sent.id)).toMatchObject({ type: 8, data: { choices: [{ name: 'APT41 (Double Dragon)', value: 'apt41' }] }, status: 204 });
  });

  it('rejects a reply over the content limit with 50035, the error under data', async () => {
    const bot = await login();
    const handled = handleNext(bot, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      return rejection(interaction.reply({ content: 'x'.repeat(2001) }));
    });

    gateway.sendInteraction(gateway.chatInput('help'));
    const error = (await handled) as DiscordAPIError;

    expect({ status: error.status, code: error.code }).toEqual({ status: 400, code: 50035 });
    expect(error.rawError).toMatchObject({ errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } });
  });

  it('rejects an autocomplete answer of 26 choices with 50035', async () => {
    const bot = await login();
    const handled = handleNext(bot, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('not an autocomplete');
      return rejection(interaction.respond(Array.from({ length: 26 }, (_, i) => ({ name: `g${i}`, value: `g${i}` }))));
    });

    gateway.sendInteraction(gateway.autocomplete('group', { options: { name: 'a' }, focused: 'name' }));

    expect(await handled).toMatchObject({ status: 400, code: 50035 });
  });

  it('takes a button click answered with update() as callback type 7', async () => {
    const bot = await login();
    const handled = handleNext(bot, async (interaction) => {
      if (!interaction.isButton()) throw new Error('not a button');
      await interaction.update({ content: 'page 2', components: [] });
      return { customId: interaction.customId, messageId: interaction.message.id };
    });

    const sent = gateway.sendInteraction(gateway.button('latest:page:2', { message: { content: 'page 1' } }));

    expect(await handled).toEqual({ customId: 'latest:page:2', messageId: sent.message.id });
    expect(await gateway.waitForCallback(sent.id)).toMatchObject({ type: 7, data: { content: 'page 2', components: [] }, status: 204 });
  });

  it.each([
    { name: "@everyone's permissions", permissions: EVERYONE_PERMISSIONS, manage: false },
    { name: 'Manage Server as well', permissions: EVERYONE_PERMISSIONS | PermissionFlagsBits.ManageGuild, manage: true },
  ])('a member with $name: memberPermissions and member.permissions agree', async ({ permissions, manage }) => {
    const bot = await login();
    const handled = handleNext(bot, async (interaction) => {
      if (!interaction.isChatInputCommand() || !interaction.inCachedGuild()) throw new Error('not a command in a cached guild');
      await interaction.deferReply();
      return { payload: interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild), member: interaction.member.permissions.has(PermissionFlagsBits.ManageGuild) };
    });

    gateway.sendInteraction(gateway.chatInput('feeds', { subcommand: 'list', member: { permissions } }));

    expect(await handled).toEqual({ payload: manage, member: manage });
  });

  it('types subcommand options from the registered command and resolves a channel option', async () => {
    const bot = await login();
    await bot.application.commands.set(commandDefinitions());
    const handled = handleNext(bot, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      await interaction.reply({ content: 'routed', flags: MessageFlags.Ephemeral });
      return { sub: interaction.options.getSubcommand(), channel: interaction.options.getChannel('channel', true).id, topic: interaction.options.getString('topic') };
    });

    const sent = gateway.sendInteraction(gateway.chatInput('route', { subcommand: 'add', options: { channel: gateway.channelId, topic: 'taiwan' } }));

    expect(await handled).toEqual({ sub: 'add', channel: gateway.channelId, topic: 'taiwan' });
    expect(sent.data.options).toEqual([{ name: 'add', type: 1, options: [{ name: 'channel', type: 7, value: gateway.channelId }, { name: 'topic', type: 3, value: 'taiwan' }] }]);
  });

  it('answers a second acknowledgement with 40060 and takes a follow-up', async () => {
    const bot = await login();
    const handled = handleNext(bot, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      await interaction.reply({ content: 'first' });
      const again = await rejection(bot.rest.post(`/interactions/${interaction.id}/${interaction.token}/callback`, { body: { type: 4, data: { content: 'again' } }, auth: false }));
      const followUp = await interaction.followUp({ content: 'more', flags: MessageFlags.Ephemeral });
      return { again, followUp: followUp.content };
    });

    const sent = gateway.sendInteraction(gateway.chatInput('status'));
    const { again, followUp } = await handled;

    expect(again).toMatchObject({ status: 400, code: 40060 });
    expect(followUp).toBe('more');
    expect(await gateway.waitForFollowUp(sent.token)).toMatchObject({ status: 200, body: { content: 'more', flags: 64 } });
  });

  it('answers a reply made after 3 s with 10062 Unknown interaction', async () => {
    let clock = Date.parse('2025-06-02T08:00:00Z');
    await gateway.close();
    await discord.close();
    await start({ now: () => new Date(clock) });
    const bot = await login();
    const handled = handleNext(bot, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      clock += 3_001;
      return rejection(interaction.reply({ content: 'too late' }));
    });

    gateway.sendInteraction(gateway.chatInput('help'));

    expect(await handled).toMatchObject({ status: 404, code: 10062 });
  });

  it('returns { interaction, resource } to reply({ withResponse: true })', async () => {
    const bot = await login();
    const handled = handleNext(bot, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      return interaction.reply({ content: 'with response', withResponse: true });
    });

    const sent = gateway.sendInteraction(gateway.chatInput('help'));
    const response = await handled;

    expect(response.interaction.id).toBe(sent.id);
    expect(response.resource?.message?.content).toBe('with response');
    expect(await gateway.waitForCallback(sent.id)).toMatchObject({ withResponse: true, status: 200 });
  });

  it('refuses to dispatch before a client has identified', () => {
    expect(() => gateway.sendInteraction(gateway.chatInput('help'))).toThrow(/client\.login/);
  });
});
