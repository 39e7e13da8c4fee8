import type Database from 'better-sqlite3';
import type { Story } from '../core/story.js';
import { type StoryRow, storyFromRow } from './rows.js';
import { groupTag, topicTag } from './story-tags.js';

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
  /** Text matches ranked by bm25: the most recently stored this many (RANKED_MATCHES unless set). */
  rankedMatches?: number;
}

export interface SearchHit {
  story: Story;
  /** Higher is better: bm25 relevance (title weighs most), plus a bonus for naming a queried group. */
  score: number;
}

/**
 * Text matching more stories than this is ranked by bm25 among its most recently stored this
 * many matches; filters then narrow those. bm25 costs a scan of every match (for its IDF: 30 ms
 * for "taiwan", 163,547 of 1,000,000 stories) plus about 2 µs per ranked match: unbounded, a
 * common word took 300 ms; bounded at 5,000 the bench's p95 was 58 ms, at 2,000 under 50 ms.
 * A reader of such a search wants recent stories anyway. See README, Search latency.
 */
export const RANKED_MATCHES = 2000;

/** Relevance: title weighs most, then summary, then content. */
export const BM25 = 'bm25(stories_fts, 10.0, 4.0, 1.0)';
const GROUP_BONUS = 10;
const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;

export interface SearchStatement {
  sql: string;
  params: Record<string, string | number>;
}

export interface SearchStatements {
  /** The text terms' stories: ranked, or newest first for two-character CJK words alone. */
  text?: SearchStatement;
  /** One per queried group: the group's stories, newest first. */
  groups: SearchStatement[];
}

interface Filters {
  /** story_tags rows the story must have (topic, group): seeks on the (tag, seq) primary key. */
  tags: string[];
  /** Clauses over the story's row `s` (language, feed, since), each starting with " AND ". */
  row: string;
  params: Record<string, string>;
}

function filters(query: SearchQuery, published = 's.published_at'): Filters {
  const tags = [...(query.topic ? [topicTag(query.topic)] : []), ...(query.group ? [groupTag(query.group)] : [])];
  const clauses: string[] = [];
  const params: Record<string, string> = Object.fromEntries(tags.map((tag, i) => [`tag${i}`, tag]));
  if (query.lang) {
    clauses.push("(lower(s.bcp47) = lower(@lang) OR lower(s.bcp47) LIKE lower(@lang) || '-%' OR s.lang = @lang)");
    params.lang = query.lang;
  }
  if (query.feed) {
    clauses.push('s.feed_id = @feed');
    params.feed = query.feed;
  }
  if (query.since) {
    clauses.push(`${published} >= @since`);
    params.since = query.since;
  }
  return { tags, row: clauses.map((clause) => ` AND ${clause}`).join(''), params };
}

/**
 * Joins the tag filters to the statement's driving table, whose seq is `seq`. CROSS JOIN keeps
 * SQLite's join order: a tag is checked before the story's row is read (a group walk read
 * 28,366 rows to return none: 72 ms, against 9 ms), and FTS5 is never probed once per tagged story.
 */
const tagJoins = (where: Filters, seq: string) =>
  where.tags.map((_, i) => ` CROSS JOIN story_tags t${i} ON t${i}.tag = @tag${i} AND t${i}.seq = ${seq}`).join('');

/**
 * bm25 over the newest `ranked` matches that pass the filters, then the page's rows read whole.
 * Filters are checked first and bm25 only computed for the rows that pass: bm25's first call
 * counts every match of each term (its IDF, 30 ms for "taiwan"), so a filter that passes none
 * of the newest matches costs no bm25 at all.
 */
