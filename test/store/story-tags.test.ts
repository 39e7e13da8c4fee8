import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyFeedState } from '../../src/core/feed-state.js';
import type { Story } from '../../src/core/story.js';
import { type SqliteStore, openSqliteStore } from '../../src/store/sqlite-store.js';
import { makeStory } from '../support/stories.js';

const classified = (topics: string[], groups: string[]): Story['classification'] => ({ lang: 'eng', bcp47: 'en', script: 'Latn', topics, scores: {}, groups, matched: [] });

describe('story tags', () => {
  let store: SqliteStore;
  beforeEach(() => (store = openSqliteStore(':memory:')));
  afterEach(() => store.close());

  const tagsOf = (id: string) =>
    store.db
      .prepare<[string], { tag: string; published_at: string }>('SELECT t.tag, t.published_at FROM story_tags t JOIN stories s ON s.seq = t.seq WHERE s.id = ? ORDER BY t.tag')
      .all(id);

  it.each([
    {
      name: 'topics and groups',
      classification: classified(['taiwan', 'apt'], ['APT31', 'Volt Typhoon']),
      tags: ['group:APT31', 'group:Volt Typhoon', 'topic:apt', 'topic:taiwan'],
    },
    { name: 'a topic without groups', classification: classified(['taiwan'], []), tags: ['topic:taiwan'] },
    { name: 'nothing relevant', classification: classified([], []), tags: [] },
    { name: 'not classified', classification: undefined, tags: [] },
  ])('are written with the story: $name', ({ classification, tags }) => {
    const published = '2025-06-02T08:00:00.000Z';
    store.commitRefresh({ state: emptyFeedState('feed-a', 'u'), stories: [makeStory({ id: 'a', published, ...(classification && { classification }) })] });
    expect(tagsOf('a')).toEqual(tags.map((tag) => ({ tag, published_at: published })));
  });

  it('are written once, on the row stored: a story stored again adds nothing', () => {
    const a = makeStory({ id: 'a', classification: classified(['apt'], ['APT41']) });
    store.commitRefresh({ state: emptyFeedState('feed-a', 'u'), stories: [a] });
    store.commitRefresh({ state: emptyFeedState('feed-a', 'u'), stories: [a, makeStory({ id: 'c', classification: classified(['taiwan'], []) })] });
    expect(tagsOf('a').map((row) => row.tag)).toEqual(['group:APT41', 'topic:apt']);
    expect(tagsOf('c').map((row) => row.tag)).toEqual(['topic:taiwan']);
    expect(store.db.prepare('SELECT count(*) AS n FROM story_tags').get()).toEqual({ n: 3 });
  });
});
