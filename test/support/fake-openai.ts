import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** The assistant message content (for 200s); a string is sent as is, an object as JSON. */
  content?: string | Record<string, unknown>;
  /** A raw body instead of a chat completion. */
  body?: string;
  delayMs?: number;
  tokens?: number;
}

export interface RecordedCall {
  path: string;
  body: { model: string; messages: Array<{ role: string; content: string }>; response_format?: { type: string; json_schema?: { name: string; schema: unknown } } };
  authorization?: string;
}

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1:0. Each call takes the next queued
 * answer, else the default one (set with `answerByDefault`). Every call is recorded.
 */
export class FakeOpenAI {
  readonly calls: RecordedCall[] = [];
  private readonly queue: FakeAnswer[] = [];
  private fallback: FakeAnswer = { content: { headline: 'A headline', summary: 'A summary.', topics: [], groups: [] } };
  private readonly server = http.createServer((req, res) => void this.handle(req, res));

  static async start(): Promise<FakeOpenAI> {
    const fake = new FakeOpenAI();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get baseURL(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  answer(...answers: FakeAnswer[]): this {
    this.queue.push(...answers);
    return this;
  }

  answerByDefault(answer: FakeAnswer): this {
    this.fallback = answer;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Texts sent to /embeddings, in order, and how the fake turns a text into a vector. */
  readonly embedded: string[] = [];
  private embedder: ((text: string) => number[]) | undefined;
  private embeddingFailures = 0;

  /** Answers /embeddings with `vectorOf(text)` per input; the next `failures` calls get a 500. */
  embedWith(vectorOf: (text: string) => number[], failures = 0): this {
    this.embedder = vectorOf;
    this.embeddingFailures = failures;
    return this;
  }

  private embeddings(res: http.ServerResponse, body: { model?: string; input?: string | string[] }): void {
    if (!this.embedder || this.embeddingFailures > 0) {
      this.embeddingFailures = Math.max(0, this.embeddingFailures - 1);
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'fake embeddings error', type: 'server_error' } }));
      return;
    }
    const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ''];
    this.embedded.push(...inputs);
    const data = inputs.map((text, index) => ({ object: 'embedding', index, embedding: this.embedder!(text) }));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 8, total_tokens: 8 } }));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (req.url?.endsWith('/embeddings')) return this.embeddings(res, JSON.parse(raw || '{}') as { model?: string; input?: string | string[] });
    const body = JSON.parse(raw || '{}') as RecordedCall['body'];
    this.calls.push({ path: req.url ?? '', body, ...(req.headers.authorization && { authorization: req.headers.authorization }) });
    const answer = this.queue.shift() ?? this.fallback;
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (res.destroyed) return;
    const status = answer.status ?? 200;
    const headers = { 'content-type': 'application/json', ...answer.headers };
    if (answer.body !== undefined || status !== 200) {
      res.writeHead(status, headers).end(answer.body ?? JSON.stringify({ error: { message: `fake error ${status}`, type: 'server_error' } }));
      return;
    }
    const content = typeof answer.content === 'string' ? answer.content : JSON.stringify(answer.content);
    const tokens = answer.tokens ?? 120;
    res.writeHead(200, headers).end(
      JSON.stringify({
        id: `chatcmpl-${this.calls.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: tokens - 40, completion_tokens: 40, total_tokens: tokens },
      }),
    );
  }
}
