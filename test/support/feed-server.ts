import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

export interface FeedResponse {
  status?: number;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Answer 304 to a matching If-None-Match / If-Modified-Since (default true for 200s). */
  conditional?: boolean;
  /** Compress the body when the client accepts it. */
  encoding?: 'gzip' | 'br' | 'deflate';
  /** Hold the answer this long (ms); the request is still recorded at once. */
  delayMs?: number;
}

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  status: number;
}

type Route = FeedResponse | ((request: http.IncomingMessage, count: number) => FeedResponse);

/**
 * A feed server on 127.0.0.1:0 that answers like real news sites: ETag and Last-Modified with
 * 304s, compression on request, any status and header a test sets. Every request is recorded.
 */
export class FeedServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, Route>();
  private readonly counts = new Map<string, number>();
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private readonly lastModified = new Date(Date.UTC(2025, 5, 3, 12, 0, 0)).toUTCString();

  static async start(): Promise<FeedServer> {
    const server = new FeedServer();
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    return server;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Serves `response` at `path` from now on (replacing what was there). */
  route(path: string, response: Route): string {
    this.routes.set(path, response);
    return this.url(path);
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const count = (this.counts.get(path) ?? 0) + 1;
    this.counts.set(path, count);
    const record: RecordedRequest = { path, headers: req.headers, status: 0 };
    this.requests.push(record);
    const route = this.routes.get(path);
    const response: FeedResponse = typeof route === 'function' ? route(req, count) : (route ?? { status: 404, body: 'not found' });
    if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
    if (res.destroyed) return;
    const status = response.status ?? 200;
    const body = typeof response.body === 'string' ? Buffer.from(response.body) : (response.body ?? Buffer.alloc(0));
    const headers: Record<string, string> = { ...response.headers };
    if (status === 200 && response.conditional !== false) {
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      headers.etag ??= etag;
      headers['last-modified'] ??= this.lastModified;
      // RFC 9110 §13.1.3: If-None-Match, when present, decides; If-Modified-Since is then ignored.
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      if (inm ? inm === headers.etag : ims === headers['last-modified']) {
        record.status = 304;
        res.writeHead(304, { etag: headers.etag, 'last-modified': headers['last-modified'] });
        res.end();
        return;
      }
    }
    let payload = body;
    if (response.encoding && (req.headers['accept-encoding'] ?? '').includes(response.encoding)) {
      payload = response.encoding === 'gzip' ? zlib.gzipSync(body) : response.encoding === 'br' ? zlib.brotliCompressSync(body) : zlib.deflateSync(body);
      headers['content-encoding'] = response.encoding;
    }
    record.status = status;
    res.writeHead(status, headers);
    res.end(payload);
  }
}
