import { readFileSync } from 'node:fs';
import { UNSPACED_CHAR, isUnspaced, matchForm } from './match-text.js';

/** One concept as concepts.json (or a config's clustering.concepts) writes it. */
export interface ConceptEntry {
  weight?: number;
  implies?: string[];
  exclusive?: string;
  forms: Record<string, string[]>;
}

interface ConceptsFile {
  ignore: string[];
  concepts: Record<string, ConceptEntry>;
}

/** One form of a concept, as matched: words (each maybe a stem) or one unspaced string. */
interface Form {
  /** Concept id, or '' for an ignored form (consumed, no entity). */
  id: string;
  words: string[];
  stems: boolean[];
  /** Unspaced forms (Han, kana, Hangul) match as a string anywhere; others word by word. */
  text: string;
  unspaced: boolean;
}

export interface ConceptLexicon {
  /** Concept ids named in `text` (a `matchText` result), in order of first mention. */
  find(text: string): string[];
  /** The weight a concept's entry sets, if it sets one. */
  weight(id: string): number | undefined;
  /**
   * The set of rival names a concept belongs to ("exercise": Joint Sword, Strait Thunder, Han Kuang), if any:
   * two reports that name different members of one set, and none in common, report different events.
   */
  exclusive(id: string): string | undefined;
}

const CONCEPTS_URL = new URL('./concepts.json', import.meta.url);
/** Word forms are looked up by their first three letters, so a stem needs at least that many. */
const KEY_LENGTH = 3;

function compileForm(id: string, raw: string, source: string): Form {
  const words: string[] = [];
  const stems: boolean[] = [];
  // "tchaj-wan*" is two words, and only the last is a stem.
  for (const piece of raw.trim().split(/\s+/)) {
    const parts = matchForm(piece.replace(/\*$/, '')).split(' ').filter(Boolean);
    parts.forEach((part, i) => {
      words.push(part);
      stems.push(piece.endsWith('*') && i === parts.length - 1);
    });
  }
  const text = words.join(' ');
  if (text.length < 2) throw new Error(`${source}: form "${raw}" of "${id}" is shorter than two letters`);
  if (stems[0] && words[0]!.length < KEY_LENGTH) throw new Error(`${source}: stem "${raw}" of "${id}" is shorter than ${KEY_LENGTH} letters`);
  return { id, words, stems, text, unspaced: UNSPACED_CHAR.test(text[0]!) };
}

function push(map: Map<string, Form[]>, key: string, form: Form): void {
  const list = map.get(key);
  if (list) list.push(form);
  else map.set(key, [form]);
}

function wordsMatch(form: Form, tokens: readonly string[], at: number): boolean {
  for (let w = 0; w < form.words.length; w++) {
    const token = tokens[at + w];
    if (token === undefined) return false;
    if (form.stems[w] ? !token.startsWith(form.words[w]!) : token !== form.words[w]) return false;
  }
  return true;
}

/** `source` names the file or config key in errors. */
export function compileLexicon(file: ConceptsFile, source = 'concepts.json'): ConceptLexicon {
  const byWordKey = new Map<string, Form[]>();
  const byCharKey = new Map<string, Form[]>();
  const weights = new Map<string, number>();
  const exclusives = new Map<string, string>();
  const implied = new Map<string, string[]>();
  const entries: Array<[string, string]> = file.ignore.map((raw) => ['', raw]);
  for (const [id, concept] of Object.entries(file.concepts)) {
    if (concept.weight !== undefined) weights.set(id, concept.weight);
    if (concept.exclusive !== undefined) exclusives.set(id, concept.exclusive);
    for (const general of concept.implies ?? []) {
      if (!(general in file.concepts)) throw new Error(`${source}: "${id}" implies "${general}", which is no concept`);
    }
    if (concept.implies) implied.set(id, concept.implies);
    for (const raw of Object.values(concept.forms).flat()) entries.push([id, raw]);
  }
  for (const [id, raw] of entries) {
    const form = compileForm(id, raw, source);
    if (form.unspaced) push(byCharKey, form.text.slice(0, 2), form);
    else push(byWordKey, form.words[0]!.slice(0, KEY_LENGTH), form);
  }

  function find(text: string): string[] {
    const found = new Set<string>();
    // Longest form first at each place, then past it: "联邦调查局" is the FBI, not also "调查局".
    for (let i = 0; i < text.length; i++) {
      if (!isUnspaced(text.charCodeAt(i))) continue;
      const forms = byCharKey.get(text.slice(i, i + 2));
      if (!forms) continue;
      let best: Form | undefined;
      for (const form of forms) {
        if ((!best || form.text.length > best.text.length) && text.startsWith(form.text, i)) best = form;
      }
      if (!best) continue;
      if (best.id) found.add(best.id);
      i += best.text.length - 1;
    }
    const tokens = text.trim().split(' ');
    for (let t = 0; t < tokens.length; t++) {
      let best: Form | undefined;
      for (const form of byWordKey.get(tokens[t]!.slice(0, KEY_LENGTH)) ?? []) {
        if ((!best || form.words.length > best.words.length) && wordsMatch(form, tokens, t)) best = form;
      }
      if (!best) continue;
      if (best.id) found.add(best.id);
      t += best.words.length - 1;
    }
    // One outlet writes "the Legislative Yuan", another "parliament": the specific name implies the general one.
    for (const id of [...found]) for (const general of implied.get(id) ?? []) found.add(general);
    return [...found];
  }

  return { find, weight: (id) => weights.get(id), exclusive: (id) => exclusives.get(id) };
}

let bundled: ConceptsFile | undefined;
let cached: ConceptLexicon | undefined;

const bundledFile = () => (bundled ??= JSON.parse(readFileSync(CONCEPTS_URL, 'utf8')) as ConceptsFile);

/** The lexicon folding uses in this process: the bundled one (concepts.json), with the config's concepts when given. */
export function conceptLexicon(): ConceptLexicon {
  cached ??= compileLexicon(bundledFile());
  return cached;
}

/** The bundled lexicon with `extra` added (an id it has already is replaced); throws, naming `source`, on a bad entry. */
export function extendedLexicon(extra: Readonly<Record<string, ConceptEntry>>, source = 'clustering.concepts'): ConceptLexicon {
  const file = bundledFile();
  return compileLexicon({ ignore: file.ignore, concepts: { ...file.concepts, ...extra } }, source);
}

/**
 * Folds with the bundled lexicon plus `extra` (a config's clustering.concepts) from now on, process-wide: one
 * process runs one configuration. None, or an empty record, restores the bundled lexicon. Stories already stored
 * keep the entities they were stored with.
 */
export function useExtraConcepts(extra: Readonly<Record<string, ConceptEntry>> = {}): void {
  cached = Object.keys(extra).length === 0 ? undefined : extendedLexicon(extra);
}
