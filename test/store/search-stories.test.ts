import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyFeedState } from '../../src/core/feed-state.js';
import type { Story } from '../../src/core/story.js';
import { type SearchQuery, searchStories } from '../../src/store/search-stories.js';
import { type SqliteStore, openSqliteStore } from '../../src/store/sqlite-store.js';
import { makeStory } from '../support/stories.js';

const classified = (topics: string[], groups: string[]): Story['classification'] => ({ lang: 'eng', bcp47: 'en', script: 'Latn', topics, scores: {}, groups, matched: [] });

// Stored oldest first (as polls store them), so seq order is publication order here. The older
// stories name taiwan in the title, which bm25 ranks far above the newer passing mentions; the
// fillers keep taiwan rare enough for bm25 to score it (in half the stories or more it scores 0).
const FILLERS = Array.from({ length: 8 }, (_, i) => ({ id: `filler-${i}`, title: `Markets report ${i}`, summary: 'Shares rose.', published: '2025-04-01T00:00:00.000Z', topics: [], groups: [] }));
const STORIES = [
  ...FILLERS,
  { id: 'old-title-1', title: 'Taiwan holds drills', summary: 'Exercises near the island.', published: '2025-05-01T00:00:00.000Z', topics: ['taiwan'], groups: [] },
  { id: 'old-title-2', title: 'Taiwan hackers indicted', summary: 'Prosecutors named the group.', published: '2025-05-02T00:00:00.000Z', topics: ['taiwan', 'apt'], groups: ['APT31'] },
  { id: 'new-body-1', title: 'Budget passes', summary: 'A long debate that touched on taiwan in passing, among many other subjects.', published: '2025-06-01T00:00:00.000Z', topics: [], groups: [] },
  { id: 'new-title', title: 'Taiwan coast guard report', summary: 'Patrols rose.', published: '2025-06-02T00:00:00.000Z', topics: ['taiwan'], groups: [] },
  { id: 'new-body-2', title: 'Hackers hit a hospital', summary: 'Officials in taiwan said systems were back, and the attackers were named later.', published: '2025-06-03T00:00:00.000Z', topics: ['apt'], groups: ['APT31'] },
];

describe('searchStories', () => {
  let store: SqliteStore;
  beforeEach(() => {
    store = openSqliteStore(':memory:');
    store.commitRefresh({
      state: emptyFeedState('feed-a', 'u'),
      stories: STORIES.map(({ topics, groups, ...story }) => makeStory({ ...story, classification: classified(topics, groups) })),
    });
    store.indexPendingStories();
  });
  afterEach(() => store.close());

  const ids = (query: Partial<SearchQuery>) =>
    searchStories(store.db, { trigramTerms: [], bigramTerms: [], groups: [], limit: 10, offset: 0, ...query }).map((hit) => hit.story.id);

  it('ranks every match by bm25 while there are fewer than the bound', () => {
    expect(ids({ trigramTerms: ['taiwan'] })).toEqual(['new-title', 'old-title-1', 'old-title-2', 'new-body-1', 'new-body-2']);
  });

  it('past the bound, ranks only the newest matches by bm25: a common word finds recent stories', () => {
    expect(ids({ trigramTerms: ['taiwan'], rankedMatches: 3 })).toEqual(['new-title', 'new-body-1', 'new-body-2']);
  });

  it.each([
    { name: 'topic', query: { topic: 'apt' }, found: ['new-body-2'] },
    { name: 'group', query: { group: 'APT31' }, found: ['new-body-2'] },
    { name: 'since', query: { since: '2025-06-02T00:00:00.000Z' }, found: ['new-title', 'new-body-2'] },
  ])('past the bound, filters narrow the newest matches: $name', ({ query, found }) => {
    expect(ids({ trigramTerms: ['taiwan'], rankedMatches: 3, ...query })).toEqual(found);
  });

  it('a group alone lists its stories newest first, from the tags', () => {
    expect(ids({ groups: ['APT31'] })).toEqual(['new-body-2', 'old-title-2']);
    expect(ids({ groups: ['APT31'], since: '2025-06-01T00:00:00.000Z' })).toEqual(['new-body-2']);
  });

  it('filters read story_tags, not the JSON columns', () => {
    store.db.prepare("DELETE FROM story_tags WHERE tag = 'topic:apt' AND seq = (SELECT seq FROM stories WHERE id = 'old-title-2')").run();
    expect(ids({ trigramTerms: ['taiwan'], topic: 'apt' })).toEqual(['new-body-2']);
    store.db.prepare("DELETE FROM story_tags WHERE tag = 'group:APT31' AND seq = (SELECT seq FROM stories WHERE id = 'new-body-2')").run();
    expect(ids({ groups: ['APT31'] })).toEqual(['old-title-2']);
    expect(ids({ trigramTerms: ['hackers'], group: 'APT31' })).toEqual(['old-title-2']);
  });
});