function rankedText(query: SearchQuery, wanted: number): SearchStatement {
  const where = filters(query);
  const params: SearchStatement['params'] = { ...where.params, fts: query.trigramTerms.map(quote).join(' AND '), ranked: query.rankedMatches ?? RANKED_MATCHES, wanted };
  // Bigram terms are text terms too: they narrow the matches before the newest are taken. The
  // unary + keeps the planner from probing FTS5 once per bigram match (2.2 s for "사이버 공격").
  const bigrams = query.bigramTerms.length ? ' AND +rowid IN (SELECT rowid FROM stories_bigrams WHERE stories_bigrams MATCH @bigrams)' : '';
  if (bigrams) params.bigrams = query.bigramTerms.map(quote).join(' AND ');
  const passes = [
    ...where.tags.map((_, i) => `EXISTS (SELECT 1 FROM story_tags t WHERE t.tag = @tag${i} AND t.seq = stories_fts.rowid)`),
    ...(where.row ? [`EXISTS (SELECT 1 FROM stories s WHERE s.seq = stories_fts.rowid${where.row})`] : []),
  ];
  const rank = passes.length ? `CASE WHEN ${passes.join(' AND ')} THEN ${BM25} END` : BM25;
  // Newest first is FTS5's rowid order, so LIMIT ends the scan (a rowid >= floor constraint
  // measured slower).
  const matches = `SELECT rowid AS seq, ${rank} AS rank FROM stories_fts WHERE stories_fts MATCH @fts${bigrams} ORDER BY rowid DESC LIMIT @ranked`;
  const page = `SELECT m.seq, m.rank FROM (${matches}) m WHERE m.rank IS NOT NULL ORDER BY m.rank LIMIT @wanted`;
  return { sql: `SELECT s.*, p.rank FROM (${page}) p JOIN stories s ON s.seq = p.seq ORDER BY p.rank`, params };
}

/** Two-character words alone carry no useful bm25: newest first, in index order (no sort). */
function newestText(query: SearchQuery, wanted: number): SearchStatement {
  const where = filters(query);
  return {
    sql: `SELECT s.*, 0 AS rank FROM stories_bigrams b${tagJoins(where, 'b.rowid')} CROSS JOIN stories s ON s.seq = b.rowid
          WHERE stories_bigrams MATCH @bigrams${where.row} ORDER BY b.rowid DESC LIMIT @wanted`,
    params: { ...where.params, bigrams: query.bigramTerms.map(quote).join(' AND '), wanted },
  };
}

/** The group's stories newest first, in story_tags_recent order: the walk ends at the page, and since bounds it. */
function groupStories(query: SearchQuery, group: string, wanted: number): SearchStatement {
  const where = filters(query, 'g.published_at');
  return {
    sql: `SELECT s.* FROM story_tags g${tagJoins(where, 'g.seq')} CROSS JOIN stories s ON s.seq = g.seq
          WHERE g.tag = @named${where.row} ORDER BY g.published_at DESC LIMIT @wanted`,
    params: { ...where.params, named: groupTag(group), wanted },
  };
}

/** The statements searchStories runs for a query (bench/search-profile.ts explains and times them). */
export function searchStatements(query: SearchQuery): SearchStatements {
  const wanted = query.limit + query.offset;
  const text = query.trigramTerms.length ? rankedText(query, wanted) : query.bigramTerms.length ? newestText(query, wanted) : undefined;
  return { ...(text && { text }), groups: query.groups.map((group) => groupStories(query, group, wanted)) };
}

/**
 * Ranked stories for a parsed query: every text term must match (trigram index for three
 * characters or more, bigram index for two-character CJK words); stories naming a queried group
 * match too. Filters narrow both. Statements are built per query shape; SQLite caches the plans.
 */
export function searchStories(db: Database.Database, query: SearchQuery): SearchHit[] {
  const statements = searchStatements(query);
  const hits = new Map<string, SearchHit>();
  if (statements.text) {
    const rows = db.prepare<[SearchStatement['params']], StoryRow & { rank: number }>(statements.text.sql).all(statements.text.params);
    for (const row of rows) hits.set(row.id, { story: storyFromRow(row), score: Math.round(-row.rank * 1000) / 1000 });
  }
  const named = new Set<string>();
  for (const group of statements.groups) {
    for (const row of db.prepare<[SearchStatement['params']], StoryRow>(group.sql).all(group.params)) {
      // A story naming two queried groups gets the bonus once.
      if (named.has(row.id)) continue;
      named.add(row.id);
      const known = hits.get(row.id);
      hits.set(row.id, { story: known?.story ?? storyFromRow(row), score: (known?.score ?? 0) + GROUP_BONUS });
    }
  }
  return [...hits.values()]
    .sort((a, b) => b.score - a.score || b.story.published.localeCompare(a.story.published))
    .slice(query.offset, query.offset + query.limit);
}
