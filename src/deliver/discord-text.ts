import { cutText } from './cut-text.js';

const ZWSP = '\u200B';

// Discord's own autolink pattern: inside it markdown does not apply, and a backslash would become part of the link.
const BARE_URL = /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/g;
// Characters that format anywhere in a line; "[" and "]" cover masked links [x](y).
const INLINE = /[\\*_~`|[\]]/g;
// Markers that format only at the start of a line: headings, subtext (-#), quotes, lists.
const LINE_START = /^([ \t]*)(#|>|-(?=[\s#])|\+(?=\s)|\d+(?=[.)]\s))/gm;

/** Backslash-escapes feed text so Discord shows it literally: no bold, links, headings, quotes or code. */
export function escapeDiscordMarkdown(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(BARE_URL)) {
    out += text.slice(last, match.index).replace(INLINE, '\\$&') + match[0];
    last = match.index + match[0].length;
  }
  out += text.slice(last).replace(INLINE, '\\$&');
  return out.replace(LINE_START, (_all, indent: string, marker: string) =>
    /^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
  );
}

/**
 * Breaks every mention form with a zero-width space, so feed text can neither ping nor render
 * as a mention even if a message were sent without `allowed_mentions: { parse: [] }`.
 */
export function neutralizeMentions(text: string): string {
  return text
    .replace(/@(?=everyone|here)/gi, `@${ZWSP}`)
    .replace(/<(?=[@#/:]|a:|t:|id:)/g, `<${ZWSP}`);
}

/** Untrusted feed text ready for a markdown-rendering embed slot: cut to `max` first, then made inert, still within `max`. */
export function discordText(raw: string, max: number): string {
  const render = (text: string) => neutralizeMentions(escapeDiscordMarkdown(text));
  let budget = max;
  for (;;) {
    const out = render(cutText(raw, budget));
    if (out.length <= max) return out;
    if (budget <= 1) return '';
    // Escapes grow the text: shrink the raw budget in proportion, at least by one unit.
    budget = Math.max(1, Math.min(budget - 1, Math.floor((budget * max) / out.length)));
  }
}
