import type { FeedConfig } from '../config/schema.js';
import type { FeedState } from '../core/feed-state.js';

export type FeedHealthStatus = 'healthy' | 'failing' | 'unhealthy' | 'never-polled' | 'disabled';

export interface FeedHealth {
  feed: string;
  status: FeedHealthStatus;
  lastSuccessAt?: string;
  consecutiveFailures: number;
  lastError?: string;
  nextPollAt?: string;
}

/** Each configured feed's health, from its stored state. `failing` has failed, but fewer times than makes it unhealthy. */
export function feedHealth(feeds: readonly FeedConfig[], states: readonly FeedState[]): FeedHealth[] {
  const byId = new Map(states.map((state) => [state.feedId, state]));
  return feeds.map((feed) => {
    const state = byId.get(feed.id);
    const status: FeedHealthStatus = !feed.enabled
      ? 'disabled'
      : !state?.lastAttemptAt
        ? 'never-polled'
        : state.unhealthySince
          ? 'unhealthy'
          : state.consecutiveFailures > 0
            ? 'failing'
            : 'healthy';
    return {
      feed: feed.id,
      status,
      consecutiveFailures: state?.consecutiveFailures ?? 0,
      ...(state?.lastSuccessAt && { lastSuccessAt: state.lastSuccessAt }),
      ...(state?.lastError && status !== 'healthy' && { lastError: state.lastError }),
      ...(state?.nextPollAt && { nextPollAt: state.nextPollAt }),
    };
  });
}
