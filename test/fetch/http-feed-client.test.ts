import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedHttp, FetchOutcome } from '../../src/fetch/feed-http.js';
import { type HttpClientOptions, createHttpFeedClient } from '../../src/fetch/http-feed-client.js';
import { USER_AGENT } from '../../src/main.js';
import { type FeedResponse, FeedServer } from '../support/feed-server.js';
import { rss2 } from '../support/feeds.js';

const XML = rss2([{ guid: 'mnd-1', title: '臺灣國防部：共機擾台', link: 'https://www.mnd.gov.tw/news/1' }]);
const KIB = 1024;

const BASE: HttpClientOptions = {
  connectTimeoutMs: 5_000,
  timeoutMs: 5_000,
  maxBodyBytes: 64 * KIB,
  maxRedirects: 3,
  userAgent: USER_AGENT,
  allowPrivateNetworks: true,
};

let server: FeedServer;
const cleanups: Array<() => unknown> = [];

beforeEach(async () => {
  server = await FeedServer.start();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await server.close();
});

function client(overrides: Partial<HttpClientOptions> = {}): FeedHttp {
  const http = createHttpFeedClient({ ...BASE, ...overrides });
  cleanups.push(() => http.close());
  return http;
}

function fetched(outcome: FetchOutcome): Extract<FetchOutcome, { status: 'fetched' }> {
  if (outcome.status !== 'fetched') throw new Error(`expected fetched, got ${JSON.stringify(outcome)} (${outcome.status === 'failed' ? outcome.error.message : ''})`);
  return outcome;
}

function failed(outcome: FetchOutcome): Extract<FetchOutcome, { status: 'failed' }> {
  if (outcome.status !== 'failed') throw new Error(`expected failed, got ${outcome.status}`);
  return outcome;
}

/** A plain node:http server for answers FeedServer cannot give (stalled or endless bodies). */
async function rawHttpServer(handler: http.RequestListener): Promise<string> {
  const raw = http.createServer(handler);
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    raw.closeAllConnections();
    return new Promise((resolve) => raw.close(resolve));
  });
  return `http://127.0.0.1:${(raw.address() as AddressInfo).port}/feed`;
}

