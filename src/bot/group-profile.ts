import type { APIEmbed } from 'discord.js';
import type { Story } from '../core/story.js';
import { cutText } from '../deliver/cut-text.js';
import { discordText } from '../deliver/discord-text.js';
import type { ThreatActor } from '../topics/threat-actors.js';

const flag = (country: string | null) => (country && /^[A-Z]{2}$/.test(country) ? String.fromCodePoint(...[...country].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65)) : '');

/** /group: a threat-actor group's names across vendors and scripts, attribution, and its latest stories. */
export function groupProfileEmbed(actor: ThreatActor & { description?: string }, recent: readonly Story[]): APIEmbed {
  const stories = recent.map((s) => {
    const when = `<t:${Math.floor(Date.parse(s.published) / 1000)}:d>`;
    const title = discordText(s.title, 150);
    return `• ${s.link ? `[${title}](${s.link})` : title} · ${when}`;
  });
  return {
    title: cutText(`${actor.name}${actor.country ? ` ${flag(actor.country)}` : ''}`, 256),
    ...(actor.description && { description: cutText(actor.description, 1000) }),
    fields: [
      { name: 'Also known as', value: cutText(actor.aliases.join(', ') || 'no other names', 1024) },
      { name: 'Attributed to', value: actor.country ?? 'unknown', inline: true },
      { name: 'State-sponsored', value: actor.stateSponsored ? 'yes' : 'no', inline: true },
      ...(actor.mitre ? [{ name: 'MITRE ATT&CK', value: `[${actor.mitre}](https://attack.mitre.org/groups/${actor.mitre}/)`, inline: true }] : []),
      { name: 'Recent stories', value: cutText(stories.join('\n') || 'none stored yet', 1024) },
    ],
  };
}
