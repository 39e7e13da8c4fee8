/** One entry of a topic's term list (see src/topics/builtin/*.json and `topics` in feeds.json). */
export interface TopicTerm {
  /** Matched after folding (NFKC, lowercase, Traditional → Simplified). A trailing "*" matches as a prefix. */
  term: string;
  /** Added to the topic's raw score when found; negative for false friends. */
  weight: number;
  /** ISO 639-1 (or "*"), informational: which language the term serves. */
  lang?: string;
  /** The term counts only when one of these also occurs in the story; "@name" stands for a named context list. */
  with?: string[];
  note?: string;
}

export interface TopicDefinition {
  name: string;
  /** Raw score at which the topic applies; it maps to a score of 0.5. */
  threshold: number;
  terms: TopicTerm[];
  /** Added per state-sponsored threat-actor group the story names (the built-in `apt` uses this). */
  groupWeight?: number;
  /** Named context lists that terms' `with` refer to as "@name". */
  contexts?: Record<string, string[]>;
}

/** A term or a group alias that contributed to a story's classification. */
export interface MatchedTerm {
  term: string;
  in: 'title' | 'text';
  topic?: string;
  weight?: number;
  group?: string;
}

export interface TopicClassification {
  /** Topics whose score reached 0.5 (raw score ≥ threshold), strongest first. */
  topics: string[];
  /** Every topic's score in [0, 1). */
  scores: Record<string, number>;
  /** Canonical names of the state-sponsored groups named. */
  groups: string[];
  matched: MatchedTerm[];
}
