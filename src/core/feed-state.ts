import type { ErrorCode } from './errors.js';
import type { FeedFormat } from './feed-item.js';

/** What a poll can end in. `seeded` is a feed's first successful poll. */
export type PollStatus = 'seeded' | 'refreshed' | 'not-modified' | 'failed';

/** What straitwatch remembers about one feed between polls (and restarts). */
export interface FeedState {
  feedId: string;
  url: string;
  /** Validators for the next conditional GET. */
  etag?: string;
  lastModified?: string;
  /** When the feed was first polled successfully: stories published before it are backlog. */
  firstSeenAt?: string;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastStatus?: PollStatus;
  consecutiveFailures: number;
  lastError?: string;
  lastErrorCode?: ErrorCode;
  /** Set while the feed has failed `unhealthyAfter` times in a row. */
  unhealthySince?: string;
  /** Earliest time the scheduler may poll again (backoff, Retry-After). */
  nextPollAt?: string;
  charset?: string;
  format?: FeedFormat;
  itemCount?: number;
  /** A permanent redirect's target: the operator should update feeds.json. */
  movedTo?: string;
}

export function emptyFeedState(feedId: string, url: string): FeedState {
  return { feedId, url, consecutiveFailures: 0 };
}