describe('200 and conditional GET', () => {
  it('fetches a 200 with its body, content type and validators', async () => {
    const url = server.route('/feed', { body: XML, headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
    const outcome = fetched(await client().get({ url }));
    expect(outcome.body.toString('utf8')).toBe(XML);
    expect(outcome).toMatchObject({
      finalUrl: url,
      httpStatus: 200,
      contentType: 'application/rss+xml; charset=utf-8',
      etag: expect.stringMatching(/^"[0-9a-f]{16}"$/),
      lastModified: 'Tue, 03 Jun 2025 12:00:00 GMT',
    });
    expect(outcome.movedTo).toBeUndefined();
  });

  it.each([
    { name: 'ETag and Last-Modified', useEtag: true, useLastModified: true },
    { name: 'ETag only', useEtag: true, useLastModified: false },
    { name: 'Last-Modified only', useEtag: false, useLastModified: true },
  ])('sends the validators of the last 200 back and reads a 304 as not-modified: $name', async ({ useEtag, useLastModified }) => {
    const url = server.route('/feed', { body: XML });
    const http = client();
    const first = fetched(await http.get({ url }));
    const second = await http.get({ url, ...(useEtag && { etag: first.etag }), ...(useLastModified && { lastModified: first.lastModified }) });
    expect(second).toEqual({ status: 'not-modified', finalUrl: url, etag: first.etag, lastModified: first.lastModified });
    const [plain, conditional] = server.requestsTo('/feed');
    expect(plain?.headers['if-none-match']).toBeUndefined();
    expect(plain?.headers['if-modified-since']).toBeUndefined();
    expect(conditional?.headers['if-none-match']).toBe(useEtag ? first.etag : undefined);
    expect(conditional?.headers['if-modified-since']).toBe(useLastModified ? first.lastModified : undefined);
    expect(conditional?.status).toBe(304);
  });

  it('a feed that changed answers 200 with the new body despite the old validators', async () => {
    const next = rss2([{ guid: 'mnd-2', title: 'APT41 釣魚郵件鎖定國防單位' }]);
    const url = server.route('/feed', (_req, count) => ({ body: count === 1 ? XML : next }));
    const http = client();
    const first = fetched(await http.get({ url }));
    const second = fetched(await http.get({ url, etag: first.etag, lastModified: first.lastModified }));
    expect(second.body.toString('utf8')).toBe(next);
    expect(second.etag).not.toBe(first.etag);
  });
});

describe('request headers', () => {
  it('names straitwatch and its URL in User-Agent and accepts gzip, deflate and br', async () => {
    const url = server.route('/feed', { body: XML });
    await client().get({ url });
    const headers = server.requestsTo('/feed')[0]?.headers ?? {};
    expect(headers['user-agent']).toBe(USER_AGENT);
    expect(headers['user-agent']).toMatch(/^straitwatch\/\S+ .*https?:\/\/\S+/);
    const accepted = (headers['accept-encoding'] ?? '').split(',').map((token) => token.trim());
    expect(accepted).toEqual(expect.arrayContaining(['gzip', 'deflate', 'br']));
    expect(headers.accept).toContain('application/rss+xml');
    expect(headers.accept).toContain('application/atom+xml');
    expect(headers.accept).toContain('application/feed+json');
  });
});

describe('compression', () => {
  it.each<{ name: string; response: FeedResponse }>([
    { name: 'gzip', response: { body: XML, encoding: 'gzip' } },
    { name: 'br', response: { body: XML, encoding: 'br' } },
    { name: 'deflate (zlib)', response: { body: XML, encoding: 'deflate' } },
    // Some servers send raw DEFLATE, without the zlib header, under "deflate".
    { name: 'deflate (raw)', response: { body: zlib.deflateRawSync(XML), headers: { 'content-encoding': 'deflate' } } },
    { name: 'x-gzip', response: { body: zlib.gzipSync(XML), headers: { 'content-encoding': 'x-gzip' } } },
  ])('decompresses a $name body', async ({ response }) => {
    const url = server.route('/feed', response);
    expect(fetched(await client().get({ url })).body.toString('utf8')).toBe(XML);
  });
});

describe('body-size cap', () => {
  const cap = BASE.maxBodyBytes;
  const big = Buffer.alloc(cap + KIB, 'a');
  const zeros = Buffer.alloc(32 * 1024 * KIB);

  it.each<{ name: string; response: FeedResponse & { body: Buffer } }>([
    { name: 'over the cap, with Content-Length', response: { body: big, headers: { 'content-length': String(big.length) } } },
    { name: 'over the cap, chunked without Content-Length', response: { body: big } },
    { name: 'gzip bomb: small compressed, huge decompressed', response: { body: zlib.gzipSync(zeros), headers: { 'content-encoding': 'gzip' } } },
    { name: 'brotli bomb', response: { body: zlib.brotliCompressSync(zeros), headers: { 'content-encoding': 'br' } } },
  ])('fails fetch-too-large: $name', async ({ response }) => {
    const url = server.route('/feed', response);
    expect(response.body.length).toBeLessThan(10 * cap); // the bombs really are small on the wire
    const outcome = failed(await client().get({ url }));
    expect(outcome.error.code).toBe('fetch-too-large');
    expect(outcome.error.message).toContain(url);
  });

  it.each([
    { name: 'plain', response: { body: Buffer.alloc(cap, 'a') } },
    { name: 'gzip', response: { body: Buffer.alloc(cap, 'a'), encoding: 'gzip' as const } },
  ])('takes a $name body of exactly the cap', async ({ response }) => {
    const url = server.route('/feed', response);
    expect(fetched(await client().get({ url })).body.length).toBe(cap);
  });

  it('refuses a declared Content-Length over the cap before any body arrives', async () => {
    const url = await rawHttpServer((_req, res) => {
      res.writeHead(200, { 'content-length': String(100 * cap) });
      res.flushHeaders(); // and then silence: only the header can fail this fast
    });
    expect(failed(await client().get({ url })).error.code).toBe('fetch-too-large');
  });

  it('cuts an endless chunked body at the cap', async () => {
    const chunk = Buffer.alloc(16 * KIB, 'x');
    const url = await rawHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    expect(failed(await client().get({ url })).error.code).toBe('fetch-too-large');
  });
});

describe('timeouts', () => {
  it('fails fetch-timeout when the answer comes after timeoutMs', async () => {
    const url = server.route('/feed', { body: XML, delayMs: 3_000 });
    const outcome = failed(await client({ timeoutMs: 300 }).get({ url }));
    expect(outcome.error.code).toBe('fetch-timeout');
    expect(outcome.error.message).toBe(`GET ${url}: no complete answer within 300 ms`);
  });

  it('fails fetch-timeout when the body stalls after the headers', async () => {
    const url = await rawHttpServer((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('<?xml version="1.0"?><rss>');
    });
    expect(failed(await client({ timeoutMs: 300 }).get({ url })).error.code).toBe('fetch-timeout');
  });

  it('fails fetch-timeout (the total deadline) when the socket is accepted but never answered', async () => {
    const { url } = await silentServer();
    const outcome = failed(await client({ timeoutMs: 300 }).get({ url }));
    expect(outcome.error.code).toBe('fetch-timeout');
    expect(outcome.error.message).toContain('no complete answer');
  });

  it('still times out when a garbage collection runs during the request', { timeout: 5_000 }, async () => {
    const { url, accepted } = await silentServer();
    const pending = client({ timeoutMs: 300 }).get({ url });
    await accepted;
    collectGarbage();
    expect(failed(await pending).error.code).toBe('fetch-timeout');
  });

  it('fails fetch-timeout on connect when the listener never completes the handshake', async () => {
    const port = await listenerWithFullBacklog();
    const outcome = failed(await client({ connectTimeoutMs: 200, timeoutMs: 10_000 }).get({ url: `http://127.0.0.1:${port}/feed` }));
    expect(outcome.error.code).toBe('fetch-timeout');
    expect(outcome.error.message).toBe(`GET http://127.0.0.1:${port}/feed: no connection within 200 ms`);
  });
});

/** A TCP server that accepts connections and never says a word. */
async function silentServer(): Promise<{ url: string; accepted: Promise<void> }> {
  const sockets: net.Socket[] = [];
  let onAccept: () => void = () => undefined;
  const accepted = new Promise<void>((resolve) => (onAccept = resolve));
  const silent = net.createServer((socket) => {
    sockets.push(socket);
    onAccept();
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    sockets.forEach((socket) => socket.destroy());
    return new Promise((resolve) => silent.close(resolve));
  });
  return { url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/feed`, accepted };
}

/** A full collection, as under memory pressure; `gc` is only reachable once the flag is set. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/**
 * A listener whose accept queue is full: a child Node process listens with backlog 1 and then
 * blocks its event loop, so it never accepts; once filler sockets take the queue, the kernel drops
 * further SYNs and a connect hangs. That is the one way to get a pure connect timeout without network.
 */
async function listenerWithFullBacklog(): Promise<number> {
  const script = `
    const s = require('node:net').createServer();
    s.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
      require('node:fs').writeSync(1, s.address().port + '\\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    });`;
  const child: ChildProcess = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => child.kill());
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (data: Buffer) => resolve(Number(data.toString().trim())));
    child.once('exit', (code) => reject(new Error(`listener exited with ${code}`)));
  });
  const fillers = Array.from({ length: 4 }, () => net.connect(port, '127.0.0.1').on('error', () => undefined));
  cleanups.push(() => fillers.forEach((socket) => socket.destroy()));
  // backlog 1 holds at least two completed handshakes; the other fillers keep it full if it holds more.
  await Promise.all(fillers.slice(0, 2).map((socket) => new Promise((resolve) => socket.once('connect', resolve))));
  return port;
}

