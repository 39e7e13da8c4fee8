import type { FeedState } from '../core/feed-state.js';

export interface PollPolicy {
  intervalMs: number;
  maxBackoffMs: number;
  /** Fraction of the delay to move the next poll by, either way. */
  jitter: number;
  unhealthyAfter: number;
}

/** A Retry-After longer than this is treated as a mistake or a ban and capped. */
const MAX_RETRY_AFTER_MS = 24 * 3600 * 1000;

function jittered(delayMs: number, jitter: number, random: () => number): number {
  return Math.round(delayMs * (1 + jitter * (2 * random() - 1)));
}

/** Next poll after a success (200 or 304): one interval, jittered so feeds drift apart. */
export function nextPollAfterSuccess(policy: PollPolicy, now: Date, random: () => number): Date {
  return new Date(now.getTime() + jittered(policy.intervalMs, policy.jitter, random));
}

/**
 * Next poll after the `failures`-th consecutive failure: the interval doubled per failure up to
 * the ceiling, never sooner than the server's Retry-After.
 */
export function nextPollAfterFailure(policy: PollPolicy, failures: number, now: Date, random: () => number, retryAfterMs?: number): Date {
  const backoff = Math.min(policy.intervalMs * 2 ** Math.min(failures, 20), policy.maxBackoffMs);
  const delay = Math.max(jittered(backoff, policy.jitter, random), Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
  return new Date(now.getTime() + delay);
}

export type HealthChange = 'became-unhealthy' | 'recovered' | undefined;

/** How a poll's result moves the feed's health, for operators' notices. */
export function healthChange(before: FeedState, after: FeedState): HealthChange {
  if (!before.unhealthySince && after.unhealthySince) return 'became-unhealthy';
  if (before.unhealthySince && !after.unhealthySince) return 'recovered';
  return undefined;
}
