import { StoryMerges } from '../cluster/story-merges.js';
import { digest } from '../core/story-id.js';
import type { Story } from '../core/story.js';
import type { FoldExplanation, StoryClusterer } from './cluster-story.js';
import type { Understand } from './understand-story.js';

/** A report as `straitwatch cluster` reads it: the classify input plus when, where and who published it. */
export interface ReportInput {
  id: string;
  title: string;
  summary?: string;
  content?: string;
  feedLanguage?: string;
  /** ISO 8601. */
  published: string;
  link?: string;
  feed?: string;
}

/** The story a report as the pipeline would store it: understood, then folded (in the order given, as they would arrive). */
export function reportStory(input: ReportInput, understand: Understand, fetchedAt: Date): Story {
  const summary = input.summary ?? '';
  const content = input.content ?? '';
  return {
    id: input.id,
    feedId: input.feed ?? 'input',
    ...(input.link && { link: input.link }),
    title: input.title,
    summary,
    content,
    categories: [],
    published: input.published,
    publishedEstimated: false,
    fetchedAt: fetchedAt.toISOString(),
    contentHash: digest(input.title, summary, content),
    classification: understand({ title: input.title, summary, content, ...(input.feedLanguage && { feedLanguage: input.feedLanguage }) }),
  };
}

/** One line of `straitwatch cluster`: the report and its story, and with --explain why it is there. */
export type FoldedReport = { id: string; story: string } & Partial<FoldExplanation>;

/**
 * Folds reports into stories with the pipeline's own clusterer and index: `story` is the id of
 * the first report of the story each one belongs to. Embeddings (when configured) go in one
 * batch of 64 at a time, as a poll's new stories do. `explain` adds why each report is where it is;
 * `now` is when the reports count as fetched.
 */
export async function foldReports(
  inputs: readonly ReportInput[],
  understand: Understand,
  clusterer: StoryClusterer,
  { now = new Date(), explain = false }: { now?: Date; explain?: boolean } = {},
): Promise<FoldedReport[]> {
  const stories = inputs.map((input) => reportStory(input, understand, now));
  const embeddings = new Map<string, number[]>();
  for (let i = 0; i < stories.length; i += 64) {
    for (const [id, vector] of await clusterer.embed(stories.slice(i, i + 64))) embeddings.set(id, vector);
  }
  // A later report can merge two stories: every line gets the story as it stands after the last report.
  const merges = new StoryMerges();
  const assigned = stories.map((story) => {
    const { fold, explanation } = clusterer.assignExplained(story, embeddings.get(story.id));
    if (fold) merges.record(fold.absorbed, fold.clusterId);
    return { id: story.id, story: fold?.clusterId ?? story.id, explanation };
  });
  return assigned.map(({ id, story, explanation }) => ({ id, story: merges.current(story), ...(explain && explanation) }));
}
