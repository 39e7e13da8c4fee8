import type { APIEmbed } from 'discord.js';
import type { Story } from '../core/story.js';
import type { StorySummary } from '../core/summary.js';
import { type AlertView, alertEmbeds } from '../deliver/alert-embed.js';
import { cutText } from '../deliver/cut-text.js';
import { discordText } from '../deliver/discord-text.js';

/**
 * /story: the alert embed of one story, its summary and its other reports (outlets, languages,
 * links), and below it the lead and text as the feed gave them (as much as an embed holds).
 */
export function storyEmbeds(story: Story, summary: StorySummary | undefined, outlet: string, otherReports: AlertView['alsoReportedBy'] = []): APIEmbed[] {
  const c = story.classification;
  const [alert] = alertEmbeds({
    storyId: story.id,
    title: summary?.headline ?? story.title,
    ...(summary?.method === 'openai' && summary.headline !== story.title && { originalTitle: story.title }),
    ...(story.link && { link: story.link }),
    summary: summary?.summary ?? story.summary,
    outlet,
    lang: c?.bcp47 ?? 'und',
    published: story.published,
    topics: c?.topics ?? [],
    groups: c?.groups ?? [],
    scores: c?.scores ?? {},
    ...(otherReports.length && { alsoReportedBy: otherReports }),
  });
  const body = [story.summary, story.content].filter(Boolean).join('\n\n');
  return [alert!, ...(body ? [{ title: 'As published', description: cutText(discordText(body, 4000), 4000) }] : [])];
}
