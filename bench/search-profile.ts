import type Database from 'better-sqlite3';
import type { SearchRequest } from '../src/pipeline/search.js';
import { BM25, type SearchSql, searchSql } from './search-sql.js';
import type { TimedSearch } from './timed-search.js';

/** Where one slow request spends its time, measured on the bench database. */
export interface ProfileFinding {
  kind: string;
  request: SearchRequest;
  /** search() itself, once, in the runner (null: over the cap). */
  searchMs: number | null;
  /** EXPLAIN QUERY PLAN of each statement search() runs. */
  plans: Record<string, string[]>;
  /** The statements' parts and rewrites, each timed on its own (best of three, warm). */
  parts: Array<{ label: string; ms?: number; rows?: number; sameTop?: boolean }>;
}

type Rows = Array<Record<string, unknown>>;

function timeAll(db: Database.Database, sql: string, params: object): { ms: number; rows: Rows } {
  const statement = db.prepare(sql);
  let rows = statement.all(params) as Rows;
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    rows = statement.all(params) as Rows;
    best = Math.min(best, performance.now() - start);
  }
  return { ms: Math.round(best * 100) / 100, rows };
}

const plan = (db: Database.Database, sql: string, params: object) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ parent: number; detail: string }>).map((r) => `${r.parent === 0 ? '' : '  '}${r.detail}`);

const matchClause = (sql: SearchSql) =>
  [sql.fts && 's.seq IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH @fts)', sql.bigrams && 's.seq IN (SELECT rowid FROM stories_bigrams WHERE stories_bigrams MATCH @bigrams)']
    .filter(Boolean)
    .join(' AND ');

/** Stories matching a request's text terms (before filters); 0 for a group's name. */
export function textMatches(db: Database.Database, request: SearchRequest, now: Date): number {
  const sql = searchSql(request, now);
  const matches = matchClause(sql);
  return matches ? (db.prepare(`SELECT count(*) AS n FROM stories s WHERE ${matches}`).get(sql.params) as { n: number }).n : 0;
}

export async function profileRequest(db: Database.Database, runner: TimedSearch, kind: string, request: SearchRequest, now: Date, capMs: number): Promise<ProfileFinding> {
  const sql = searchSql(request, now);
  const timing = await runner.run(request, capMs);
  const finding: ProfileFinding = { kind, request, searchMs: 'ms' in timing ? Math.round(timing.ms * 100) / 100 : null, plans: {}, parts: [] };
  const add = (label: string, { ms, rows }: { ms: number; rows: Rows }, reference?: Rows) =>
    finding.parts.push({ label, ms, rows: rows.length, ...(reference && { sameTop: rows.map((r) => r.id).join() === reference.map((r) => r.id).join() }) });
  const matches = matchClause(sql);
  if (sql.text) {
    finding.plans.text = plan(db, sql.text, sql.params);
    // One index alone is counted inside FTS5, so the figure is the cost of matching and nothing else.
    const countSql = !sql.bigrams
      ? 'SELECT count(*) AS n FROM stories_fts WHERE stories_fts MATCH @fts'
      : !sql.fts
        ? 'SELECT count(*) AS n FROM stories_bigrams WHERE stories_bigrams MATCH @bigrams'
        : `SELECT count(*) AS n FROM stories s WHERE ${matches}`;
    const count = timeAll(db, countSql, sql.params);
    finding.parts.push({ label: 'text matches only (count)', ms: count.ms, rows: count.rows[0]!.n as number });
    if (sql.where) {
      const passing = timeAll(db, `SELECT count(*) AS n FROM stories s WHERE ${matches}${sql.where}`, sql.params);
      finding.parts.push({ label: 'matches passing the filters (count)', ms: passing.ms, rows: passing.rows[0]!.n as number });
    }
    if (sql.fts) add('bm25 for every match, FTS table alone (no join, no sort)', timeAll(db, `SELECT rowid, ${BM25} FROM stories_fts WHERE stories_fts MATCH @fts`, sql.params));
    const production = timeAll(db, sql.text, sql.params);
    add('text statement (production)', production);
    if (sql.fts) {
      const bigrams = sql.bigrams ? ' AND s.seq IN (SELECT rowid FROM stories_bigrams WHERE stories_bigrams MATCH @bigrams)' : '';
      const newest = `SELECT * FROM (SELECT s.*, f.rank FROM (SELECT rowid, ${BM25} AS rank FROM stories_fts WHERE stories_fts MATCH @fts) f
        JOIN stories s ON s.seq = f.rowid WHERE 1${bigrams}${sql.where} ORDER BY f.rowid DESC LIMIT 2000) ORDER BY rank LIMIT @wanted`;
      add('rewrite: rank only the newest 2000 matches passing the filters', timeAll(db, newest, sql.params), production.rows);
    }
  }
  if (sql.group) profileGroup(db, sql, finding, add);
  return finding;
}

/** The group statement walks stories newest first, reading each one's groups with json_each. */
function profileGroup(db: Database.Database, sql: SearchSql, finding: ProfileFinding, add: (label: string, timed: { ms: number; rows: Rows }, reference?: Rows) => void): void {
  finding.plans.group = plan(db, sql.group!, sql.params);
  const production = timeAll(db, sql.group!, sql.params);
  add('group statement (production)', production);
  // Fewer rows than the page asked for means the walk reached the oldest story.
  const last = production.rows.length < Number(sql.params.wanted) ? undefined : (production.rows[production.rows.length - 1]!.published_at as string);
  const walked = db.prepare('SELECT count(*) AS n FROM stories WHERE published_at >= ?').get(last ?? '') as { n: number };
  finding.parts.push({ label: 'stories the group statement walked (json_each on each)', rows: walked.n });
  const start = performance.now();
  if (!db.prepare("SELECT 1 FROM temp.sqlite_master WHERE name = 'story_groups'").get()) {
    db.exec(`CREATE TEMP TABLE story_groups AS SELECT j.value AS name, s.published_at, s.seq FROM stories s, json_each(s.groups) j;
             CREATE INDEX temp.story_groups_name ON story_groups (name, published_at)`);
    finding.parts.push({ label: 'building a temp (group, published_at) index table', ms: Math.round(performance.now() - start) });
  }
  // search() asks for one group at a time; naming it with = lets the index give the order.
  const indexed = `SELECT s.* FROM temp.story_groups g JOIN stories s ON s.seq = g.seq WHERE g.name = json_extract(@groups, '$[0]')${sql.where}
    ORDER BY g.published_at DESC LIMIT @wanted`;
  add('rewrite: the same through a (group, published_at) index', timeAll(db, indexed, sql.params), production.rows);
}

export function formatFinding(f: ProfileFinding): string {
  const lines = [`${f.kind}: ${JSON.stringify(f.request)}`, `  search(): ${f.searchMs === null ? 'over the cap' : `${f.searchMs} ms`}`];
  for (const p of f.parts) {
    const figures = [p.ms !== undefined && `${p.ms} ms`, p.rows !== undefined && `${p.rows} rows`].filter(Boolean).join(', ');
    lines.push(`  ${p.label}: ${figures}${p.sameTop === undefined ? '' : p.sameTop ? ' (same rows as production)' : ' (rows differ from production)'}`);
  }
  for (const [name, detail] of Object.entries(f.plans)) lines.push(`  plan (${name}):`, ...detail.map((d) => `    ${d}`));
  return lines.join('\n');
}
