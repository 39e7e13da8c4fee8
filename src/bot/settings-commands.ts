import { type ChatInputCommandInteraction, type InteractionEditReplyOptions, PermissionFlagsBits } from 'discord.js';
import { checkFeed } from '../pipeline/check-feed.js';
import { feedHealth } from '../pipeline/feed-health.js';
import { addFeed } from '../pipeline/manage-feeds.js';
import { addRoute, describeRoute } from '../pipeline/manage-routes.js';
import type { App } from '../main.js';
import { feedCheckEmbed, feedListEmbed, routeListEmbed } from './settings-embeds.js';

export type SettingsApp = Pick<App, 'config' | 'store' | 'settings' | 'http'>;

export const SETTINGS_COMMANDS = ['feeds', 'route'] as const;

/**
 * The registered default (Manage Server) can be changed by a server's admins, and does not
 * apply in DMs, so the permission is checked again here, on what Discord says the member has.
 */
export function permissionRefusal(interaction: ChatInputCommandInteraction): string | undefined {
  if (!interaction.inGuild()) return `/${interaction.commandName} works in a server, for members with the Manage Server permission.`;
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    return `You need the Manage Server permission to use /${interaction.commandName} ${interaction.options.getSubcommand(false) ?? ''}.`.replace(' .', '.');
  }
  return undefined;
}

/** /feeds list|add|remove|check and /route add|remove|list; refusals throw and reach the user as the reason. */
export async function answerSettingsCommand(interaction: ChatInputCommandInteraction, app: SettingsApp): Promise<InteractionEditReplyOptions> {
  const by = `${interaction.user.username} (${interaction.user.id})`;
  const sub = `${interaction.commandName} ${interaction.options.getSubcommand(true)}`;
  switch (sub) {
    case 'feeds list': {
      const feeds = app.settings.feeds();
      return { embeds: [feedListEmbed(feeds, feedHealth(feeds, app.store.allFeedStates()), (id) => app.settings.originOf(id))] };
    }
    case 'feeds add': {
      const language = interaction.options.getString('language');
      const { feed, check } = await addFeed(
        app.settings,
        app.http,
        { url: interaction.options.getString('url', true), id: interaction.options.getString('id', true), ...(language && { language }) },
        by,
      );
      return {
        content: `Added \`${feed.id}\`: it is polled every ${feed.interval}, starting within seconds. Its first poll posts ${backlogWords(app.config.alerts.backlog)}.`,
        embeds: [feedCheckEmbed(`Test fetch of ${feed.id}`, check)],
      };
    }
    case 'feeds remove': {
      const feed = app.settings.removeFeed(interaction.options.getString('id', true).trim(), by);
      return { content: `Removed \`${feed.id}\`: it is no longer polled. Its stories stay searchable.` };
    }
    case 'feeds check': {
      const id = interaction.options.getString('id', true).trim();
      const feed = app.settings.feeds().find((f) => f.id === id);
      if (!feed) return { content: `No feed has the id "${id}"; /feeds list shows them.` };
      return { embeds: [feedCheckEmbed(`Check of ${feed.id}`, await checkFeed(feed, app.http))] };
    }
    case 'route add': {
      const channel = interaction.options.getChannel('channel', true);
      const topic = interaction.options.getString('topic');
      const language = interaction.options.getString('language');
      const group = interaction.options.getString('group');
      const { number, route } = addRoute(
        app.settings,
        app.config,
        { channelId: channel.id, ...(topic && { topic }), ...(language && { language }), ...(group && { group }) },
        by,
      );
      return { content: `Route #${number} added: <#${channel.id}> gets ${describeRoute(route)}, from the next new story on.` };
    }
    case 'route remove': {
      const number = interaction.options.getInteger('number', true);
      const route = app.settings.removeRoute(number);
      return { content: `Route #${number} removed (${route.channel ? `<#${route.channel}>` : 'webhook'}: ${describeRoute(route)}). Alerts already queued for it still go out.` };
    }
    case 'route list':
      return { embeds: [routeListEmbed(app.settings.routes())] };
    default:
      return { content: `/${sub} is not a straitwatch command.` };
  }
}

function backlogWords(backlog: 'none' | number): string {
  return backlog === 'none' ? 'nothing from its backlog (new stories alert from then on)' : `its newest ${backlog} stories`;
}
