import type { FeedConfig } from '../config/schema.js';
import { StraitwatchError, errorMessage } from '../core/errors.js';
import { decodeBody } from '../fetch/decode-body.js';
import type { FeedHttp } from '../fetch/feed-http.js';
import { parseFeed } from '../parse/parse-feed.js';

export interface FeedCheck {
  feed: string;
  url: string;
  status: 'ok' | 'failed';
  httpStatus?: number;
  items?: number;
  charset?: string;
  format?: string;
  title?: string;
  ms: number;
  error?: string;
  /** The error's code (e.g. fetch-blocked-address), so callers branch on data. */
  errorCode?: string;
}

/** Fetches and parses one feed unconditionally, storing nothing: a health report for `feeds check` and `/feeds check`. */
export async function checkFeed(feed: FeedConfig, http: FeedHttp, now: () => number = performance.now.bind(performance)): Promise<FeedCheck> {
  const started = now();
  const base = { feed: feed.id, url: feed.url };
  const response = await http.get({ url: feed.url });
  const ms = () => Math.round(now() - started);
  if (response.status === 'failed') {
    return { ...base, status: 'failed', ...(response.httpStatus && { httpStatus: response.httpStatus }), ms: ms(), error: response.error.message, errorCode: response.error.code };
  }
  if (response.status === 'not-modified') return { ...base, status: 'failed', httpStatus: 304, ms: ms(), error: '304 to an unconditional request' };
  try {
    const decoded = decodeBody(response.body, response.contentType, feed.charset);
    const parsed = await parseFeed(decoded.text);
    return {
      ...base,
      status: 'ok',
      httpStatus: response.httpStatus,
      items: parsed.items.length,
      charset: decoded.charset,
      format: parsed.format,
      ...(parsed.title && { title: parsed.title.trim() }),
      ms: ms(),
    };
  } catch (error) {
    return {
      ...base,
      status: 'failed',
      httpStatus: response.httpStatus,
      ms: ms(),
      error: errorMessage(error),
      ...(error instanceof StraitwatchError && { errorCode: error.code }),
    };
  }
}
