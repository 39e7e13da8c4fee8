import { describe, expect, it } from 'vitest';
import type { App } from '../../src/main.js';
import { pollAll } from '../../src/pipeline/poll-all.js';
import { search } from '../../src/pipeline/search.js';
import { type TestItem, rss2 } from '../support/feeds.js';
import { loopbackApp } from '../support/loopback-app.js';

const CHANNEL = '444444444444444444';
const WEBHOOK_ID = '555555555555555555';

// The story straitwatch exists for, as three outlets ran it (condensed from the real coverage).
const FOCUS_TAIWAN: TestItem = {
  guid: 'ft-1',
  title: 'China offers bounties for 20 alleged Taiwan military hackers',
  description:
    "Guangzhou police put bounties on 20 people they say work for Taiwan's Information, Communications and Electronic Force Command (ICEFC). Taipei dismissed the move; the Czech foreign ministry hack by APT31 was cited in the same week.",
  link: 'https://focustaiwan.tw/cross-strait/202510110001',
  pubDate: 'Sat, 11 Oct 2025 06:00:00 GMT',
};
const CNA: TestItem = {
  guid: 'cna-1',
  title: '廣州公安懸賞通緝20名國軍資通電軍成員 陸委會：無理取鬧',
  description: '廣州市公安局11日懸賞通緝20名據稱隸屬國軍資通電軍指揮部（ICEFC）的人員。陸委會回應稱中共無理取鬧。捷克外交部遭APT31入侵一事亦被提及。',
  link: 'https://www.cna.com.tw/news/acn/202510110002.aspx',
  pubDate: 'Sat, 11 Oct 2025 07:30:00 GMT',
};
const XINHUA: TestItem = {
  guid: 'xh-1',
  title: '广州警方悬赏通缉20名台湾“资通电军”人员',
  description: '广州市公安局11日发布悬赏通告，悬赏通缉20名台湾“资通电军指挥部”（ICEFC）人员，称其对大陆实施网络攻击。',
  link: 'http://www.news.cn/tw/20251011/abc.htm',
  pubDate: 'Sat, 11 Oct 2025 05:00:00 GMT',
};
const UNRELATED: TestItem = {
  guid: 'ft-2',
  title: 'Taiwan reports 30 Chinese military aircraft near the island',
  description: "Taiwan's defence ministry said it tracked 30 aircraft and 7 ships around the island on Friday.",
  link: 'https://focustaiwan.tw/cross-strait/202510110009',
  pubDate: 'Sat, 11 Oct 2025 02:00:00 GMT',
};

