import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SearchRequest } from '../src/pipeline/search.js';
import type { RunnerReply } from './search-query-runner.js';

/** A query's latency, or the timeout it ran past (its real latency is unknown, only larger). */
export type Timing = { ms: number; results: number } | { timedOutMs: number };

const RUNNER = fileURLToPath(new URL('search-query-runner.ts', import.meta.url));

/**
 * Runs searches one at a time in a child process; a query still running after `timeoutMs` is
 * killed with its process, and the next query starts a fresh one (its SQLite page cache cold,
 * the OS cache still warm). `restarts` counts those.
 */
export class TimedSearch {
  private child: ChildProcess | undefined;
  restarts = 0;

  constructor(private readonly db: string) {}

  private async start(): Promise<ChildProcess> {
    const child = fork(RUNNER, ['--db', this.db], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`search-query-runner exited with ${code} before it was ready`)));
    });
    child.removeAllListeners('exit');
    this.child = child;
    return child;
  }

  async run(request: SearchRequest, timeoutMs: number): Promise<Timing> {
    const child = this.child ?? (await this.start());
    return new Promise<Timing>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.removeAllListeners('message');
        child.removeAllListeners('exit');
        child.kill('SIGKILL');
        this.child = undefined;
        this.restarts++;
        resolve({ timedOutMs: timeoutMs });
      }, timeoutMs);
      child.once('exit', (code) => {
        clearTimeout(timer);
        this.child = undefined;
        reject(new Error(`search-query-runner exited with ${code} during ${JSON.stringify(request)}`));
      });
      child.once('message', (reply: RunnerReply) => {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        if ('error' in reply) reject(new Error(reply.error));
        else resolve(reply);
      });
      child.send(request);
    });
  }

  close(): void {
    this.child?.kill('SIGTERM');
    this.child = undefined;
  }
}
