import type { FeedConfig } from '../config/schema.js';
import type { FeedState } from '../core/feed-state.js';

/**
 * Feeds whose time has come: their stored next-poll time has passed, or, never polled, the
 * start-up offset they were given has. Feeds already queued or polling are left out, so one
 * feed is never polled twice at once.
 */
export function dueFeeds(
  feeds: readonly FeedConfig[],
  states: ReadonlyMap<string, FeedState>,
  firstPollAt: ReadonlyMap<string, number>,
  busy: ReadonlySet<string>,
  now: Date,
): FeedConfig[] {
  return feeds.filter((feed) => {
    if (!feed.enabled || busy.has(feed.id)) return false;
    const state = states.get(feed.id);
    // A changed URL is a new feed: poll it now rather than at the old URL's schedule.
    const next = state?.nextPollAt && state.url === feed.url ? Date.parse(state.nextPollAt) : (firstPollAt.get(feed.id) ?? 0);
    return now.getTime() >= next;
  });
}

/** Spreads the first polls after start-up over `spreadMs`, so a restart does not fire every feed at once. */
export function firstPollOffsets(feeds: readonly FeedConfig[], start: Date, spreadMs: number, random: () => number): Map<string, number> {
  return new Map(feeds.map((feed) => [feed.id, start.getTime() + Math.floor(random() * spreadMs)]));
}