describe('one story, one alert: reports folded across feeds and languages', () => {
  const loopback = loopbackApp(CHANNEL);

  function open(routes: unknown[], backlog: 'none' | number = 10): App {
    return loopback.open({
      feeds: [
        { id: 'focustaiwan', name: 'Focus Taiwan', url: loopback.feeds.url('/focustaiwan'), language: 'en' },
        { id: 'cna', name: 'CNA', url: loopback.feeds.url('/cna'), language: 'zh-Hant' },
        { id: 'xinhua', name: 'Xinhua', url: loopback.feeds.url('/xinhua'), language: 'zh-Hans' },
      ],
      routes,
      alerts: { backlog },
    });
  }

  async function cycle(a: App) {
    await pollAll(a.config, a.deps);
    await a.summaries.summarizePending(1000);
    return a.deliver();
  }

  /** The "Also reported by" lines of the message's embed for the bounty story (a message may hold several alerts). */
  const alsoReportedBy = (message: { embeds: Array<Record<string, unknown>> }) => {
    const embed = message.embeds.find((e) => String(e.title).includes('bount'))!;
    return ((embed.fields as Array<{ name: string; value: string }>).find((f) => f.name === 'Also reported by')?.value ?? '').split('\n').filter(Boolean);
  };

  it('posts the first report, then edits that message as reports arrive in other languages; a quiet cycle sends nothing', async () => {
    const a = open([{ channel: CHANNEL, topics: ['taiwan', 'apt'] }]);
    loopback.feeds.route('/focustaiwan', { body: rss2([FOCUS_TAIWAN, UNRELATED]) });
    loopback.feeds.route('/cna', { body: rss2([]) });
    loopback.feeds.route('/xinhua', { body: rss2([]) });
    const first = await cycle(a);
    expect(first.sent).toBe(2);
    // Both alerts went out as one message of two embeds.
    const [bounty] = loopback.discord.messages(CHANNEL);
    expect(bounty!.embeds).toHaveLength(2);
    expect(alsoReportedBy(bounty!)).toEqual([]);

    loopback.feeds.route('/cna', { body: rss2([CNA]) });
    loopback.feeds.route('/xinhua', { body: rss2([XINHUA]) });
    const second = await cycle(a);
    expect(second).toMatchObject({ sent: 0, edited: 2, failed: 0 });
    expect(loopback.discord.messages(CHANNEL)).toHaveLength(1);
    const edited = loopback.discord.messages(CHANNEL).find((m) => m.id === bounty!.id)!;
    expect(edited.edited_timestamp).toBeTruthy();
    const listed = alsoReportedBy(edited);
    expect(listed).toHaveLength(2);
    expect(listed.join('\n')).toMatch(/CNA.*Traditional Chinese/);
    expect(listed.join('\n')).toMatch(/Xinhua.*Simplified Chinese/);
    const patches = loopback.discord.requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0]!.body).toMatchObject({ allowed_mentions: { parse: [] } });

    // The summary is made once per story: later reports take the first one's.
    const states = a.store.db.prepare('SELECT id, cluster_id, summary_state FROM stories ORDER BY id').all() as Array<{ id: string; cluster_id: string; summary_state: string | null }>;
    const ids = Object.fromEntries(states.map((s) => [s.id, s]));
    const footer = (edited.embeds.find((e) => String(e.title).includes('bount'))!.footer as { text: string }).text;
    const leader = a.store.story(footer.replace('story ', ''))!;
    expect(leader.feedId).toBe('focustaiwan');
    const reports = a.store.reportsOf(leader.id);
    expect(reports.map((r) => r.feedId).sort()).toEqual(['cna', 'focustaiwan', 'xinhua']);
    for (const report of reports.filter((r) => r.id !== leader.id)) {
      expect(ids[report.id]).toMatchObject({ cluster_id: leader.id, summary_state: null });
    }
    expect(ids[leader.id]!.summary_state).toBe('done');

    const quiet = await cycle(a);
    expect(quiet).toMatchObject({ sent: 0, edited: 0 });
    expect(loopback.discord.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);

    // /latest lists a story once, however many reports it has.
    const latest = a.store.latestStories('taiwan', 10);
    expect(latest.filter((story) => (story.clusterId ?? story.id) === leader.id)).toHaveLength(1);
    expect(latest).toHaveLength(2);

    // Search finds the story from any script, with all its reports.
    a.store.indexPendingStories();
    const hits = search(a.store, { query: '資通電軍', limit: 5 });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.reports.map((r) => r.feedId).sort()).toEqual(['cna', 'focustaiwan', 'xinhua']);
  });

  it("a first poll's backlog is stored unfolded (it does not alert), so the event's first new report alerts", async () => {
    const a = open([{ channel: CHANNEL, topics: ['taiwan', 'apt'] }], 'none');
    loopback.feeds.route('/focustaiwan', { body: rss2([FOCUS_TAIWAN]) });
    loopback.feeds.route('/cna', { body: rss2([CNA]) });
    loopback.feeds.route('/xinhua', { body: rss2([]) });
    expect(await cycle(a)).toMatchObject({ sent: 0, edited: 0 });
    expect(a.store.foldedReportCount()).toBe(0);
    loopback.feeds.route('/xinhua', { body: rss2([XINHUA]) });
    expect(await cycle(a)).toMatchObject({ sent: 1, edited: 0 });
    const [message] = loopback.discord.messages(CHANNEL);
    expect(JSON.stringify(message!.embeds)).toContain('资通电军');
    expect(JSON.stringify(message!.embeds)).not.toContain('Also reported by');
  });

  it('a burst of reports before the first send becomes one message listing them all', async () => {
    const a = open([{ channel: CHANNEL, topics: ['taiwan', 'apt'] }]);
    loopback.feeds.route('/focustaiwan', { body: rss2([FOCUS_TAIWAN]) });
    loopback.feeds.route('/cna', { body: rss2([CNA]) });
    loopback.feeds.route('/xinhua', { body: rss2([XINHUA]) });
    await cycle(a);
    const messages = loopback.discord.messages(CHANNEL);
    expect(messages).toHaveLength(1);
    expect(alsoReportedBy(messages[0]!)).toHaveLength(2);
  });

  it('an edit that fails is retried later, never posted again; webhooks are edited through their own route', async () => {
    const token = 'hook-token';
    const channel = loopback.discord.addWebhook(WEBHOOK_ID, token);
    const a = open([{ webhook: `https://loopback.discord.com/api/webhooks/${WEBHOOK_ID}/${token}` }]);
    loopback.feeds.route('/focustaiwan', { body: rss2([FOCUS_TAIWAN]) });
    loopback.feeds.route('/cna', { body: rss2([]) });
    loopback.feeds.route('/xinhua', { body: rss2([]) });
    expect((await cycle(a)).sent).toBe(1);
    loopback.feeds.route('/cna', { body: rss2([CNA]) });
    // loopback.discord.js retries a 5xx three times itself: four in a row make the edit wait for a later round.
    loopback.discord.nextResponses(Array.from({ length: 4 }, () => ({ status: 502, body: { message: 'bad gateway', code: 0 } })));
    await pollAll(a.config, a.deps);
    const failed = await a.deliver();
    expect(failed).toMatchObject({ edited: 0, retrying: 1 });
    // The retry is due after its backoff; deliver as if it had passed.
    a.store.db.prepare("UPDATE outbox SET next_attempt_at = NULL WHERE kind = 'edit'").run();
    expect(await a.deliver()).toMatchObject({ edited: 1, sent: 0 });
    const messages = loopback.discord.messages(channel);
    expect(messages).toHaveLength(1);
    expect(alsoReportedBy(messages[0]!)).toHaveLength(1);
    expect(loopback.discord.requests.filter((r) => r.method === 'PATCH').every((r) => r.path.includes(`/webhooks/${WEBHOOK_ID}/${token}/messages/`))).toBe(true);
  });
});
