import { describe, expect, it } from 'vitest';
import { extractiveSummary } from '../../src/summarize/extractive-summary.js';
import { splitSentences } from '../../src/summarize/split-sentences.js';

const graphemes = (text: string): string[] => [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)].map((g) => g.segment);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const STORIES = [
  {
    lang: 'English',
    cjk: false,
    title: 'Taiwan reports 20 Chinese military aircraft near the island',
    content:
      "Taiwan's defence ministry said on Monday it had detected 20 Chinese military aircraft and six navy ships around the island. Some of the aircraft crossed the median line of the Taiwan Strait, the ministry said. Taiwan scrambled jets and deployed missile systems to monitor the activity. The drills came days after the U.S. approved a new arms sale to Taipei. China's Eastern Theater Command did not comment. Analysts said the pressure campaign is likely to continue through the summer.",
  },
  {
    lang: 'Traditional Chinese',
    cjk: true,
    title: '國防部：共機20架次擾台',
    content:
      '國防部今天表示，上午6時起偵獲共機20架次、共艦6艘在台海周邊活動。其中12架次逾越海峽中線，進入北部、中部及西南空域。國軍運用任務機、艦及岸置飛彈系統嚴密監控。國防部說：「國軍將持續掌握共軍動態。」專家指出，中共近期頻繁在台海周邊進行聯合戰備警巡。',
  },
  {
    lang: 'Simplified Chinese',
    cjk: true,
    title: '台湾国防部称发现20架次解放军军机',
    content:
      '台湾国防部周一表示，当天侦测到20架次解放军军机和6艘军舰在台湾周边活动。其中12架次越过海峡中线。台湾方面派出战机并启动岸基导弹系统进行监控。分析人士认为，这是北京对台北施压的一部分。中国国防部尚未回应。',
  },
  {
    lang: 'Japanese',
    cjk: true,
    title: '台湾国防部、中国軍機20機を確認',
    content:
      '台湾国防部は21日、中国軍機20機と艦艇6隻が台湾周辺で活動しているのを確認したと発表した。このうち12機が台湾海峡の中間線を越えた。台湾軍は戦闘機を緊急発進させ、地対艦ミサイルで監視した。国防部は「引き続き動向を注視する」とコメントした。専門家は圧力が今後も続くとみている。',
  },
  {
    lang: 'Korean',
    cjk: false,
    title: '대만, 중국 군용기 20대 포착',
    content:
      '대만 국방부는 21일 중국 군용기 20대와 군함 6척이 대만 주변에서 활동하는 것을 포착했다고 밝혔다. 이 가운데 12대는 대만해협 중간선을 넘었다. 대만군은 전투기를 긴급 발진시키고 미사일 체계로 감시했다. 국방부는 "계속 동향을 주시하겠다"고 말했다. 전문가들은 압박이 계속될 것으로 보고 있다.',
  },
  {
    lang: 'Russian',
    cjk: false,
    title: 'Тайвань зафиксировал 20 китайских военных самолётов',
    content:
      'Министерство обороны Тайваня в понедельник сообщило, что зафиксировало 20 китайских военных самолётов и шесть кораблей вокруг острова. Часть самолётов пересекла срединную линию Тайваньского пролива. Тайвань поднял истребители и развернул ракетные комплексы для наблюдения. Учения прошли через несколько дней после того, как США одобрили новую продажу оружия Тайбэю. Восточное командование НОАК не дало комментариев.',
  },
  {
    lang: 'French',
    cjk: false,
    title: "Taïwan détecte 20 avions militaires chinois près de l'île",
    content:
      "Le ministère taïwanais de la Défense a annoncé lundi avoir détecté 20 avions militaires chinois et six navires autour de l'île. Une partie des appareils a franchi la ligne médiane du détroit de Taïwan. Taïwan a fait décoller des chasseurs et déployé des systèmes de missiles. Selon M. Chen, porte-parole du ministère, la pression ne faiblit pas. Pékin n'a pas réagi.",
  },
  {
    lang: 'German',
    cjk: false,
    title: 'Taiwan meldet 20 chinesische Militärflugzeuge',
    content:
      'Das taiwanische Verteidigungsministerium hat am 3. Mai 20 chinesische Militärflugzeuge und sechs Schiffe rund um die Insel registriert. Einige Flugzeuge überquerten die Mittellinie der Taiwanstraße. Taiwan ließ Kampfjets aufsteigen und setzte Raketensysteme zur Überwachung ein. Laut Dr. Lin vom Institut für Sicherheitsstudien will Peking z.B. die Wahlen beeinflussen. Die chinesische Seite äußerte sich nicht.',
  },
  {
    lang: 'Vietnamese',
    cjk: false,
    title: 'Đài Loan phát hiện 20 máy bay quân sự Trung Quốc',
    content:
      'Bộ Quốc phòng Đài Loan hôm thứ Hai cho biết đã phát hiện 20 máy bay quân sự và sáu tàu chiến Trung Quốc quanh hòn đảo. Một số máy bay đã vượt qua đường trung tuyến eo biển Đài Loan. Đài Loan đã điều động chiến đấu cơ và triển khai hệ thống tên lửa để giám sát. Các nhà phân tích cho rằng áp lực sẽ tiếp tục trong mùa hè. Bắc Kinh chưa đưa ra bình luận.',
  },
];

