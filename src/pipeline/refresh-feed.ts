import type { FeedConfig } from '../config/schema.js';
import { type FeedState, emptyFeedState } from '../core/feed-state.js';
import { StraitwatchError, errorMessage } from '../core/errors.js';
import type { Destination } from '../core/alert.js';
import type { FeedFormat } from '../core/feed-item.js';
import type { Story } from '../core/story.js';
import { decodeBody } from '../fetch/decode-body.js';
import type { FeedHttp } from '../fetch/feed-http.js';
import type { Logger } from '../log/logger.js';
import { normalizeItem } from '../normalize/normalize-item.js';
import { parseFeed } from '../parse/parse-feed.js';
import type { Store } from '../store/store.js';
import type { Understand } from './understand-story.js';
import type { StoryClusterer } from './cluster-story.js';
import { type HealthChange, type PollPolicy, healthChange, nextPollAfterFailure, nextPollAfterSuccess } from './poll-policy.js';

export interface RefreshDeps {
  http: FeedHttp;
  /** Where a new story's alerts go (routes); none when absent. */
  route?: (story: Story) => Destination[];
  /** On a feed's first poll: post nothing from its backlog ("none"), or its newest N stories. */
  backlog?: 'none' | number;
  /** Language, topics and groups for each new story. */
  understand: Understand;
  /** Folds each new story into the story it reports (one alert per story); none when absent. */
  cluster?: StoryClusterer;
  store: Store;
  log: Logger;
  now: () => Date;
  random: () => number;
}

interface Fetched {
  itemCount: number;
  charset: string;
  format: FeedFormat;
}

export type RefreshOutcome =
  | ({ status: 'seeded' | 'refreshed'; stored: Story[]; health: HealthChange } & Fetched)
  | { status: 'not-modified'; health: HealthChange }
  | { status: 'failed'; error: StraitwatchError; consecutiveFailures: number; unhealthy: boolean; health: HealthChange };

/** Decode, parse and normalize one fetched body; pure apart from the clock it is given. */
async function readStories(feed: FeedConfig, body: Buffer, contentType: string | undefined, baseUrl: string, fetchedAt: Date) {
  const decoded = decodeBody(body, contentType, feed.charset);
  const parsed = await parseFeed(decoded.text);
  const stories = new Map<string, Story>();
  for (const item of parsed.items) {
    const story = normalizeItem(item, { feedId: feed.id, baseUrl, fetchedAt });
    // A feed listing one guid twice keeps its first (newest-first feeds put the latest version first).
    if (story && !stories.has(story.id)) stories.set(story.id, story);
  }
  return { stories: [...stories.values()], itemCount: parsed.items.length, charset: decoded.charset, format: parsed.format };
}

/**
 * Each new story's destinations. A feed's first poll finds its whole backlog new: by default none
 * of it is posted (only stories that appear after the bot first saw the feed are), or the newest N.
 */
function alertsFor(fresh: Story[], firstPoll: boolean, deps: RefreshDeps): Map<string, Destination[]> {
  const alerts = new Map<string, Destination[]>();
  if (!deps.route) return alerts;
  let eligible = fresh;
  if (firstPoll) {
    const backlog = deps.backlog ?? 'none';
    eligible = backlog === 'none' ? [] : [...fresh].sort((a, b) => b.published.localeCompare(a.published)).slice(0, backlog);
  }
  for (const story of eligible) {
    const destinations = deps.route(story);
    if (destinations.length) alerts.set(story.id, destinations);
  }
  return alerts;
}

/**
 * One feed through every stage: conditional GET, decode, parse, normalize, store. The only
 * place the stages meet. Never throws for a feed's own faults: they come back as `failed`.
 */
