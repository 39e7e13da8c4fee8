import type { ClusteringConfig } from '../config/schema.js';
import type { Story } from '../core/story.js';
import { assignStory } from '../cluster/assign-story.js';
import type { ClusterInput } from '../cluster/cluster-input.js';
import { type ClusterThresholds, DEFAULT_CLUSTER_THRESHOLDS } from '../cluster/cluster-thresholds.js';
import type { ClusterIndex } from '../cluster/memory-cluster-index.js';
import type { MatchReason } from '../cluster/match-story.js';
import type { OpenAiEmbeddingClient } from '../summarize/openai-embedding-client.js';
import type { Logger } from '../log/logger.js';
import type { StoryFold } from '../store/store.js';

/** Headline and lead are what reports of one event share; the body adds noise and cost. */
const LEAD_CHARS = 600;

export function clusterInputOf(story: Story): ClusterInput {
  const lead = (story.summary || story.content).slice(0, LEAD_CHARS);
  return {
    id: story.id,
    title: story.title,
    text: lead,
    lang: story.classification?.bcp47 ?? 'und',
    groups: story.classification?.groups ?? [],
    published: story.published,
    feedId: story.feedId,
    ...(story.link && { link: story.link }),
  };
}

export function clusterThresholds(config: Partial<ClusteringConfig> = {}): ClusterThresholds {
  return {
    windowHours: config.windowHours ?? DEFAULT_CLUSTER_THRESHOLDS.windowHours,
    sameLanguage: config.sameLanguage ?? DEFAULT_CLUSTER_THRESHOLDS.sameLanguage,
    crossLanguage: config.crossLanguage ?? DEFAULT_CLUSTER_THRESHOLDS.crossLanguage,
    minSharedEntities: config.minSharedEntities ?? DEFAULT_CLUSTER_THRESHOLDS.minSharedEntities,
    embedding: config.embedding ?? DEFAULT_CLUSTER_THRESHOLDS.embedding,
    crossLanguageWeak: config.crossLanguageWeak ?? DEFAULT_CLUSTER_THRESHOLDS.crossLanguageWeak,
    promptHours: config.promptHours ?? DEFAULT_CLUSTER_THRESHOLDS.promptHours,
    crossLanguagePrompt: config.crossLanguagePrompt ?? DEFAULT_CLUSTER_THRESHOLDS.crossLanguagePrompt,
    mergeLinks: config.mergeLinks ?? DEFAULT_CLUSTER_THRESHOLDS.mergeLinks,
    supportScore: config.supportScore ?? DEFAULT_CLUSTER_THRESHOLDS.supportScore,
    supportReports: config.supportReports ?? DEFAULT_CLUSTER_THRESHOLDS.supportReports,
  };
}

/**
 * Why a report is in its story: it matched a stored report (near-duplicate wording, shared entities or
 * embeddings), most of a story's reports agreed with it (support), it started a story, or it has no
 * topic and is not folded.
 */
export type FoldReason = MatchReason | 'support' | 'new-story' | 'no-topic';

export interface FoldExplanation {
  reason: FoldReason;
  /** The stored report it matched best, and how closely (Jaccard, entity score or cosine, as `reason` says). */
  matched?: string;
  similarity?: number;
  /** How many of the story's reports agreed, for `support`. */
  supportedBy?: number;
  /** Stories it showed to be the same event, merged into its own. */
  merged?: readonly string[];
  /** What it names, language-free (group:APT31, place:guangzhou, num:20), as folding compares them. */
  entities?: readonly string[];
}

/**
 * The clustering stage as the pipeline runs it: relevant stories (the ones that alert and that
 * users look for) are folded into the story they report; the rest stand alone, which keeps the
 * cost of a cold poll of thousands of unrelated items flat. Embeddings, when configured, are
 * fetched before the store's transaction; the assignment itself runs inside it.
 */
export class StoryClusterer {
  constructor(
    private readonly index: ClusterIndex,
    private readonly thresholds: ClusterThresholds,
    private readonly embeddings?: OpenAiEmbeddingClient,
    private readonly log?: Logger,
  ) {}

  folds(story: Story): boolean {
    return (story.classification?.topics.length ?? 0) > 0;
  }

  /** Embeddings of the stories that will be folded; empty when none are configured or the endpoint fails. */
  async embed(stories: readonly Story[]): Promise<Map<string, number[]>> {
    const folded = stories.filter((story) => this.folds(story));
    if (!this.embeddings || folded.length === 0) return new Map();
    const answer = await this.embeddings.embed(folded.map((story) => `${story.title}\n${clusterInputOf(story).text}`));
    if ('error' in answer) {
      this.log?.warn({ stories: folded.length }, `clustering without embeddings this time: ${answer.error}`);
      return new Map();
    }
    return new Map(folded.map((story, i) => [story.id, answer.vectors[i]!]));
  }

  /** The story's cluster (a matching story's, or its own) and the stories it merged; undefined for a story not folded (no topic). */
  assign(story: Story, embedding?: readonly number[]): StoryFold | undefined {
    return this.assignExplained(story, embedding).fold;
  }

  /** `assign`, and why: what the report names and what it matched, for `straitwatch cluster --explain`. */
  assignExplained(story: Story, embedding?: readonly number[]): { fold?: StoryFold; explanation: FoldExplanation } {
    if (!this.folds(story)) return { explanation: { reason: 'no-topic' } };
    const assignment = assignStory(clusterInputOf(story), this.index, this.thresholds, embedding);
    const { clusterId, absorbed, match, supportedBy, features } = assignment;
    if (absorbed.length) this.log?.info({ story: clusterId, absorbed, report: story.id }, 'stories merged: a report showed them to be one event');
    const reason: FoldReason = match ? match.reason : supportedBy !== undefined ? 'support' : 'new-story';
    const explanation: FoldExplanation = {
      reason,
      ...(match && { matched: match.reportId, similarity: Math.round(match.similarity * 1000) / 1000 }),
      ...(supportedBy !== undefined && { supportedBy }),
      ...(absorbed.length > 0 && { merged: absorbed }),
      entities: features.entities,
    };
    return { fold: { clusterId, absorbed }, explanation };
  }
}
