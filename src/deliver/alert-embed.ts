import type { APIEmbed, APIEmbedField } from 'discord.js';
import { cutText } from './cut-text.js';
import { discordText } from './discord-text.js';
import { EMBED_LIMITS, embedLength } from './fit-embeds.js';

export { embedLength, fitEmbeds } from './fit-embeds.js';

/** What an alert shows about one story. Every string except `storyId` is untrusted feed text. */
export interface AlertView {
  storyId: string;
  /** The headline, translated when a translation exists. */
  title: string;
  /** The headline as published, when `title` is a translation. */
  originalTitle?: string;
  link?: string;
  summary: string;
  /** Feed name or id. */
  outlet: string;
  /** BCP 47, e.g. "zh-Hant". */
  lang: string;
  /** ISO 8601. */
  published: string;
  topics: string[];
  groups: string[];
  scores: Record<string, number>;
  alsoReportedBy?: Array<{ outlet: string; lang: string; link?: string }>;
  /** Characters the "Also reported by" list may take (at most a field's 1024); less when a message must shrink to fit. */
  alsoReportedByRoom?: number;
}

export const ALERT_COLORS = {
  taiwan: 0x2b7bb9,
  apt: 0xc0392b,
  both: 0x8e44ad,
  neutral: 0x95a5a6,
} as const;

/** Room each part may take; the description gets what is left of the 6000 total. */
const CAPS = { outlet: 200, language: 60, listItem: 100, topics: 512, groups: 512, originalTitle: 256, alsoReportedBy: EMBED_LIMITS.fieldValue } as const;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** The alert for one story: a single embed within every Discord limit, safe to send as is. */
export function alertEmbeds(alert: AlertView): APIEmbed[] {
  const published = new Date(alert.published);
  const unix = Number.isNaN(published.getTime()) ? undefined : Math.floor(published.getTime() / 1000);
  const headline = oneLine(alert.title);
  const original = oneLine(alert.originalTitle ?? '');
  const title = discordText(headline || original, EMBED_LIMITS.title) || '(no headline)';

  const fields: APIEmbedField[] = [
    { name: 'Source', value: `${outletName(alert.outlet)} · ${languageName(alert.lang)}`, inline: true },
  ];
  if (unix !== undefined) fields.push({ name: 'Published', value: `<t:${unix}:R> (<t:${unix}:f>)`, inline: true });
  fields.push({ name: 'Topics', value: listWithin(topicList(alert), ' · ', CAPS.topics) || 'none', inline: true });
  const groups = alert.groups.map((group) => discordText(oneLine(group), CAPS.listItem)).filter(Boolean);
  if (groups.length > 0) fields.push({ name: 'Groups', value: listWithin(groups, ', ', CAPS.groups), inline: true });
  if (headline && original && original !== headline) {
    fields.push({ name: 'Original headline', value: discordText(original, CAPS.originalTitle) });
  }
  const also = alsoReportedBy(alert.alsoReportedBy ?? [], Math.min(alert.alsoReportedByRoom ?? CAPS.alsoReportedBy, CAPS.alsoReportedBy));
  if (also) fields.push({ name: 'Also reported by', value: also });

  const embed: APIEmbed = {
    title,
    color: alertColor(alert.topics),
    fields,
    footer: { text: cutText(`story ${oneLine(alert.storyId)}`, EMBED_LIMITS.footerText) },
  };
  const url = httpUrl(alert.link);
  if (url) embed.url = url;
  if (unix !== undefined) embed.timestamp = published.toISOString();

  const room = Math.min(EMBED_LIMITS.description, EMBED_LIMITS.total - embedLength(embed));
  const description = discordText(paragraphs(alert.summary), room);
  if (description) embed.description = description;
  return [embed];
}

export function alertColor(topics: string[]): number {
  const taiwan = topics.includes('taiwan');
  const apt = topics.includes('apt');
  if (taiwan && apt) return ALERT_COLORS.both;
  if (taiwan) return ALERT_COLORS.taiwan;
  if (apt) return ALERT_COLORS.apt;
  return ALERT_COLORS.neutral;
}

function topicList(alert: AlertView): string[] {
  return alert.topics
    .map((topic) => {
      const score = alert.scores[topic];
      const name = oneLine(topic);
      return discordText(score === undefined ? name : `${name} (${score.toFixed(2)})`, CAPS.listItem);
    })
    .filter(Boolean);
}

/** One line per other outlet, linked when it has an http(s) link. */
function alsoReportedBy(reports: NonNullable<AlertView['alsoReportedBy']>, room: number): string {
  const lines = reports.map((report) => {
    const outlet = outletName(report.outlet, CAPS.listItem);
    const url = httpUrl(report.link);
    // Parentheses would end the masked link's target early; a very long link is left out rather than crowding the list.
    const linked = url && url.length <= 512 ? `[${outlet}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : outlet;
    return `${linked} · ${languageName(report.lang)}`;
  });
  return listWithin(lines, '\n', room);
}

/** As many items as fit in `max`, then "… and N more". */
function listWithin(items: string[], separator: string, max: number): string {
  let value = '';
  for (const [index, item] of items.entries()) {
    const candidate = value ? `${value}${separator}${item}` : item;
    const left = items.length - index - 1;
    const more = left > 0 ? `${separator}… and ${left} more` : '';
    // Each accepted item leaves room for the "more" that may follow it.
    if (candidate.length + more.length > max) return value ? `${value}${separator}… and ${items.length - index} more` : `${items.length} items`;
    value = candidate;
  }
  return value;
}

function outletName(outlet: string, max: number = CAPS.outlet): string {
  return discordText(oneLine(outlet), max) || 'unknown outlet';
}

/** "Traditional Chinese" for "zh-Hant"; the tag itself (made safe) when Intl has no name for it. */
function languageName(tag: string): string {
  const trimmed = oneLine(tag);
  if (!trimmed || trimmed === 'und') return 'unknown language';
  let name = trimmed;
  try {
    name = languageNames.of(trimmed) ?? trimmed;
  } catch {
    // Not a well-formed BCP 47 tag: show it as given.
  }
  return discordText(name, CAPS.language);
}

/** The link as an absolute http(s) URL, or undefined: Discord rejects other schemes in `url`. */
function httpUrl(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= 2048 ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Lines trimmed, runs of spaces folded, at most one blank line between paragraphs. */
function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
