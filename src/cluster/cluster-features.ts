import { foldText } from '../core/fold-text.js';
import type { ClusterInput } from './cluster-input.js';
import { conceptLexicon } from './concept-lexicon.js';
import { isKey } from './entity-weight.js';
import { mentionedDates } from './mentioned-dates.js';
import { mentionedNumbers } from './mentioned-numbers.js';
import { matchText } from './match-text.js';
import { bandKeys, minHash } from './min-hash.js';
import { textShingles } from './text-shingles.js';

/** What is stored per story to cluster later ones against it; plain JSON. */
export interface ClusterFeatures {
  lang: string;
  publishedMs: number;
  feedId: string;
  /** MinHash of the folded shingles of title and lead. */
  signature: number[];
  /** Lookup keys: LSH band keys and entities but the commonest (entity-weight.ts). A candidate shares at least one. */
  keys: string[];
  /** Language-free: 'group:APT31', 'org:icefc', 'place:guangzhou', 'num:20', 'date:2025-10-11', 'cve:2024-3400'. */
  entities: string[];
}

/** The lead is what outlets agree on; past it, texts drift into background every story shares. */
const LEAD_CHARS = 600;
// French, Russian and Czech group thousands with a no-break or thin space, which NFKC turns into a plain one.
const SPACED_THOUSANDS = /(\d)[\u00a0\u202f\u2009](?=\d{3}(?!\d))/g;

export function clusterFeatures(input: ClusterInput): ClusterFeatures {
  const publishedMs = Date.parse(input.published);
  if (Number.isNaN(publishedMs)) throw new RangeError(`story "${input.id}": published "${input.published}" is not an ISO 8601 date`);
  const raw = `${input.title}\n${input.text.slice(0, LEAD_CHARS)}`.replace(SPACED_THOUSANDS, '$1');
  const folded = foldText(raw);
  const signature = minHash(textShingles(folded));
  const { dates, rest } = mentionedDates(folded, publishedMs);
  const entities = [
    ...new Set([
      ...input.groups.map((group) => `group:${group}`),
      ...conceptLexicon().find(matchText(folded)),
      ...mentionedNumbers(rest),
      ...dates,
    ]),
  ].sort();
  const keys = [...bandKeys(signature), ...entities.filter((entity) => isKey(entity, publishedMs))];
  return { lang: input.lang, publishedMs, feedId: input.feedId, signature, keys, entities };
}
