import OpenAI from 'openai';
import { CircuitBreaker } from './circuit-breaker.js';
import { toModelError } from './openai-summary-client.js';

export interface OpenAiEmbeddingOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  breaker?: CircuitBreaker;
}

/**
 * Embeddings for cross-language clustering from any OpenAI-compatible endpoint. Optional
 * evidence: when the endpoint fails or its breaker is open, stories cluster without it (on
 * entities and near-duplicate signatures), so an outage never delays or drops a story.
 */
export class OpenAiEmbeddingClient {
  private readonly client: OpenAI;
  private readonly breaker: CircuitBreaker;

  constructor(private readonly options: OpenAiEmbeddingOptions) {
    this.client = new OpenAI({ apiKey: options.apiKey, ...(options.baseURL && { baseURL: options.baseURL }), timeout: options.timeoutMs, maxRetries: 0 });
    this.breaker = options.breaker ?? new CircuitBreaker({ failureThreshold: 3, cooldownMs: 60_000 });
  }

  get model(): string {
    return this.options.model;
  }

  /** One vector per text, in order, or why there are none (the caller goes on without). */
  async embed(texts: readonly string[]): Promise<{ vectors: number[][] } | { error: string }> {
    if (texts.length === 0) return { vectors: [] };
    if (!this.breaker.allow()) return { error: 'embeddings endpoint paused after repeated failures' };
    try {
      const response = await this.client.embeddings.create({ model: this.options.model, input: [...texts], encoding_format: 'float' });
      const vectors = [...response.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
      if (vectors.length !== texts.length || vectors.some((v) => !Array.isArray(v) || v.length === 0)) throw new Error(`expected ${texts.length} embeddings, got ${vectors.length}`);
      this.breaker.succeeded();
      return { vectors };
    } catch (raw) {
      const error = toModelError(raw);
      this.breaker.failed(error.retryAfterMs);
      return { error: error.message };
    }
  }
}
