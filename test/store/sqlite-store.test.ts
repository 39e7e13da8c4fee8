import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyFeedState } from '../../src/core/feed-state.js';
import { foldText } from '../../src/core/fold-text.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { testStore } from '../contracts/store.contract.js';
import { makeStory } from '../support/stories.js';
import { tempDir } from '../support/temp-dir.js';

testStore('sqlite in memory', () => ({ store: openSqliteStore(':memory:') }));
testStore('sqlite file', () => {
  const dir = tempDir();
  return { store: openSqliteStore(join(dir.path, 'nested', 'db.sqlite')), cleanup: dir.cleanup };
});

describe('SqliteStore', () => {
  const dirs: Array<() => void> = [];
  afterEach(() => dirs.splice(0).forEach((cleanup) => cleanup()));
  const file = () => {
    const dir = tempDir();
    dirs.push(dir.cleanup);
    return join(dir.path, 'straitwatch.db');
  };

  it('uses WAL and records the schema version', () => {
    const path = file();
    const store = openSqliteStore(path);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    store.close();
  });

  it('keeps what it stored across a reopen, and a reopen migrates nothing twice', () => {
    const path = file();
    const first = openSqliteStore(path);
    first.commitRefresh({ state: emptyFeedState('feed-a', 'u'), stories: [makeStory({ id: 'a' })] });
    first.close();
    const second = openSqliteStore(path);
    expect(second.countStories()).toBe(1);
    expect(second.commitRefresh({ state: emptyFeedState('feed-a', 'u'), stories: [makeStory({ id: 'a' })] })).toEqual([]);
    second.close();
  });

  it('leaves a single self-contained file after close (WAL checkpointed)', () => {
    const path = file();
    const store = openSqliteStore(path);
    store.commitRefresh({ state: emptyFeedState('feed-a', 'u'), stories: [makeStory({ id: 'a' })] });
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM stories').get()).toEqual({ n: 1 });
    db.close();
  });

  it.each([
    { name: 'Traditional Chinese without word breaks', query: '共機擾', id: 'zh' },
    { name: 'a Simplified query finds Traditional text', query: '共机扰', id: 'zh' },
    { name: 'Japanese', query: '台湾有事', id: 'ja' },
    { name: 'English, case-insensitive', query: 'volt typhoon', id: 'en' },
    { name: 'diacritics folded', query: 'Taiwan renforce', id: 'fr' },
  ])('indexes stories for full-text search: $name', ({ query, id }) => {
    const store = openSqliteStore(':memory:');
    store.commitRefresh({
      state: emptyFeedState('feed-a', 'u'),
      stories: [
        makeStory({ id: 'zh', title: '臺灣國防部：共機擾台' }),
        makeStory({ id: 'ja', title: '台湾有事を想定した訓練' }),
        makeStory({ id: 'en', title: 'Volt Typhoon hid in US networks', summary: 'Officials said.' }),
        makeStory({ id: 'fr', title: 'Le Taïwan renforce sa cyberdéfense' }),
      ],
    });
    expect(store.indexPendingStories()).toBe(4);
    // Two-character CJK words are in the bigram index.
    expect(store.db.prepare("SELECT rowid FROM stories_bigrams WHERE stories_bigrams MATCH '\"台湾\"'").all()).toHaveLength(2);
    const rows = store.db
      .prepare<[string], { id: string }>('SELECT s.id FROM stories_fts f JOIN stories s ON s.seq = f.rowid WHERE stories_fts MATCH ? ORDER BY rank')
      // The index holds folded text; queries are folded the same way.
      .all(`"${foldText(query)}"`);
    expect(rows.map((r) => r.id)).toEqual([id]);
    store.close();
  });

  it('indexes each stored story once, in batches, whenever asked', () => {
    const store = openSqliteStore(':memory:');
    const state = emptyFeedState('feed-a', 'u');
    store.commitRefresh({ state, stories: ['a', 'b', 'c'].map((id) => makeStory({ id, title: `taiwan ${id}` })) });
    expect(store.indexPendingStories(2)).toBe(3);
    expect(store.indexPendingStories()).toBe(0);
    store.commitRefresh({ state, stories: [makeStory({ id: 'a' }), makeStory({ id: 'd', title: 'taiwan d' })] });
    expect(store.indexPendingStories()).toBe(1);
    const hits = store.db.prepare("SELECT count(*) AS n FROM stories_fts WHERE stories_fts MATCH 'taiwan'").get();
    expect(hits).toEqual({ n: 4 });
    store.close();
  });

  it('names the path when the database cannot be opened', () => {
    expect(() => openSqliteStore('/dev/null/not-a-dir/db.sqlite')).toThrow(/\/dev\/null\/not-a-dir\/db\.sqlite.*--db PATH/);
  });
});
