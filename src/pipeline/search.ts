import { foldText } from '../core/fold-text.js';
import { StraitwatchError } from '../core/errors.js';
import type { Story } from '../core/story.js';
import type { SqliteStore } from '../store/sqlite-store.js';
import { type SearchHit, type SearchQuery, searchStories } from '../store/search-stories.js';
import { groupByAlias } from '../topics/threat-actors.js';

export interface SearchRequest {
  query: string;
  topic?: string;
  lang?: string;
  /** Any name or alias of a threat-actor group. */
  group?: string;
  feed?: string;
  /** An ISO date, or a duration back from now: "7d", "24h". */
  since?: string;
  limit?: number;
  offset?: number;
}

const CJK = /^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+$/;

export function parseSince(since: string, now: Date): string {
  const duration = /^(\d+)([hdw])$/.exec(since.trim());
  if (duration) {
    const hours = Number(duration[1]) * { h: 1, d: 24, w: 168 }[duration[2] as 'h' | 'd' | 'w'];
    return new Date(now.getTime() - hours * 3_600_000).toISOString();
  }
  const date = Date.parse(since);
  if (Number.isNaN(date)) throw new StraitwatchError('config-invalid', `--since "${since}": use a date (2025-06-01) or a duration (7d, 24h, 2w)`);
  return new Date(date).toISOString();
}

/**
 * Searches everything stored, in any language and script: the query is folded like the index
 * (so 臺灣 finds 台湾), a group's name or any alias finds the stories tagged with that group,
 * and filters narrow the result. Shared by `straitwatch search` and `/search`.
 */
export function search(store: SqliteStore, request: SearchRequest, now = new Date()): StoryHit[] {
  store.indexPendingStories();
  const query = parseSearch(request, now);
  // Reports of one story fold into one result (its best-ranked report), so the store is asked
  // for more than a page: enough that folding still fills it.
  const wanted = query.offset + query.limit;
  const hits = searchStories(store.db, { ...query, offset: 0, limit: wanted * FOLD_HEADROOM });
  const byStory = new Map<string, SearchHit>();
  for (const hit of hits) {
    const story = hit.story.clusterId ?? hit.story.id;
    if (!byStory.has(story)) byStory.set(story, hit);
  }
  return [...byStory]
    .slice(query.offset, wanted)
    .map(([story, hit]) => ({ ...hit, storyId: story, reports: store.reportsOf(story) }));
}

/** One result: the best-ranked report of a story, with every report of that story. */
export interface StoryHit extends SearchHit {
  /** The story's id: its first report's. */
  storyId: string;
  /** Every report of the story, first published first (the hit's own among them). */
  reports: Story[];
}

const FOLD_HEADROOM = 3;

/** The store's query for a request; throws on a request it cannot run. */
export function parseSearch(request: SearchRequest, now: Date): SearchQuery {
  const folded = foldText(request.query).trim();
  const named = folded ? groupByAlias(folded, foldText) : undefined;
  const tokens = folded.split(/\s+/).filter(Boolean);
  const trigramTerms = tokens.filter((t) => [...t].length >= 3);
  const bigramTerms = tokens.filter((t) => [...t].length === 2 && CJK.test(t));
  const group = request.group ? groupByAlias(request.group, foldText) : undefined;
  if (request.group && !group) throw new StraitwatchError('config-invalid', `--group "${request.group}" is no group or alias in the threat-actor catalog`);
  if (!named && trigramTerms.length + bigramTerms.length === 0 && !group) {
    throw new StraitwatchError('config-invalid', `nothing to search for in "${request.query}": use words of 3 or more letters, or 2 or more Chinese, Japanese or Korean characters`);
  }
  return {
    // A query that is a group's name matches the group's stories, and its text still ranks.
    trigramTerms: named ? [] : trigramTerms,
    bigramTerms: named ? [] : bigramTerms,
    groups: named ? [named.name] : trigramTerms.length + bigramTerms.length === 0 && group ? [group.name] : [],
    ...(request.topic && { topic: request.topic }),
    ...(request.lang && { lang: request.lang }),
    ...(group && { group: group.name }),
    ...(request.feed && { feed: request.feed }),
    ...(request.since && { since: parseSince(request.since, now) }),
    limit: request.limit ?? 20,
    offset: request.offset ?? 0,
  };
}