describe('redirects', () => {
  it.each([
    { name: '301 sets movedTo', status: 301, movedTo: true },
    { name: '308 sets movedTo', status: 308, movedTo: true },
    { name: '302 does not', status: 302, movedTo: false },
    { name: '307 does not', status: 307, movedTo: false },
  ])('follows a redirect: $name', async ({ status, movedTo }) => {
    server.route('/old', { status, headers: { location: '/feed' } });
    const url = server.route('/feed', { body: XML });
    const outcome = fetched(await client().get({ url: server.url('/old') }));
    expect(outcome.finalUrl).toBe(url);
    expect(outcome.body.toString('utf8')).toBe(XML);
    expect(outcome.movedTo).toBe(movedTo ? url : undefined);
  });

  it('follows a chain of exactly maxRedirects hops', async () => {
    server.route('/r1', { status: 302, headers: { location: '/r2' } });
    server.route('/r2', { status: 302, headers: { location: server.url('/r3') } });
    server.route('/r3', { status: 307, headers: { location: 'feed' } });
    const url = server.route('/feed', { body: XML });
    expect(fetched(await client({ maxRedirects: 3 }).get({ url: server.url('/r1') })).finalUrl).toBe(url);
  });

  it('fails a chain longer than maxRedirects without fetching its end', async () => {
    for (const [from, to] of [['/r1', '/r2'], ['/r2', '/r3'], ['/r3', '/r4'], ['/r4', '/feed']]) server.route(from!, { status: 302, headers: { location: to! } });
    server.route('/feed', { body: XML });
    const outcome = failed(await client({ maxRedirects: 3 }).get({ url: server.url('/r1') }));
    expect(outcome.error.code).toBe('fetch-too-many-redirects');
    expect(server.requestsTo('/feed')).toHaveLength(0);
  });

  it.each([
    { name: 'to itself', routes: [['/a', '/a']] },
    { name: 'between two URLs', routes: [['/a', '/b'], ['/b', '/a']] },
  ])('fails a redirect loop $name', async ({ routes }) => {
    for (const [from, to] of routes) server.route(from!, { status: 301, headers: { location: to! } });
    const outcome = failed(await client({ maxRedirects: 10 }).get({ url: server.url('/a') }));
    expect(outcome.error.code).toBe('fetch-too-many-redirects');
    expect(outcome.error.message).toContain('loop');
  });

  it('refuses a redirect to a scheme other than http and https', async () => {
    server.route('/old', { status: 302, headers: { location: 'file:///etc/passwd' } });
    expect(failed(await client().get({ url: server.url('/old') })).error.code).toBe('fetch-bad-url');
  });
});

