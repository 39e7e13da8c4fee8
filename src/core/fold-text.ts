import { hanVariants } from './han-variants.js';

/**
 * The one form text and terms are matched in: NFKC (full-width Ａ１ → A1, half-width kana → kana),
 * lowercase, typographic apostrophes as ', and Traditional Chinese characters mapped to Simplified, so one term list serves
 * 臺灣, 台灣 and 台湾 alike.
 */
export function foldText(text: string): string {
  // Typographic apostrophes fold to ' so "l’État" and "l'État" are one term.
  const lowered = text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02BC]/g, "'");
  const { traditionalToSimplified } = hanVariants();
  let out = '';
  let plainFrom = 0;
  for (let i = 0; i < lowered.length; i++) {
    const code = lowered.charCodeAt(i);
    if (code < 0x3400) continue;
    const simplified = traditionalToSimplified.get(lowered[i]!);
    if (simplified === undefined) continue;
    out += lowered.slice(plainFrom, i) + simplified;
    plainFrom = i + 1;
  }
  return plainFrom === 0 ? lowered : out + lowered.slice(plainFrom);
}
