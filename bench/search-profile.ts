import type Database from 'better-sqlite3';
import { type SearchRequest, parseSearch } from '../src/pipeline/search.js';
import { BM25, type SearchStatement, searchStatements } from '../src/store/search-stories.js';
import type { TimedSearch } from './timed-search.js';

/** Where one slow request spends its time, measured on the bench database. */
export interface ProfileFinding {
  kind: string;
  request: SearchRequest;
  /** search() itself, once, in the runner (null: over the cap). */
  searchMs: number | null;
  /** EXPLAIN QUERY PLAN of each statement search() runs. */
  plans: Record<string, string[]>;
  /** The statements and their parts, each timed on its own (best of three, warm). */
  parts: Array<{ label: string; ms?: number; rows?: number }>;
}

type Rows = Array<Record<string, unknown>>;
type Params = SearchStatement['params'];

function timeAll(db: Database.Database, sql: string, params: Params): { ms: number; rows: Rows } {
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

function plan(db: Database.Database, sql: string, params: Params): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ id: number; parent: number; detail: string }>;
  const depth = new Map<number, number>([[0, 0]]);
  return rows.map((r) => {
    depth.set(r.id, (depth.get(r.parent) ?? 0) + 1);
    return `${'  '.repeat(depth.get(r.id)! - 1)}${r.detail}`;
  });
}

// The text statement's match, without bm25, the bound or the filters.
const BIGRAMS = ' AND +rowid IN (SELECT rowid FROM stories_bigrams WHERE stories_bigrams MATCH @bigrams)';
const matchSql = (params: Params, columns: string) =>
  params.fts
    ? `SELECT ${columns} FROM stories_fts WHERE stories_fts MATCH @fts${params.bigrams ? BIGRAMS : ''}`
    : `SELECT ${columns} FROM stories_bigrams WHERE stories_bigrams MATCH @bigrams`;

/** Stories matching a request's text terms (before filters and the bound); 0 for a group's name. */
export function textMatches(db: Database.Database, request: SearchRequest, now: Date): number {
  const { text } = searchStatements(parseSearch(request, now));
  return text ? (db.prepare(matchSql(text.params, 'count(*) AS n')).get(text.params) as { n: number }).n : 0;
}

export async function profileRequest(db: Database.Database, runner: TimedSearch, kind: string, request: SearchRequest, now: Date, capMs: number): Promise<ProfileFinding> {
  const query = parseSearch(request, now);
  const { text, groups } = searchStatements(query);
  const timing = await runner.run(request, capMs);
  const finding: ProfileFinding = { kind, request, searchMs: 'ms' in timing ? Math.round(timing.ms * 100) / 100 : null, plans: {}, parts: [] };
  const add = (label: string, { ms, rows }: { ms: number; rows: Rows }) => finding.parts.push({ label, ms, rows: rows.length });
  if (text) {
    finding.plans.text = plan(db, text.sql, text.params);
    const count = timeAll(db, matchSql(text.params, 'count(*) AS n'), text.params);
    finding.parts.push({ label: 'text matches (count)', ms: count.ms, rows: count.rows[0]!.n as number });
    if (text.params.fts) {
      // bm25 first counts every match of each term (its IDF): a cost the bound does not reduce.
      add('bm25 of the newest match alone', timeAll(db, `${matchSql(text.params, `rowid, ${BM25}`)} ORDER BY rowid DESC LIMIT 1`, text.params));
      add(`bm25 of the newest ${text.params.ranked} matches (no filters, no rows read)`, timeAll(db, `${matchSql(text.params, `rowid, ${BM25}`)} ORDER BY rowid DESC LIMIT @ranked`, text.params));
    }
    add('text statement (production)', timeAll(db, text.sql, text.params));
  }
  for (const [i, group] of groups.entries()) {
    finding.plans[`group ${query.groups[i]}`] = plan(db, group.sql, group.params);
    const tagged = db.prepare('SELECT count(*) AS n FROM story_tags WHERE tag = @named').get(group.params) as { n: number };
    finding.parts.push({ label: `stories tagged ${group.params.named}`, rows: tagged.n });
    add(`group statement for ${query.groups[i]} (production)`, timeAll(db, group.sql, group.params));
  }
  return finding;
}

export function formatFinding(f: ProfileFinding): string {
  const lines = [`${f.kind}: ${JSON.stringify(f.request)}`, `  search(): ${f.searchMs === null ? 'over the cap' : `${f.searchMs} ms`}`];
  for (const p of f.parts) {
    const figures = [p.ms !== undefined && `${p.ms} ms`, p.rows !== undefined && `${p.rows} rows`].filter(Boolean).join(', ');
    lines.push(`  ${p.label}: ${figures}`);
  }
  for (const [name, detail] of Object.entries(f.plans)) lines.push(`  plan (${name}):`, ...detail.map((d) => `    ${d}`));
  return lines.join('\n');
}
