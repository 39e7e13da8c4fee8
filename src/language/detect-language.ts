import { franc } from 'franc';
import { countHanVariants } from '../core/han-variants.js';
import { clearStopwordWinner, stopwordVotes } from './latin-stopwords.js';
import { type ScriptProfile, scriptProfile } from './script-profile.js';
import { LATIN_LANGUAGES, type LanguageCode, SUPPORTED_LANGUAGES, languageFromTag } from './supported-languages.js';

export type LanguageMethod = 'script' | 'han-variant' | 'letters' | 'stopwords' | 'franc' | 'hint' | 'none';

export interface DetectedLanguage {
  /** ISO 639-3 as franc names it, or "und". */
  lang: LanguageCode | 'und';
  /** BCP 47: en, zh-Hant, zh-Hans, ja, ... or "und". */
  bcp47: string;
  /** ISO 15924: Latn, Hant, Hans, Jpan, Kore, Cyrl, ... or "Zyyy" when unknown. */
  script: string;
  /** What decided it, for /why and the evaluation. */
  method: LanguageMethod;
}

const UNDETERMINED: DetectedLanguage = { lang: 'und', bcp47: 'und', script: 'Zyyy', method: 'none' };
/** Fewer letters than this and the text alone is not trusted over the feed's declared language. */
const SHORT_TEXT = 24;
/** Latin text shorter than this (a headline without its lead) with no clear signal takes a Latin-script feed language. */
const HINTED_HEADLINE = 80;
/** franc's cost grows with length; a headline and the start of the lead are plenty. */
const FRANC_SAMPLE = 240;

function result(lang: LanguageCode, method: LanguageMethod, overrides: Partial<DetectedLanguage> = {}): DetectedLanguage {
  return { lang, bcp47: SUPPORTED_LANGUAGES[lang].bcp47, script: SUPPORTED_LANGUAGES[lang].script, method, ...overrides };
}

function chinese(text: string, hint: string | undefined): DetectedLanguage {
  const { traditional, simplified } = countHanVariants(text);
  if (traditional > simplified) return result('cmn', 'han-variant', { bcp47: 'zh-Hant', script: 'Hant' });
  if (simplified > traditional) return result('cmn', 'han-variant', { bcp47: 'zh-Hans', script: 'Hans' });
  // Nothing tells them apart (台北 市 ...): the feed's declared variant, else plain "zh".
  if (hint === 'zh-Hant' || hint === 'zh-Hans') return result('cmn', 'hint', { bcp47: hint, script: hint.slice(3) });
  return result('cmn', 'script');
}

function cyrillic(text: string): DetectedLanguage {
  const ukrainian = (text.match(/[іїєґІЇЄҐ]/g) ?? []).length;
  const russian = (text.match(/[ыэъёЫЭЪЁ]/g) ?? []).length;
  if (ukrainian > russian) return result('ukr', 'letters');
  if (russian > ukrainian) return result('rus', 'letters');
  const guess = franc(text.slice(0, FRANC_SAMPLE), { only: ['rus', 'ukr'], minLength: 3 });
  return guess === 'ukr' ? result('ukr', 'franc') : result('rus', guess === 'rus' ? 'franc' : 'script');
}

// Letters that, among the supported Latin-script languages, only one of them writes:
// Vietnamese ơ ư đ ă and the tone-marked vowels of U+1EA0–U+1EF9; Czech ř ů ě; Slovak ľ ĺ ŕ (not ô: French writes it too); Polish ł ą ę ś ź ż ń.
const LETTER_SIGNATURES: Array<[LanguageCode, RegExp]> = [
  ['vie', /[ơưđăƠƯĐĂ\u1EA0-\u1EF9]/g],
  ['ces', /[řůěŘŮĚ]/g],
  ['slk', /[ľĺŕĽĹŔ]/g],
  ['pol', /[łąęśźżńŁĄĘŚŹŻŃ]/g],
];

function signatureWinner(text: string): LanguageCode | undefined {
  const hits = LETTER_SIGNATURES.map(([language, pattern]) => [language, (text.match(pattern) ?? []).length] as const).filter(([, n]) => n >= 2);
  return hits.length === 1 ? hits[0]![0] : undefined;
}

function latin(text: string, letters: number, hint: LanguageCode | undefined): DetectedLanguage {
  const signed = signatureWinner(text);
  if (signed) return result(signed, 'letters');
  const clear = clearStopwordWinner(stopwordVotes(text));
  if (clear) return result(clear, 'stopwords');
  // franc's trigrams need text to work with: a headline with no lead, in a feed that declares a
  // Latin-script language, takes that language.
  if (hint && letters < HINTED_HEADLINE && SUPPORTED_LANGUAGES[hint].script === 'Latn') return result(hint, 'hint');
  const guess = franc(text.slice(0, FRANC_SAMPLE), { only: LATIN_LANGUAGES, minLength: 3 }) as LanguageCode | 'und';
  return guess === 'und' ? { ...UNDETERMINED, script: 'Latn' } : result(guess, 'franc');
}

function dominantScript(profile: ScriptProfile): keyof ScriptProfile | undefined {
  // A Han, kana or Hangul character carries about a word's worth of meaning; weigh it like several Latin letters.
  const weighted: Array<[keyof ScriptProfile, number]> = [
    ['han', (profile.han + profile.kana) * 3],
    ['hangul', profile.hangul * 3],
    ['latin', profile.latin],
    ['cyrillic', profile.cyrillic],
    ['arabic', profile.arabic],
    ['thai', profile.thai],
  ];
  const [top] = weighted.sort((a, b) => b[1] - a[1]);
  return top && top[1] > 0 ? top[0] : undefined;
}

/**
 * A story's language from its title and lead. The script decides first (kana → Japanese, Hangul →
 * Korean, Han → Chinese with Traditional vs Simplified from the characters, Thai, Arabic), letters
 * only one language uses next (Ukrainian і/ї/є, Vietnamese ơ/ư), a clear stopword vote, and franc,
 * restricted to the supported languages of that script, for the rest. Text too short to judge
 * takes the feed's declared language when its script agrees.
 */
export function detectLanguage(text: string, feedLanguage?: string): DetectedLanguage {
  const profile = scriptProfile(text);
  const script = dominantScript(profile);
  const letters = profile.han + profile.kana + profile.hangul + profile.latin + profile.cyrillic + profile.arabic + profile.thai;
  let detected: DetectedLanguage;
  switch (script) {
    case 'han':
      detected = profile.kana >= 1 && profile.kana * 10 >= profile.han ? result('jpn', 'script') : chinese(text, feedLanguage);
      break;
    case 'hangul':
      detected = result('kor', 'script');
      break;
    case 'cyrillic':
      detected = cyrillic(text);
      break;
    case 'arabic':
      detected = result('arb', 'script');
      break;
    case 'thai':
      detected = result('tha', 'script');
      break;
    case 'latin':
      detected = latin(text, letters, languageFromTag(feedLanguage));
      break;
    default:
      detected = UNDETERMINED;
  }
  const hinted = languageFromTag(feedLanguage);
  const hintFits = hinted && SUPPORTED_LANGUAGES[hinted].script === SUPPORTED_LANGUAGES[detected.lang === 'und' ? hinted : detected.lang].script;
  if (hinted && hintFits && hinted !== detected.lang && (letters < SHORT_TEXT || detected.lang === 'und') && detected.method !== 'script') {
    return hinted === 'cmn' ? chinese(text, feedLanguage) : result(hinted, 'hint');
  }
  return detected;
}
