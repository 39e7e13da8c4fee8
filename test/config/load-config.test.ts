import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnvironment } from '../../src/config/environment.js';
import { configJsonSchema } from '../../src/config/json-schema.js';
import { loadConfig, parseConfig } from '../../src/config/load-config.js';
import { StraitwatchError } from '../../src/core/errors.js';
import { tempDir } from '../support/temp-dir.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const dir = tempDir();
afterAll(() => dir.cleanup());

function errorOf(fn: () => unknown): StraitwatchError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(StraitwatchError);
    return error as StraitwatchError;
  }
  throw new Error('expected an error');
}

describe('parseConfig', () => {
  it.each([
    { name: 'feeds missing', json: {}, says: 'feeds: ' },
    { name: 'url not http(s)', json: { feeds: [{ id: 'a', url: 'ftp://x.org/rss' }] }, says: 'feeds[0].url: must be an http(s) URL' },
    { name: 'id with capitals', json: { feeds: [{ id: 'CNA', url: 'https://x.org/rss' }] }, says: 'feeds[0].id: must be 1-64 lowercase' },
    { name: 'bad interval', json: { feeds: [{ id: 'a', url: 'https://x.org/rss', interval: '5 minutes' }] }, says: 'feeds[0].interval: must be a duration such as "90s"' },
    { name: 'interval too short', json: { feeds: [{ id: 'a', url: 'https://x.org/rss', interval: '5s' }] }, says: 'feeds[0].interval: must be at least 30s' },
    { name: 'misspelt feed key', json: { feeds: [{ id: 'a', url: 'https://x.org/rss', langauge: 'en' }] }, says: 'feeds[0]: unknown key "langauge"' },
    { name: 'misspelt top-level key', json: { feeds: [], rotues: [] }, says: 'unknown key "rotues"' },
    { name: 'duplicate id', json: { feeds: [{ id: 'a', url: 'https://x.org/1' }, { id: 'a', url: 'https://x.org/2' }] }, says: 'feeds[1].id: duplicate feed id "a" (first used at feeds[0])' },
    { name: 'bad language tag', json: { feeds: [{ id: 'a', url: 'https://x.org/rss', language: 'Chinese' }] }, says: 'feeds[0].language: must be a BCP 47 tag' },
    { name: 'polling out of range', json: { feeds: [], polling: { concurrency: 0 } }, says: 'polling.concurrency: ' },
    {
      name: 'a concept id without a kind',
      json: { feeds: [], clustering: { concepts: { pelosi: { forms: { en: ['pelosi'] } } } } },
      says: 'clustering.concepts.pelosi: an id such as "person:nancy-pelosi"',
    },
    {
      name: 'a concept form of one letter',
      json: { feeds: [], clustering: { concepts: { 'person:x': { forms: { en: ['x'] } } } } },
      says: 'clustering.concepts.person:x.forms.en[0]: ',
    },
    {
      name: 'a concept that implies an unknown one',
      json: { feeds: [], clustering: { concepts: { 'org:spd-berlin': { implies: ['org:nowhere'], forms: { de: ['spd berlin'] } } } } },
      says: 'clustering.concepts: "org:spd-berlin" implies "org:nowhere", which is no concept',
    },
    {
      name: 'a concept stem too short',
      json: { feeds: [], clustering: { concepts: { 'place:ab': { forms: { en: ['ab*'] } } } } },
      says: 'clustering.concepts: stem "ab*" of "place:ab" is shorter than 3 letters',
    },
  ])('names the key and the problem: $name', ({ json, says }) => {
    const error = errorOf(() => parseConfig(json, 'feeds.json'));
    expect(error.code).toBe('config-invalid');
    expect(error.message).toContain('feeds.json is invalid');
    expect(error.message).toContain(says);
  });

  it('fills defaults and accepts routes and topics', () => {
    const config = parseConfig({ feeds: [{ id: 'a', url: 'https://x.org/rss' }], routes: [{ channel: '123456789012345678', topics: ['taiwan'] }], topics: { x: {} } }, 'f');
    expect(config.feeds[0]).toMatchObject({ interval: '5m', tags: [], enabled: true });
    expect(config.polling.concurrency).toBe(16);
    expect(config.routes).toHaveLength(1);
  });
});

describe('loadConfig', () => {
  it('names the file when it is not JSON', () => {
    const path = join(dir.path, 'broken.json');
    writeFileSync(path, '{"feeds": [,]}');
    expect(errorOf(() => loadConfig(path)).message).toMatch(new RegExp(`^${path} is not valid JSON`));
  });

  it('says how to point at another file when it is missing', () => {
    const error = errorOf(() => loadConfig(join(dir.path, 'missing.json')));
    expect(error.code).toBe('config-unreadable');
    expect(error.message).toContain('--config FILE or set STRAITWATCH_CONFIG');
  });
});

describe('the shipped feeds.json', () => {
  const config = loadConfig(join(repoRoot, 'feeds.json'));

  it('has at least 40 feeds in at least 8 languages', () => {
    expect(config.feeds.length).toBeGreaterThanOrEqual(40);
    const languages = new Set(config.feeds.map((f) => f.language?.split('-')[0]));
    expect(languages.size).toBeGreaterThanOrEqual(8);
    const chinese = new Set(config.feeds.map((f) => f.language).filter((l) => l?.startsWith('zh')));
    expect(chinese).toEqual(new Set(['zh-Hant', 'zh-Hans']));
  });

  it('points $schema at a schema file generated from the same zod definition', () => {
    const raw = JSON.parse(readFileSync(join(repoRoot, 'feeds.json'), 'utf8')) as { $schema: string };
    const committed = JSON.parse(readFileSync(join(repoRoot, raw.$schema), 'utf8')) as unknown;
    // If this fails, run `npm run schema` and commit feeds.schema.json.
    expect(committed).toEqual(configJsonSchema());
  });
});

describe('readEnvironment', () => {
  it('names the variable and the value it rejects', () => {
    const error = errorOf(() => readEnvironment({ LOG_LEVEL: 'loud' }));
    expect(error.message).toContain('LOG_LEVEL');
    expect(error.message).toContain('"loud"');
  });

  it.each([
    { value: '1', allowed: true },
    { value: 'true', allowed: true },
    { value: '0', allowed: false },
    { value: undefined, allowed: false },
  ])('STRAITWATCH_ALLOW_PRIVATE_NETWORKS=$value', ({ value, allowed }) => {
    expect(readEnvironment(value === undefined ? {} : { STRAITWATCH_ALLOW_PRIVATE_NETWORKS: value }).STRAITWATCH_ALLOW_PRIVATE_NETWORKS).toBe(allowed);
  });
});
