const UNSPACED_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+/g;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*/gu;

/**
 * What two texts are compared by: word pairs for space-separated languages (single words are
 * shared by any two stories on one subject), and two-character grams for Han, kana and Hangul,
 * which have no word boundaries to split on.
 */
export function textShingles(folded: string): string[] {
  const out: string[] = [];
  const spaced = folded.replace(UNSPACED_RUN, (run) => {
    const chars = [...run];
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    return ' | ';
  });
  // A CJK run breaks the word sequence ('|'), so no pair spans it.
  for (const part of spaced.split('|')) {
    const words = part.match(WORD) ?? [];
    if (words.length === 1) out.push(words[0]!);
    for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]} ${words[i + 1]}`);
  }
  return out;
}
