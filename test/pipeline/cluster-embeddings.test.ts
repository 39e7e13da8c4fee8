import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { StoryClusterer, clusterThresholds } from '../../src/pipeline/cluster-story.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { SqliteClusterIndex } from '../../src/store/sqlite-cluster-index.js';
import { OpenAiEmbeddingClient } from '../../src/summarize/openai-embedding-client.js';
import { FakeOpenAI } from '../support/fake-openai.js';
import { understanding } from '../support/pipeline-harness.js';
import { makeStory } from '../support/stories.js';

const understand = understanding();
const report = (id: string, title: string, summary: string, published = '2025-10-11T06:00:00.000Z') =>
  makeStory({ id, title, summary, published, classification: understand({ title, summary }) });

const EN = report('en', 'Guangzhou police offer rewards for Taiwan military hackers', 'Chinese police accused a Taiwanese military cyber unit of attacks and offered rewards.');
const ZH = report('zh', '广州警方悬赏通缉台湾军方黑客', '广州公安指控台湾军方网络部队发动攻击并发布悬赏。', '2025-10-11T08:00:00.000Z');
const SPORTS = makeStory({ id: 'sports', title: 'Local club wins the cup', classification: understand({ title: 'Local club wins the cup' }) });

/** The fake's "model": reports about the bounties point one way, anything else another. */
const vectorOf = (text: string) => (/bount|reward|悬赏|懸賞/i.test(text) ? [0.9, 0.1, 0.05] : [0.05, 0.2, 0.95]);

describe('embeddings as cross-language evidence, from an OpenAI-compatible endpoint on loopback', () => {
  let openai: FakeOpenAI;
  beforeAll(async () => {
    openai = await FakeOpenAI.start();
  });
  afterAll(() => openai.close());

  // Entity evidence off, so only the embeddings can fold these two.
  const embeddingsOnly = { ...clusterThresholds(), crossLanguage: Number.POSITIVE_INFINITY, crossLanguageWeak: Number.POSITIVE_INFINITY, promptHours: 0 };
  const clusterer = (client: OpenAiEmbeddingClient) => {
    const store = openSqliteStore(':memory:');
    return { store, clusterer: new StoryClusterer(new SqliteClusterIndex(store.db), embeddingsOnly, client, silentLogger()) };
  };
  const client = () => new OpenAiEmbeddingClient({ apiKey: 'k', baseURL: openai.baseURL, model: 'text-embedding-3-small', timeoutMs: 2000 });

  it('folds an English and a Chinese report whose embeddings agree; only relevant stories are embedded, in one call', async () => {
    openai.embedWith(vectorOf);
    const before = openai.embedded.length;
    const { store, clusterer: c } = clusterer(client());
    const vectors = await c.embed([EN, ZH, SPORTS]);
    expect([...vectors.keys()]).toEqual(['en', 'zh']);
    expect(openai.embedded.length - before).toBe(2);
    expect(c.assign(EN, vectors.get('en'))?.clusterId).toBe('en');
    expect(c.assign(ZH, vectors.get('zh'))?.clusterId).toBe('en');
    expect(c.assign(SPORTS)).toBeUndefined();
    store.close();
  });

  it('an embeddings outage folds less but loses nothing; after three failures the endpoint is left alone for a while', async () => {
    openai.embedWith(vectorOf, 5);
    const { store, clusterer: c } = clusterer(client());
    for (let i = 0; i < 3; i++) expect((await c.embed([EN, ZH])).size).toBe(0);
    const embeddedBefore = openai.embedded.length;
    expect((await c.embed([EN, ZH])).size).toBe(0);
    expect(openai.embedded.length).toBe(embeddedBefore);
    expect(c.assign(EN)?.clusterId).toBe('en');
    expect(c.assign(ZH)?.clusterId).toBe('zh');
    store.close();
  });
});
