import OpenAI from 'openai';
import type { SummaryInput } from '../core/summary.js';
import { SUMMARY_JSON_SCHEMA, summaryMessages } from './summary-prompt.js';
import { type ModelSummary, parseModelSummary } from './summary-response.js';

export type ModelErrorCode = 'rate-limited' | 'server-error' | 'timeout' | 'network' | 'malformed-json' | 'schema' | 'auth' | 'bad-request';

/** Why a model call failed, with what a caller needs to act: whether to retry, and when. */
export class ModelCallError extends Error {
  constructor(
    readonly code: ModelErrorCode,
    message: string,
    readonly retryAfterMs?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = `ModelCallError[${code}]`;
  }

  get retryable(): boolean {
    return this.code === 'rate-limited' || this.code === 'server-error' || this.code === 'timeout' || this.code === 'network';
  }
}

export interface ModelSummaryResult {
  summary: ModelSummary;
  tokens: number;
  model: string;
}

export interface OpenAiSummaryOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  /** Tries per story, the first included, for 429, 5xx, timeouts and network errors. */
  maxAttempts?: number;
  /** A Retry-After longer than this is not waited for: the story falls back and the breaker opens. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

function retryAfter(headers: Headers | undefined): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms && !Number.isNaN(Number(ms))) return Number(ms);
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function toModelError(error: unknown): ModelCallError {
  if (error instanceof ModelCallError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new ModelCallError('timeout', 'the model did not answer in time', undefined, { cause: error });
  if (error instanceof OpenAI.APIConnectionError) return new ModelCallError('network', `cannot reach the model: ${error.message}`, undefined, { cause: error });
  if (error instanceof OpenAI.APIError) {
    const status = error.status ?? 0;
    const wait = retryAfter(error.headers);
    if (status === 429) return new ModelCallError('rate-limited', `429 from the model API: ${error.message}`, wait, { cause: error });
    if (status >= 500) return new ModelCallError('server-error', `${status} from the model API: ${error.message}`, wait, { cause: error });
    if (status === 401 || status === 403) return new ModelCallError('auth', `${status} from the model API: check OPENAI_API_KEY`, undefined, { cause: error });
    return new ModelCallError('bad-request', `${status} from the model API: ${error.message}`, undefined, { cause: error });
  }
  return new ModelCallError('network', (error as Error)?.message ?? String(error), undefined, { cause: error });
}

/**
 * Summaries from any OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, vLLM, LM
 * Studio, llama.cpp, gateways), as structured JSON checked on return. Retries are ours, not the
 * SDK's, so a long Retry-After is reported to the breaker instead of being slept through.
 */
export class OpenAiSummaryClient {
  private readonly client: OpenAI;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: OpenAiSummaryOptions) {
    this.client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL ?? null, timeout: options.timeoutMs, maxRetries: 0 });
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  get model(): string {
    return this.options.model;
  }

  async summarize(story: SummaryInput, language: string): Promise<ModelSummaryResult> {
    const attempts = this.options.maxAttempts ?? 3;
    const maxWait = this.options.maxWaitMs ?? 10_000;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(story, language);
      } catch (raw) {
        const error = toModelError(raw);
        if (!error.retryable || attempt >= attempts) throw error;
        const wait = error.retryAfterMs ?? 500 * 2 ** (attempt - 1);
        if (wait > maxWait) throw error;
        await this.sleep(wait);
      }
    }
  }

  private async once(story: SummaryInput, language: string): Promise<ModelSummaryResult> {
    const completion = await this.client.chat.completions.create({
      model: this.options.model,
      messages: summaryMessages(story, language),
      response_format: { type: 'json_schema', json_schema: { name: 'story_summary', strict: true, schema: SUMMARY_JSON_SCHEMA as unknown as Record<string, unknown> } },
      temperature: 0.2,
      max_tokens: 600,
    });
    const parsed = parseModelSummary(completion.choices[0]?.message?.content);
    if (!parsed.ok) throw new ModelCallError(parsed.reason, `the model's answer was refused (${parsed.reason}): ${parsed.detail}`);
    return { summary: parsed.value, tokens: completion.usage?.total_tokens ?? 0, model: completion.model || this.options.model };
  }
}
