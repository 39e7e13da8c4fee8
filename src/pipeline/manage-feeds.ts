import { type FeedConfig, FeedSchema } from '../config/schema.js';
import { formatIssuePath } from '../config/load-config.js';
import { StraitwatchError } from '../core/errors.js';
import type { FeedHttp } from '../fetch/feed-http.js';
import { type FeedCheck, checkFeed } from './check-feed.js';
import type { LiveSettings } from './live-settings.js';

export interface AddFeedRequest {
  url: string;
  id: string;
  language?: string;
}

/**
 * Adds a feed from Discord, only once it has proved itself: the definition validates, neither
 * its id nor its URL is polled already, and a test fetch (through the same guarded client the
 * scheduler uses, so private addresses are refused) parses as a feed. Nothing is stored otherwise.
 */
export async function addFeed(settings: LiveSettings, http: FeedHttp, request: AddFeedRequest, by: string): Promise<{ feed: FeedConfig; check: FeedCheck }> {
  const parsed = FeedSchema.safeParse({ id: request.id.trim(), url: request.url.trim(), ...(request.language && { language: request.language.trim() }) });
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${formatIssuePath(issue.path)} ${issue.message}`).join('; ');
    throw new StraitwatchError('setting-refused', reasons);
  }
  const feed = parsed.data;
  if (settings.originOf(feed.id)) throw new StraitwatchError('setting-refused', `a feed with id "${feed.id}" exists already; pick another id`);
  const sameUrl = settings.feeds().find((known) => known.url === feed.url);
  if (sameUrl) throw new StraitwatchError('setting-refused', `"${sameUrl.id}" polls this URL already`);
  const check = await checkFeed(feed, http);
  if (check.status !== 'ok') {
    const why = check.errorCode === 'fetch-blocked-address' ? `refused: ${check.error}` : `the test fetch failed: ${check.error}`;
    throw new StraitwatchError('setting-refused', `${why}; the feed was not added`);
  }
  settings.addFeed(feed, by);
  return { feed, check };
}
