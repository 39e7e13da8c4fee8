import { describe, expect, it } from 'vitest';
import { runCliWithInput } from '../support/run-cli.js';

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
});
