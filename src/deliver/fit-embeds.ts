import type { APIEmbed } from 'discord.js';

/** Discord's embed limits (DISCORD.md §1), inclusive, in UTF-16 units. */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Over all embeds of one message. */
  total: 6000,
  embedsPerMessage: 10,
} as const;

/** What Discord counts towards the 6000 total: title, description, field names and values, footer text, author name. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

/**
 * Groups embeds, in order, into messages: at most 10 per message, at most `maxTotal` together,
 * and no `url` twice in one message (Discord would show only the first). An embed longer than
 * `maxTotal` on its own still gets a message of its own.
 */
export function fitEmbeds(embeds: APIEmbed[], maxTotal: number = EMBED_LIMITS.total): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let total = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    const full =
      current.length >= EMBED_LIMITS.embedsPerMessage ||
      total + length > maxTotal ||
      (embed.url !== undefined && current.some((other) => other.url === embed.url));
    if (full && current.length > 0) {
      messages.push(current);
      current = [];
      total = 0;
    }
    current.push(embed);
    total += length;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}
