import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyFeedState } from '../../src/core/feed-state.js';
import type { Store } from '../../src/store/store.js';
import { makeStory } from '../support/stories.js';

/** The behaviour every Store must have; run on each implementation and configuration. */
export function testStore(name: string, open: () => { store: Store; cleanup?: () => void }): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    let cleanup: (() => void) | undefined;
    beforeEach(() => ({ store, cleanup } = open()));
    afterEach(() => {
      store.close();
      cleanup?.();
    });

    it('returns undefined for a feed it has never seen', () => {
      expect(store.feedState('nope')).toBeUndefined();
    });

    it('round-trips feed state, including optional fields', () => {
      const state = {
        ...emptyFeedState('cna', 'https://example.org/rss'),
        etag: '"abc"',
        lastModified: 'Tue, 03 Jun 2025 12:00:00 GMT',
        firstSeenAt: '2025-06-03T00:00:00.000Z',
        lastStatus: 'failed' as const,
        consecutiveFailures: 3,
        lastError: 'GET https://example.org/rss: 500',
        lastErrorCode: 'fetch-http-status' as const,
        format: 'rss' as const,
        itemCount: 20,
      };
      store.saveFeedState(state);
      expect(store.feedState('cna')).toEqual(state);
      store.saveFeedState({ ...state, consecutiveFailures: 0, lastError: undefined, lastErrorCode: undefined });
      expect(store.feedState('cna')).not.toHaveProperty('lastError');
      expect(store.allFeedStates()).toHaveLength(1);
    });

    it('stores new stories and returns only those', () => {
      const state = emptyFeedState('feed-a', 'https://example.org/rss');
      const first = store.commitRefresh({ state, stories: [makeStory({ id: 'a' }), makeStory({ id: 'b' })] });
      expect(first.map((s) => s.id)).toEqual(['a', 'b']);
      const second = store.commitRefresh({ state, stories: [makeStory({ id: 'b' }), makeStory({ id: 'c' })] });
      expect(second.map((s) => s.id)).toEqual(['c']);
      expect(store.countStories()).toBe(3);
    });

    it('storing the same story twice is a no-op, even with changed text', () => {
      const state = emptyFeedState('feed-a', 'https://example.org/rss');
      store.commitRefresh({ state, stories: [makeStory({ id: 'a', title: 'first' })] });
      expect(store.commitRefresh({ state, stories: [makeStory({ id: 'a', title: 'edited' })] })).toEqual([]);
      expect(store.story('a')?.title).toBe('first');
      expect(store.countStories()).toBe(1);
    });

    it('round-trips every story field', () => {
      const story = makeStory({
        id: 'x',
        guid: 'urn:x',
        title: '臺灣國防部：共機擾台',
        summary: '國防部表示，今日偵獲共機。',
        content: 'long text',
        author: 'CNA',
        categories: ['政治', 'defence'],
        publishedEstimated: true,
      });
      store.commitRefresh({ state: emptyFeedState('feed-a', 'u'), stories: [story] });
      expect(store.story('x')).toEqual(story);
    });

    it('counts stories per day and language', () => {
      store.commitRefresh({
        state: emptyFeedState('feed-a', 'u'),
        stories: [
          makeStory({ id: 'a', published: '2025-06-03T01:00:00.000Z' }),
          makeStory({ id: 'b', published: '2025-06-03T23:00:00.000Z' }),
          makeStory({ id: 'c', published: '2025-06-02T12:00:00.000Z' }),
        ],
      });
      const stats = store.stats(new Date('2025-06-04T00:00:00Z'), 7);
      expect(stats.stories).toBe(3);
      expect(stats.byDay).toEqual([
        { day: '2025-06-03', stories: 2 },
        { day: '2025-06-02', stories: 1 },
      ]);
      expect(stats.byLanguage).toEqual([{ lang: 'und', stories: 3 }]);
    });
  });
}
