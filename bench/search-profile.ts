import type Database from 'better-sqlite3';
import type { SearchRequest } from '../src/pipeline/search.js';
import { BM25, searchSql } from './search-sql.js';
import type { TimedSearch } from './timed-search.js';

/** Where one slow request spends its time, measured on the bench database. */
export interface ProfileFinding {
  kind: string;
  request: SearchRequest;
  /** EXPLAIN QUERY PLAN of each statement search() runs. */
  plans: Record<string, string[]>;
  /** Rows matching the text terms, and those also passing the filters (ranked by production). */
  textHits: number | null;
  rankedRows: number | null;
  /** One run of the per-row bm25 subquery, averaged over sample rows; times rankedRows. */
  rankSubqueryMs: number | null;
  projectedMs: number | null;
  /** search() itself, in the runner, unless projected past the cap (null: not run or timed out). */
  searchMs: number | null;
  /** The same statement's parts and rewrites, each timed on its own. */
  parts: Array<{ label: string; ms: number; rows: number; sameTop?: boolean }>;
}

/** Best of three runs, after one to warm the page cache. */
function timeAll(db: Database.Database, sql: string, params: object): { ms: number; rows: Array<Record<string, unknown>> } {
  const statement = db.prepare(sql);
  let rows = statement.all(params) as Array<Record<string, unknown>>;
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    rows = statement.all(params) as Array<Record<string, unknown>>;
    best = Math.min(best, performance.now() - start);
  }
  return { ms: Math.round(best * 100) / 100, rows };
}

const plan = (db: Database.Database, sql: string, params: object) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ id: number; parent: number; detail: string }>).map((r) => `${r.parent === 0 ? '' : '  '}${r.detail}`);

export async function profileRequest(db: Database.Database, runner: TimedSearch, kind: string, request: SearchRequest, now: Date, capMs: number): Promise<ProfileFinding> {
  const sql = searchSql(request, now);
  const finding: ProfileFinding = { kind, request, plans: {}, textHits: null, rankedRows: null, rankSubqueryMs: null, projectedMs: null, searchMs: null, parts: [] };
  if (sql.text) finding.plans.text = plan(db, sql.text, sql.params);
  if (sql.group) {
    finding.plans.group = plan(db, sql.group, sql.params);
    const { ms, rows } = timeAll(db, sql.group, sql.params);
    // Fewer rows than the page asked for means the scan reached the oldest story.
    const whole = rows.length < Number(sql.params.wanted) ? ', every story scanned' : '';
    finding.parts.push({ label: `group statement (json_each per story, newest first${whole})`, ms, rows: rows.length });
  }
  const matches = matchClause(sql);
  if (matches) {
    const hits = timeAll(db, `SELECT count(*) AS n FROM stories s WHERE ${matches}`, sql.params);
    finding.textHits = hits.rows[0]!.n as number;
    finding.parts.push({ label: 'text matches only (count)', ms: hits.ms, rows: finding.textHits });
    const ranked = db.prepare(`SELECT s.seq FROM stories s WHERE ${matches}${sql.where}`).all(sql.params) as Array<{ seq: number }>;
    finding.rankedRows = ranked.length;
  }
  if (sql.fts && finding.rankedRows) {
    const sample = db.prepare(`SELECT s.seq FROM stories s WHERE ${matches}${sql.where} LIMIT 20`).all(sql.params) as Array<{ seq: number }>;
    const one = db.prepare(`SELECT ${BM25} FROM stories_fts WHERE stories_fts MATCH @fts AND rowid = @seq`);
    one.get({ fts: sql.fts, seq: sample[0]!.seq });
    const start = performance.now();
    for (const { seq } of sample) one.get({ fts: sql.fts, seq });
    finding.rankSubqueryMs = Math.round(((performance.now() - start) / sample.length) * 1000) / 1000;
    finding.projectedMs = Math.round(finding.rankSubqueryMs * finding.rankedRows);
    finding.parts.push({ label: `bm25 over all matches in one FTS scan`, ...rowsMs(timeAll(db, `SELECT rowid, ${BM25} FROM stories_fts WHERE stories_fts MATCH @fts`, sql.params)) });
  }
  if (finding.projectedMs === null || finding.projectedMs <= capMs) {
    const timing = await runner.run(request, capMs);
    if ('ms' in timing) finding.searchMs = Math.round(timing.ms * 100) / 100;
  }
  if (sql.text) addRewrites(db, sql, finding);
  return finding;
}

