import { type APIActionRowComponent, type APIButtonComponent, type APIEmbed, ButtonStyle, ComponentType } from 'discord.js';
import type { SearchHit } from '../store/search-stories.js';
import { cutText } from '../deliver/cut-text.js';
import { discordText } from '../deliver/discord-text.js';

export const RESULTS_PER_PAGE = 5;

export interface SearchPage {
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIButtonComponent>>;
}

/** Button ids carry what the next page needs; Discord caps custom_id at 100 characters. */
export function pageButtonId(queryKey: string, page: number): string {
  return `search:${page}:${queryKey}`.slice(0, 100);
}

export function parsePageButtonId(customId: string): { page: number; queryKey: string } | undefined {
  const match = /^search:(\d+):(.+)$/.exec(customId);
  return match ? { page: Number(match[1]), queryKey: match[2]! } : undefined;
}

/**
 * One page of /search results: a compact embed listing up to five stories (headline linked,
 * outlet, date as a Discord timestamp, topics and groups), with buttons to page through.
 * `hits` holds this page plus one more, to know whether there is a next page.
 */
export function searchResultsPage(query: string, hits: ReadonlyArray<SearchHit & { reports?: readonly unknown[] }>, page: number, queryKey: string, perPage = RESULTS_PER_PAGE): SearchPage {
  const shown = hits.slice(0, perPage);
  const lines = shown.map(({ story, reports }, i) => {
    // A story several outlets reported: /story with its id lists them all.
    const more = reports && reports.length > 1 ? ` · ${reports.length} reports` : '';
    const when = `<t:${Math.floor(Date.parse(story.published) / 1000)}:d>`;
    const title = discordText(story.title, 180);
    const headline = story.link ? `[${title}](${story.link})` : title;
    const tags = [...(story.classification?.topics ?? []), ...(story.classification?.groups ?? [])].join(', ');
    return `**${page * perPage + i + 1}.** ${headline}\n${discordText(story.feedId, 60)} · ${when}${tags ? ` · ${discordText(tags, 120)}` : ''}${more} · \`${story.id}\``;
  });
  const embed: APIEmbed = {
    title: cutText(query, 256),
    description: lines.length ? lines.join('\n\n') : 'No stories found. Try fewer words, another script, or a group alias.',
    footer: { text: `Page ${page + 1}` },
  };
  const buttons: APIButtonComponent[] = [
    { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Previous', custom_id: pageButtonId(queryKey, page - 1), disabled: page === 0 },
    { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Next', custom_id: pageButtonId(queryKey, page + 1), disabled: hits.length <= perPage },
  ];
  return { embeds: [embed], components: shown.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [] };
}
