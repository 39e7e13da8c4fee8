import type { APIEmbed } from 'discord.js';
import { formatDuration } from '../core/format-duration.js';
import { cutText } from '../deliver/cut-text.js';
import type { StatusReport } from '../pipeline/status-report.js';

/** /status: feed health, stories today, queued alerts, latency and summary usage. */
export function statusEmbed(report: StatusReport): APIEmbed {
  const overall = report.alerts.latency.find((l) => l.feed === '*');
  const today = report.byDay[0]?.stories ?? 0;
  const unhealthy = report.unhealthyFeeds.map((f) => `${f.feed}: ${f.lastError ?? 'failing'}`);
  return {
    title: 'straitwatch status',
    color: report.feeds.unhealthy || report.alerts.brokenRoutes.length ? 0xd9534f : 0x5cb85c,
    fields: [
      { name: 'Feeds', value: `${report.feeds.healthy} healthy, ${report.feeds.failing} failing, ${report.feeds.unhealthy} unhealthy of ${report.feeds.total}`, inline: true },
      { name: 'Stories', value: `${report.stories} stored, ${today} published today`, inline: true },
      { name: 'Alerts', value: `${report.alerts.sent} sent, ${report.alerts.pending + report.alerts.sending} queued`, inline: true },
      { name: 'Publication to alert', value: overall ? `p50 ${formatDuration(overall.p50Ms)}, p95 ${formatDuration(overall.p95Ms)}` : 'no alerts yet', inline: true },
      {
        name: 'Summaries',
        value: report.summaries.model
          ? `${report.summaries.model}: ${report.summaries.usage.requestsToday} requests, ${report.summaries.usage.tokensToday} tokens today`
          : 'extractive (no model configured)',
        inline: true,
      },
      ...(unhealthy.length ? [{ name: 'Unhealthy feeds', value: cutText(unhealthy.join('\n'), 1024) }] : []),
      ...(report.alerts.brokenRoutes.length ? [{ name: 'Broken routes', value: cutText(report.alerts.brokenRoutes.map((b) => `${b.destination}: ${b.error}`).join('\n'), 1024) }] : []),
    ],
  };
}
