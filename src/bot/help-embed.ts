import type { APIEmbed } from 'discord.js';

/** /help: what straitwatch does and the commands it answers. */
export function helpEmbed(): APIEmbed {
  return {
    title: 'straitwatch',
    description:
      'Follows Taiwan and state-sponsored hacking (APT) news in many languages and posts one alert per story, summarized in your language.',
    fields: [
      { name: '/search query', value: 'Everything stored, in any language and script; a group name or any alias finds its stories. Filters: topic, language, group, since, source; share to post it in the channel.' },
      { name: '/latest [topic] [count]', value: 'The latest relevant stories.' },
      { name: '/story id', value: 'One story in full: its alert, summary and the text as published.' },
      { name: '/why story', value: 'Why a story alerted, or did not: language, topic scores, matched terms, groups, routes.' },
      { name: '/group name', value: "A threat-actor group's aliases across vendors and scripts, attribution and recent stories." },
      { name: '/feeds list|add|remove|check', value: 'Manage Server only. The feeds and their health; add one (checked, test-fetched, private addresses refused), remove one, fetch one now.' },
      { name: '/route add|remove|list', value: 'Manage Server only. Which channel gets which alerts: by topic, language and group.' },
      { name: '/status', value: 'Feed health, stories today, queued alerts, publication-to-alert latency, summary usage.' },
    ],
  };
}
