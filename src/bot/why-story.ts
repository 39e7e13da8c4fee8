import type { APIEmbed } from 'discord.js';
import type { Story } from '../core/story.js';
import { cutText } from '../deliver/cut-text.js';
import { discordText } from '../deliver/discord-text.js';

export interface RouteVerdict {
  destination: string;
  matched: boolean;
  /** Outbox state when it matched: pending, sending, sent, failed. */
  state?: string;
}

/**
 * /why: what straitwatch concluded about a story and because of what: language and how it was
 * told, each topic's score against its threshold, the terms that matched and where, the groups,
 * and which routes it went to.
 */
export function whyEmbed(story: Story, routes: readonly RouteVerdict[]): APIEmbed {
  const c = story.classification;
  if (!c) return { title: cutText(story.title, 256), description: 'This story was stored before classification ran; it has no explanation.' };
  const topicLines = Object.entries(c.scores)
    .sort((a, b) => b[1] - a[1])
    .map(([topic, score]) => `${c.topics.includes(topic) ? '✅' : '▫️'} **${topic}** ${score.toFixed(2)}${c.topics.includes(topic) ? '' : ' (below 0.50)'}`);
  const terms = c.matched.map((m) => `\`${discordText(m.term, 40)}\` ${m.group ? `→ ${m.group}` : `${m.topic} ${m.weight! > 0 ? '+' : ''}${m.weight}`} (${m.in})`);
  const routeLines = routes.map((r) => `${r.matched ? '📨' : '—'} ${r.destination}${r.matched ? ` (${r.state ?? 'not queued'})` : ''}`);
  return {
    title: cutText(`Why: ${story.title}`, 256),
    ...(story.link && { url: story.link }),
    fields: [
      { name: 'Language', value: `${c.bcp47} (${c.lang}, script ${c.script})`, inline: true },
      { name: 'Groups', value: c.groups.length ? c.groups.join(', ') : 'none', inline: true },
      { name: 'Topics', value: cutText(topicLines.join('\n') || 'none', 1024) },
      { name: 'Matched', value: cutText(terms.join('\n') || 'no term matched', 1024) },
      { name: 'Routes', value: cutText(routeLines.join('\n') || 'no routes configured: alerts go to the console', 1024) },
    ],
    footer: { text: `story ${story.id}` },
  };
}