/** Stories matching a request's text terms (before filters); 0 for a group's name. */
export function textMatches(db: Database.Database, request: SearchRequest, now: Date): number {
  const sql = searchSql(request, now);
  const matches = matchClause(sql);
  return matches ? (db.prepare(`SELECT count(*) AS n FROM stories s WHERE ${matches}`).get(sql.params) as { n: number }).n : 0;
}

const matchClause = (sql: ReturnType<typeof searchSql>) =>
  [sql.fts && 's.seq IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH @fts)', sql.bigrams && 's.seq IN (SELECT rowid FROM stories_bigrams WHERE stories_bigrams MATCH @bigrams)']
    .filter(Boolean)
    .join(' AND ');

const rowsMs = ({ ms, rows }: { ms: number; rows: unknown[] }) => ({ ms, rows: rows.length });

/** Rewrites of the text statement that rank each match once, timed beside production's top rows. */
function addRewrites(db: Database.Database, sql: ReturnType<typeof searchSql>, finding: ProfileFinding): void {
  const bigramClause = sql.bigrams ? ' AND s.seq IN (SELECT rowid FROM stories_bigrams WHERE stories_bigrams MATCH @bigrams)' : '';
  const production = finding.searchMs !== null ? (db.prepare(sql.text!).all(sql.params) as Array<{ id: string }>).map((r) => r.id) : undefined;
  const same = (rows: Array<Record<string, unknown>>) => (production ? rows.map((r) => r.id).join() === production.join() : undefined);
  const rewrites: Array<{ label: string; sql: string }> = [];
  if (sql.fts) {
    const ranked = `(SELECT rowid, ${BM25} AS rank FROM stories_fts WHERE stories_fts MATCH @fts`;
    rewrites.push({
      label: 'rewrite: bm25 once per match (join), same order',
      sql: `SELECT s.*, f.rank FROM ${ranked}) f JOIN stories s ON s.seq = f.rowid WHERE 1${bigramClause}${sql.where} ORDER BY f.rank, s.published_at DESC LIMIT @wanted`,
    });
    rewrites.push({
      label: 'rewrite: rank only the newest 2000 matches',
      sql: `SELECT * FROM (SELECT s.*, f.rank FROM ${ranked}) f JOIN stories s ON s.seq = f.rowid WHERE 1${bigramClause}${sql.where} ORDER BY f.rowid DESC LIMIT 2000) ORDER BY rank, published_at DESC LIMIT @wanted`,
    });
  } else if (sql.bigrams) {
    rewrites.push({
      label: 'rewrite: bigram matches newest-first (by seq), no IN list',
      sql: `SELECT s.* FROM stories_bigrams b JOIN stories s ON s.seq = b.rowid WHERE stories_bigrams MATCH @bigrams${sql.where} ORDER BY b.rowid DESC LIMIT @wanted`,
    });
  }
  for (const rewrite of rewrites) {
    const { ms, rows } = timeAll(db, rewrite.sql, sql.params);
    const sameTop = same(rows);
    finding.parts.push({ label: rewrite.label, ms, rows: rows.length, ...(sameTop !== undefined && { sameTop }) });
  }
}

export function formatFinding(f: ProfileFinding): string {
  const lines = [`${f.kind}: ${JSON.stringify(f.request)}`];
  if (f.textHits !== null) lines.push(`  text matches ${f.textHits}, after filters ${f.rankedRows} (each ranked by the correlated bm25 subquery)`);
  if (f.rankSubqueryMs !== null) lines.push(`  bm25 subquery ${f.rankSubqueryMs} ms per row x ${f.rankedRows} rows = ${f.projectedMs} ms projected`);
  lines.push(`  search(): ${f.searchMs === null ? 'not run or over the cap' : `${f.searchMs} ms`}`);
  for (const p of f.parts) lines.push(`  ${p.label}: ${p.ms} ms, ${p.rows} rows${p.sameTop === undefined ? '' : p.sameTop ? ' (same top rows as production)' : ' (top rows differ)'}`);
  for (const [name, detail] of Object.entries(f.plans)) lines.push(`  plan (${name}):`, ...detail.map((d) => `    ${d}`));
  return lines.join('\n');
}