describe('HTTP error statuses', () => {
  it.each([
    { name: '429 with Retry-After seconds', status: 429, retryAfter: '120', retryAfterMs: 120_000 },
    { name: '503 with Retry-After seconds', status: 503, retryAfter: '120', retryAfterMs: 120_000 },
    { name: '429 without Retry-After', status: 429, retryAfter: undefined, retryAfterMs: undefined },
    // Retry-After only means "come back later" on 429 and 503.
    { name: '500 with Retry-After', status: 500, retryAfter: '120', retryAfterMs: undefined },
  ])('$name', async ({ status, retryAfter, retryAfterMs }) => {
    const url = server.route('/feed', { status, body: 'slow down', headers: retryAfter ? { 'retry-after': retryAfter } : {} });
    const outcome = failed(await client().get({ url }));
    expect(outcome.error.code).toBe('fetch-http-status');
    expect(outcome.httpStatus).toBe(status);
    expect(outcome.retryAfterMs).toBe(retryAfterMs);
  });

  it('reads an HTTP-date Retry-After as the time left until then', async () => {
    const at = Math.ceil(Date.now() / 1000) * 1000 + 120_000;
    const url = server.route('/feed', { status: 503, headers: { 'retry-after': new Date(at).toUTCString() } });
    const before = Date.now();
    const outcome = failed(await client().get({ url }));
    const after = Date.now();
    expect(outcome.httpStatus).toBe(503);
    // The client reads the clock somewhere between before and after.
    expect(outcome.retryAfterMs).toBeGreaterThanOrEqual(at - after);
    expect(outcome.retryAfterMs).toBeLessThanOrEqual(at - before);
  });

  it.each([
    { status: 404, text: 'Not Found' },
    { status: 500, text: 'Internal Server Error' },
  ])('fails $status with fetch-http-status naming the URL and status', async ({ status, text }) => {
    const url = server.route('/feed', { status, body: 'nope' });
    const outcome = failed(await client().get({ url }));
    expect(outcome.error.code).toBe('fetch-http-status');
    expect(outcome.httpStatus).toBe(status);
    expect(outcome.error.message).toBe(`GET ${url}: ${status} ${text}`);
  });
});

