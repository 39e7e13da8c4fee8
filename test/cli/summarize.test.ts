import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAI } from '../support/fake-openai.js';
import { jsonLines, runCliWithInput } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

function summarize(input: string, env: Record<string, string>, db: string) {
  return runCliWithInput(['summarize', '--db', db], input, env);
}

const INPUT = [
  { id: 'a', title: 'APT31 targets ministries, officials say', summary: 'Officials attributed the campaign to APT31. The Czech foreign ministry was among the targets. Investigators found no data loss.' },
  { id: 'b', title: '臺灣國防部：共機擾台', summary: '國防部表示，今日偵獲共機20架次。其中12架次逾越中線。', lang: 'zh-Hant' },
  { id: 'c', title: 'Taiwan holds annual Han Kuang drills' },
]
  .map((line) => JSON.stringify(line))
  .join('\n');

type Line = { id: string; headline: string; originalHeadline: string; summary: string; language: string; method: string; model?: string; tokens?: number };

describe('straitwatch summarize', () => {
  let fake: FakeOpenAI;
  const dir = tempDir();
  beforeAll(async () => {
    fake = await FakeOpenAI.start();
  });
  afterAll(async () => {
    await fake.close();
    dir.cleanup();
  });

  it('with no key, summarizes extractively in the original language', async () => {
    const result = await summarize(`${INPUT}\n`, {}, join(dir.path, 'a.db'));
    expect(result.code, result.stderr).toBe(0);
    const [a, b, c] = jsonLines<Line>(result.stdout);
    expect(a).toMatchObject({ id: 'a', method: 'extractive', language: 'en', headline: 'APT31 targets ministries, officials say', originalHeadline: 'APT31 targets ministries, officials say' });
    expect(a!.summary.length).toBeLessThanOrEqual(400);
    expect(b).toMatchObject({ id: 'b', method: 'extractive', language: 'zh-Hant' });
    expect(b!.summary).toContain('國防部');
    // A story with only a title: the title is the summary.
    expect(c).toMatchObject({ id: 'c', summary: 'Taiwan holds annual Han Kuang drills' });
    expect(fake.calls).toHaveLength(0);
  });

  it('with a key, asks the model, and a second run answers from the cache', async () => {
    fake.answerByDefault({ content: { headline: 'Translated headline', summary: 'Two sentences. In English.', topics: ['apt'], groups: ['APT31'] }, tokens: 200 });
    const env = { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'fake-model', SUMMARY_LANGUAGE: 'en' };
    const db = join(dir.path, 'b.db');
    const first = await summarize(`${INPUT}\n`, env, db);
    expect(first.code, first.stderr).toBe(0);
    const lines = jsonLines<Line>(first.stdout);
    expect(lines.map((l) => l.method)).toEqual(['openai', 'openai', 'openai']);
    expect(lines[1]).toMatchObject({ headline: 'Translated headline', originalHeadline: '臺灣國防部：共機擾台', language: 'en', model: 'fake-model', tokens: 200 });
    const calls = fake.calls.length;
    const second = await summarize(`${INPUT}\n`, env, db);
    expect(jsonLines<Line>(second.stdout).map((l) => l.method)).toEqual(['openai', 'openai', 'openai']);
    expect(fake.calls.length).toBe(calls);
  });

  it('with the API down, falls back per story and still exits 0', async () => {
    fake.answerByDefault({ status: 500 });
    const result = await summarize(`${INPUT}\n`, { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: fake.baseURL }, join(dir.path, 'c.db'));
    expect(result.code, result.stderr).toBe(0);
    expect(jsonLines<Line>(result.stdout).map((l) => l.method)).toEqual(['extractive', 'extractive', 'extractive']);
  });
});
