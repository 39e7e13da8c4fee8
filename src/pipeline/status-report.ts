import type { Config } from '../config/schema.js';
import type { SqliteStore } from '../store/sqlite-store.js';
import { feedHealth } from './feed-health.js';
import type { SummaryService } from './summary-service.js';

/** Everything `stats` and `/status` show, from the config and the store. */
export function statusReport(deps: { config: Config; store: SqliteStore; summaries: SummaryService }, now: Date, days: number) {
  const health = feedHealth(deps.config.feeds, deps.store.allFeedStates());
  const count = (status: string) => health.filter((h) => h.status === status).length;
  return {
    feeds: {
      total: health.length,
      healthy: count('healthy'),
      failing: count('failing'),
      unhealthy: count('unhealthy'),
      neverPolled: count('never-polled'),
      disabled: count('disabled'),
    },
    unhealthyFeeds: health.filter((h) => h.status === 'unhealthy' || h.status === 'failing'),
    ...deps.store.stats(now, days),
    /** Stored reports folded into an earlier report's story. */
    foldedReports: deps.store.foldedReportCount(),
    alerts: {
      ...deps.store.outbox.counts(),
      // Messages edited to list a story's later reports (one story, one alert).
      edits: deps.store.outbox.editsSent(),
      brokenRoutes: deps.store.outbox.brokenDestinations(),
      // Publication-to-post latency of the alerts sent in the last `days` days.
      latency: deps.store.outbox.latency(new Date(now.getTime() - days * 86_400_000)),
    },
    summaries: {
      ...deps.store.summaries.stateCounts(),
      model: deps.summaries.modelName ?? null,
      usage: deps.store.summaries.usage(now),
    },
  };
}

export type StatusReport = ReturnType<typeof statusReport>;
