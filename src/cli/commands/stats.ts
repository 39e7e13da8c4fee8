import type { Command } from 'commander';
import { feedHealth } from '../../pipeline/feed-health.js';
import { type StoreOptions, withApp, withStoreOptions } from '../context.js';

function formatMs(ms: number): string {
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 172_800_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${Math.round(ms / 86_400_000)} d`;
}

export function registerStats(program: Command): void {
  withStoreOptions(
    program
      .command('stats')
      .description('feeds (healthy/unhealthy), stories, per language and per day')
      .option('--days <n>', 'days of per-day counts', '14')
      .option('--json', 'print one JSON object'),
  ).action((options: StoreOptions & { json?: boolean; days: string }) =>
    withApp(options, async (app) => {
      const health = feedHealth(app.config.feeds, app.store.allFeedStates());
      const count = (status: string) => health.filter((h) => h.status === status).length;
      const stories = app.store.stats(new Date(), Number(options.days) || 14);
      const report = {
        feeds: {
          total: health.length,
          healthy: count('healthy'),
          failing: count('failing'),
          unhealthy: count('unhealthy'),
          neverPolled: count('never-polled'),
          disabled: count('disabled'),
        },
        unhealthyFeeds: health.filter((h) => h.status === 'unhealthy' || h.status === 'failing'),
        ...stories,
        alerts: {
          ...app.store.outbox.counts(),
          brokenRoutes: app.store.outbox.brokenDestinations(),
          // Publication-to-post latency of the alerts sent in the last `days` days.
          latency: app.store.outbox.latency(new Date(Date.now() - (Number(options.days) || 14) * 86_400_000)),
        },
        summaries: {
          ...app.store.summaries.stateCounts(),
          model: app.summaries.modelConfigured ? (process.env.OPENAI_MODEL ?? 'gpt-4o-mini') : null,
          usage: app.store.summaries.usage(new Date()),
        },
      };
      if (options.json) {
        process.stdout.write(`${JSON.stringify(report)}\n`);
        return;
      }
      const lines = [
        `feeds     ${report.feeds.total} total: ${report.feeds.healthy} healthy, ${report.feeds.failing} failing, ${report.feeds.unhealthy} unhealthy, ${report.feeds.neverPolled} never polled, ${report.feeds.disabled} disabled`,
        ...report.unhealthyFeeds.map((h) => `  ${h.status.padEnd(9)} ${h.feed}: ${h.consecutiveFailures} failures, last error: ${h.lastError ?? '?'}`),
        `stories   ${report.stories}`,
        'language  ' + (report.byLanguage.map((l) => `${l.lang} ${l.stories}`).join(', ') || '-'),
        `summaries ${report.summaries.done} done, ${report.summaries.pending} pending, ${report.summaries.fallback} extractive awaiting the model; ` +
          (report.summaries.model
            ? `model ${report.summaries.model}: ${report.summaries.usage.requestsThisHour} requests this hour, ${report.summaries.usage.requestsToday} today (${report.summaries.usage.failuresToday} failed), ${report.summaries.usage.tokensToday} tokens today`
            : 'no model (extractive summaries; set OPENAI_API_KEY)'),
        `alerts    ${report.alerts.sent} sent, ${report.alerts.pending + report.alerts.sending} queued, ${report.alerts.failed} rejected`,
        ...report.alerts.brokenRoutes.map((b) => `  BROKEN    ${b.destination} since ${b.brokenAt}: ${b.error}`),
        ...report.alerts.latency.map((l) => `  latency   ${l.feed === '*' ? 'all feeds' : l.feed}: p50 ${formatMs(l.p50Ms)}, p95 ${formatMs(l.p95Ms)} (${l.alerts} alerts)`),
        `per day (last ${Number(options.days) || 14} days, by publication date)`,
        ...(report.byDay.length ? report.byDay.map((d) => `  ${d.day}  ${d.stories}`) : ['  none']),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }),
  );
}
