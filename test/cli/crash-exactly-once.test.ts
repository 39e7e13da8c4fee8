import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../support/fake-discord.js';
import { FeedServer } from '../support/feed-server.js';
import { rss2 } from '../support/feeds.js';
import { runCli, spawnCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const CHANNEL = '777777777777777777';

describe('killing straitwatch between sending an alert and marking it sent', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('then restarting it leaves exactly one message', async () => {
    const feeds = await FeedServer.start();
    const discord = await FakeDiscord.start({ token: 'crash-token' });
    discord.addChannel(CHANNEL);
    const configPath = join(dir.path, 'feeds.json');
    const dbPath = join(dir.path, 'db.sqlite');
    writeFileSync(configPath, JSON.stringify({ feeds: [{ id: 'wire', url: feeds.url('/rss'), language: 'en' }], routes: [{ channel: CHANNEL, topics: ['taiwan'] }] }));
    const env = { STRAITWATCH_ALLOW_PRIVATE_NETWORKS: '1', DISCORD_TOKEN: 'crash-token', DISCORD_API_BASE: discord.apiBase, LOG_LEVEL: 'warn' };
    const args = ['poll', '--once', '--config', configPath, '--db', dbPath];

    feeds.route('/rss', { body: rss2([{ guid: 'old', title: 'Taiwan reports aircraft', link: 'https://example.org/old' }]) });
    expect((await runCli(args, env)).code).toBe(0); // seeds the feed: no alert

    feeds.route('/rss', { body: rss2([{ guid: 'new', title: 'Taiwan holds Han Kuang drills', link: 'https://example.org/new' }, { guid: 'old', title: 'Taiwan reports aircraft', link: 'https://example.org/old' }]) });
    // Discord makes the message at once but holds its answer: the process dies waiting for it.
    discord.nextResponses([{ status: 200, commit: true, holdMs: 30_000 }]);
    const child = spawnCli(args, env);
    await discord.waitForMessages(CHANNEL, 1);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));

    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare('SELECT state, batch IS NOT NULL AS claimed FROM outbox').all()).toEqual([{ state: 'sending', claimed: 1 }]);
    db.close();

    const restarted = await runCli(args, env);
    expect(restarted.code, restarted.stderr).toBe(0);
    expect(discord.messages(CHANNEL)).toHaveLength(1);
    const after = new Database(dbPath, { readonly: true });
    expect(after.prepare('SELECT state, message_id FROM outbox').all()).toEqual([{ state: 'sent', message_id: discord.messages(CHANNEL)[0]!.id }]);
    after.close();
    await discord.close();
    await feeds.close();
  }, 60_000);
});
