import { foldText } from '../core/fold-text.js';
import { splitSentences } from './split-sentences.js';

export interface ExtractiveInput {
  title: string;
  summary?: string;
  content?: string;
}

export interface ExtractiveOptions {
  /** In UTF-16 code units, as Discord and JavaScript count; never more than a grapheme short of it. */
  maxChars?: number;
  maxSentences?: number;
  /** Sentences containing any of these (case-insensitive, 臺/台 alike) rank higher. */
  topicTerms?: readonly string[];
}

export interface ExtractiveSummary {
  /** The title as given: the extractive path does not translate. */
  headline: string;
  /** Whole sentences in their original order and language, or the title when there is no other text. */
  summary: string;
  /** How many body sentences `summary` holds; 0 when it is the title. */
  sentences: number;
}

export const EXTRACTIVE_DEFAULTS = { maxChars: 400, maxSentences: 3, topicTerms: [] } satisfies Required<ExtractiveOptions>;

// News leads front-load, so position weighs most; a topic term is enough to lift a sentence over a bland one of the
// same position class, but the lead still wins over a topical sentence deep in the body.
const WEIGHTS = { position: 1, terms: 0.5, title: 0.6, topic: 0.8 };
const positionScore = (index: number): number => (index === 0 ? 1 : index <= 2 ? 0.6 : index <= 5 ? 0.35 : 0.2);
// Below this many terms, term density is averaged as if the sentence had this many: a three-word caption
// would otherwise beat every real sentence on one repeated name.
const MIN_TERMS_FOR_DENSITY = 8;

const ELLIPSIS = '…';
const TRUNCATION_MARK = /\s*\[?(?:…|\.\.\.)\]?$/u;

/** The best few sentences of a story, chosen by position, term weight, title overlap and topic terms. Pure. */
export function extractiveSummary(input: ExtractiveInput, options: ExtractiveOptions = {}): ExtractiveSummary {
  const { maxChars, maxSentences, topicTerms } = { ...EXTRACTIVE_DEFAULTS, ...options };
  const headline = input.title.replace(/\s+/g, ' ').trim();
  const sentences = bodySentences(input);
  if (sentences.length === 0) return { headline, summary: cutToLength(headline, maxChars), sentences: 0 };

  const scores = scoreSentences(sentences, headline, topicTerms);
  const ranked = sentences.map((_, index) => index).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const picked: number[] = [];
  for (const index of ranked) {
    if (picked.length === maxSentences) break;
    const trial = [...picked, index].sort((a, b) => a - b);
    if (joinSentences(trial.map((i) => sentences[i]!)).length <= maxChars) picked.splice(0, picked.length, ...trial);
  }
  if (picked.length === 0) return { headline, summary: cutToLength(sentences[ranked[0]!]!, maxChars), sentences: 1 };
  return { headline, summary: joinSentences(picked.map((i) => sentences[i]!)), sentences: picked.length };
}

/** Sentences of summary then content, each once: a feed's lead repeated (or cut short with "…") in the content counts once. */
function bodySentences({ title, summary = '', content = '' }: ExtractiveInput): string[] {
  const titleKey = sentenceKey(title);
  const kept: Array<{ text: string; key: string }> = [];
  for (const raw of [...splitSentences(summary), ...splitSentences(content)]) {
    const text = raw.replace(/\s+/g, ' ');
    const key = sentenceKey(text);
    if (key === '' || key === titleKey) continue;
    const truncated = TRUNCATION_MARK.test(text);
    const same = kept.findIndex(
      (other) => other.key === key || (truncated && other.key.startsWith(key)) || (TRUNCATION_MARK.test(other.text) && key.startsWith(other.key)),
    );
    if (same === -1) kept.push({ text, key });
    else if (key.length > kept[same]!.key.length) kept[same] = { text, key };
  }
  return kept.map(({ text }) => text);
}

function sentenceKey(text: string): string {
  return foldText(text.trim().replace(TRUNCATION_MARK, '')).replace(/[\p{P}\p{S}\p{Z}\s]+/gu, '');
}

