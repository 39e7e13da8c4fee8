import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach } from 'vitest';
import { readEnvironment } from '../../src/config/environment.js';
import { type App, createApp } from '../../src/main.js';
import { silentLogger } from '../../src/log/logger.js';
import { FakeDiscord } from './fake-discord.js';
import { FeedServer } from './feed-server.js';
import { tempDir } from './temp-dir.js';

export interface LoopbackApp {
  feeds: FeedServer;
  discord: FakeDiscord;
  /** Writes `config` as feeds.json and starts the app on it, with a bot token and the Discord stand-in. */
  open(config: Record<string, unknown>): App;
}

/**
 * For a describe block: before each test, a feed server and a Discord stand-in with `channel` on
 * loopback; after it, the app the test opened and both servers are closed. Each test gets its own
 * database.
 */
export function loopbackApp(channel: string): LoopbackApp {
  const dir = tempDir();
  let run = 0;
  let app: App | undefined;
  const loopback = {
    open(config: Record<string, unknown>): App {
      const configPath = join(dir.path, `feeds-${run}.json`);
      writeFileSync(configPath, JSON.stringify(config));
      const env = readEnvironment({ STRAITWATCH_ALLOW_PRIVATE_NETWORKS: '1', DISCORD_TOKEN: 'test-token', DISCORD_API_BASE: loopback.discord.apiBase, LOG_LEVEL: 'silent' });
      app = createApp({ configPath, dbPath: join(dir.path, `db-${run}.sqlite`), env, log: silentLogger(), consoleOut: new PassThrough() });
      return app;
    },
  } as LoopbackApp;
  beforeEach(async () => {
    run++;
    loopback.feeds = await FeedServer.start();
    loopback.discord = await FakeDiscord.start({ token: 'test-token' });
    loopback.discord.addChannel(channel);
  });
  afterEach(async () => {
    app?.close();
    app = undefined;
    await loopback.discord.close();
    await loopback.feeds.close();
  });
  return loopback;
}
