import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedServer } from '../support/feed-server.js';
import { atom, jsonFeed, rss2 } from '../support/feeds.js';
import { jsonLines, runCli, spawnCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

// Each feed: its charset label, how the server states it, and real titles in that script.
const CHARSET_FEEDS = [
  { id: 'big5', encoding: 'big5', label: 'Big5', header: true, titles: ['臺灣國防部：共機擾台', '駭客組織攻擊政府網站'] },
  { id: 'gbk-as-gb2312', encoding: 'gbk', label: 'gb2312', header: true, titles: ['台湾海峡局势引关注', '镕基金发布年度报告'] },
  { id: 'gb18030', encoding: 'gb18030', label: 'GB18030', header: false, titles: ['新华社：台湾问题是中国内政', '网络安全专家谈APT攻击'] },
  { id: 'shift-jis', encoding: 'shift_jis', label: 'Shift_JIS', header: false, titles: ['台湾有事を想定した訓練', '中国系ハッカー集団が攻撃'] },
  { id: 'euc-jp', encoding: 'euc-jp', label: 'EUC-JP', header: true, titles: ['防衛省、サイバー攻撃を確認'] },
  { id: 'euc-kr', encoding: 'euc-kr', label: 'EUC-KR', header: false, titles: ['대만 해협 긴장 고조', '북한 해커 조직 라자루스'] },
  { id: 'cp1252', encoding: 'windows-1252', label: 'windows-1252', header: true, titles: ['Taïwan : la défense réagit – « crise »', 'Cyberangriff auf Behörden: „Spionage“'] },
  { id: 'utf16', encoding: 'utf-16le', label: 'UTF-16', header: false, titles: ['Тайвань сообщил о кибератаках', 'Đài Loan tăng cường an ninh mạng'] },
] as const;

describe('straitwatch poll --once --json', () => {
  let server: FeedServer;
  const dir = tempDir();
  const configPath = join(dir.path, 'feeds.json');
  const dbPath = join(dir.path, 'db.sqlite');
  const env = { STRAITWATCH_ALLOW_PRIVATE_NETWORKS: '1' };
  const args = ['--config', configPath, '--db', dbPath];
  const expectedTitles = new Set<string>();

  beforeAll(async () => {
    server = await FeedServer.start();
    const feeds: Array<{ id: string; url: string }> = [];
    for (const feed of CHARSET_FEEDS) {
      const items = feed.titles.map((title, i) => ({
        guid: `${feed.id}-${i}`,
        title,
        link: `https://example.org/${feed.id}/${i}?utm_source=rss&utm_medium=feed&id=${i}`,
        description: `${title}。`,
        pubDate: 'Tue, 03 Jun 2025 01:00:00 GMT',
      }));
      feed.titles.forEach((t) => expectedTitles.add(t));
      const xml = rss2(items, { encoding: feed.label });
      const bytes = feed.encoding === 'utf-16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(xml, 'utf-16le')]) : iconv.encode(xml, feed.encoding);
      const headers = { 'content-type': feed.header ? `application/rss+xml; charset=${feed.label}` : 'application/rss+xml' };
      feeds.push({ id: feed.id, url: server.route(`/${feed.id}.xml`, { body: bytes, headers }) });
    }
    feeds.push({
      id: 'atom',
      url: server.route('/atom.xml', {
        body: atom([{ guid: 'urn:1', title: 'APT31 targets ministries, officials say', link: 'https://example.org/a1?fbclid=abc&gclid=x' }]),
        headers: { 'content-type': 'application/atom+xml' },
        encoding: 'gzip',
      }),
    });
    feeds.push({
      id: 'json',
      url: server.route('/feed.json', {
        body: jsonFeed([{ guid: 'j1', title: 'Le Taïwan renforce sa cyberdéfense', link: 'https://example.org/j1?mc_cid=1' }]),
        headers: { 'content-type': 'application/feed+json' },
        encoding: 'br',
      }),
    });
    feeds.push({ id: 'broken', url: server.route('/broken.xml', { status: 503, headers: { 'retry-after': '60' } }) });
    expectedTitles.add('APT31 targets ministries, officials say').add('Le Taïwan renforce sa cyberdéfense');
    writeFileSync(configPath, JSON.stringify({ feeds }));
  });

  afterAll(async () => {
    await server.close();
    dir.cleanup();
  });

  it('stores every story once with its exact title and a clean link, then a second run stores nothing', async () => {
    const first = await runCli(['poll', '--once', '--json', ...args], env);
    expect(first.code, first.stderr).toBe(0);
    const stories = jsonLines<{ id: string; feed: string; title: string; link: string; published: string; summary: string; topics: string[] }>(first.stdout);
    expect(new Set(stories.map((s) => s.title))).toEqual(expectedTitles);
    expect(stories).toHaveLength(expectedTitles.size);
    for (const story of stories) {
      expect(story.link).not.toMatch(/utm_|fbclid|gclid|mc_cid/);
      expect(Object.keys(story)).toEqual(expect.arrayContaining(['id', 'feed', 'title', 'link', 'published', 'summary']));
    }
    expect(stories.find((s) => s.feed === 'big5')!.link).toBe('https://example.org/big5/0?id=0');
    expect(stories.find((s) => s.feed === 'big5')!.published).toBe('2025-06-03T01:00:00.000Z');
    expect(stories.find((s) => s.feed === 'big5')).toMatchObject({ lang: 'cmn', bcp47: 'zh-Hant', topics: ['taiwan'] });
    expect(stories.find((s) => s.feed === 'gbk-as-gb2312' && s.title.startsWith('台湾'))).toMatchObject({ bcp47: 'zh-Hans', topics: ['taiwan'] });
    expect(stories.find((s) => s.feed === 'atom')).toMatchObject({ lang: 'eng', topics: ['apt'], groups: ['APT31'] });
    // stdout carries only the JSON lines; logs went to stderr and name the broken feed.
    expect(first.stdout.split('\n').filter(Boolean).every((line) => line.startsWith('{'))).toBe(true);
    expect(first.stderr).toContain('broken.xml');

    const before = server.requests.length;
    const second = await runCli(['poll', '--once', '--json', ...args], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe('');
    const conditional = server.requests.slice(before).filter((r) => r.path !== '/broken.xml');
    expect(conditional.length).toBe(CHARSET_FEEDS.length + 2);
    for (const request of conditional) {
      expect(request.headers['if-none-match'], request.path).toBeTruthy();
      expect(request.status, request.path).toBe(304);
    }
  });

  it('reports counts in stats --json', async () => {
    const result = await runCli(['stats', '--json', ...args], env);
    expect(result.code, result.stderr).toBe(0);
    const stats = JSON.parse(result.stdout) as {
      feeds: Record<string, number>;
      stories: number;
      unhealthyFeeds: Array<{ feed: string }>;
      summaries: { done: number; pending: number; fallback: number; model: string | null; usage: Record<string, number> };
    };
    expect(stats.stories).toBe(expectedTitles.size);
    expect(stats.feeds).toMatchObject({ total: CHARSET_FEEDS.length + 3, healthy: CHARSET_FEEDS.length + 2, failing: 1 });
    expect(stats.unhealthyFeeds.map((f) => f.feed)).toEqual(['broken']);
    // poll --once summarized every relevant story before exiting (extractive: no key here).
    expect(stats.summaries).toMatchObject({ pending: 0, fallback: 0, model: null, usage: { requestsToday: 0 } });
    expect(stats.summaries.done).toBeGreaterThan(0);
  });

  it('feeds check prints status, items, charset and format per feed, storing nothing', async () => {
    const result = await runCli(['feeds', 'check', '--json', 'big5', 'utf16', 'json', 'broken', ...args], env);
    expect(result.code).toBe(1);
    const checks = Object.fromEntries(jsonLines<{ feed: string }>(result.stdout).map((c) => [c.feed, c]));
    expect(checks.big5).toMatchObject({ status: 'ok', items: 2, charset: 'big5', format: 'rss' });
    expect(checks.utf16).toMatchObject({ status: 'ok', items: 2, charset: 'utf-16le' });
    expect(checks.json).toMatchObject({ status: 'ok', items: 1, format: 'json' });
    expect(checks.broken).toMatchObject({ status: 'failed', httpStatus: 503 });
  });

  it('run polls on schedule and closes the database cleanly on SIGTERM', async () => {
    const runDb = join(dir.path, 'run.sqlite');
    const child = spawnCli(['run', '--config', configPath, '--db', runDb], { ...env, LOG_LEVEL: 'info' });
    let stderr = '';
    await new Promise<void>((resolve) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        // Wait until it has stored something, so the shutdown has work and a database to close.
        if (stderr.includes('"feed refreshed"')) resolve();
      });
    });
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('"stopped"');
    expect(existsSync(`${runDb}-wal`)).toBe(false);
  });
});

describe('straitwatch errors', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('a bad feeds.json exits 2 with the key and the problem, no stack trace', async () => {
    const configPath = join(dir.path, 'bad.json');
    writeFileSync(configPath, JSON.stringify({ feeds: [{ id: 'x', url: 'not a url' }] }));
    const result = await runCli(['poll', '--once', '--config', configPath, '--db', join(dir.path, 'db.sqlite')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${configPath} is invalid`);
    expect(result.stderr).toContain('feeds[0].url: must be an http(s) URL');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown command fails, even with --help', async () => {
    const result = await runCli(['frobnicate', '--help']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });
});
