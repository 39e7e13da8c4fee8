import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { digest } from '../core/story-id.js';
import { errorMessage } from '../core/errors.js';
import { foldText } from '../core/fold-text.js';
import type { Logger } from '../log/logger.js';
import { type SearchRequest, search } from '../pipeline/search.js';
import { statusReport } from '../pipeline/status-report.js';
import type { App } from '../main.js';
import { groupByAlias, loadThreatActors } from '../topics/threat-actors.js';
import { destinationOf } from '../deliver/match-routes.js';
import { knownTopics } from '../pipeline/manage-routes.js';
import { commandDefinitions } from './command-definitions.js';
import { groupProfileEmbed } from './group-profile.js';
import { statusEmbed } from './status-embed.js';
import { helpEmbed } from './help-embed.js';
import { RESULTS_PER_PAGE, parsePageButtonId, searchResultsPage } from './search-results.js';
import { storyEmbeds } from './story-embed.js';
import { whyEmbed } from './why-story.js';
import { SETTINGS_COMMANDS, type SettingsApp, answerSettingsCommand, permissionRefusal } from './settings-commands.js';

/** The commands this bot answers; only these are registered, so users never see one that does nothing. */
export const ANSWERED_COMMANDS = ['search', 'latest', 'story', 'why', 'group', 'feeds', 'route', 'status', 'help'] as const;

export function answeredCommandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commandDefinitions().filter((c) => (ANSWERED_COMMANDS as readonly string[]).includes(c.name));
}

export interface BotOptions {
  token: string;
  apiBase?: string;
  app: Pick<App, 'config' | 'store' | 'summaries'> & SettingsApp;
  log: Logger;
}

/** Searches the buttons page through, kept for an hour; a restart forgets them (the user searches again). */
const PAGES_KEPT_MS = 3_600_000;

/**
 * The Discord side of straitwatch: logs in to the gateway with the Guilds intent only and
 * answers slash commands. Every command is acknowledged within Discord's 3 seconds (searches
 * defer first); a failure becomes a clear ephemeral message, never silence.
 */
export class StraitwatchBot {
  readonly client: Client;
  private readonly searches = new Map<string, { request: SearchRequest; title: string; at: number }>();

