import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../src/summarize/circuit-breaker.js';

describe('CircuitBreaker', () => {
  it('opens after the threshold, lets one trial through after the cooldown, and closes on success', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1000 }, () => now);
    breaker.failed();
    breaker.failed();
    expect(breaker.allow()).toBe(true);
    breaker.failed();
    expect(breaker.state).toBe('open');
    expect(breaker.allow()).toBe(false);
    now = 1000;
    expect(breaker.state).toBe('half-open');
    expect(breaker.allow()).toBe(true);
    expect(breaker.allow()).toBe(false);
    breaker.succeeded();
    expect(breaker.state).toBe('closed');
  });

  it('a failed trial opens it again at once', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1000 }, () => now);
    for (let i = 0; i < 3; i++) breaker.failed();
    now = 1000;
    expect(breaker.allow()).toBe(true);
    breaker.failed();
    expect(breaker.state).toBe('open');
    now = 1999;
    expect(breaker.allow()).toBe(false);
  });

  it('a Retry-After longer than the cooldown opens it until then, even below the threshold', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1000 }, () => now);
    breaker.failed(5000);
    expect(breaker.state).toBe('open');
    now = 4999;
    expect(breaker.state).toBe('open');
    now = 5000;
    expect(breaker.state).toBe('half-open');
  });
});
