import type { Command } from 'commander';
import { formatDuration } from '../../core/format-duration.js';
import { statusReport } from '../../pipeline/status-report.js';
import { type StoreOptions, withApp, withStoreOptions } from '../context.js';

export function registerStats(program: Command): void {
  withStoreOptions(
    program
      .command('stats')
      .description('feeds (healthy/unhealthy), stories, per language and per day')
      .option('--days <n>', 'days of per-day counts', '14')
      .option('--json', 'print one JSON object'),
  ).action((options: StoreOptions & { json?: boolean; days: string }) =>
    withApp(options, async (app) => {
      const report = statusReport(app, new Date(), Number(options.days) || 14);
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
        ...report.alerts.latency.map((l) => `  latency   ${l.feed === '*' ? 'all feeds' : l.feed}: p50 ${formatDuration(l.p50Ms)}, p95 ${formatDuration(l.p95Ms)} (${l.alerts} alerts)`),
        `per day (last ${Number(options.days) || 14} days, by publication date)`,
        ...(report.byDay.length ? report.byDay.map((d) => `  ${d.day}  ${d.stories}`) : ['  none']),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }),
  );
}