describe('extractiveSummary', () => {
  it.each(STORIES)('$lang: 2-3 whole sentences within 400 characters, lead first, in order', ({ title, content, cjk }) => {
    const result = extractiveSummary({ title, content });
    const source = splitSentences(content);
    const picked = splitSentences(result.summary);

    expect(result.headline).toBe(title);
    expect(result.sentences).toBeGreaterThanOrEqual(2);
    expect(result.sentences).toBeLessThanOrEqual(3);
    expect(picked).toHaveLength(result.sentences);
    expect(result.summary.length).toBeLessThanOrEqual(400);
    expect(picked[0]).toBe(source[0]);
    const positions = picked.map((sentence) => source.indexOf(sentence));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(result.summary).toBe(picked.join(cjk ? '' : ' '));
  });

  it.each([
    { name: 'no summary or content', input: { title: 'Taiwan: APT31 named in indictment' } },
    { name: 'empty strings', input: { title: 'Taiwan: APT31 named in indictment', summary: '', content: '  \n ' } },
    { name: 'a summary that repeats the title', input: { title: '國防部：共機20架次擾台', summary: '國防部：共機20架次擾台' } },
  ])('title-only story: the summary is the title ($name)', ({ input }) => {
    expect(extractiveSummary(input)).toEqual({ headline: input.title, summary: input.title, sentences: 0 });
  });

  it.each([
    {
      name: 'a lead repeated at the start of content',
      input: { title: 'Jets scrambled', summary: 'Taiwan scrambled jets on Monday.', content: 'Taiwan scrambled jets on Monday. China did not comment.' },
      summary: 'Taiwan scrambled jets on Monday. China did not comment.',
    },
    {
      name: 'a lead cut short with "…" in the summary',
      input: { title: 'Jets scrambled', summary: 'Taiwan scrambled jets on Monday after…', content: 'Taiwan scrambled jets on Monday after 20 aircraft approached. China did not comment.' },
      summary: 'Taiwan scrambled jets on Monday after 20 aircraft approached. China did not comment.',
    },
    {
      name: 'a sentence identical to the title',
      input: { title: 'Taiwan scrambles jets', content: 'Taiwan scrambles jets. Twenty aircraft approached on Monday.' },
      summary: 'Twenty aircraft approached on Monday.',
    },
    {
      name: 'a Chinese lead repeated in Traditional and Simplified forms counts once',
      input: { title: '共機擾台', summary: '國防部表示，共機逾越中線。', content: '国防部表示，共机逾越中线。國軍嚴密監控。' },
      summary: '國防部表示，共機逾越中線。國軍嚴密監控。',
    },
  ])('deduplicates $name', ({ input, summary }) => {
    expect(extractiveSummary(input).summary).toBe(summary);
  });

  it('skips an over-long lead when smaller sentences fit, rather than cutting it', () => {
    const lead = `Taiwan said ${'many '.repeat(90)}aircraft approached.`;
    const result = extractiveSummary({ title: 'Jets', content: `${lead} China did not comment. Taipei protested.` });
    expect(result).toMatchObject({ summary: 'China did not comment. Taipei protested.', sentences: 2 });
  });

  it.each([
    { name: 'English, at a word boundary', text: `Taiwan said ${'aircraft '.repeat(60)}approached`, maxChars: 100 },
    { name: 'Korean, at a word boundary', text: `대만 국방부는 ${'중국 군용기가 '.repeat(40)}포착했다`, maxChars: 80 },
    { name: 'Chinese with no spaces', text: `國防部表示${'共機逾越海峽中線'.repeat(30)}`, maxChars: 61 },
    { name: 'flags at the cut', text: `台灣${'🇹🇼'.repeat(80)}`, maxChars: 50 },
    { name: 'a ZWJ family emoji at the cut', text: `Taiwan${'👨‍👩‍👧‍👦'.repeat(40)}`, maxChars: 40 },
    { name: 'combining marks in Vietnamese', text: `Đài${'ệ̃'.repeat(200)}`, maxChars: 33 },
  ])('cuts an over-long single sentence with "…" on a grapheme boundary: $name', ({ text, maxChars }) => {
    const { summary, sentences } = extractiveSummary({ title: 'Jets', content: text }, { maxChars });
    expect(sentences).toBe(1);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary.length).toBeLessThanOrEqual(maxChars);
    expect(summary).not.toMatch(LONE_SURROGATE);
    const kept = graphemes(summary.slice(0, -1));
    expect(kept.length).toBeGreaterThan(0);
    expect(graphemes(text).slice(0, kept.length)).toEqual(kept);
  });

  it.each([
    { name: 'English', text: `Taiwan said ${'aircraft '.repeat(60)}approached`, maxChars: 100, wordEnd: /aircraft…$/ },
    { name: 'Korean', text: `대만 국방부는 ${'중국 군용기가 '.repeat(40)}포착했다`, maxChars: 80, wordEnd: /(중국|군용기가)…$/ },
  ])('prefers a word boundary when cutting: $name', ({ text, maxChars, wordEnd }) => {
    expect(extractiveSummary({ title: 'Jets', content: text }, { maxChars }).summary).toMatch(wordEnd);
  });

  it('cuts an over-long title-only story the same way', () => {
    const title = `Taiwan ${'reports '.repeat(30)}jets`;
    const { headline, summary } = extractiveSummary({ title }, { maxChars: 50 });
    expect(headline).toBe(title);
    expect(summary).toMatch(/^Taiwan (reports )*reports…$/);
  });

  const APT_STORY = {
    title: 'Taiwan government networks hit by intrusion',
    content:
      'Taiwan said on Tuesday that government networks were hit by an intrusion. Officials said the affected networks were restored within hours. Investigators said the attackers used tools tied to APT31. The ministry held a briefing in Taipei.',
  };

  it.each([
    { name: 'no topic terms: the earlier bland sentence', topicTerms: [], picks: 'Officials said the affected networks were restored within hours.' },
    { name: 'APT31 as a topic term', topicTerms: ['APT31'], picks: 'Investigators said the attackers used tools tied to APT31.' },
    { name: 'topic terms are case-insensitive', topicTerms: ['apt31'], picks: 'Investigators said the attackers used tools tied to APT31.' },
  ])('topicTerms in the same position class: $name', ({ topicTerms, picks }) => {
    const result = extractiveSummary(APT_STORY, { maxSentences: 2, topicTerms });
    expect(result.summary).toBe(`Taiwan said on Tuesday that government networks were hit by an intrusion. ${picks}`);
  });

  it('matches a Traditional topic term in Simplified text', () => {
    const content = '国防部周一召开记者会。官员说天气晴朗。分析人士说台湾网络遭到攻击。会议持续一小时。';
    expect(extractiveSummary({ title: '记者会', content }, { maxSentences: 2, topicTerms: ['臺灣'] }).summary).toBe(
      '国防部周一召开记者会。分析人士说台湾网络遭到攻击。',
    );
  });

  it.each([
    { name: 'maxSentences: 1', options: { maxSentences: 1 }, sentences: 1 },
    { name: 'maxChars too small for two sentences', options: { maxChars: 130 }, sentences: 1 },
    { name: 'defaults', options: {}, sentences: 3 },
  ])('honours options: $name', ({ options, sentences }) => {
    const result = extractiveSummary(STORIES[0]!, options);
    expect(result.sentences).toBe(sentences);
    expect(result.summary.length).toBeLessThanOrEqual(options.maxChars ?? 400);
  });

  it.each(STORIES)('is deterministic: $lang', (story) => {
    const runs = Array.from({ length: 3 }, () => extractiveSummary(story, { topicTerms: ['APT31', '台灣'] }));
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  it('breaks ties between identical-scoring sentences by position', () => {
    const content = 'Lead sentence here. Alpha beta gamma. Delta epsilon zeta. Eta theta iota.';
    expect(extractiveSummary({ title: 'x', content }, { maxSentences: 2 }).summary).toBe('Lead sentence here. Alpha beta gamma.');
  });
});
