import type { StorySummary, SummaryInput } from '../core/summary.js';
import { digest } from '../core/story-id.js';
import type { Logger } from '../log/logger.js';
import type { SummaryStore } from '../store/summary-store.js';
import type { CircuitBreaker } from '../summarize/circuit-breaker.js';
import { extractiveSummary } from '../summarize/extractive-summary.js';
import { ModelCallError, type OpenAiSummaryClient } from '../summarize/openai-summary-client.js';

export interface SummaryBudget {
  requestsPerHour: number;
  tokensPerDay: number;
}

export interface SummaryServiceDeps {
  /** BCP 47 of the reader (SUMMARY_LANGUAGE). */
  language: string;
  /** Absent without OPENAI_API_KEY: every summary is extractive. */
  model?: OpenAiSummaryClient;
  breaker: CircuitBreaker;
  budget: SummaryBudget;
  store: SummaryStore;
  log: Logger;
  now: () => Date;
}

export interface SummaryResult {
  summary: StorySummary;
  /** True when a model is configured but this summary is extractive (API down, budget spent): redo it later. */
  fellBack: boolean;
}

/**
 * One summary per story, by the model when it can (cached by content, within budget, while the
 * breaker is closed), else by the embedded extractive summarizer. Never throws: a model outage
 * delays the good summary, it never loses the story.
 */
export class SummaryService {
  constructor(private readonly deps: SummaryServiceDeps) {}

  get modelConfigured(): boolean {
    return this.deps.model !== undefined;
  }

  /** The configured model's name, for reports. */
  get modelName(): string | undefined {
    return this.deps.model?.model;
  }

  private extractive(input: SummaryInput): StorySummary {
    const { headline, summary } = extractiveSummary(input, { topicTerms: input.topicTerms ?? [] });
    return { headline, originalHeadline: input.title, summary, language: input.lang ?? 'und', method: 'extractive' };
  }

  private overBudget(): string | undefined {
    const usage = this.deps.store.usage(this.deps.now());
    const { requestsPerHour, tokensPerDay } = this.deps.budget;
    if (usage.requestsThisHour >= requestsPerHour) return `${usage.requestsThisHour} requests this hour (OPENAI_MAX_REQUESTS_PER_HOUR=${requestsPerHour})`;
    if (usage.tokensToday >= tokensPerDay) return `${usage.tokensToday} tokens today (OPENAI_MAX_TOKENS_PER_DAY=${tokensPerDay})`;
    return undefined;
  }

  async summarize(input: SummaryInput): Promise<SummaryResult> {
    const { model, breaker, store, log, language } = this.deps;
    if (!model) return { summary: this.extractive(input), fellBack: false };
    const key = digest('summary', model.model, language, input.title, input.summary ?? '', input.content ?? '');
    const cached = store.cached(key);
    if (cached) return { summary: cached, fellBack: false };
    const budget = this.overBudget();
    if (budget) {
      log.warn({ storyId: input.id, budget }, 'summary budget spent; using the extractive summary');
      return { summary: this.extractive(input), fellBack: true };
    }
    if (!breaker.allow()) return { summary: this.extractive(input), fellBack: true };
    try {
      const result = await model.summarize(input, language);
      breaker.succeeded();
      store.recordModelCall(this.deps.now(), { tokens: result.tokens, failed: false });
      const summary: StorySummary = {
        headline: result.summary.headline,
        originalHeadline: input.title,
        summary: result.summary.summary,
        language,
        method: 'openai',
        model: result.model,
        tokens: result.tokens,
        modelTopics: result.summary.topics,
        modelGroups: result.summary.groups,
      };
      store.cache(key, summary, this.deps.now());
      return { summary, fellBack: false };
    } catch (error) {
      const failure = error instanceof ModelCallError ? error : new ModelCallError('network', String(error));
      breaker.failed(failure.retryAfterMs);
      store.recordModelCall(this.deps.now(), { tokens: 0, failed: true });
      log.warn({ storyId: input.id, code: failure.code, breaker: breaker.state }, `summary by the model failed; using the extractive one: ${failure.message}`);
      return { summary: this.extractive(input), fellBack: true };
    }
  }

  /**
   * Summarizes stored stories waiting for one (relevant, not yet summarized), and, while the
   * model answers, redoes those that fell back to extractive. Returns how many it handled.
   */
  async summarizePending(limit = 50): Promise<{ done: number; fellBack: number }> {
    const retryFallbacks = this.modelConfigured && this.deps.breaker.state !== 'open';
    const stories = this.deps.store.storiesNeedingSummary(limit, retryFallbacks);
    let done = 0;
    let fellBack = 0;
    for (const story of stories) {
      const { summary, fellBack: fell } = await this.summarize({
        id: story.id,
        title: story.title,
        summary: story.summary,
        content: story.content,
        lang: story.classification?.bcp47 ?? 'und',
        topics: story.classification?.topics ?? [],
        topicTerms: story.classification?.matched.map((m) => m.term.replace(/\*$/, '')) ?? [],
      });
      this.deps.store.saveSummary(story.id, summary, fell ? 'fallback' : 'done');
      if (fell) fellBack++;
      else done++;
    }
    return { done, fellBack };
  }
}
