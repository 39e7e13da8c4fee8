// Child of bench/search-latency.ts: opens the database once, then runs each query the parent
// sends through the production search() and replies with its latency. A separate process so
// the parent can kill a query that runs past its timeout: a SQLite call cannot be interrupted.
import { parseArgs } from 'node:util';
import type { SearchRequest } from '../src/pipeline/search.js';
import { search } from '../src/pipeline/search.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { CORPUS_NEWEST } from './story-corpus.js';

export type RunnerReply = { ms: number; results: number } | { error: string };

const { values } = parseArgs({ options: { db: { type: 'string' } } });
if (!values.db) throw new Error('search-query-runner: --db PATH is required');
const store = openSqliteStore(values.db);
const now = new Date(CORPUS_NEWEST);

process.on('message', (request: SearchRequest) => {
  let reply: RunnerReply;
  try {
    const start = performance.now();
    const hits = search(store, request, now);
    reply = { ms: performance.now() - start, results: hits.length };
  } catch (error) {
    reply = { error: `${JSON.stringify(request)}: ${(error as Error).message}` };
  }
  process.send!(reply);
});
process.send!({ ready: true });
