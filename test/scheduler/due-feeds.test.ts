import { describe, expect, it } from 'vitest';
import { emptyFeedState } from '../../src/core/feed-state.js';
import { dueFeeds, firstPollOffsets } from '../../src/scheduler/due-feeds.js';
import { testConfig } from '../support/pipeline-harness.js';

const now = new Date('2025-06-03T12:00:00Z');
const config = testConfig([
  { id: 'a', url: 'https://example.org/a' },
  { id: 'b', url: 'https://example.org/b' },
  { id: 'off', url: 'https://example.org/off', enabled: false },
]);
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();

describe('dueFeeds', () => {
  it.each([
    { name: 'never polled, start offset passed', states: [], first: { a: -1, b: 1000 }, busy: [], due: ['a'] },
    { name: 'next poll time passed', states: [{ id: 'a', next: -1 }, { id: 'b', next: 60_000 }], first: {}, busy: [], due: ['a'] },
    { name: 'next poll time exactly now', states: [{ id: 'a', next: 0 }, { id: 'b', next: 1 }], first: {}, busy: [], due: ['a'] },
    { name: 'a feed being polled is never started twice', states: [{ id: 'a', next: -1 }, { id: 'b', next: -1 }], first: {}, busy: ['a'], due: ['b'] },
    { name: 'disabled feeds are never due', states: [], first: {}, busy: [], due: ['a', 'b'] },
    { name: 'a changed URL is due at once', states: [{ id: 'a', next: 60_000, url: 'https://old.example.org/a' }], first: { b: 1 }, busy: [], due: ['a'] },
  ])('$name', ({ states, first, busy, due }) => {
    const stateMap = new Map(
      states.map((s) => [s.id, { ...emptyFeedState(s.id, 'url' in s ? s.url! : `https://example.org/${s.id}`), nextPollAt: at(s.next) }]),
    );
    const firstMap = new Map(Object.entries(first).map(([id, offset]) => [id, now.getTime() + offset]));
    expect(dueFeeds(config.feeds, stateMap, firstMap, new Set(busy), now).map((f) => f.id)).toEqual(due);
  });

  it('spreads first polls over the window', () => {
    let i = 0;
    const randoms = [0, 0.5, 0.999];
    const offsets = firstPollOffsets(config.feeds, now, 30_000, () => randoms[i++]!);
    expect([...offsets.values()].map((t) => t - now.getTime())).toEqual([0, 15_000, 29_970]);
  });
});
