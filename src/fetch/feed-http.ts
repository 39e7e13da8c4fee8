import type { StraitwatchError } from '../core/errors.js';

export interface ConditionalRequest {
  url: string;
  /** Validators remembered from the last 200, sent as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  signal?: AbortSignal;
}

export type FetchOutcome =
  | { status: 'not-modified'; finalUrl: string; etag?: string; lastModified?: string }
  | {
      status: 'fetched';
      finalUrl: string;
      httpStatus: number;
      body: Buffer;
      contentType?: string;
      etag?: string;
      lastModified?: string;
      /** Set when a 301/308 moved the feed: the URL to tell the operator about. */
      movedTo?: string;
    }
  | { status: 'failed'; error: StraitwatchError; httpStatus?: number; retryAfterMs?: number };

/** The one thing the pipeline needs from HTTP. Tests hand it a real server, not a fake of this. */
export interface FeedHttp {
  get(request: ConditionalRequest): Promise<FetchOutcome>;
  close(): void;
}