  constructor(private readonly options: BotOptions) {
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { ...(options.apiBase && { api: options.apiBase }) },
      allowedMentions: { parse: [] },
    });
    this.client.on(Events.InteractionCreate, (interaction) => {
      const handled = interaction.isChatInputCommand()
        ? this.command(interaction)
        : interaction.isAutocomplete()
          ? this.autocomplete(interaction)
          : interaction.isButton()
            ? this.button(interaction)
            : Promise.resolve();
      handled.catch((error: unknown) => this.options.log.error({ err: error }, `interaction failed: ${errorMessage(error)}`));
    });
  }

  async start(): Promise<void> {
    await this.client.login(this.options.token);
  }

  async stop(): Promise<void> {
    await this.client.destroy();
  }

  private async command(interaction: ChatInputCommandInteraction): Promise<void> {
    const ephemeral = !interaction.options.getBoolean('share');
    try {
      if ((SETTINGS_COMMANDS as readonly string[]).includes(interaction.commandName)) {
        const refusal = permissionRefusal(interaction);
        if (refusal) return void (await interaction.reply({ content: refusal, flags: MessageFlags.Ephemeral }));
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        await interaction.editReply(await answerSettingsCommand(interaction, this.options.app));
        return;
      }
      await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      const { store, config, summaries } = this.options.app;
      switch (interaction.commandName) {
        case 'search': {
          const request: SearchRequest = {
            query: interaction.options.getString('query', true),
            ...optional('topic', interaction.options.getString('topic')),
            ...optional('lang', interaction.options.getString('language')),
            ...optional('group', interaction.options.getString('group')),
            ...optional('feed', interaction.options.getString('source')),
            ...optional('since', interaction.options.getString('since')),
          };
          const key = digest('search', interaction.id).slice(0, 12);
          this.remember(key, request, `Search: ${request.query}`);
          await interaction.editReply(searchResultsPage(`Search: ${request.query}`, search(store, { ...request, limit: RESULTS_PER_PAGE + 1 }), 0, key));
          return;
        }
        case 'latest': {
          const topic = interaction.options.getString('topic') ?? undefined;
          const count = interaction.options.getInteger('count') ?? 5;
          const hits = store.latestStories(topic, count).map((story) => ({ story, score: 0 }));
          const page = searchResultsPage(`Latest${topic ? `: ${topic}` : ''}`, hits, 0, 'latest', count);
          await interaction.editReply({ embeds: page.embeds });
          return;
        }
        case 'story': {
          const story = store.story(interaction.options.getString('id', true).trim());
          if (!story) return void (await interaction.editReply({ content: 'No story with that id: it is in the footer of every alert.' }));
          const outlet = (feedId: string) => config.feeds.find((f) => f.id === feedId)?.name ?? feedId;
          // Any report's id finds its story: the first report, with every other one listed.
          const clusterId = story.clusterId ?? story.id;
          const reports = store.reportsOf(clusterId);
          const first = store.story(clusterId) ?? story;
          const others = reports.filter((r) => r.id !== first.id).map((r) => ({ outlet: outlet(r.feedId), lang: r.classification?.bcp47 ?? 'und', ...(r.link && { link: r.link }) }));
          await interaction.editReply({ embeds: storyEmbeds(first, store.summaries.summaryOf(clusterId).summary, outlet(first.feedId), others) });
          return;
        }
        case 'why': {
          const story = store.story(interaction.options.getString('story', true).trim());
          if (!story) return void (await interaction.editReply({ content: 'No story with that id: it is in the footer of every alert.' }));
          const routes = config.routes.filter((r) => !r.ops);
          await interaction.editReply({ embeds: [whyEmbed(story, routeVerdicts(store, story.id, routes))] });
          return;
        }
        case 'group': {
          const actor = groupByAlias(interaction.options.getString('name', true), foldText);
          if (!actor) return void (await interaction.editReply({ content: 'No threat-actor group goes by that name in the catalog.' }));
          const recent = search(store, { query: '', group: actor.name, limit: 5 }).map((hit) => hit.story);
          await interaction.editReply({ embeds: [groupProfileEmbed(actor, recent)] });
          return;
        }
        case 'status':
          await interaction.editReply({ embeds: [statusEmbed(statusReport({ config, store, summaries }, new Date(), 1))] });
          return;
        case 'help':
          await interaction.editReply({ embeds: [helpEmbed()] });
          return;
        default:
          await interaction.editReply({ content: `/${interaction.commandName} is not a straitwatch command here.` });
      }
    } catch (error) {
      const message = `Sorry, that failed: ${errorMessage(error).slice(0, 300)}`;
      if (interaction.deferred || interaction.replied) await interaction.editReply({ content: message, embeds: [], components: [] }).catch(() => undefined);
      else await interaction.reply({ content: message, flags: MessageFlags.Ephemeral }).catch(() => undefined);
      this.options.log.warn({ command: interaction.commandName, err: error }, 'command failed');
    }
  }

  private remember(key: string, request: SearchRequest, title: string): void {
    const now = Date.now();
    for (const [k, v] of this.searches) if (now - v.at > PAGES_KEPT_MS) this.searches.delete(k);
    this.searches.set(key, { request, title, at: now });
  }

  private async button(interaction: ButtonInteraction): Promise<void> {
    const target = parsePageButtonId(interaction.customId);
    if (!target) return;
    const kept = this.searches.get(target.queryKey);
    if (!kept) {
      await interaction.reply({ content: 'This search has expired: run /search again.', flags: MessageFlags.Ephemeral });
      return;
    }
    const hits = search(this.options.app.store, { ...kept.request, limit: RESULTS_PER_PAGE + 1, offset: target.page * RESULTS_PER_PAGE });
    await interaction.update(searchResultsPage(kept.title, hits, target.page, target.queryKey));
  }

  /** Suggestions only: the command re-checks what it gets. At most 25 choices of at most 100 characters. */
  private async autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const typed = foldText(String(focused.value));
    const { config } = this.options.app;
    const candidates: string[] =
      focused.name === 'topic'
        ? knownTopics(config)
        : focused.name === 'language'
          ? ['en', 'zh', 'zh-Hant', 'zh-Hans', 'ja', 'ko', 'ru', 'uk', 'de', 'fr', 'es', 'vi', 'cs']
          : focused.name === 'source' || (focused.name === 'id' && interaction.commandName === 'feeds')
            ? config.feeds.map((f) => f.id)
            : focused.name === 'group' || focused.name === 'name'
              ? loadThreatActors().filter((a) => a.stateSponsored).map((a) => a.name)
              : [];
    const matches = [...new Set(candidates)].filter((c) => foldText(c).includes(typed)).slice(0, 25);
    await interaction.respond(matches.map((value) => ({ name: value.slice(0, 100), value: value.slice(0, 100) })));
  }
}

function optional<K extends string>(key: K, value: string | null): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

function routeVerdicts(store: App['store'], storyId: string, routes: App['config']['routes']) {
  return routes.map((route) => {
    const destination = destinationOf(route);
    const { state } = store.outbox.messageOf(storyId, destination);
    return { destination, matched: state !== undefined, ...(state && { state }) };
  });
}
