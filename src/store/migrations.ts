import type Database from 'better-sqlite3';

/**
 * Append-only: each entry moves the schema one version up (PRAGMA user_version). Never edit a
 * released migration; add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: feed state, stories, full-text index */ `
  CREATE TABLE feed_state (
    feed_id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    first_seen_at TEXT,
    last_attempt_at TEXT,
    last_success_at TEXT,
    last_status TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    last_error_code TEXT,
    unhealthy_since TEXT,
    next_poll_at TEXT,
    charset TEXT,
    format TEXT,
    item_count INTEGER,
    moved_to TEXT
  ) STRICT;

  CREATE TABLE stories (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    feed_id TEXT NOT NULL,
    guid TEXT,
    link TEXT,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    content TEXT NOT NULL,
    author TEXT,
    categories TEXT NOT NULL DEFAULT '[]',
    published_at TEXT NOT NULL,
    published_estimated INTEGER NOT NULL DEFAULT 0,
    fetched_at TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    -- Filled by the understanding, clustering and summary stages.
    lang TEXT,
    bcp47 TEXT,
    script TEXT,
    topics TEXT NOT NULL DEFAULT '[]',
    scores TEXT NOT NULL DEFAULT '{}',
    groups TEXT NOT NULL DEFAULT '[]',
    matched TEXT NOT NULL DEFAULT '[]',
    cluster_id TEXT,
    headline TEXT,
    summary_text TEXT,
    summary_language TEXT,
    summary_method TEXT
  ) STRICT;
  CREATE INDEX stories_published ON stories (published_at);
  CREATE INDEX stories_feed_published ON stories (feed_id, published_at);

  -- Trigram tokens find Chinese and Japanese words without a word breaker. Contentless: the text
  -- lives once, in stories; rows are keyed by stories.seq.
  CREATE VIRTUAL TABLE stories_fts USING fts5(
    title, summary, content,
    content = '', contentless_delete = 1,
    tokenize = 'trigram remove_diacritics 1'
  );

  -- Stories up to this seq are in stories_fts. Indexing runs in batches after polls, not inside
  -- each poll's transaction: FTS5 writes a segment per commit, and one segment per feed per poll
  -- spent most of a cold cycle merging them.
  CREATE TABLE fts_progress (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_seq INTEGER NOT NULL
  ) STRICT;
  INSERT INTO fts_progress (id, indexed_seq) VALUES (1, 0);

  -- Leases for running several instances on one database (node-cron's RunCoordinator).
  CREATE TABLE leases (
    key TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  ) STRICT;
  `,
  /* 2: summaries: per-story state, a cache by content, model usage for the budget */ `
  -- pending: relevant and not summarized yet; done; fallback: extractive while a model is
  -- configured, to be summarized again once the model answers.
  ALTER TABLE stories ADD COLUMN summary_state TEXT;
  ALTER TABLE stories ADD COLUMN summary_model TEXT;
  ALTER TABLE stories ADD COLUMN summary_json TEXT;
  CREATE INDEX stories_summary_state ON stories (summary_state) WHERE summary_state IN ('pending', 'fallback');
  UPDATE stories SET summary_state = 'pending' WHERE topics != '[]';

  CREATE TABLE summary_cache (
    key TEXT PRIMARY KEY,
    summary TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;

  -- One row per hour ("2026-11-25T18") of model calls.
  CREATE TABLE model_usage (
    hour TEXT PRIMARY KEY,
    requests INTEGER NOT NULL DEFAULT 0,
    tokens INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  `,
  /* 3: the alert outbox and the state of each destination */ `
  -- One row per (story, destination), written in the transaction that stores the story.
  -- pending → sending (batch = the message nonce, fixed before the first try) → sent | failed.
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL,
    destination TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    batch TEXT,
    message_id TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    latency_ms INTEGER,
    UNIQUE (story_id, destination)
  ) STRICT;
  CREATE INDEX outbox_open ON outbox (destination, id) WHERE state IN ('pending', 'sending');

  -- A destination Discord refused for good (missing access, unknown channel or webhook).
  CREATE TABLE broken_destinations (
    destination TEXT PRIMARY KEY,
    broken_at TEXT NOT NULL,
    code INTEGER,
    error TEXT NOT NULL
  ) STRICT;
  `,
  /* 4: search over folded text (one script for Chinese), and CJK bigrams for two-character words */ `
  -- The trigram index now holds folded text (NFKC, lowercase, Traditional → Simplified), so a
  -- query in either script finds both; everything is indexed again.
  DELETE FROM stories_fts;
  -- Trigrams cannot find a two-character word (台湾, 国防): CJK text is also indexed as bigrams.
  CREATE VIRTUAL TABLE stories_bigrams USING fts5(text, content = '', contentless_delete = 1, tokenize = 'unicode61');
  UPDATE fts_progress SET indexed_seq = 0;
  `,
  /* 5: topics and groups as indexed rows, so filters and group searches seek instead of scanning JSON */ `
  -- One row per (story, "topic:taiwan" | "group:APT31"), written with the story.
  CREATE TABLE story_tags (
    tag TEXT NOT NULL,
    seq INTEGER NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (tag, seq)
  ) STRICT, WITHOUT ROWID;
  -- Newest first within a tag: "the group's latest stories" reads the index in order.
  CREATE INDEX story_tags_recent ON story_tags (tag, published_at);
  INSERT OR IGNORE INTO story_tags (tag, seq, published_at)
    SELECT 'topic:' || t.value, s.seq, s.published_at FROM stories s, json_each(s.topics) t;
  INSERT OR IGNORE INTO story_tags (tag, seq, published_at)
    SELECT 'group:' || g.value, s.seq, s.published_at FROM stories s, json_each(s.groups) g;
  `,
  /* 6: feeds and routes managed from Discord (/feeds, /route), laid over feeds.json */ `
  -- definition is the feed's JSON (FeedSchema); NULL means "feeds.json has this feed; do not poll it".
  CREATE TABLE managed_feeds (
    feed_id TEXT PRIMARY KEY,
    definition TEXT,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL
  ) STRICT;
  -- definition is the route's JSON (RouteSchema).
  CREATE TABLE managed_routes (
    id INTEGER PRIMARY KEY,
    definition TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  `,
  /* 7: stories folded across feeds and languages: features, lookup keys, and alert edits */ `
  -- stories.cluster_id is the story (the first report's id) a report belongs to; NULL in rows
  -- stored before clustering existed means "its own story".
  CREATE INDEX stories_cluster ON stories (cluster_id) WHERE cluster_id IS NOT NULL;
  -- What the clusterer compares a new report with (features JSON, optional embedding).
  CREATE TABLE cluster_members (
    story_id TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL,
    published_ms INTEGER NOT NULL,
    features TEXT NOT NULL,
    embedding BLOB
  ) STRICT;
  -- Candidates come from these keys (LSH bands, entities) within a time window: index seeks, so
  -- the cost per new report does not grow with the store.
  CREATE TABLE cluster_keys (
    key TEXT NOT NULL,
    published_ms INTEGER NOT NULL,
    story_id TEXT NOT NULL,
    PRIMARY KEY (key, published_ms, story_id)
  ) STRICT, WITHOUT ROWID;
  -- post: a new message; edit: a later report, listed by editing the story's message.
  ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'post';
  `,
  /* 8: a story's members, for merging two stories a report shows to be one */ `
  CREATE INDEX cluster_members_cluster ON cluster_members (cluster_id, published_ms);
  `,
];

export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
