import { statSync } from 'node:fs';
import { emptyFeedState } from '../src/core/feed-state.js';
import type { SqliteStore } from '../src/store/sqlite-store.js';
import { corpusStory } from './story-corpus.js';

export interface BuildFigures {
  stories: number;
  /** Generating the stories and storing them with commitRefresh. */
  insertS: number;
  /** One store.indexPendingStories() over everything stored. */
  indexS: number;
  dbMb: number;
}

const BATCH = 1000;

/** Stores `total` corpus stories, BATCH per commitRefresh as a poll would, then indexes them once. */
export function buildCorpusDb(store: SqliteStore, total: number, progress: (line: string) => void): Omit<BuildFigures, 'dbMb'> {
  const insertStart = performance.now();
  for (let from = 0; from < total; from += BATCH) {
    const stories = [];
    for (let index = from; index < Math.min(from + BATCH, total); index++) stories.push(corpusStory(index, total));
    // One transaction per batch; its feed state only stands in for the poll that would carry it.
    const feedId = stories[0]!.feedId;
    store.commitRefresh({ state: emptyFeedState(feedId, `https://www.${feedId}.example/rss`), stories });
    if ((from / BATCH) % 100 === 99) progress(`stored ${from + BATCH} stories (${((performance.now() - insertStart) / 1000).toFixed(0)} s)`);
  }
  const insertS = (performance.now() - insertStart) / 1000;
  progress(`indexing ${total} stories...`);
  const indexStart = performance.now();
  store.indexPendingStories();
  const indexS = (performance.now() - indexStart) / 1000;
  return { stories: total, insertS: round(insertS), indexS: round(indexS) };
}

/** The database file plus its WAL and shared-memory files, in MB. */
export function dbSizeMb(path: string): number {
  const size = (file: string) => {
    try {
      return statSync(file).size;
    } catch {
      // No WAL or -shm file after a checkpoint on close: it adds nothing.
      return 0;
    }
  };
  return round((size(path) + size(`${path}-wal`) + size(`${path}-shm`)) / 1_048_576);
}

const round = (value: number) => Math.round(value * 10) / 10;