describe('network failures, bad URLs and aborts', () => {
  it('fails fetch-network when the connection is refused', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const url = `http://127.0.0.1:${port}/feed`;
    const outcome = failed(await client().get({ url }));
    expect(outcome.error.code).toBe('fetch-network');
    expect(outcome.error.message).toContain(url);
    expect(outcome.error.message).toContain('ECONNREFUSED');
  });

  it.each([
    { name: 'not a URL', url: 'cna rss feed' },
    { name: 'ftp', url: 'ftp://ftp.example.org/feed.xml' },
  ])('fails fetch-bad-url: $name', async ({ url }) => {
    const outcome = failed(await client().get({ url }));
    expect(outcome.error.code).toBe('fetch-bad-url');
    expect(outcome.error.message).toContain(url);
  });

  it('aborts an answer in flight when the caller aborts', async () => {
    const controller = new AbortController();
    const url = server.route('/feed', () => {
      controller.abort();
      return { body: XML, delayMs: 3_000 };
    });
    const outcome = failed(await client().get({ url, signal: controller.signal }));
    expect(outcome.error.code).toBe('fetch-network');
    expect(outcome.error.message).toContain('aborted');
  });

  it('fails at once with a signal that is already aborted', async () => {
    const url = server.route('/feed', { body: XML });
    const outcome = failed(await client().get({ url, signal: AbortSignal.abort() }));
    expect(outcome.error.code).toBe('fetch-network');
    expect(outcome.error.message).toContain('aborted');
  });
});

describe('private networks refused (allowPrivateNetworks: false)', () => {
  it.each([
    { name: 'loopback literal', url: (port: number) => `http://127.0.0.1:${port}/feed` },
    { name: 'a host name resolving to loopback', url: (port: number) => `http://localhost:${port}/feed` },
    { name: 'shorthand loopback 127.1', url: (port: number) => `http://127.1:${port}/feed` },
    { name: 'decimal loopback 2130706433', url: (port: number) => `http://2130706433:${port}/feed` },
    { name: 'IPv6 loopback', url: (port: number) => `http://[::1]:${port}/feed` },
    { name: 'IPv4-mapped IPv6 loopback', url: (port: number) => `http://[::ffff:127.0.0.1]:${port}/feed` },
    { name: 'unspecified 0.0.0.0', url: (port: number) => `http://0.0.0.0:${port}/feed` },
  ])('refuses $name with fetch-blocked-address and sends nothing', async ({ url }) => {
    server.route('/feed', { body: XML });
    const outcome = failed(await client({ allowPrivateNetworks: false }).get({ url: url(server.port) }));
    expect(outcome.error.code).toBe('fetch-blocked-address');
    expect(server.requests).toHaveLength(0);
  });
});
