import type { Command } from 'commander';
import { type Environment, readEnvironment } from '../config/environment.js';
import { type App, createApp } from '../main.js';

export interface StoreOptions {
  config?: string;
  db?: string;
}

/** Adds the options every command takes. */
export function withStoreOptions(command: Command): Command {
  return command
    .option('-c, --config <file>', 'feeds.json to use (default ./feeds.json, or STRAITWATCH_CONFIG)')
    .option('--db <path>', 'SQLite database file (default ./data/straitwatch.db, or STRAITWATCH_DB)');
}

export function resolvePaths(options: StoreOptions, env: Environment): { configPath: string; dbPath: string } {
  return { configPath: options.config ?? env.STRAITWATCH_CONFIG, dbPath: options.db ?? env.STRAITWATCH_DB };
}

/** Opens the app for one command and closes it however the command ends. */
export async function withApp<T>(options: StoreOptions, body: (app: App) => Promise<T>, extra: { consoleOut?: NodeJS.WritableStream } = {}): Promise<T> {
  const env = readEnvironment();
  const app = createApp({ ...resolvePaths(options, env), env, ...extra });
  try {
    return await body(app);
  } finally {
    app.close();
  }
}
