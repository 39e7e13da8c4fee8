import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyFeedState } from '../../src/core/feed-state.js';
import { search } from '../../src/pipeline/search.js';
import { type SqliteStore, openSqliteStore } from '../../src/store/sqlite-store.js';
import { understanding } from '../support/pipeline-harness.js';
import { makeStory } from '../support/stories.js';

const understand = understanding();
const STORIES = [
  { id: 'hant', feedId: 'cna-zh', title: '臺灣國防部：共機擾台', summary: '國防部表示，今日偵獲共機20架次。', published: '2025-06-03T01:00:00.000Z' },
  { id: 'hans', feedId: 'xinhua-zh', title: '台湾海峡局势引关注', summary: '多方关注台湾海峡局势。', published: '2025-06-02T01:00:00.000Z' },
  { id: 'ja', feedId: 'nhk-ja', title: '台湾有事を想定した訓練', summary: '防衛省は訓練を実施した。', published: '2025-05-01T01:00:00.000Z' },
  { id: 'violet', feedId: 'therecord-en', title: 'Microsoft: Violet Typhoon targeted ministries', summary: 'The group spied on foreign ministries.', published: '2025-06-01T01:00:00.000Z' },
  { id: 'zirconium', feedId: 'securityweek-en', title: 'Czech government blames Zirconium hackers for espionage campaign', summary: 'Prague said the state-sponsored group breached the foreign ministry.', published: '2025-05-28T01:00:00.000Z' },
  { id: 'ministry-body', feedId: 'bbc-en', title: 'Parliament debates the budget', summary: 'Speakers mentioned ministries in passing.', published: '2025-06-03T05:00:00.000Z' },
  { id: 'thai', feedId: 'bbc-en', title: 'Thai PM dissolves parliament', summary: 'Thailand will vote in March.', published: '2025-06-03T06:00:00.000Z' },
];

describe('search', () => {
  let store: SqliteStore;
  beforeAll(() => {
    store = openSqliteStore(':memory:');
    store.commitRefresh({
      state: emptyFeedState('f', 'u'),
      stories: STORIES.map((s) => makeStory({ ...s, classification: understand({ title: s.title, summary: s.summary }) })),
    });
  });
  afterAll(() => store.close());

  const ids = (hits: ReturnType<typeof search>) => hits.map((h) => h.story.id);

  it.each([
    { name: 'a two-character Chinese word, in Simplified', query: '台湾', found: ['hant', 'hans', 'ja'] },
    { name: 'the same word in Traditional', query: '臺灣', found: ['hant', 'hans', 'ja'] },
    { name: 'a longer Traditional phrase finds its Simplified twin', query: '台灣海峽', found: ['hans'] },
    { name: 'a group by an alias finds stories that used another alias', query: 'Violet Typhoon', found: ['violet', 'zirconium'] },
    { name: 'by the canonical name', query: 'apt31', found: ['violet', 'zirconium'] },
    { name: 'by a Chinese alias', query: '紫羅蘭颱風', found: ['violet', 'zirconium'] },
    { name: 'every word must match', query: 'foreign ministry breached', found: ['zirconium'] },
    { name: 'Thailand is not Taiwan', query: 'taiwan', found: [] },
  ])('$name', ({ query, found }) => {
    expect(ids(search(store, { query })).sort()).toEqual([...found].sort());
  });

  it('ranks a title match above a passing mention', () => {
    expect(ids(search(store, { query: 'ministries' }))).toEqual(['violet', 'ministry-body']);
  });

  it.each([
    { name: 'language, both scripts', request: { query: '台湾', lang: 'zh' }, found: ['hant', 'hans'] },
    { name: 'language, one script', request: { query: '台湾', lang: 'zh-Hant' }, found: ['hant'] },
    { name: 'topic', request: { query: 'ministries', topic: 'apt' }, found: ['violet'] },
    { name: 'group by alias', request: { query: 'ministry', group: 'Judgment Panda' }, found: ['zirconium'] },
    { name: 'group alone', request: { query: '', group: 'APT31' }, found: ['violet', 'zirconium'] },
    { name: 'source', request: { query: '台湾', feed: 'nhk-ja' }, found: ['ja'] },
    { name: 'since a date', request: { query: '台湾', since: '2025-06-01' }, found: ['hant', 'hans'] },
  ])('filters: $name', ({ request, found }) => {
    expect(ids(search(store, request)).sort()).toEqual([...found].sort());
  });

  it('since a duration counts back from now', () => {
    expect(ids(search(store, { query: '台湾', since: '2d' }, new Date('2025-06-03T12:00:00Z'))).sort()).toEqual(['hans', 'hant']);
  });

  it('says what is wrong with a query it cannot run', () => {
    expect(() => search(store, { query: 'a' })).toThrow(/nothing to search for/);
    expect(() => search(store, { query: 'x', group: 'No Such Group' })).toThrow(/no group or alias/);
    expect(() => search(store, { query: 'taiwan', since: 'last week' })).toThrow(/--since "last week"/);
  });
});
