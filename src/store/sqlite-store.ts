import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { FeedState } from '../core/feed-state.js';
import { StraitwatchError } from '../core/errors.js';
import type { Story } from '../core/story.js';
import type { Destination } from '../core/alert.js';
import { cjkBigrams } from '../core/cjk-bigrams.js';
import { foldText } from '../core/fold-text.js';
import { migrate } from './migrations.js';
import { OutboxStore } from './outbox-store.js';
import { SettingsStore } from './settings-store.js';
import { SummaryStore } from './summary-store.js';
import { type FeedStateRow, type StoryRow, feedStateFromRow, feedStateToRow, storyFromRow, storyToRow } from './rows.js';
import { topicTag, writeStoryTags } from './story-tags.js';
import type { RefreshCommit, Store, StoreStats } from './store.js';

const STORY_COLUMNS =
  'id, feed_id, guid, link, title, summary, content, author, categories, published_at, published_estimated, fetched_at, content_hash, lang, bcp47, script, topics, scores, groups, matched, cluster_id';

/** Opens (creating if needed) the SQLite file; ":memory:" gives a private in-memory store. */
export function openSqliteStore(path: string): SqliteStore {
  let db: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (error) {
    throw new StraitwatchError('store-failed', `cannot open database ${path}: ${(error as Error).message}; pass --db PATH or set STRAITWATCH_DB`, { cause: error });
  }
  // WAL lets the CLI read (stats, search) while the bot writes; NORMAL sync is durable across process crashes.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return new SqliteStore(db);
}

export class SqliteStore implements Store {
  private readonly statements;

  /** The summary stage's tables, on the same connection. */
  readonly summaries: SummaryStore;
  /** The alert outbox, on the same connection (and in the same transactions). */
  readonly outbox: OutboxStore;
  /** Feeds and routes managed from Discord. */
  readonly settings: SettingsStore;

