export const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** How far back a cut may move to land between words instead of inside one. */
const maxBackoff = (budget: number) => Math.min(40, Math.floor(budget / 4));

/**
 * `text` trimmed and at most `max` UTF-16 units long. A longer text is cut between graphemes
 * (a CJK character, an emoji ZWJ sequence or a flag stays whole; no surrogate pair is split),
 * preferring a nearby word boundary, and ends in "…".
 */
export function cutText(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  if (max < ELLIPSIS.length) return '';
  const budget = max - ELLIPSIS.length;

  const graphemeEnds = new Set<number>([0]);
  let end = 0;
  for (const { index, segment } of graphemes.segment(trimmed)) {
    const next = index + segment.length;
    if (next > budget) break;
    graphemeEnds.add(next);
    end = next;
  }

  const cut = trimmed.slice(0, wordBoundaryNear(trimmed, end, graphemeEnds)).trimEnd();
  return cut + ELLIPSIS;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** `end` unless it falls inside a word; then the last word boundary shortly before it that is also a grapheme boundary. */
function wordBoundaryNear(text: string, end: number, graphemeEnds: Set<number>): number {
  const before = [...text.slice(Math.max(0, end - 2), end)].at(-1) ?? '';
  const after = [...text.slice(end, end + 2)][0] ?? '';
  // Between an emoji, a flag or punctuation and what follows, a grapheme boundary is as good as a word boundary.
  if (!(WORD_CHAR.test(before) && WORD_CHAR.test(after))) return end;
  // Lookahead past `end` so the segmenter sees whether the word goes on.
  const window = text.slice(0, Math.min(text.length, end + 64));
  const floor = end - maxBackoff(end);
  let best = -1;
  for (const { index } of words.segment(window)) {
    if (index > end) break;
    if (index >= floor && graphemeEnds.has(index)) best = index;
  }
  // A cut before the first word boundary keeps nothing: then the grapheme cut is better.
  return best > 0 ? best : end;
}
