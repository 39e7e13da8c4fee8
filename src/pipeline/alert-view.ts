import type { APIEmbed } from 'discord.js';
import { type AlertView, alertEmbeds } from '../deliver/alert-embed.js';
import { EMBED_LIMITS, embedLength } from '../deliver/fit-embeds.js';
import type { SqliteStore } from '../store/sqlite-store.js';

/** What rendering an alert reads: the stored story, its summary and reports, and outlet names. */
export interface AlertViewDeps {
  store: SqliteStore;
  outletOf: (feedId: string) => string;
}

/**
 * What one alert shows. A later report that posts (its story had not reached this destination)
 * shows its own headline, with the story's model summary when there is one (made once per
 * story); every alert lists the story's other reports.
 */
export function alertView(deps: AlertViewDeps, storyId: string, alsoReportedByRoom?: number): AlertView | undefined {
  const story = deps.store.story(storyId);
  if (!story) return undefined;
  const clusterId = story.clusterId ?? story.id;
  const own = deps.store.summaries.summaryOf(storyId);
  const shared = clusterId === storyId ? own : deps.store.summaries.summaryOf(clusterId);
  if (own.state === 'pending' || shared.state === 'pending') return undefined;
  const summary = shared.summary?.method === 'openai' ? shared.summary : own.summary;
  const translated = summary && summary.method === 'openai' && summary.headline !== story.title;
  const others = deps.store.reportsOf(clusterId).filter((report) => report.id !== storyId);
  return {
    storyId,
    title: summary?.headline ?? story.title,
    ...(translated && { originalTitle: story.title }),
    ...(story.link && { link: story.link }),
    summary: summary?.summary ?? story.summary,
    outlet: deps.outletOf(story.feedId),
    lang: story.classification?.bcp47 ?? 'und',
    published: story.published,
    topics: story.classification?.topics ?? [],
    groups: story.classification?.groups ?? [],
    scores: story.classification?.scores ?? {},
    ...(others.length && {
      alsoReportedBy: others.map((report) => ({
        outlet: deps.outletOf(report.feedId),
        lang: report.classification?.bcp47 ?? 'und',
        ...(report.link && { link: report.link }),
      })),
    }),
    ...(alsoReportedByRoom !== undefined && { alsoReportedByRoom }),
  };
}

/** Shrinks the "Also reported by" lists until the message is within Discord's 6000 total again. */
export function messageEmbeds(deps: AlertViewDeps, storyIds: readonly string[]): APIEmbed[] {
  let embeds: APIEmbed[] = [];
  for (const room of [1024, 400, 160, 60, 0]) {
    embeds = storyIds.map((id) => alertView(deps, id, room)).filter((v): v is AlertView => v !== undefined).flatMap(alertEmbeds);
    if (embeds.reduce((total, embed) => total + embedLength(embed), 0) <= EMBED_LIMITS.total) break;
  }
  return embeds;
}