export async function refreshFeed(feed: FeedConfig, policy: PollPolicy, deps: RefreshDeps, signal?: AbortSignal): Promise<RefreshOutcome> {
  const log = deps.log.child({ feedId: feed.id });
  const stored = deps.store.feedState(feed.id);
  // A feed whose URL changed in feeds.json starts over: the old validators belong to the old URL.
  const before: FeedState = stored && stored.url === feed.url ? stored : { ...emptyFeedState(feed.id, feed.url), ...(stored?.firstSeenAt && { firstSeenAt: stored.firstSeenAt }) };
  const startedAt = deps.now();
  const attempt: FeedState = { ...before, lastAttemptAt: startedAt.toISOString() };

  const fail = (error: StraitwatchError, retryAfterMs?: number): RefreshOutcome => {
    const failures = before.consecutiveFailures + 1;
    const unhealthy = failures >= policy.unhealthyAfter;
    const after: FeedState = {
      ...attempt,
      lastStatus: 'failed',
      consecutiveFailures: failures,
      lastError: error.message,
      lastErrorCode: error.code,
      nextPollAt: nextPollAfterFailure(policy, failures, deps.now(), deps.random, retryAfterMs).toISOString(),
      ...(unhealthy && { unhealthySince: before.unhealthySince ?? deps.now().toISOString() }),
    };
    deps.store.saveFeedState(after);
    log.warn({ code: error.code, failures, nextPollAt: after.nextPollAt }, error.message);
    return { status: 'failed', error, consecutiveFailures: failures, unhealthy, health: healthChange(before, after) };
  };

  const succeeded = (extra: Partial<FeedState>): FeedState => {
    const { unhealthySince: _cleared, lastError: _e, lastErrorCode: _c, ...rest } = attempt;
    return {
      ...rest,
      ...extra,
      consecutiveFailures: 0,
      lastSuccessAt: deps.now().toISOString(),
      nextPollAt: nextPollAfterSuccess(policy, deps.now(), deps.random).toISOString(),
    };
  };

  const response = await deps.http.get({ url: feed.url, etag: before.etag, lastModified: before.lastModified, ...(signal && { signal }) });
  switch (response.status) {
    case 'failed':
      return fail(response.error, response.retryAfterMs);
    case 'not-modified': {
      const after = succeeded({ lastStatus: 'not-modified', ...(response.etag && { etag: response.etag }), ...(response.lastModified && { lastModified: response.lastModified }) });
      deps.store.saveFeedState(after);
      log.debug('not modified');
      return { status: 'not-modified', health: healthChange(before, after) };
    }
    case 'fetched': {
      let read: Awaited<ReturnType<typeof readStories>>;
      try {
        read = await readStories(feed, response.body, response.contentType, response.finalUrl, startedAt);
      } catch (error) {
        const wrapped = error instanceof StraitwatchError ? error : new StraitwatchError('parse-malformed', errorMessage(error), { cause: error });
        return fail(new StraitwatchError(wrapped.code, `feed "${feed.id}" (${feed.url}): ${wrapped.message}`, { cause: wrapped }));
      }
      const status = before.firstSeenAt ? 'refreshed' : 'seeded';
      const after = succeeded({
        lastStatus: status,
        etag: response.etag,
        lastModified: response.lastModified,
        firstSeenAt: before.firstSeenAt ?? startedAt.toISOString(),
        charset: read.charset,
        format: read.format,
        itemCount: read.itemCount,
        movedTo: response.movedTo,
      });
      // Most items of a refreshed feed are stored already: only new ones are classified.
      const known = deps.store.knownStoryIds(read.stories.map((story) => story.id));
      const fresh = read.stories.filter((story) => !known.has(story.id));
      for (const story of fresh) {
        story.classification = deps.understand({ title: story.title, summary: story.summary, content: story.content, feedLanguage: feed.language });
      }
      const alerts = alertsFor(fresh, status === 'seeded', deps);
      // A first poll's backlog is stored unfolded (it does not alert; folding thousands of old
      // items would dominate a cold start), except what it does alert.
      const clusterer = deps.cluster;
      const pastBacklog = (story: Story) => status === 'refreshed' || alerts.has(story.id);
      const embeddings = clusterer ? await clusterer.embed(fresh.filter(pastBacklog)) : undefined;
      const added = deps.store.commitRefresh({
        state: after,
        stories: fresh,
        alerts,
        ...(clusterer && { cluster: (story: Story) => (pastBacklog(story) ? clusterer.assign(story, embeddings?.get(story.id)) : undefined) }),
      });
      log.info({ status, items: read.itemCount, stored: added.length, charset: read.charset, format: read.format }, 'feed refreshed');
      if (response.movedTo) log.warn({ movedTo: response.movedTo }, 'feed moved permanently; update its url in feeds.json');
      return { status, stored: added, itemCount: read.itemCount, charset: read.charset, format: read.format, health: healthChange(before, after) };
    }
  }
}
