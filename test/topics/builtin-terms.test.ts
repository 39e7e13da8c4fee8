import { describe, expect, it } from 'vitest';
import { createUnderstanding } from '../../src/pipeline/understand-story.js';

// Terms of the built-in lexicons that headlines use in place of the obvious words: Korean
// headlines write 중국 as 中 and 북한 as 北; Japanese ones say "government-backed hackers";
// Taiwanese media write 全台 for the whole island, 藍委 for KMT legislators, 核三 for Maanshan.
const understand = createUnderstanding({ topics: {} });

describe('built-in lexicon terms from real headlines', () => {
  it.each([
    { title: '米財務省 中国政府支援のハッカーがシステムに侵入と発表', topics: ['apt'] },
    { title: 'トランプ氏とバンス氏の携帯電話 中国系ハッカーの標的に 米報道', topics: ['apt'] },
    // Condensed from Yonhap's leads: the headline's 中 and the lead's state link add up.
    {
      title: '中해커, 美통신사 버라이즌·AT&T 뚫어…도청 시스템 접근 가능성',
      summary: '중국 정부와 연계된 해커들이 미국 통신사 네트워크에 침투해 감청 시스템에 접근했을 가능성이 있다고 보도했다.',
      topics: ['apt'],
    },
    {
      title: '"中 해킹업체 유출 문서에 韓 통신사 자료 등 해킹 정황"',
      summary: '중국 공안의 의뢰를 받아 해킹을 해온 것으로 알려진 중국 업체의 내부 문서가 유출됐다.',
      topics: ['apt'],
    },
    { title: '凱米颱風於宜蘭南澳登陸 暴風圈籠罩全台', topics: ['taiwan'] },
    { title: '核三公投同意票逾434萬 仍未達門檻遭否決', topics: ['taiwan'] },
    { title: 'Referendum on Maanshan nuclear plant restart fails to reach threshold', topics: ['taiwan'] },
    { title: '823罷免投票 7名藍委全數過關', topics: ['taiwan'] },
    // 核三 alone would also be the start of 核三角 / 核三位一体, the nuclear triad.
    { title: '美军升级核三位一体力量', topics: [] },
    { title: '日本航空にサイバー攻撃 国内線・国際線に遅れ', topics: [] },
  ])('$title → $topics', ({ title, summary, topics }: { title: string; summary?: string; topics: string[] }) => {
    expect(understand({ title, ...(summary && { summary }) }).topics).toEqual(topics);
  });
});
