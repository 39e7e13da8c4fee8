import { AhoCorasick } from './aho-corasick.js';

export interface TermPattern {
  /** Folded text, without the prefix "*". */
  text: string;
  /** Match as a word prefix: no boundary needed after it. */
  prefix: boolean;
}

// Scripts written without spaces: a term in them matches anywhere (Korean particles attach too).
const UNSPACED = /[\u0E00-\u0E7F\u1100-\u11FF\u2E80-\u2FDF\u3040-\u30FF\u3100-\u318F\u31A0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF66-\uFF9F]/;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * True when `char` would continue a word written with spaces. JavaScript's \b knows only ASCII,
 * and \p{L} alone would call 中 a word character and reject "APT31" in "中国APT31组织".
 */
function continuesSpacedWord(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char) && !UNSPACED.test(char);
}

/** Finds which of many terms occur in folded text, in one pass, with word boundaries where the script has them. */
export class TermMatcher {
  private readonly automaton: AhoCorasick;
  private readonly checks: Array<{ left: boolean; right: boolean; length: number }>;

  constructor(readonly patterns: readonly TermPattern[]) {
    this.automaton = new AhoCorasick(patterns.map((p) => p.text));
    this.checks = patterns.map((p) => ({
      // A term starting (ending) with a spaced-script letter needs a boundary on that side.
      left: continuesSpacedWord(p.text[0]),
      right: !p.prefix && continuesSpacedWord(p.text[p.text.length - 1]),
      length: p.text.length,
    }));
  }

  /** Indexes (into `patterns`) of the patterns found in `folded`. */
  find(folded: string): Set<number> {
    const found = new Set<number>();
    this.automaton.search(folded, (id, end) => {
      if (found.has(id)) return;
      const check = this.checks[id]!;
      const start = end - check.length;
      if (check.left && continuesSpacedWord(folded[start - 1])) return;
      if (check.right && continuesSpacedWord(folded[end])) return;
      found.add(id);
    });
    return found;
  }
}
