import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/**
 * The root logger: JSON lines on stderr (stdout belongs to command output such as `--json`),
 * pretty-printed when stderr is a terminal. Level from LOG_LEVEL (default "info").
 */
export function createLogger(options: { level?: string; pretty?: boolean } = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  const usePretty = options.pretty ?? process.stderr.isTTY === true;
  const base = { level, base: { name: 'straitwatch' } };
  if (usePretty) return pino(base, pretty({ destination: 2, colorize: true, sync: true, ignore: 'pid,hostname,name' }));
  return pino(base, pino.destination({ fd: 2, sync: true }));
}

/** A logger that drops everything, for library use and tests that assert on outcomes instead. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
