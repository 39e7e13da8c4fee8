import pLimit from 'p-limit';
import type { Config, FeedConfig } from '../config/schema.js';
import type { PollStatus } from '../core/feed-state.js';
import { pollPolicyFor } from './poll-policy-for-feed.js';
import { type RefreshDeps, type RefreshOutcome, refreshFeed } from './refresh-feed.js';

export interface FeedResult {
  feed: FeedConfig;
  outcome: RefreshOutcome;
}

/** What pollAll keeps per feed: counts, not the stories (a cold cycle over many feeds would hold them all). */
export interface FeedSummary {
  feed: string;
  status: PollStatus;
  stored: number;
}

/**
 * Polls every enabled feed once, `polling.concurrency` at a time, hands each full result to
 * `onResult` as it lands (for streaming `--json` output), then brings the search index up to
 * date. One feed's failure never stops the others.
 */
export async function pollAll(
  config: Config,
  deps: RefreshDeps,
  options: { signal?: AbortSignal; onResult?: (result: FeedResult) => void } = {},
): Promise<FeedSummary[]> {
  const limit = pLimit(config.polling.concurrency);
  const feeds = config.feeds.filter((feed) => feed.enabled);
  const summaries = await Promise.all(
    feeds.map((feed) =>
      limit(async (): Promise<FeedSummary> => {
        const outcome = await refreshFeed(feed, pollPolicyFor(feed, config.polling), deps, options.signal);
        options.onResult?.({ feed, outcome });
        return { feed: feed.id, status: outcome.status, stored: 'stored' in outcome ? outcome.stored.length : 0 };
      }),
    ),
  );
  deps.store.indexPendingStories();
  return summaries;
}
