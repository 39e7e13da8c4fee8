import pLimit from 'p-limit';
import type { Config, FeedConfig } from '../config/schema.js';
import { pollPolicyFor } from './poll-policy-for-feed.js';
import { type RefreshDeps, type RefreshOutcome, refreshFeed } from './refresh-feed.js';

export interface FeedResult {
  feed: FeedConfig;
  outcome: RefreshOutcome;
}

/**
 * Polls every enabled feed once, `polling.concurrency` at a time, and reports each result as it
 * lands (for streaming `--json` output). One feed's failure never stops the others.
 */
export async function pollAll(
  config: Config,
  deps: RefreshDeps,
  options: { signal?: AbortSignal; onResult?: (result: FeedResult) => void } = {},
): Promise<FeedResult[]> {
  const limit = pLimit(config.polling.concurrency);
  const feeds = config.feeds.filter((feed) => feed.enabled);
  return Promise.all(
    feeds.map((feed) =>
      limit(async () => {
        const outcome = await refreshFeed(feed, pollPolicyFor(feed, config.polling), deps, options.signal);
        const result = { feed, outcome };
        options.onResult?.(result);
        return result;
      }),
    ),
  );
}
