import type Database from 'better-sqlite3';
import type { Story } from '../core/story.js';

// story_tags (migration 5) holds one row per (tag, story), so topic and group filters seek the
// primary key and "a group's newest stories" reads story_tags_recent in order, instead of
// scanning every story's JSON.

export const topicTag = (topic: string) => `topic:${topic}`;
export const groupTag = (group: string) => `group:${group}`;

type InsertTag = Database.Statement<[string, number | bigint, string]>;
// Prepared once per connection; SqliteStore calls this inside its commit transaction.
const inserts = new WeakMap<Database.Database, InsertTag>();

/** Tags a newly stored story (`seq` is its stories.seq) with its topics and groups, as migration 5 backfilled them. */
export function writeStoryTags(db: Database.Database, seq: number | bigint, story: Story): void {
  const tags = [...(story.classification?.topics ?? []).map(topicTag), ...(story.classification?.groups ?? []).map(groupTag)];
  if (tags.length === 0) return;
  let insert = inserts.get(db);
  if (!insert) inserts.set(db, (insert = db.prepare('INSERT OR IGNORE INTO story_tags (tag, seq, published_at) VALUES (?, ?, ?)')));
  for (const tag of tags) insert.run(tag, seq, story.published);
}