function scoreSentences(sentences: string[], title: string, topicTerms: readonly string[]): number[] {
  const termLists = sentences.map(terms);
  const frequency = new Map<string, number>();
  for (const term of termLists.flat()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const density = termLists.map((list) => list.reduce((sum, term) => sum + frequency.get(term)!, 0) / Math.max(list.length, MIN_TERMS_FOR_DENSITY));
  const maxDensity = Math.max(...density) || 1;
  const titleTerms = new Set(terms(title));
  const topics = topicTerms.map((term) => foldText(term.trim())).filter((term) => term !== '');
  return sentences.map((sentence, index) => {
    const unique = new Set(termLists[index]);
    const titleOverlap = titleTerms.size === 0 ? 0 : [...titleTerms].filter((term) => unique.has(term)).length / titleTerms.size;
    const folded = foldText(sentence);
    const topic = topics.some((term) => folded.includes(term)) ? 1 : 0;
    return (
      WEIGHTS.position * positionScore(index) +
      WEIGHTS.terms * (density[index]! / maxDensity) +
      WEIGHTS.title * titleOverlap +
      WEIGHTS.topic * topic
    );
  });
}

// Function words that would make every sentence look alike. Kept small: term weight only needs the commonest.
// Chinese ones are Simplified because foldText maps Traditional to Simplified first.
const STOPWORDS = new Set(
  [
    'the a an of to in on at by for with from and or but is are was were be been has have had it its this that as said says will would',
    'le la les un une des du de et en à au aux pour dans par sur que qui est ont',
    'der die das den dem des ein eine und im mit von zu auf für ist sind hat wird nicht sich',
    'и в во на с со по к у за из от о что это как не для',
    'của và là có được các những trong với cho đã này một',
    '했다 있다 밝혔 말했 에서 으로',
  ]
    .join(' ')
    .split(' '),
);
const STOP_CHARS = /[的了是在和与及着也都]/gu;
// Hiragana is mostly particles and inflection (の, は, した): dropping it leaves the kanji and katakana words.
const HIRAGANA = /\p{Script=Hiragana}+/gu;
const SPACELESS_RUNS = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\u30FC]+/gu;
const SPACELESS = /^[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\u30FC]/u;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['-][\p{L}\p{M}\p{N}]+)*/gu;

/** Words, and character bigrams inside Han, kana, Hangul and Thai runs, which have no spaces between words. */
function terms(text: string): string[] {
  const folded = foldText(text).replace(HIRAGANA, ' ').replace(STOP_CHARS, ' ').replace(SPACELESS_RUNS, ' $& ');
  const out: string[] = [];
  for (const [word] of folded.matchAll(WORD)) {
    const chars = SPACELESS.test(word) ? [...word] : [];
    if (chars.length < 2) {
      if (!STOPWORDS.has(word)) out.push(word);
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i++) {
      const bigram = chars[i]! + chars[i + 1]!;
      if (!STOPWORDS.has(bigram)) out.push(bigram);
    }
  }
  return out;
}

// CJK sentences end in full-width punctuation and run on without a space; everything else takes one.
const ENDS_FULL_WIDTH = /[\u3000-\u303F\uFF00-\uFFEF][”’"]*$/u;

function joinSentences(sentences: string[]): string {
  return sentences.reduce((out, sentence) => (out === '' ? sentence : out + (ENDS_FULL_WIDTH.test(out) ? '' : ' ') + sentence), '');
}

const GRAPHEMES = new Intl.Segmenter('und', { granularity: 'grapheme' });
const WORDS = new Intl.Segmenter('und', { granularity: 'word' });
// A word-boundary cut may give back at most this share of the room; past that, cut between graphemes.
const WORD_CUT_MIN_SHARE = 0.6;
const DANGLING_END = /[\s,;:、，；：\-–—(“「『«„]+$/u;

/** `text` cut to `maxChars` with "…" on a word boundary if one is near, else a grapheme boundary. */
function cutToLength(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const room = maxChars - ELLIPSIS.length;
  const graphemeEnds = new Set<number>([0]);
  let lastGrapheme = 0;
  for (const { index, segment } of GRAPHEMES.segment(text)) {
    if (index + segment.length > room) break;
    lastGrapheme = index + segment.length;
    graphemeEnds.add(lastGrapheme);
  }
  let lastWord = 0;
  for (const { index } of WORDS.segment(text)) {
    if (index > room) break;
    if (graphemeEnds.has(index)) lastWord = index;
  }
  const atWord = text.slice(0, lastWord).replace(DANGLING_END, '');
  const kept = atWord.length >= room * WORD_CUT_MIN_SHARE ? atWord : text.slice(0, lastGrapheme);
  return kept + ELLIPSIS;
}
