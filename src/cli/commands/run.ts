import { hostname } from 'node:os';
import type { Command } from 'commander';
import { readEnvironment } from '../../config/environment.js';
import { createApp } from '../../main.js';
import { StraitwatchBot } from '../../bot/straitwatch-bot.js';
import { feedHealthNotice } from '../../pipeline/ops-notices.js';
import { FeedScheduler } from '../../scheduler/feed-scheduler.js';
import { SqliteLeaseCoordinator } from '../../store/sqlite-lease-coordinator.js';
import { type StoreOptions, resolvePaths, withStoreOptions } from '../context.js';

/** Runs until SIGINT or SIGTERM, then finishes in-flight polls and closes the database. */
export async function runScheduler(options: StoreOptions): Promise<void> {
  const env = readEnvironment();
  const app = createApp({ ...resolvePaths(options, env), env });
  const instance = env.STRAITWATCH_INSTANCE;
  const scheduler = new FeedScheduler(app.config, app.deps, {
    afterTick: async () => {
      await app.summaries.summarizePending(20);
      await app.deliver();
    },
    ...(instance && { coordinator: new SqliteLeaseCoordinator(app.store.db, `${instance}@${hostname()}`) }),
  });
  app.retryBrokenRoutes();
  // With a bot token, answer slash commands too (the gateway connection is only for those).
  const bot = env.DISCORD_TOKEN
    ? new StraitwatchBot({ token: env.DISCORD_TOKEN, ...(env.DISCORD_API_BASE && { apiBase: env.DISCORD_API_BASE }), app, log: app.log.child({ stage: 'bot' }) })
    : undefined;
  await bot?.start().catch((error: unknown) => app.log.error({ err: error }, `could not log in to Discord; alerts still go out over REST: ${(error as Error).message}`));
  scheduler.on('outcome', (feed, outcome) => {
    const notice = feedHealthNotice({ feed, outcome });
    if (notice) void app.ops(notice);
  });
  scheduler.start();
  await new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals) => {
      app.log.info({ signal }, 'shutting down');
      process.off('SIGINT', shutdown);
      process.off('SIGTERM', shutdown);
      Promise.all([scheduler.stop(), bot?.stop()])
        .catch((error: unknown) => app.log.error({ err: error }, 'scheduler did not stop cleanly'))
        .finally(() => {
          app.close();
          app.log.info('stopped');
          resolve();
        });
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
}

export function registerRun(program: Command): void {
  withStoreOptions(program.command('run').description('run the bot: poll every feed on its schedule until stopped')).action((options: StoreOptions) =>
    runScheduler(options),
  );
}
