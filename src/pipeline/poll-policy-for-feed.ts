import type { FeedConfig, PollingConfig } from '../config/schema.js';
import { parseDuration } from '../config/duration.js';
import type { PollPolicy } from './poll-policy.js';

/** The policy for one feed: its own interval, the global backoff and health settings. */
export function pollPolicyFor(feed: FeedConfig, polling: PollingConfig): PollPolicy {
  return {
    intervalMs: parseDuration(feed.interval)!,
    maxBackoffMs: parseDuration(polling.maxBackoff)!,
    jitter: polling.jitter,
    unhealthyAfter: polling.unhealthyAfter,
  };
}
