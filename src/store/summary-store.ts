import type Database from 'better-sqlite3';
import type { Story, StoryClassification } from '../core/story.js';
import type { StorySummary } from '../core/summary.js';
import { type StoryRow, storyFromRow } from './rows.js';

export type SummaryState = 'pending' | 'done' | 'fallback';

export interface ModelUsage {
  requestsThisHour: number;
  tokensToday: number;
  requestsToday: number;
  failuresToday: number;
}

const hourOf = (now: Date) => now.toISOString().slice(0, 13);
const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/** Summary state per story, the summary cache, and model usage: the summary stage's tables. */
export class SummaryStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      needing: db.prepare<[string, string, number], StoryRow & { seq: number }>(
        `SELECT * FROM stories WHERE summary_state IN (?, ?) ORDER BY CASE summary_state WHEN 'pending' THEN 0 ELSE 1 END, seq DESC LIMIT ?`,
      ),
      save: db.prepare<[string, string | null, string, string, string, string, string, string]>(
        `UPDATE stories SET summary_state = ?, summary_model = ?, summary_json = ?, headline = ?, summary_text = ?,
           summary_language = ?, summary_method = ? WHERE id = ?`,
      ),
      summaryOf: db.prepare<[string], { summary_json: string | null; summary_state: string | null }>('SELECT summary_json, summary_state FROM stories WHERE id = ?'),
      cached: db.prepare<[string], { summary: string }>('SELECT summary FROM summary_cache WHERE key = ?'),
      cache: db.prepare<[string, string, string]>('INSERT OR REPLACE INTO summary_cache (key, summary, created_at) VALUES (?, ?, ?)'),
      record: db.prepare<[{ hour: string; tokens: number; failures: number }]>(
        `INSERT INTO model_usage (hour, requests, tokens, failures) VALUES (@hour, 1, @tokens, @failures)
         ON CONFLICT (hour) DO UPDATE SET requests = requests + 1, tokens = tokens + @tokens, failures = failures + @failures`,
      ),
      hour: db.prepare<[string], { requests: number }>('SELECT requests FROM model_usage WHERE hour = ?'),
      day: db.prepare<[string], { requests: number | null; tokens: number | null; failures: number | null }>(
        'SELECT sum(requests) AS requests, sum(tokens) AS tokens, sum(failures) AS failures FROM model_usage WHERE hour LIKE ?',
      ),
      counts: db.prepare<[], { state: string | null; n: number }>('SELECT summary_state AS state, count(*) AS n FROM stories WHERE summary_state IS NOT NULL GROUP BY 1'),
    };
  }

  /** Stories waiting for a summary, pending first, newest first; with `retryFallbacks`, extractive ones to redo too. */
  storiesNeedingSummary(limit: number, retryFallbacks: boolean): Array<Story & { classification?: StoryClassification }> {
    return this.statements.needing.all('pending', retryFallbacks ? 'fallback' : 'pending', limit).map(storyFromRow);
  }

  saveSummary(storyId: string, summary: StorySummary, state: SummaryState): void {
    this.statements.save.run(state, summary.model ?? null, JSON.stringify(summary), summary.headline, summary.summary, summary.language, summary.method, storyId);
  }

  summaryOf(storyId: string): { summary?: StorySummary; state?: SummaryState } {
    const row = this.statements.summaryOf.get(storyId);
    return {
      ...(row?.summary_json && { summary: JSON.parse(row.summary_json) as StorySummary }),
      ...(row?.summary_state && { state: row.summary_state as SummaryState }),
    };
  }

  cached(key: string): StorySummary | undefined {
    const row = this.statements.cached.get(key);
    return row && (JSON.parse(row.summary) as StorySummary);
  }

  cache(key: string, summary: StorySummary, now: Date): void {
    this.statements.cache.run(key, JSON.stringify(summary), now.toISOString());
  }

  recordModelCall(now: Date, outcome: { tokens: number; failed: boolean }): void {
    this.statements.record.run({ hour: hourOf(now), tokens: outcome.tokens, failures: outcome.failed ? 1 : 0 });
  }

  usage(now: Date): ModelUsage {
    const day = this.statements.day.get(`${dayOf(now)}%`);
    return {
      requestsThisHour: this.statements.hour.get(hourOf(now))?.requests ?? 0,
      requestsToday: day?.requests ?? 0,
      tokensToday: day?.tokens ?? 0,
      failuresToday: day?.failures ?? 0,
    };
  }

  stateCounts(): Record<SummaryState, number> {
    const counts: Record<SummaryState, number> = { pending: 0, done: 0, fallback: 0 };
    for (const row of this.statements.counts.all()) if (row.state) counts[row.state as SummaryState] = row.n;
    return counts;
  }
}
