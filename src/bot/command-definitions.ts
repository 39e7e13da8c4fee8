import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';

// The slash commands straitwatch registers. Topic, language, group and feed options autocomplete;
// the handlers re-check every value, since autocomplete input is only a suggestion.

const search = new SlashCommandBuilder()
  .setName('search')
  .setDescription('Search every stored story, in any language and script')
  .addStringOption((o) => o.setName('query').setDescription('Words to find; a group name or alias finds its stories').setRequired(true).setMaxLength(200))
  .addStringOption((o) => o.setName('topic').setDescription('Only this topic').setAutocomplete(true))
  .addStringOption((o) => o.setName('language').setDescription('Only this language (en, zh-Hant, zh ...)').setAutocomplete(true))
  .addStringOption((o) => o.setName('group').setDescription('Only stories naming this threat-actor group').setAutocomplete(true))
  .addStringOption((o) => o.setName('since').setDescription('A date (2025-06-01) or a duration (7d, 24h)'))
  .addStringOption((o) => o.setName('source').setDescription('Only this feed').setAutocomplete(true))
  .addBooleanOption((o) => o.setName('share').setDescription('Show the results to the channel, not only to you'));

const latest = new SlashCommandBuilder()
  .setName('latest')
  .setDescription('The latest relevant stories')
  .addStringOption((o) => o.setName('topic').setDescription('Only this topic').setAutocomplete(true))
  .addIntegerOption((o) => o.setName('count').setDescription('How many (1-10)').setMinValue(1).setMaxValue(10));

const story = new SlashCommandBuilder()
  .setName('story')
  .setDescription('One story in full, with all its sources')
  .addStringOption((o) => o.setName('id').setDescription('The story id (in every alert footer)').setRequired(true));

const group = new SlashCommandBuilder()
  .setName('group')
  .setDescription("A threat-actor group: aliases, country and recent stories")
  .addStringOption((o) => o.setName('name').setDescription('Any name or alias').setRequired(true).setAutocomplete(true));

const why = new SlashCommandBuilder()
  .setName('why')
  .setDescription('Why a story alerted (or did not): language, topics, terms, groups, routes')
  .addStringOption((o) => o.setName('story').setDescription('The story id').setRequired(true));

const feeds = new SlashCommandBuilder()
  .setName('feeds')
  .setDescription('The feeds straitwatch polls')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) => s.setName('list').setDescription('Every feed and its health'))
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Add a feed (its URL is checked and test-fetched)')
      .addStringOption((o) => o.setName('url').setDescription('RSS, Atom or JSON Feed URL').setRequired(true))
      .addStringOption((o) => o.setName('id').setDescription('A short id (lowercase, digits, - _ .)').setRequired(true))
      .addStringOption((o) => o.setName('language').setDescription('The language it publishes in').setAutocomplete(true)),
  )
  .addSubcommand((s) => s.setName('remove').setDescription('Remove a feed').addStringOption((o) => o.setName('id').setDescription('Feed id').setRequired(true).setAutocomplete(true)))
  .addSubcommand((s) => s.setName('check').setDescription('Fetch a feed now and report').addStringOption((o) => o.setName('id').setDescription('Feed id').setRequired(true).setAutocomplete(true)));

const route = new SlashCommandBuilder()
  .setName('route')
  .setDescription('Where alerts go')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Send matching alerts to a channel')
      .addChannelOption((o) => o.setName('channel').setDescription('The channel').setRequired(true))
      .addStringOption((o) => o.setName('topic').setDescription('Only this topic').setAutocomplete(true))
      .addStringOption((o) => o.setName('language').setDescription('Only this language').setAutocomplete(true))
      .addStringOption((o) => o.setName('group').setDescription('Only this group').setAutocomplete(true)),
  )
  .addSubcommand((s) => s.setName('remove').setDescription('Stop a route').addIntegerOption((o) => o.setName('number').setDescription('Its number in /route list').setRequired(true)))
  .addSubcommand((s) => s.setName('list').setDescription('Every route'));

const status = new SlashCommandBuilder().setName('status').setDescription('Feeds, stories, alerts, latency and summary usage');
const help = new SlashCommandBuilder().setName('help').setDescription('What straitwatch does and how to use it');

/** The JSON bodies `register-commands` sends (PUT replaces the whole set). */
export function commandDefinitions() {
  return [search, latest, story, group, why, feeds, route, status, help].map((command) => command.toJSON());
}
