export type SummaryMethod = 'openai' | 'extractive';

/** A story's summary for readers: a headline and 2-3 sentences, in the reader's language when a model made it. */
export interface StorySummary {
  /** In `language` (translated by the model), else the original headline. */
  headline: string;
  originalHeadline: string;
  summary: string;
  /** BCP 47 of headline and summary. */
  language: string;
  method: SummaryMethod;
  model?: string;
  /** Tokens the model call used (prompt + completion). */
  tokens?: number;
  /** The model's own reading, recorded beside the local classification, never replacing it. */
  modelTopics?: string[];
  modelGroups?: string[];
}

/** What a summarizer is given: the story's text and what the understanding stage found. */
export interface SummaryInput {
  id: string;
  title: string;
  summary?: string;
  content?: string;
  /** The story's own language (BCP 47), when known. */
  lang?: string;
  topics?: string[];
  /** Terms that matched, to prefer sentences about them. */
  topicTerms?: string[];
}
