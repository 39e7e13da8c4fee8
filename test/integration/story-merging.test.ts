import { describe, expect, it } from 'vitest';
import type { App } from '../../src/main.js';
import { pollAll } from '../../src/pipeline/poll-all.js';
import { loadClusterSet } from '../eval/evaluate-clusters.js';
import { type TestItem, rss2 } from '../support/feeds.js';
import { loopbackApp } from '../support/loopback-app.js';

const CHANNEL = '666666666666666666';

// The Hualien earthquake of 3 April 2024 as the labeled dev set has it: with merging on (and
// crossLanguage 0.65), NHK (ja) and CNA (zh-Hant) share too little to fold, so they start two stories; Taiwanese outlets join CNA's; Yonhap (ko)
// matches both sides and merges them.
const DEV = new Map(loadClusterSet('dev').map((item) => [item.id, item]));
const item = (id: string): TestItem => {
  const report = DEV.get(id)!;
  return { guid: report.id, title: report.title, description: report.summary, link: report.link, pubDate: new Date(report.published).toUTCString() };
};
const NHK = item('c-dev-046');
const CNA = [item('c-dev-047'), item('c-dev-048'), item('c-dev-049')];
const FOCUS_TAIWAN = item('c-dev-050');
const YONHAP = item('c-dev-052');

describe('two stories a later report shows to be one event are merged', () => {
  const loopback = loopbackApp(CHANNEL);

  function open(): App {
    return loopback.open({
      // One feed at a time, in this order, so the reports are folded in publication order.
      polling: { concurrency: 1 },
      feeds: [
        { id: 'nhk', name: 'NHK', url: loopback.feeds.url('/nhk'), language: 'ja' },
        { id: 'cna', name: 'CNA', url: loopback.feeds.url('/cna'), language: 'zh-Hant' },
        { id: 'focustaiwan', name: 'Focus Taiwan', url: loopback.feeds.url('/focustaiwan'), language: 'en' },
        { id: 'yonhap', name: 'Yonhap', url: loopback.feeds.url('/yonhap'), language: 'ko' },
      ],
      routes: [{ channel: CHANNEL, topics: ['taiwan'] }],
      // One alert a message, so each story's alert is a message of its own.
      alerts: { backlog: 10, maxEmbedsPerMessage: 1 },
      // Merging is off by default; these are the thresholds it was tuned with, under which NHK's and
      // CNA's reports start two stories.
      clustering: { crossLanguage: 0.65, promptHours: 0, mergeLinks: 3 },
    });
  }

  function serve(yonhap: TestItem[]) {
    loopback.feeds.route('/nhk', { body: rss2([NHK]) });
    loopback.feeds.route('/cna', { body: rss2(CNA) });
    loopback.feeds.route('/focustaiwan', { body: rss2([FOCUS_TAIWAN]) });
    loopback.feeds.route('/yonhap', { body: rss2(yonhap) });
  }

  async function poll(a: App) {
    await pollAll(a.config, a.deps);
    // Alerts go out with their summary.
    await a.summaries.summarizePending(1000);
  }

  const clusterOf = (a: App) =>
    Object.fromEntries(
      (a.store.db.prepare('SELECT guid, cluster_id FROM stories').all() as Array<{ guid: string; cluster_id: string }>).map((row) => [row.guid, row.cluster_id]),
    );
  const idOf = (a: App, guid: string) => (a.store.db.prepare('SELECT id FROM stories WHERE guid = ?').get(guid) as { id: string }).id;
  const reportLines = (message: { embeds: Array<Record<string, unknown>> }) =>
    ((message.embeds[0]!.fields as Array<{ name: string; value: string }>).find((f) => f.name === 'Also reported by')?.value ?? '').split('\n').filter(Boolean);

  it('both alerts already sent: no new message; each is edited to list every report; the older story keeps its id', async () => {
    const a = open();
    serve([]);
    await poll(a);
    expect(await a.deliver()).toMatchObject({ sent: 2, failed: 0 });
    const before = clusterOf(a);
    expect(before['c-dev-046']).not.toBe(before['c-dev-047']);
    expect(before['c-dev-050']).toBe(before['c-dev-047']);
    expect(loopback.discord.messages(CHANNEL)).toHaveLength(2);

    serve([YONHAP]);
    await poll(a);
    expect(await a.deliver()).toMatchObject({ sent: 0, edited: 1, failed: 0 });

    const after = clusterOf(a);
    const story = idOf(a, 'c-dev-046');
    for (const guid of ['c-dev-046', 'c-dev-047', 'c-dev-048', 'c-dev-049', 'c-dev-050', 'c-dev-052']) expect(after[guid]).toBe(story);
    expect(a.store.reportsOf(story)).toHaveLength(6);

    const messages = loopback.discord.messages(CHANNEL);
    expect(messages).toHaveLength(2);
    const patched = new Set(loopback.discord.requests.filter((r) => r.method === 'PATCH').map((r) => r.path.split('/').pop()));
    expect(patched).toEqual(new Set(messages.map((m) => m.id)));
    // Each message shows its own report and lists the five others, Yonhap's among them.
    for (const message of messages) {
      const lines = reportLines(message);
      expect(lines).toHaveLength(5);
      expect(lines.join('\n')).toMatch(/Yonhap.*Korean/);
    }

    // /story and search find one story from any of its reports.
    expect(a.store.reportsOf(a.store.story(idOf(a, 'c-dev-047'))!.clusterId!).map((r) => r.id)).toContain(idOf(a, 'c-dev-046'));
    expect(a.store.latestStories('taiwan', 10)).toHaveLength(1);
  });

  it('an alert not sent yet when its story is merged becomes an edit of the other story, never a second message', async () => {
    const a = open();
    serve([]);
    // Discord is out for the first cycle: both alerts wait in the outbox.
    await poll(a);
    serve([YONHAP]);
    await poll(a);
    const report = await a.deliver();
    expect(report).toMatchObject({ sent: 1, failed: 0 });
    const messages = loopback.discord.messages(CHANNEL);
    expect(messages).toHaveLength(1);
    expect(reportLines(messages[0]!)).toHaveLength(5);
    // Nothing is left to send, and a later cycle sends nothing again.
    expect(a.store.db.prepare("SELECT count(*) AS n FROM outbox WHERE state IN ('pending', 'sending')").get()).toEqual({ n: 0 });
    expect(await a.deliver()).toMatchObject({ sent: 0, edited: 0 });
    expect(loopback.discord.messages(CHANNEL)).toHaveLength(1);
  });
});
