import { foldText } from '../src/core/fold-text.js';
import { type SearchRequest, parseSince } from '../src/pipeline/search.js';
import { groupByAlias } from '../src/topics/threat-actors.js';

/**
 * The SQL search() runs for a request, rebuilt here so the profile can EXPLAIN and time its
 * parts: src/store/search-stories.ts builds it inline. Mirrors search.ts and search-stories.ts
 * as of commit f6f1d2a; re-check both when either changes.
 */
export interface SearchSql {
  /** Folded FTS5 expressions, when the request has text terms. */
  fts?: string;
  bigrams?: string;
  /** The ranked text statement, when there are text terms. */
  text?: string;
  /** The statement for stories naming a queried group, when the query is a group's name. */
  group?: string;
  /** Filter clauses, each starting with " AND ", over stories `s`. */
  where: string;
  params: Record<string, string | number>;
}

const CJK = /^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+$/;
const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;
export const BM25 = 'bm25(stories_fts, 10.0, 4.0, 1.0)';

export function searchSql(request: SearchRequest, now: Date): SearchSql {
  const folded = foldText(request.query).trim();
  const named = folded ? groupByAlias(folded, foldText) : undefined;
  const tokens = named ? [] : folded.split(/\s+/).filter(Boolean);
  const trigramTerms = tokens.filter((t) => [...t].length >= 3);
  const bigramTerms = tokens.filter((t) => [...t].length === 2 && CJK.test(t));
  const group = request.group ? groupByAlias(request.group, foldText) : undefined;
  const params: Record<string, string | number> = { wanted: (request.limit ?? 20) + (request.offset ?? 0) };
  const clauses: string[] = [];
  if (request.topic) (clauses.push('EXISTS (SELECT 1 FROM json_each(s.topics) WHERE value = @topic)'), (params.topic = request.topic));
  if (request.lang) {
    clauses.push("(lower(s.bcp47) = lower(@lang) OR lower(s.bcp47) LIKE lower(@lang) || '-%' OR s.lang = @lang)");
    params.lang = request.lang;
  }
  if (group) (clauses.push('EXISTS (SELECT 1 FROM json_each(s.groups) WHERE value = @group)'), (params.group = group.name));
  if (request.feed) (clauses.push('s.feed_id = @feed'), (params.feed = request.feed));
  if (request.since) (clauses.push('s.published_at >= @since'), (params.since = parseSince(request.since, now)));
  const where = clauses.length ? ` AND ${clauses.join(' AND ')}` : '';
  const sql: SearchSql = { where, params };
  if (trigramTerms.length) {
    // Driven by the FTS table: FTS5 computes bm25 once per match and sorts by it.
    sql.fts = trigramTerms.map(quote).join(' AND ');
    if (bigramTerms.length) sql.bigrams = bigramTerms.map(quote).join(' AND ');
    const bigrams = sql.bigrams ? ' AND s.seq IN (SELECT rowid FROM stories_bigrams WHERE stories_bigrams MATCH @bigrams)' : '';
    sql.text = `SELECT s.*, f.rank AS rank FROM stories_fts f JOIN stories s ON s.seq = f.rowid
             WHERE stories_fts MATCH @fts AND f.rank MATCH 'bm25(10.0, 4.0, 1.0)'${bigrams}${where} ORDER BY f.rank LIMIT @wanted`;
  } else if (bigramTerms.length) {
    sql.bigrams = bigramTerms.map(quote).join(' AND ');
    sql.text = `SELECT s.*, 0 AS rank FROM stories_bigrams b JOIN stories s ON s.seq = b.rowid
             WHERE stories_bigrams MATCH @bigrams${where} ORDER BY b.rowid DESC LIMIT @wanted`;
  }
  const groups = named ? [named.name] : !sql.text && group ? [group.name] : [];
  if (groups.length) {
    params.groups = JSON.stringify(groups);
    sql.group = `SELECT s.* FROM stories s WHERE EXISTS (SELECT 1 FROM json_each(s.groups) WHERE value IN (SELECT value FROM json_each(@groups)))${where}
         ORDER BY s.published_at DESC LIMIT @wanted`;
  }
  if (sql.fts) params.fts = sql.fts;
  if (sql.bigrams) params.bigrams = sql.bigrams;
  return sql;
}
