import { describe, expect, it } from 'vitest';
import { jsonLines, runCliWithInput } from '../support/run-cli.js';

function classify(input: string, args: string[] = []) {
  return runCliWithInput(['classify', ...args], input);
}

describe('straitwatch classify', () => {
  it('answers one line per story with language, topics, scores, groups and matched terms', async () => {
    const input = [
      { id: 'en', title: 'Guangzhou police offer bounties for Taiwan military hackers', summary: 'They are accused of working for the ICEFC; the Czech foreign ministry blamed APT31 for a separate hack.' },
      { id: 'hant', title: '廣州公安懸賞通緝20名資通電軍人員', summary: '國防部表示，中共意圖製造寒蟬效應。' },
      { id: 'hans', title: '广州警方悬赏通缉台湾“资通电军”人员', feedLanguage: 'zh-Hans' },
      { id: 42, title: 'Violet Typhoon' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const result = await classify(`${input}\n`);
    expect(result.code, result.stderr).toBe(0);
    const rows = jsonLines<{ id: string; lang: string; bcp47: string; script: string; topics: string[]; scores: Record<string, number>; groups: string[]; matched: unknown[] }>(result.stdout);
    expect(rows.map((r) => r.id)).toEqual(['en', 'hant', 'hans', '42']);
    const [en, hant, hans, alias] = rows;
    expect(en).toMatchObject({ lang: 'eng', bcp47: 'en', script: 'Latn', groups: ['APT31'] });
    expect(en!.topics.sort()).toEqual(['apt', 'taiwan']);
    expect(en!.scores.taiwan).toBeGreaterThanOrEqual(0.5);
    expect(en!.matched.length).toBeGreaterThan(0);
    expect(hant).toMatchObject({ lang: 'cmn', bcp47: 'zh-Hant', script: 'Hant' });
    expect(hant!.topics).toContain('taiwan');
    expect(hans).toMatchObject({ bcp47: 'zh-Hans', script: 'Hans' });
    expect(hans!.topics).toContain('taiwan');
    expect(alias).toMatchObject({ groups: ['APT31'], topics: ['apt'] });
  });

  it('reports a bad line by number and goes on', async () => {
    const result = await classify('{"id":"a","title":"Taiwan"}\nnot json\n{"title":"no id"}\n{"id":"b","title":"APT41"}\n');
    expect(result.code).toBe(1);
    expect(jsonLines<{ id: string }>(result.stdout).map((r) => r.id)).toEqual(['a', 'b']);
    expect(result.stderr).toContain('line 2: not JSON');
    expect(result.stderr).toContain('line 3: id:');
  });
});
