import { entityWeight, STRONG_WEIGHT } from './entity-weight.js';
import { conceptLexicon } from './concept-lexicon.js';
import { isNearPublication } from './mentioned-dates.js';

export interface EntityEvidence {
  /**
   * Shared weight over the geometric mean of the two stories' total weights (a weighted Ochiai
   * coefficient): 1 when they name the same things, lower for each thing only one names.
   */
  score: number;
  /** Shared entities at least STRONG_WEIGHT heavy. */
  strongShared: number;
  /** The weight of the shared entities: how much two stories agree on, however much else they name. */
  sharedWeight: number;
  /**
   * The stories name things that cannot both be true of one event: disjoint groups, CVEs,
   * designations or past dates, or each a count the other lacks ("20 aircraft" / "35 aircraft").
   */
  conflict: boolean;
}

export interface EntitySide {
  entities: readonly string[];
  publishedMs: number;
}

/**
 * Kinds a story names few of, so two stories naming disjoint ones are two events: APT31 is not APT41,
 * 2024A is not 2024B, Strait Thunder is not Justice Mission, Typhoon Gaemi is not Typhoon Krathon.
 */
function conflictKey(entity: string, publishedMs: number): string | undefined {
  const kind = entity.slice(0, entity.indexOf(':'));
  if (kind === 'group' || kind === 'cve' || kind === 'code') return kind;
  if (kind === 'date' && !isNearPublication(entity, publishedMs)) return kind;
  const rivals = conceptLexicon().exclusive(entity);
  return rivals === undefined ? undefined : `exclusive:${rivals}`;
}

function kindsWithout(mine: readonly string[], publishedMs: number, shared: ReadonlySet<string>): Set<string> {
  const kinds = new Set<string>();
  for (const e of mine) {
    const key = conflictKey(e, publishedMs);
    if (key) kinds.add(key);
  }
  // A kind conflicts only if no entity of it is shared.
  for (const e of shared) kinds.delete(conflictKey(e, publishedMs) ?? '');
  return kinds;
}

/**
 * Whole numbers below a million: aircraft, ships, arrests, victims. Decimals are measurements, which agencies and
 * rounding differ on (magnitude 7.2 / 7.3 / 7.4, 40.05 % / 40.1 %); a million and more is money or votes, which
 * outlets round and convert (US$11.1 billion, $11 billion, 7,000億円 are one arms sale).
 */
const COUNT_BELOW = 1_000_000;
const isCount = (entity: string) => entity.startsWith('num:') && !entity.includes('.') && Number(entity.slice(4)) < COUNT_BELOW;

/** Counts, times of day and spans of years: details a lead may or may not quote. */
const isFigure = (entity: string) => entity.startsWith('num:') || entity.startsWith('time:') || entity.startsWith('years:');

/**
 * A figure only one story gives counts half against it: leads differ in how many figures they quote (vote
 * shares, toll, magnitude by each agency), not in what event they report.
 */
const UNSHARED_FIGURE_FACTOR = 0.5;
/** Shared strong entities that excuse differing counts: a place, a body and a magnitude are one event, whatever tolls each quotes. */
const COUNTS_EXCUSED_AT = 2;

function totalWeight(entities: readonly string[], publishedMs: number, shared: ReadonlySet<string>): number {
  let total = 0;
  for (const e of entities) total += entityWeight(e, publishedMs) * (isFigure(e) && !shared.has(e) ? UNSHARED_FIGURE_FACTOR : 1);
  return total;
}

/** What the entities two stories share say about their being one event. */
export function entityEvidence(a: EntitySide, b: EntitySide): EntityEvidence {
  const inB = new Set(b.entities);
  const shared = new Set(a.entities.filter((e) => inB.has(e)));
  let sharedWeight = 0;
  let strongShared = 0;
  for (const e of shared) {
    // A date is as weak as it is for the story it is weakest for.
    const weight = Math.min(entityWeight(e, a.publishedMs), entityWeight(e, b.publishedMs));
    sharedWeight += weight;
    if (weight >= STRONG_WEIGHT) strongShared++;
  }
  // The geometric mean rather than the lighter story's weight: what only one story names counts against, so a
  // short report naming Lai and an inauguration is not taken into every story that mentions both in passing.
  const norms = Math.sqrt(totalWeight(a.entities, a.publishedMs, shared) * totalWeight(b.entities, b.publishedMs, shared));
  const kindsA = kindsWithout(a.entities, a.publishedMs, shared);
  const kindsB = kindsWithout(b.entities, b.publishedMs, shared);
  // Counts are stricter than names: one shared strong entity ("24 hours", the median line) does not excuse two
  // counts that differ, as in daily reports of PLA activity, which share their wording and all but the counts.
  // Two do: reports of one earthquake share its place and magnitude and quote different tolls. A lead that
  // gives fewer counts than another is no conflict.
  const ownCount = (mine: readonly string[]) => mine.some((e) => isCount(e) && !shared.has(e));
  const countsConflict = strongShared < COUNTS_EXCUSED_AT && ownCount(a.entities) && ownCount(b.entities);
  const conflict = [...kindsA].some((kind) => kindsB.has(kind)) || countsConflict;
  return { score: norms > 0 ? sharedWeight / norms : 0, strongShared, sharedWeight, conflict };
}
