import { EventEmitter } from 'node:events';
import { type RunCoordinator, type ScheduledTask, createTask } from 'node-cron';
import pLimit from 'p-limit';
import type { Config, FeedConfig } from '../config/schema.js';
import { errorMessage } from '../core/errors.js';
import { pollPolicyFor } from '../pipeline/poll-policy-for-feed.js';
import { type RefreshDeps, type RefreshOutcome, refreshFeed } from '../pipeline/refresh-feed.js';
import { dueFeeds, firstPollOffsets } from './due-feeds.js';

export interface SchedulerOptions {
  /** Follow-up work after a tick (summaries, then alert delivery); one run at a time, beside the polls. */
  afterTick?: () => Promise<unknown>;
  /** node-cron pattern of the dispatch tick; every 5 s by default. Each tick starts whatever is due. */
  tickPattern?: string;
  /** Spread of the first polls after start-up. */
  startSpreadMs?: number;
  /** Several instances on one database: only the instance holding a feed's lease polls it. */
  coordinator?: RunCoordinator;
}

export interface SchedulerEvents {
  outcome: [feed: FeedConfig, outcome: RefreshOutcome];
}

/**
 * Polls each feed at its own interval. One node-cron task ticks; due feeds (per their stored
 * next-poll time, which carries backoff and Retry-After) go through a global concurrency limit.
 * A fixed cron expression per feed could not express "5 minutes after the last success, or
 * later while failing", which is what politeness needs.
 */
export class FeedScheduler extends EventEmitter<SchedulerEvents> {
  private readonly limit;
  private readonly busy = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private firstPollAt = new Map<string, number>();
  private task: ScheduledTask | undefined;
  private stopping = false;

  constructor(
    private readonly config: Config,
    private readonly deps: RefreshDeps,
    private readonly options: SchedulerOptions = {},
  ) {
    super();
    this.limit = pLimit(config.polling.concurrency);
  }

  start(): void {
    this.firstPollAt = firstPollOffsets(this.config.feeds, this.deps.now(), this.options.startSpreadMs ?? 30_000, this.deps.random);
    this.task = createTask(this.options.tickPattern ?? '*/5 * * * * *', () => this.tick(), { name: 'straitwatch-dispatch', noOverlap: true });
    void this.task.start();
    this.deps.log.info({ feeds: this.config.feeds.filter((f) => f.enabled).length, concurrency: this.config.polling.concurrency }, 'scheduler started');
    this.tick();
  }

  /** Starts every due feed; returns how many it started. Called by the cron task. */
  tick(): number {
    if (this.stopping) return 0;
    // Stories stored since the last tick join the search index in one batch.
    this.deps.store.indexPendingStories();
    const states = new Map(this.deps.store.allFeedStates().map((state) => [state.feedId, state]));
    const due = dueFeeds(this.config.feeds, states, this.firstPollAt, this.busy, this.deps.now());
    for (const feed of due) {
      this.busy.add(feed.id);
      const run = this.limit(() => this.poll(feed)).then((outcome) => {
        this.busy.delete(feed.id);
        this.running.delete(run);
        // Emitted once the feed is free again, so a listener may tick at once.
        if (outcome) this.emit('outcome', feed, outcome);
      });
      this.running.add(run);
    }
    this.startSummaries();
    return due.length;
  }

  private summarizing: Promise<void> | undefined;

  /** Summaries and deliveries are slow (network calls): one run goes beside the polls, never two. */
  private startSummaries(): void {
    const summarize = this.options.afterTick;
    if (!summarize || this.summarizing) return;
    this.summarizing = summarize()
      .then(() => undefined)
      .catch((error: unknown) => this.deps.log.error({ err: error }, `summarizing or delivering failed: ${errorMessage(error)}`))
      .finally(() => (this.summarizing = undefined));
  }

  private async poll(feed: FeedConfig): Promise<RefreshOutcome | undefined> {
    if (this.stopping) return undefined;
    const policy = pollPolicyFor(feed, this.config.polling);
    const key = `feed:${feed.id}`;
    try {
      if (this.options.coordinator && !(await this.options.coordinator.shouldRun(key, this.config.polling.timeoutMs * 2))) return undefined;
      return await refreshFeed(feed, policy, this.deps, this.abort.signal);
    } catch (error) {
      // refreshFeed reports feed faults as outcomes; reaching here is a bug or the store failing.
      this.deps.log.error({ feedId: feed.id, err: error }, `poll crashed: ${errorMessage(error)}`);
      return undefined;
    } finally {
      await this.options.coordinator?.onComplete?.(key);
    }
  }

  /** Stops ticking, lets in-flight polls finish for up to `graceMs`, then aborts them. */
  async stop(graceMs = this.config.polling.shutdownGraceMs): Promise<void> {
    this.stopping = true;
    await this.task?.destroy();
    this.limit.clearQueue();
    const all = Promise.allSettled([...this.running]);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
    if ((await Promise.race([all, grace])) === 'timeout') {
      this.deps.log.warn({ inFlight: this.running.size }, 'aborting in-flight polls');
      this.abort.abort(new Error('shutting down'));
      await all;
    }
    clearTimeout(timer);
    await this.summarizing;
  }
}
