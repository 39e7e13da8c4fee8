import { conceptLexicon } from './concept-lexicon.js';
import { isNearPublication } from './mentioned-dates.js';

/** Entities at least this heavy pin an event down: they count toward minSharedEntities. */
export const STRONG_WEIGHT = 2;

// Defaults by kind; concepts.json overrides per concept. A group, a CVE or a person names few
// stories in a 72-hour window; "Taiwan", "China" or "drills" name most of them.
const KIND_WEIGHTS: Record<string, number> = {
  group: 3,
  cve: 4,
  code: 3,
  num: 2,
  date: 2,
  // The minute of a time of day ("7:58"): few events of a window share one.
  time: 2,
  // A span of years ("strongest in 25 years").
  years: 2,
  person: 3,
  place: 2,
  org: 2,
  event: 1.5,
  country: 1,
};
/** A date within a day and a half of publication ("on Saturday", "台北11日電") names the day, not the event. */
const NEAR_DATE_WEIGHT = 0.5;

function kindOf(entity: string): string {
  return entity.slice(0, entity.indexOf(':'));
}

/** How much sharing `entity` says two stories are one; dates are judged against `publishedMs`. */
export function entityWeight(entity: string, publishedMs: number): number {
  const kind = kindOf(entity);
  if (kind === 'date') return isNearPublication(entity, publishedMs) ? NEAR_DATE_WEIGHT : KIND_WEIGHTS.date!;
  return conceptLexicon().weight(entity) ?? KIND_WEIGHTS[kind] ?? 1;
}

/**
 * Entities at least this heavy are lookup keys: Lai or an election finds the reports that share only
 * such names (crossLanguageWeak); Taiwan, China and today's date would find every story of the window.
 */
export const KEY_WEIGHT = 1;

export function isKey(entity: string, publishedMs: number): boolean {
  return entityWeight(entity, publishedMs) >= KEY_WEIGHT;
}
