export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * Stops calling an API that keeps failing. After `failureThreshold` consecutive failures it opens
 * for `cooldownMs` (or until the server's Retry-After, if later); then one trial call is let
 * through (half-open): success closes it, failure opens it again. Time comes from `now`.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private trialInFlight = false;

  constructor(
    private readonly options: { failureThreshold: number; cooldownMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  get state(): BreakerState {
    if (this.openUntil === 0) return 'closed';
    return this.now() < this.openUntil ? 'open' : 'half-open';
  }

  /** Whether a call may go out now; in half-open, only one at a time. */
  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  succeeded(): void {
    this.failures = 0;
    this.openUntil = 0;
    this.trialInFlight = false;
  }

  failed(retryAfterMs?: number): void {
    this.failures++;
    const wasTrial = this.trialInFlight;
    this.trialInFlight = false;
    if (wasTrial || this.failures >= this.options.failureThreshold || (retryAfterMs ?? 0) > this.options.cooldownMs) {
      this.openUntil = this.now() + Math.max(this.options.cooldownMs, retryAfterMs ?? 0);
    }
  }
}
