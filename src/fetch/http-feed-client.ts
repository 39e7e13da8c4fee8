import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { StraitwatchError, errorMessage } from '../core/errors.js';
import type { ConditionalRequest, FeedHttp, FetchOutcome } from './feed-http.js';
import { assertPublicHost, publicOnlyLookup } from './guard-address.js';
import { parseRetryAfter } from './retry-after.js';

export interface HttpClientOptions {
  connectTimeoutMs: number;
  timeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  userAgent: string;
  allowPrivateNetworks: boolean;
  /** Sockets per host; feeds of one outlet share a keep-alive pool. */
  maxSocketsPerHost?: number;
}

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

interface RawResponse {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function header(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function createHttpFeedClient(options: HttpClientOptions): FeedHttp {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSocketsPerHost ?? 8, scheduling: 'lifo' as const };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };

  const fail = (code: StraitwatchError['code'], message: string, extra: Partial<Extract<FetchOutcome, { status: 'failed' }>> = {}): FetchOutcome => ({
    status: 'failed',
    error: new StraitwatchError(code, message),
    ...extra,
  });

  function requestOnce(url: URL, request: ConditionalRequest, deadline: AbortSignal): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const protocol = url.protocol as 'http:' | 'https:';
      const headers: http.OutgoingHttpHeaders = { 'user-agent': options.userAgent, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br' };
      if (request.etag) headers['if-none-match'] = request.etag;
      if (request.lastModified) headers['if-modified-since'] = request.lastModified;
      const req = (protocol === 'https:' ? https : http).request(url, {
        method: 'GET',
        headers,
        agent: agents[protocol],
        signal: deadline,
        ...(options.allowPrivateNetworks ? {} : { lookup: publicOnlyLookup }),
      });
      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        const timer = setTimeout(
          () => req.destroy(new StraitwatchError('fetch-timeout', `GET ${url.href}: no connection within ${options.connectTimeoutMs} ms`)),
          options.connectTimeoutMs,
        );
        socket.once('connect', () => clearTimeout(timer));
        socket.once('close', () => clearTimeout(timer));
      });
      req.on('error', reject);
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        const declared = Number(header(res.headers, 'content-length') ?? NaN);
        if (declared > options.maxBodyBytes) {
          res.destroy();
          return reject(new StraitwatchError('fetch-too-large', `GET ${url.href}: body of ${declared} bytes exceeds the ${options.maxBodyBytes}-byte cap`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBodyBytes) {
            res.destroy(new StraitwatchError('fetch-too-large', `GET ${url.href}: body exceeds the ${options.maxBodyBytes}-byte cap`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () => resolve({ status, statusText: res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.end();
    });
  }

  async function decompress(url: URL, response: RawResponse): Promise<Buffer> {
    const encoding = (header(response.headers, 'content-encoding') ?? '').trim().toLowerCase();
    const limits = { maxOutputLength: options.maxBodyBytes };
    try {
      if (encoding === 'gzip' || encoding === 'x-gzip') return await gunzip(response.body, limits);
      if (encoding === 'br') return await brotli(response.body, limits);
      if (encoding === 'deflate') {
        // Some servers send raw DEFLATE under "deflate"; a zlib header has CM=8 in its low nibble.
        return (response.body[0]! & 0x0f) === 8 ? await inflate(response.body, limits) : await inflateRaw(response.body, limits);
      }
      return response.body;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new StraitwatchError('fetch-too-large', `GET ${url.href}: decompressed body exceeds the ${options.maxBodyBytes}-byte cap`);
      }
      throw new StraitwatchError('fetch-network', `GET ${url.href}: cannot decode ${encoding} body: ${errorMessage(error)}`, { cause: error });
    }
  }

  async function get(request: ConditionalRequest): Promise<FetchOutcome> {
    // A timer we hold, not AbortSignal.timeout(): a timeout signal reachable only through AbortSignal.any()
    // can be garbage-collected before it fires, and the request then never ends (nodejs/node#57736).
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new DOMException(`no answer within ${options.timeoutMs} ms`, 'TimeoutError')), options.timeoutMs);
    try {
      return await getWithin(request, AbortSignal.any([timeout.signal, ...(request.signal ? [request.signal] : [])]));
    } finally {
      clearTimeout(timer);
    }
  }

  async function getWithin(request: ConditionalRequest, deadline: AbortSignal): Promise<FetchOutcome> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return fail('fetch-bad-url', `"${request.url}" is not a valid URL`);
    }
    let movedTo: string | undefined;
    const visited = new Set<string>();
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('fetch-bad-url', `${url.href}: only http and https feeds are fetched`);
      try {
        if (!options.allowPrivateNetworks) assertPublicHost(url.hostname);
        visited.add(url.href);
        const response = await requestOnce(url, request, deadline);
        const location = header(response.headers, 'location');
        if (REDIRECTS.has(response.status) && location) {
          const next = new URL(location, url);
          if (visited.has(next.href)) return fail('fetch-too-many-redirects', `GET ${request.url}: redirect loop at ${next.href}`);
          if (hop >= options.maxRedirects) return fail('fetch-too-many-redirects', `GET ${request.url}: more than ${options.maxRedirects} redirects`);
          if ((response.status === 301 || response.status === 308) && hop === 0) movedTo = next.href;
          url = next;
          continue;
        }
        const etag = header(response.headers, 'etag');
        const lastModified = header(response.headers, 'last-modified');
        if (response.status === 304) {
          return { status: 'not-modified', finalUrl: url.href, ...(etag && { etag }), ...(lastModified && { lastModified }) };
        }
        if (response.status < 200 || response.status > 299) {
          const retryAfterMs = response.status === 429 || response.status === 503 ? parseRetryAfter(header(response.headers, 'retry-after'), new Date()) : undefined;
          return fail('fetch-http-status', `GET ${url.href}: ${response.status} ${response.statusText}`.trim(), {
            httpStatus: response.status,
            ...(retryAfterMs !== undefined && { retryAfterMs }),
          });
        }
        const contentType = header(response.headers, 'content-type');
        return {
          status: 'fetched',
          finalUrl: url.href,
          httpStatus: response.status,
          body: await decompress(url, response),
          ...(contentType && { contentType }),
          ...(etag && { etag }),
          ...(lastModified && { lastModified }),
          ...(movedTo && { movedTo }),
        };
      } catch (error) {
        return { status: 'failed', error: toFetchError(url, error, deadline, options.timeoutMs) };
      }
    }
  }

  return {
    get,
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

function toFetchError(url: URL, error: unknown, deadline: AbortSignal, timeoutMs: number): StraitwatchError {
  if (error instanceof StraitwatchError) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof StraitwatchError) return cause;
  if (deadline.aborted) {
    const reason = deadline.reason as Error | undefined;
    if (reason?.name === 'TimeoutError') return new StraitwatchError('fetch-timeout', `GET ${url.href}: no complete answer within ${timeoutMs} ms`, { cause: error });
    return new StraitwatchError('fetch-network', `GET ${url.href}: aborted (${reason?.message ?? 'shutdown'})`, { cause: error });
  }
  return new StraitwatchError('fetch-network', `GET ${url.href}: ${errorMessage(error)}`, { cause: error });
}
