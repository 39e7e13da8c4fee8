import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadClusterSet } from '../eval/evaluate-clusters.js';
import { runCliWithInput } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const line = (o: Record<string, unknown>) => JSON.stringify(o);

describe('straitwatch cluster', () => {
  it('prints {"id", "story"} per input; reports of one event share "story"; bad lines are named', async () => {
    const input = [
      line({
        id: 'en',
        title: 'China offers bounties for 20 alleged Taiwan military hackers',
        summary: "Guangzhou police put bounties on 20 people they say work for Taiwan's ICEFC military cyber unit.",
        published: '2025-10-11T06:00:00Z',
        feed: 'focustaiwan',
        link: 'https://focustaiwan.tw/a',
      }),
      line({ id: 'zh', title: '廣州公安懸賞通緝20名國軍資通電軍成員', summary: '廣州市公安局懸賞通緝20名據稱隸屬資通電軍（ICEFC）的人員。', published: '2025-10-11T07:30:00Z', feed: 'cna' }),
      line({ id: 'other', title: 'Taiwan reports 30 Chinese military aircraft near the island', published: '2025-10-11T02:00:00Z', feed: 'focustaiwan' }),
      '{"id": "no-date", "title": "x"}',
    ].join('\n');
    const result = await runCliWithInput(['cluster'], input, { LOG_LEVEL: 'silent' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('straitwatch cluster: line 4: published:');
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; story: string });
    expect(lines).toEqual([
      { id: 'en', story: 'en' },
      { id: 'zh', story: 'en' },
      { id: 'other', story: 'other' },
    ]);
  });

  it('gives every line the story as it stands after the last input: a later report can merge two stories', async () => {
    // The Hualien earthquake (dev set): NHK and CNA start two stories, Yonhap's report merges them.
    const byId = new Map(loadClusterSet('dev').map((item) => [item.id, item]));
    const ids = ['c-dev-046', 'c-dev-047', 'c-dev-048', 'c-dev-049', 'c-dev-050', 'c-dev-052'];
    const input = ids.map((id) => {
      const { cluster: _label, ...report } = byId.get(id)!;
      return line(report);
    });
    // Merging is off by default: a config turns it on, with the thresholds it was tuned with.
    const dir = tempDir();
    const config = join(dir.path, 'feeds.json');
    writeFileSync(config, JSON.stringify({ feeds: [], clustering: { crossLanguage: 0.65, promptHours: 0, mergeLinks: 3 } }));
    const args = ['cluster', '--config', config];
    const before = await runCliWithInput(args, input.slice(0, -1).join('\n'), { LOG_LEVEL: 'silent' });
    expect(new Set(before.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { story: string }).story))).toEqual(new Set(['c-dev-046', 'c-dev-047']));
    const after = await runCliWithInput(args, input.join('\n'), { LOG_LEVEL: 'silent' });
    expect(after.code).toBe(0);
    expect(after.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; story: string })).toEqual(ids.map((id) => ({ id, story: 'c-dev-046' })));
  });

  it('--explain says why each report is where it is, and what it names', async () => {
    const input = [
      line({ id: 'en', title: 'China offers bounties for 20 alleged Taiwan military hackers', summary: "Guangzhou police put bounties on 20 people they say work for Taiwan's ICEFC military cyber unit.", published: '2025-10-11T06:00:00Z' }),
      line({ id: 'zh', title: '廣州公安懸賞通緝20名國軍資通電軍成員', summary: '廣州市公安局懸賞通緝20名據稱隸屬資通電軍（ICEFC）的人員。', published: '2025-10-11T07:30:00Z' }),
      line({ id: 'cake', title: 'Bakery wins prize for pineapple cake', published: '2025-10-11T08:00:00Z' }),
    ].join('\n');
    const result = await runCliWithInput(['cluster', '--explain'], input, { LOG_LEVEL: 'silent' });
    expect(result.code).toBe(0);
    const [en, zh, cake] = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(en).toMatchObject({ id: 'en', story: 'en', reason: 'new-story' });
    expect(en!.entities).toEqual(expect.arrayContaining(['org:icefc', 'place:guangzhou', 'num:20']));
    expect(zh).toMatchObject({ id: 'zh', story: 'en', reason: 'shared-entities', matched: 'en' });
    expect(zh!.similarity).toBeGreaterThanOrEqual(0.6);
    expect(zh!.entities).toEqual(expect.arrayContaining(['org:icefc', 'place:guangzhou', 'num:20']));
    expect(cake).toEqual({ id: 'cake', story: 'cake', reason: 'no-topic' });
  });

  it('without --explain prints only {"id", "story"}', async () => {
    const result = await runCliWithInput(['cluster'], line({ id: 'a', title: 'Taiwan reports 30 Chinese military aircraft', published: '2025-10-11T02:00:00Z' }), { LOG_LEVEL: 'silent' });
    expect(JSON.parse(result.stdout)).toEqual({ id: 'a', story: 'a' });
  });

  it('folds on names a config adds to the lexicon (clustering.concepts)', async () => {
    const input = [
      line({ id: 'en', title: "Pelosi lands in Taiwan, defying China's warnings", summary: 'U.S. House Speaker Nancy Pelosi arrived in Taipei late on Tuesday, the highest-ranking American official to visit the island in 25 years.', published: '2022-08-02T15:00:00Z' }),
      line({ id: 'ko', title: '펠로시 美하원의장 대만 도착…中 강력 반발', summary: '낸시 펠로시 미국 하원의장이 2일 밤 대만 타이베이에 도착했다. 중국은 강력히 반발했다.', published: '2022-08-02T16:00:00Z' }),
    ].join('\n');
    const without = await runCliWithInput(['cluster'], input, { LOG_LEVEL: 'silent' });
    expect(without.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { story: string }).story)).toEqual(['en', 'ko']);
    const dir = tempDir();
    const config = join(dir.path, 'feeds.json');
    const pelosi = { weight: 3, forms: { en: ['pelosi'], zh: ['佩洛西'], ja: ['ペロシ'], ko: ['펠로시'] } };
    writeFileSync(config, JSON.stringify({ feeds: [], clustering: { concepts: { 'person:nancy-pelosi': pelosi } } }));
    const withConcept = await runCliWithInput(['cluster', '--explain', '--config', config], input, { LOG_LEVEL: 'silent' });
    const lines = withConcept.stdout.trim().split('\n').map((l) => JSON.parse(l) as { story: string; entities: string[] });
    expect(lines.map((l) => l.story)).toEqual(['en', 'en']);
    expect(lines[1]!.entities).toContain('person:nancy-pelosi');
  });
});
