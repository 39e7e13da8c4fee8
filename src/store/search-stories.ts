import type Database from 'better-sqlite3';
import type { Story } from '../core/story.js';
import { type StoryRow, storyFromRow } from './rows.js';

export interface SearchQuery {
  /** Folded terms of three characters or more: matched in the trigram index. */
  trigramTerms: string[];
  /** Folded two-character CJK terms: matched in the bigram index. */
  bigramTerms: string[];
  /** Canonical groups the query names (by any alias): their stories match too. */
  groups: string[];
  topic?: string;
  /** BCP 47 ("zh" covers zh-Hant and zh-Hans) or ISO 639-3. */
  lang?: string;
  /** Only stories naming this canonical group. */
  group?: string;
  feed?: string;
  /** ISO 8601: published at or after. */
  since?: string;
  limit: number;
  offset: number;
}

export interface SearchHit {
  story: Story;
  /** Higher is better: bm25 relevance (title weighs most), plus a bonus for naming a queried group. */
  score: number;
}

const GROUP_BONUS = 10;
const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;

function filters(query: SearchQuery): { sql: string; params: Record<string, string> } {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (query.topic) {
    clauses.push('EXISTS (SELECT 1 FROM json_each(s.topics) WHERE value = @topic)');
    params.topic = query.topic;
  }
  if (query.lang) {
    clauses.push("(lower(s.bcp47) = lower(@lang) OR lower(s.bcp47) LIKE lower(@lang) || '-%' OR s.lang = @lang)");
    params.lang = query.lang;
  }
  if (query.group) {
    clauses.push('EXISTS (SELECT 1 FROM json_each(s.groups) WHERE value = @group)');
    params.group = query.group;
  }
  if (query.feed) {
    clauses.push('s.feed_id = @feed');
    params.feed = query.feed;
  }
  if (query.since) {
    clauses.push('s.published_at >= @since');
    params.since = query.since;
  }
  return { sql: clauses.length ? ` AND ${clauses.join(' AND ')}` : '', params };
}

/**
 * Ranked stories for a parsed query: every text term must match (trigram index for three
 * characters or more, bigram index for two-character CJK words); stories naming a queried group
 * match too. Filters narrow both. Statements are built per query shape; SQLite caches the plans.
 */
export function searchStories(db: Database.Database, query: SearchQuery): SearchHit[] {
  const { sql: where, params } = filters(query);
  const wanted = query.limit + query.offset;
  const hits = new Map<string, SearchHit>();
  const hasText = query.trigramTerms.length + query.bigramTerms.length > 0;
  if (hasText) {
    const textParams: Record<string, string | number> = { ...params, wanted };
    let sql: string;
    if (query.trigramTerms.length) {
      // Driven by the FTS table, so bm25 is computed once per match (rank); bigram terms narrow it.
      textParams.fts = query.trigramTerms.map(quote).join(' AND ');
      const bigrams = query.bigramTerms.length ? ' AND s.seq IN (SELECT rowid FROM stories_bigrams WHERE stories_bigrams MATCH @bigrams)' : '';
      if (bigrams) textParams.bigrams = query.bigramTerms.map(quote).join(' AND ');
      sql = `SELECT s.*, f.rank AS rank FROM stories_fts f JOIN stories s ON s.seq = f.rowid
             WHERE stories_fts MATCH @fts AND f.rank MATCH 'bm25(10.0, 4.0, 1.0)'${bigrams}${where} ORDER BY f.rank LIMIT @wanted`;
    } else {
      // Two-character words alone carry no useful bm25: newest first, in index order (no sort).
      textParams.bigrams = query.bigramTerms.map(quote).join(' AND ');
      sql = `SELECT s.*, 0 AS rank FROM stories_bigrams b JOIN stories s ON s.seq = b.rowid
             WHERE stories_bigrams MATCH @bigrams${where} ORDER BY b.rowid DESC LIMIT @wanted`;
    }
    const rows = db.prepare<[Record<string, string | number>], StoryRow & { rank: number }>(sql).all(textParams);
    for (const row of rows) hits.set(row.id, { story: storyFromRow(row), score: Math.round(-row.rank * 1000) / 1000 });
  }
  if (query.groups.length) {
    const rows = db
      .prepare<[Record<string, string | number>], StoryRow>(
        `SELECT s.* FROM stories s WHERE EXISTS (SELECT 1 FROM json_each(s.groups) WHERE value IN (SELECT value FROM json_each(@groups)))${where}
         ORDER BY s.published_at DESC LIMIT @wanted`,
      )
      .all({ ...params, groups: JSON.stringify(query.groups), wanted });
    for (const row of rows) {
      const known = hits.get(row.id);
      hits.set(row.id, { story: known?.story ?? storyFromRow(row), score: (known?.score ?? 0) + GROUP_BONUS });
    }
  }
  return [...hits.values()]
    .sort((a, b) => b.score - a.score || b.story.published.localeCompare(a.story.published))
    .slice(query.offset, query.offset + query.limit);
}
