import type { FeedState } from '../core/feed-state.js';
import type { Destination } from '../core/alert.js';
import type { Story } from '../core/story.js';

export interface StoreStats {
  stories: number;
  byLanguage: Array<{ lang: string; stories: number }>;
  byDay: Array<{ day: string; stories: number }>;
}

/** One poll's writes, committed together so a crash leaves either all of them or none. */
export interface RefreshCommit {
  state: FeedState;
  stories: Story[];
  /** Where each new story's alert goes, queued in the same transaction. */
  alerts?: ReadonlyMap<string, readonly Destination[]>;
  /**
   * Folds each new story into the story it reports, inside the transaction (so two feeds
   * reporting one event at once cannot both start it); undefined for a story that is not folded
   * (it stands alone).
   */
  cluster?: (story: Story) => StoryFold | undefined;
}

/** Where the clusterer put a new report. */
export interface StoryFold {
  /** The story it belongs to: the id of its first report (its own id when it starts one). */
  clusterId: string;
  /** Stories the report showed to be the same event, merged into `clusterId`; usually none. */
  absorbed: readonly string[];
}

/** The store the pipeline, CLI and bot talk to. SqliteStore is the one implementation; tests run a contract suite on it. */
export interface Store {
  feedState(feedId: string): FeedState | undefined;
  allFeedStates(): FeedState[];
  saveFeedState(state: FeedState): void;
  /** Saves the feed state and stores the stories not seen before; returns those new ones. */
  commitRefresh(commit: RefreshCommit): Story[];
  /** Brings the full-text index up to date with the stories stored; returns how many were added. */
  indexPendingStories(batch?: number): number;
  story(id: string): Story | undefined;
  /** Which of these story ids are stored already. */
  knownStoryIds(ids: readonly string[]): Set<string>;
  countStories(): number;
  /** Story counts overall, per language and per publication day (the last `days` days). */
  stats(now: Date, days?: number): StoreStats;
  close(): void;
}
