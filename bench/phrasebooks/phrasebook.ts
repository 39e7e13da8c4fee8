/** What a synthetic news item is about: the monitor's two beats, adjacent security news, and noise. */
export type Topic = 'taiwan' | 'apt' | 'security' | 'other';

export const TOPICS: readonly Topic[] = ['taiwan', 'apt', 'security', 'other'];

/**
 * Headline and lead-sentence templates for one language. Slots, filled once per item so the
 * headline and its lead agree: {n} 3-45, {m} 2-15, {pct} 0.5-4.9, {actor}, {vendor}, {cve}.
 */
export interface Phrasebook {
  /** BCP 47 tag, as a feed's <language> would carry it. */
  language: string;
  /** Latin and Cyrillic leads take more sentences than CJK ones to reach a similar length. */
  leadMinChars: number;
  headlines: Record<Topic, readonly string[]>;
  sentences: Record<Topic, readonly string[]>;
}
