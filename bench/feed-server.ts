import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { FEED_VARIANTS, type FeedVariant, syntheticFeed } from './synthetic-feed.js';

/**
 * The benchmark's feed server, run as its own process so its CPU is not billed to the poller
 * being measured. Serves /feeds/N.xml?variant=headline|lead with ETag, Last-Modified, 304s and
 * gzip. Every body is built and compressed before the port is announced, so serving costs a write.
 *
 * Prints one JSON line when ready: { port, corpus }.
 */
interface Served {
  body: Buffer;
  gzip: Buffer;
  etag: string;
  lastModified: string;
}

const { values } = parseArgs({ options: { feeds: { type: 'string', default: '1000' }, items: { type: 'string', default: '50' } } });
const feeds = Number(values.feeds);
const items = Number(values.items);

const served = new Map<string, Served>();
const corpus: Record<string, { bytesPerFeed: number; gzipBytesPerFeed: number; titleChars: number; leadChars: number; languages: Record<string, number> }> = {};
for (const variant of FEED_VARIANTS) {
  let bytes = 0;
  let gzipBytes = 0;
  let titleChars = 0;
  let leadChars = 0;
  const languages: Record<string, number> = {};
  for (let index = 0; index < feeds; index++) {
    const feed = syntheticFeed(index, variant, items);
    const body = Buffer.from(feed.xml);
    const gzip = zlib.gzipSync(body);
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const lastModified = new Date(Date.UTC(2025, 5, 3, 12, 0, 0) - index * 60_000).toUTCString();
    served.set(`${variant}/${index}`, { body, gzip, etag, lastModified });
    bytes += body.length;
    gzipBytes += gzip.length;
    titleChars += feed.titleChars;
    leadChars += feed.leadChars;
    languages[feed.language] = (languages[feed.language] ?? 0) + 1;
  }
  corpus[variant] = {
    bytesPerFeed: Math.round(bytes / feeds),
    gzipBytesPerFeed: Math.round(gzipBytes / feeds),
    titleChars: Math.round(titleChars / (feeds * items)),
    leadChars: Math.round(leadChars / (feeds * items)),
    languages,
  };
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const match = /^\/feeds\/(\d+)\.xml$/.exec(url.pathname);
  const variant = (url.searchParams.get('variant') ?? 'headline') as FeedVariant;
  const feed = match && served.get(`${variant}/${match[1]}`);
  if (!feed) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const validators = { etag: feed.etag, 'last-modified': feed.lastModified, 'cache-control': 'max-age=300', vary: 'accept-encoding' };
  // RFC 9110 §13.1.3: If-None-Match, when present, decides; If-Modified-Since is then ignored.
  const inm = req.headers['if-none-match'];
  if (inm ? inm === feed.etag : req.headers['if-modified-since'] === feed.lastModified) {
    res.writeHead(304, validators).end();
    return;
  }
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const payload = gzip ? feed.gzip : feed.body;
  res.writeHead(200, {
    ...validators,
    'content-type': 'application/rss+xml; charset=utf-8',
    'content-length': String(payload.length),
    ...(gzip && { 'content-encoding': 'gzip' }),
  });
  res.end(payload);
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port, corpus })}\n`);
});

process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
