import type { MatchedTerm } from './topic-definition.js';

/** A normalized story: plain text, absolute canonical link, UTC date, stable id. */
export interface Story {
  /** Stable across polls: derived from the guid, else the canonical link, else a content hash (see story-id.ts). */
  id: string;
  feedId: string;
  guid?: string;
  /** Absolute http(s) URL with tracking parameters removed. */
  link?: string;
  title: string;
  summary: string;
  content: string;
  author?: string;
  categories: string[];
  /** ISO 8601 UTC. */
  published: string;
  /** True when the feed gave no usable date and `published` is when we first saw the story. */
  publishedEstimated: boolean;
  /** ISO 8601 UTC: when this poll fetched it. */
  fetchedAt: string;
  /** Hash of title + summary + content, to notice edits. */
  contentHash: string;
  /** Set by the pipeline before the story is stored. */
  classification?: StoryClassification;
  /**
   * The story this report was folded into: the id of its first report (its own id when it is
   * the first). Absent for a report that was not folded (no topic, a first poll's backlog, or
   * stored before folding existed): it is a story of its own.
   */
  clusterId?: string;
}

/** What the understanding stage concluded about a story: language, topics, groups, and why. */
export interface StoryClassification {
  /** ISO 639-3, franc's codes, or "und". */
  lang: string;
  /** BCP 47: en, zh-Hant, zh-Hans, ja, ... */
  bcp47: string;
  /** ISO 15924: Latn, Hant, Hans, Jpan, Kore, Cyrl, ... */
  script: string;
  topics: string[];
  scores: Record<string, number>;
  groups: string[];
  matched: MatchedTerm[];
}