  constructor(readonly db: Database.Database) {
    this.summaries = new SummaryStore(db);
    this.outbox = new OutboxStore(db);
    this.settings = new SettingsStore(db);
    this.statements = {
      feedState: db.prepare<[string], FeedStateRow>('SELECT * FROM feed_state WHERE feed_id = ?'),
      allFeedStates: db.prepare<[], FeedStateRow>('SELECT * FROM feed_state ORDER BY feed_id'),
      saveFeedState: db.prepare<[FeedStateRow]>(
        `INSERT OR REPLACE INTO feed_state (feed_id, url, etag, last_modified, first_seen_at, last_attempt_at, last_success_at, last_status,
           consecutive_failures, last_error, last_error_code, unhealthy_since, next_poll_at, charset, format, item_count, moved_to)
         VALUES (@feed_id, @url, @etag, @last_modified, @first_seen_at, @last_attempt_at, @last_success_at, @last_status,
           @consecutive_failures, @last_error, @last_error_code, @unhealthy_since, @next_poll_at, @charset, @format, @item_count, @moved_to)`,
      ),
      insertStory: db.prepare<[StoryRow]>(
        `INSERT INTO stories (${STORY_COLUMNS}, summary_state) VALUES (@id, @feed_id, @guid, @link, @title, @summary, @content, @author, @categories,
           @published_at, @published_estimated, @fetched_at, @content_hash, @lang, @bcp47, @script, @topics, @scores, @groups, @matched, @cluster_id, @summary_state)
         ON CONFLICT (id) DO NOTHING`,
      ),
      indexedUpTo: db.prepare<[], { seq: number }>('SELECT indexed_seq AS seq FROM fts_progress'),
      batchEnd: db.prepare<[number, number], { seq: number | null }>('SELECT max(seq) AS seq FROM (SELECT seq FROM stories WHERE seq > ? ORDER BY seq LIMIT ?)'),
      rowsToIndex: db.prepare<[number, number], { seq: number; title: string; summary: string; content: string }>(
        'SELECT seq, title, summary, content FROM stories WHERE seq > ? AND seq <= ?',
      ),
      indexStory: db.prepare<[number, string, string, string]>('INSERT INTO stories_fts (rowid, title, summary, content) VALUES (?, ?, ?, ?)'),
      indexBigrams: db.prepare<[number, string]>('INSERT INTO stories_bigrams (rowid, text) VALUES (?, ?)'),
      exists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM stories WHERE id = ?'),
      reports: db.prepare<[string, string], StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories WHERE cluster_id = ? OR id = ? ORDER BY published_at, seq`),
      markIndexed: db.prepare<[number]>('UPDATE fts_progress SET indexed_seq = ?'),
      story: db.prepare<[string], StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = ?`),
      knownIds: db.prepare<[string], { id: string }>('SELECT id FROM stories WHERE id IN (SELECT value FROM json_each(?))'),
      latest: db.prepare<[{ limit: number }], StoryRow>(
        `SELECT ${STORY_COLUMNS} FROM stories WHERE topics != '[]' ORDER BY published_at DESC LIMIT @limit`,
      ),
      // A topic's stories newest first, straight from its tag index.
      latestOfTopic: db.prepare<[{ tag: string; limit: number }], StoryRow>(
        `SELECT ${STORY_COLUMNS.split(', ').map((c) => `s.${c}`).join(', ')} FROM story_tags t CROSS JOIN stories s ON s.seq = t.seq
         WHERE t.tag = @tag ORDER BY t.published_at DESC LIMIT @limit`,
      ),
      relabel: db.prepare<[string, string]>('UPDATE stories SET cluster_id = ? WHERE cluster_id = ?'),
      countStories: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM stories'),
      countFolded: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM stories WHERE cluster_id IS NOT NULL AND cluster_id != id'),
      byLanguage: db.prepare<[], { lang: string; stories: number }>(
        "SELECT coalesce(bcp47, 'und') AS lang, count(*) AS stories FROM stories GROUP BY 1 ORDER BY 2 DESC",
      ),
      byDay: db.prepare<[string], { day: string; stories: number }>(
        'SELECT substr(published_at, 1, 10) AS day, count(*) AS stories FROM stories WHERE published_at >= ? GROUP BY 1 ORDER BY 1 DESC',
      ),
    };
  }

  feedState(feedId: string): FeedState | undefined {
    const row = this.statements.feedState.get(feedId);
    return row && feedStateFromRow(row);
  }

  allFeedStates(): FeedState[] {
    return this.statements.allFeedStates.all().map(feedStateFromRow);
  }

  saveFeedState(state: FeedState): void {
    this.statements.saveFeedState.run(feedStateToRow(state));
  }

  private readonly commitTransaction = (commit: RefreshCommit): Story[] => {
    this.saveFeedState(commit.state);
    const added: Story[] = [];
    for (const story of commit.stories) {
      // A story already stored changes nothing, and queues no alert.
      if (this.statements.exists.get(story.id)) continue;
      // Folded before the insert, so the row is written once (an UPDATE rewrites the whole row, text and all).
      const fold = commit.cluster?.(story);
      const clusterId = fold?.clusterId;
      if (fold) for (const absorbed of fold.absorbed) this.mergeStory(absorbed, fold.clusterId);
      const stored = clusterId ? { ...story, clusterId } : story;
      const row = storyToRow(stored);
      // A later report joins its story: the story's summary serves it (made once per story).
      if (clusterId && clusterId !== story.id) row.summary_state = null;
      const inserted = this.statements.insertStory.run(row);
      if (inserted.changes !== 1) continue;
      writeStoryTags(this.db, inserted.lastInsertRowid, story);
      added.push(stored);
      this.queueAlerts(story.id, clusterId ?? story.id, commit.alerts?.get(story.id) ?? [], new Date(story.fetchedAt));
    }
    return added;
  };

  /**
   * Two stories found to be one: the absorbed story's reports join the surviving one. Where both
   * have an alert, the absorbed one's that has not gone yet becomes an edit of the survivor's, so
   * a destination gets one message per story; alerts already sent are edited to list every report.
   */
  private mergeStory(absorbed: string, into: string): void {
    this.outbox.foldPendingPosts(absorbed, into);
    this.statements.relabel.run(into, absorbed);
  }

  /**
   * The first report of a story posts; a later one edits the message already posted (or queued)
   * for the story at each destination, and posts only where the story has not gone yet.
   */
  private queueAlerts(storyId: string, clusterId: string, destinations: readonly Destination[], at: Date): void {
    if (clusterId === storyId) {
      if (destinations.length) this.outbox.add(storyId, destinations, at);
      return;
    }
    const posted = new Set(this.outbox.postedDestinations(clusterId));
    if (posted.size) this.outbox.add(storyId, [...posted], at, 'edit');
    const fresh = destinations.filter((destination) => !posted.has(destination));
    if (fresh.length) this.outbox.add(storyId, fresh, at);
  }

  commitRefresh(commit: RefreshCommit): Story[] {
    // IMMEDIATE: the write lock is taken before the clusterer reads candidates, so another
    // instance on the same database cannot fold a report of the same event in between (and a
    // deferred read-then-write would fail with SQLITE_BUSY_SNAPSHOT instead of waiting).
    return this.db.transaction(this.commitTransaction).immediate(commit);
  }

  /**
   * Adds stories stored since the last call to the full-text index, `batch` per transaction;
   * returns how many. Called after polls and before searches.
   */
  indexPendingStories(batch = 5000): number {
    let total = 0;
    const step = this.db.transaction((): number => {
      const from = this.statements.indexedUpTo.get()!.seq;
      const to = this.statements.batchEnd.get(from, batch)!.seq;
      if (to === null) return 0;
      let added = 0;
      for (const row of this.statements.rowsToIndex.all(from, to)) {
        // Folded, so 臺灣 and 台湾 (and ＡＰＴ and apt) index, and are searched, as one.
        const title = foldText(row.title);
        const summary = foldText(row.summary);
        const content = foldText(row.content);
        this.statements.indexStory.run(row.seq, title, summary, content);
        const bigrams = cjkBigrams(`${title} ${summary} ${content.slice(0, 4000)}`);
        if (bigrams) this.statements.indexBigrams.run(row.seq, bigrams);
        added++;
      }
      this.statements.markIndexed.run(to);
      return added;
    });
    for (let added = step(); added > 0; added = step()) total += added;
    return total;
  }

  story(id: string): Story | undefined {
    const row = this.statements.story.get(id);
    return row && storyFromRow(row);
  }

  /** Every report of a story, first published first (one, for a story never folded). */
  reportsOf(clusterId: string): Story[] {
    return this.statements.reports.all(clusterId, clusterId).map(storyFromRow);
  }

  knownStoryIds(ids: readonly string[]): Set<string> {
    if (ids.length === 0) return new Set();
    return new Set(this.statements.knownIds.all(JSON.stringify(ids)).map((row) => row.id));
  }

  /** The most recently published relevant stories (any topic, or this one). */
  latestStories(topic: string | undefined, limit: number): Story[] {
    // Reports of one story count once: more rows are read than shown, then folded.
    const rows = topic ? this.statements.latestOfTopic.all({ tag: topicTag(topic), limit: limit * 4 }) : this.statements.latest.all({ limit: limit * 4 });
    const stories = new Map<string, Story>();
    for (const story of rows.map(storyFromRow)) {
      const key = story.clusterId ?? story.id;
      if (!stories.has(key)) stories.set(key, story);
    }
    return [...stories.values()].slice(0, limit);
  }

  /** Reports folded into another report's story. */
  foldedReportCount(): number {
    return this.statements.countFolded.get()!.n;
  }

  countStories(): number {
    return this.statements.countStories.get()!.n;
  }

  stats(now: Date, days = 14): StoreStats {
    const since = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
    return {
      stories: this.countStories(),
      byLanguage: this.statements.byLanguage.all(),
      byDay: this.statements.byDay.all(since),
    };
  }

  close(): void {
    if (!this.db.open) return;
    // Fold the WAL back into the main file so a stopped bot leaves one self-contained file.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
