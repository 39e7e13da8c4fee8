import type { FeedState } from '../core/feed-state.js';
import type { Story, StoryClassification } from '../core/story.js';

// Row shapes as SQLite returns them; mapping lives here so the store reads as queries only.

export interface FeedStateRow {
  feed_id: string;
  url: string;
  etag: string | null;
  last_modified: string | null;
  first_seen_at: string | null;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_status: string | null;
  consecutive_failures: number;
  last_error: string | null;
  last_error_code: string | null;
  unhealthy_since: string | null;
  next_poll_at: string | null;
  charset: string | null;
  format: string | null;
  item_count: number | null;
  moved_to: string | null;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}

export function feedStateFromRow(row: FeedStateRow): FeedState {
  return defined({
    feedId: row.feed_id,
    url: row.url,
    etag: row.etag,
    lastModified: row.last_modified,
    firstSeenAt: row.first_seen_at,
    lastAttemptAt: row.last_attempt_at,
    lastSuccessAt: row.last_success_at,
    lastStatus: row.last_status,
    consecutiveFailures: row.consecutive_failures,
    lastError: row.last_error,
    lastErrorCode: row.last_error_code,
    unhealthySince: row.unhealthy_since,
    nextPollAt: row.next_poll_at,
    charset: row.charset,
    format: row.format,
    itemCount: row.item_count,
    movedTo: row.moved_to,
  } as unknown as FeedState);
}

export function feedStateToRow(state: FeedState): FeedStateRow {
  return {
    feed_id: state.feedId,
    url: state.url,
    etag: state.etag ?? null,
    last_modified: state.lastModified ?? null,
    first_seen_at: state.firstSeenAt ?? null,
    last_attempt_at: state.lastAttemptAt ?? null,
    last_success_at: state.lastSuccessAt ?? null,
    last_status: state.lastStatus ?? null,
    consecutive_failures: state.consecutiveFailures,
    last_error: state.lastError ?? null,
    last_error_code: state.lastErrorCode ?? null,
    unhealthy_since: state.unhealthySince ?? null,
    next_poll_at: state.nextPollAt ?? null,
    charset: state.charset ?? null,
    format: state.format ?? null,
    item_count: state.itemCount ?? null,
    moved_to: state.movedTo ?? null,
  };
}

export interface StoryRow {
  id: string;
  feed_id: string;
  guid: string | null;
  link: string | null;
  title: string;
  summary: string;
  content: string;
  author: string | null;
  categories: string;
  published_at: string;
  published_estimated: number;
  fetched_at: string;
  content_hash: string;
  lang: string | null;
  bcp47: string | null;
  script: string | null;
  topics: string;
  scores: string;
  groups: string;
  matched: string;
  summary_state: string | null;
  cluster_id: string | null;
}

export function storyToRow(story: Story): StoryRow {
  return {
    id: story.id,
    feed_id: story.feedId,
    guid: story.guid ?? null,
    link: story.link ?? null,
    title: story.title,
    summary: story.summary,
    content: story.content,
    author: story.author ?? null,
    categories: JSON.stringify(story.categories),
    published_at: story.published,
    published_estimated: story.publishedEstimated ? 1 : 0,
    fetched_at: story.fetchedAt,
    content_hash: story.contentHash,
    lang: story.classification?.lang ?? null,
    bcp47: story.classification?.bcp47 ?? null,
    script: story.classification?.script ?? null,
    topics: JSON.stringify(story.classification?.topics ?? []),
    scores: JSON.stringify(story.classification?.scores ?? {}),
    groups: JSON.stringify(story.classification?.groups ?? []),
    matched: JSON.stringify(story.classification?.matched ?? []),
    // Relevant stories (any topic) wait for a summary; the others never get one.
    summary_state: story.classification?.topics.length ? 'pending' : null,
    cluster_id: story.clusterId ?? null,
  };
}

function classificationFromRow(row: StoryRow): StoryClassification | undefined {
  if (row.lang === null || row.bcp47 === null || row.script === null) return undefined;
  return {
    lang: row.lang,
    bcp47: row.bcp47,
    script: row.script,
    topics: JSON.parse(row.topics) as string[],
    scores: JSON.parse(row.scores) as Record<string, number>,
    groups: JSON.parse(row.groups) as string[],
    matched: JSON.parse(row.matched) as StoryClassification['matched'],
  };
}

export function storyFromRow(row: StoryRow): Story {
  return {
    id: row.id,
    feedId: row.feed_id,
    ...(row.guid !== null && { guid: row.guid }),
    ...(row.link !== null && { link: row.link }),
    title: row.title,
    summary: row.summary,
    content: row.content,
    ...(row.author !== null && { author: row.author }),
    categories: JSON.parse(row.categories) as string[],
    published: row.published_at,
    publishedEstimated: row.published_estimated === 1,
    fetchedAt: row.fetched_at,
    contentHash: row.content_hash,
    ...(classificationFromRow(row) && { classification: classificationFromRow(row) }),
    ...(row.cluster_id && { clusterId: row.cluster_id }),
  };
}
