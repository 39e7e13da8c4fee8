import { REST, Routes, type APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { ALERT_COLORS, alertEmbeds, embedLength, fitEmbeds, type AlertView } from '../../src/deliver/alert-embed.js';
import { cutText } from '../../src/deliver/cut-text.js';
import { discordText } from '../../src/deliver/discord-text.js';
import { FakeDiscord } from '../support/fake-discord.js';

const FAMILY = '👩‍👩‍👧‍👦'; // 11 UTF-16 units, one grapheme
const FLAG = '🇹🇼';
const HAN = '臺灣國防部表示中共公布所謂資通電軍人員資料意圖製造寒蟬效應';

/** The CNA story from the README, as the pipeline would hand it over. */
const STORY: AlertView = {
  storyId: '940cd3c657df5df42de8',
  title: 'Guangzhou police offer bounties for 20 "ICEFCOM" officers; MND calls it cognitive warfare',
  originalTitle: '廣州公安懸賞通緝20名資通電軍人員 國防部：中共認知作戰',
  link: 'https://www.example.tw/news/202506030001',
  summary: '國防部表示，中共公布所謂資通電軍人員資料，意圖製造寒蟬效應。',
  outlet: 'CNA 中央社',
  lang: 'zh-Hant',
  published: '2025-06-02T16:00:00.000Z',
  topics: ['taiwan', 'apt'],
  groups: ['APT41'],
  scores: { taiwan: 0.646, apt: 0.55 },
};
const UNIX = Date.UTC(2025, 5, 2, 16) / 1000;

const story = (overrides: Partial<AlertView> = {}): AlertView => ({ ...STORY, ...overrides });
const only = (view: AlertView): APIEmbed => {
  const embeds = alertEmbeds(view);
  expect(embeds).toHaveLength(1);
  return embeds[0]!;
};
const field = (embed: APIEmbed, name: string) => embed.fields?.find((f) => f.name === name)?.value;

/** What a reader sees: Discord drops a backslash before punctuation; a zero-width space is invisible. */
const shown = (text: string) => text.replace(/\\([^0-9A-Za-z\s])/g, '$1').replaceAll('\u200B', '');

/** Every string slot of an embed that shows feed text. */
const texts = (embed: APIEmbed) => [embed.title ?? '', embed.description ?? '', ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]), embed.footer?.text ?? ''];

/** Discord's limits (DISCORD.md §1) checked independently of the code under test. */
function violations(embeds: APIEmbed[]): string[] {
  const found: string[] = [];
  const check = (ok: boolean, what: string) => ok || found.push(what);
  check(embeds.length <= 10, 'more than 10 embeds');
  embeds.forEach((e, i) => {
    check((e.title ?? '').length <= 256, `${i}: title`);
    check((e.description ?? '').length <= 4096, `${i}: description`);
    check((e.fields ?? []).length <= 25, `${i}: field count`);
    for (const f of e.fields ?? []) {
      check(f.name.trim().length > 0 && f.name.length <= 256, `${i}: field name ${f.name}`);
      check(f.value.trim().length > 0 && f.value.length <= 1024, `${i}: field value of ${f.name}`);
    }
    check((e.footer?.text ?? '').length <= 2048, `${i}: footer`);
    check(e.url === undefined || /^https?:\/\//.test(e.url), `${i}: url`);
    check(e.color === undefined || (Number.isInteger(e.color) && e.color >= 0 && e.color <= 0xffffff), `${i}: color`);
    for (const text of texts(e)) check(text === text.trim(), `${i}: untrimmed "${text.slice(0, 20)}"`);
    for (const text of texts(e)) check(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text), `${i}: split surrogate pair`);
  });
  check(embeds.reduce((sum, e) => sum + embedLength(e), 0) <= 6000, 'total over 6000');
  return found;
}

/** Feed text far over every limit. */
const LONG = {
  cjkTitle: { title: '臺'.repeat(5000) },
  cjkSummary: { summary: HAN.repeat(200) },
  emojiTitle: { title: `${'x'.repeat(250)}${FAMILY.repeat(3)}` },
  everything: {
    title: '臺'.repeat(5000),
    originalTitle: HAN.repeat(200),
    summary: `**${HAN}** @everyone `.repeat(300),
    outlet: `${FAMILY}新聞`.repeat(500),
    lang: 'zh-Hant',
    topics: Array.from({ length: 200 }, (_, i) => `topic-${i}`),
    groups: Array.from({ length: 300 }, (_, i) => `APT${i}`),
    alsoReportedBy: Array.from({ length: 100 }, (_, i) => ({ outlet: HAN.repeat(10), lang: 'zh-Hans', link: `https://example.com/${'a'.repeat(400)}/${i}` })),
  },
} satisfies Record<string, Partial<AlertView>>;

describe('cutText', () => {
  it.each([
    { name: 'short text is only trimmed', text: '  臺灣 \n', max: 10, expected: '臺灣' },
    { name: 'exact fit is kept', text: 'abc', max: 3, expected: 'abc' },
    { name: 'Latin text is cut between words', text: 'The quick brown fox jumps over the lazy dog', max: 18, expected: 'The quick brown…' },
    { name: 'a word ending at the budget is kept', text: 'The quick brown fox jumps over the lazy dog', max: 20, expected: 'The quick brown fox…' },
    { name: 'one long word is cut between letters', text: 'x'.repeat(300), max: 10, expected: `${'x'.repeat(9)}…` },
    { name: 'an emoji ZWJ sequence is never split', text: FAMILY.repeat(30), max: 50, expected: `${FAMILY.repeat(4)}…` },
    { name: 'flags stay whole (4 units each)', text: FLAG.repeat(30), max: 15, expected: `${FLAG.repeat(3)}…` },
    { name: 'a skin-tone emoji stays whole', text: 'ok 👍🏽👍🏽👍🏽', max: 8, expected: 'ok 👍🏽…' },
    { name: 'a combining accent stays on its letter', text: 'e\u0301'.repeat(10), max: 6, expected: 'e\u0301e\u0301…' },
    { name: 'an astral Han character stays whole', text: '𠮷'.repeat(10), max: 6, expected: '𠮷𠮷…' },
    { name: 'max 1 leaves the ellipsis', text: 'abc', max: 1, expected: '…' },
  ])('$name', ({ text, max, expected }) => {
    expect(cutText(text, max)).toBe(expected);
  });

  const NASTY = [HAN.repeat(200), FAMILY.repeat(100), `${FLAG}a`.repeat(100), 'e\u0301 '.repeat(100), `${HAN} ${FAMILY} Taiwan ${FLAG} 𠮷`.repeat(30), '한국어 문장입니다 '.repeat(50)];
  it.each(NASTY.map((text, i) => ({ name: `nasty text ${i}`, text })))('$name: within max at every max, a prefix, no split grapheme', ({ text }) => {
    const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.index);
    for (let max = 1; max <= 300; max += 7) {
      const cut = cutText(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.endsWith('…')).toBe(true);
      const kept = cut.slice(0, -1).trimEnd();
      expect(text.startsWith(kept)).toBe(true);
      expect(kept.length === 0 || graphemes.includes(kept.length) || /\s/.test(text[kept.length]!)).toBe(true);
    }
  });

  it('5000 Chinese characters fill the title budget', () => {
    expect(cutText('臺'.repeat(5000), 256)).toMatch(/^臺{215,255}…$/);
  });
});

describe('discordText', () => {
  it.each([
    { name: 'bold', raw: '**bold** and __underline__', expected: '\\*\\*bold\\*\\* and \\_\\_underline\\_\\_' },
    { name: 'masked link', raw: '[click](https://evil.example/x)', expected: '\\[click\\](https://evil.example/x)' },
    { name: 'code, spoiler, strike', raw: '`rm -rf` ||spoiler|| ~~no~~', expected: '\\`rm -rf\\` \\|\\|spoiler\\|\\| \\~\\~no\\~\\~' },
    { name: 'a backslash stays literal', raw: 'a \\*b', expected: 'a \\\\\\*b' },
    { name: '@everyone', raw: 'hi @everyone', expected: 'hi @\u200Beveryone' },
    { name: '@here', raw: '@here now', expected: '@\u200Bhere now' },
    { name: 'role mention', raw: '<@&123>', expected: '<\u200B@&123>' },
    { name: 'user mention', raw: '<@123> <@!456>', expected: '<\u200B@123> <\u200B@!456>' },
    { name: 'channel mention', raw: '<#123>', expected: '<\u200B#123>' },
    { name: 'slash command mention', raw: '</ban:123>', expected: '<\u200B/ban:123>' },
    { name: 'custom emoji and timestamp', raw: '<:pog:1> <a:x:2> <t:1:R>', expected: '<\u200B:pog:1> <\u200Ba:x:2> <\u200Bt:1:R>' },
    { name: 'heading', raw: '# Breaking\n## more', expected: '\\# Breaking\n\\## more' },
    { name: 'subtext', raw: '-# small', expected: '\\-# small' },
    { name: 'quotes', raw: '> quoted\n>>> all', expected: '\\> quoted\n\\>>> all' },
    { name: 'lists', raw: '- one\n1. two', expected: '\\- one\n1\\. two' },
    { name: 'mid-line markers stay', raw: 'US-China #1 > all, 3. place', expected: 'US-China #1 > all, 3. place' },
    { name: 'bare URLs stay clickable', raw: 'see https://example.com/a_b_c and a_b', expected: 'see https://example.com/a_b_c and a\\_b' },
    { name: 'CJK and full-width punctuation untouched', raw: '臺灣＊國防部「聲明」', expected: '臺灣＊國防部「聲明」' },
  ])('$name', ({ raw, expected }) => {
    const safe = discordText(raw, 4096);

    expect(safe).toBe(expected);
    expect(shown(safe)).toBe(raw);
  });

  it.each([
    { name: 'text that doubles when escaped', raw: '*'.repeat(5000), max: 4096 },
    { name: 'mentions over and over', raw: '@everyone <@&1> '.repeat(500), max: 256 },
    { name: 'CJK with markdown', raw: `**${HAN}** `.repeat(300), max: 1024 },
  ])('$name stays within $max after escaping, and shows a prefix of the text', ({ raw, max }) => {
    const safe = discordText(raw, max);

    expect(safe.length).toBeLessThanOrEqual(max);
    expect(safe.length).toBeGreaterThan(max / 3);
    expect(safe).not.toMatch(/@everyone|<@/);
    expect(raw.startsWith(shown(safe).slice(0, -1).trimEnd())).toBe(true);
  });
});

describe('alertEmbeds', () => {
  it('builds one embed for a story', () => {
    expect(alertEmbeds(STORY)).toEqual([
      {
        title: 'Guangzhou police offer bounties for 20 "ICEFCOM" officers; MND calls it cognitive warfare',
        url: 'https://www.example.tw/news/202506030001',
        description: '國防部表示，中共公布所謂資通電軍人員資料，意圖製造寒蟬效應。',
        color: ALERT_COLORS.both,
        fields: [
          { name: 'Source', value: 'CNA 中央社 · Traditional Chinese', inline: true },
          { name: 'Published', value: `<t:${UNIX}:R> (<t:${UNIX}:f>)`, inline: true },
          { name: 'Topics', value: 'taiwan (0.65) · apt (0.55)', inline: true },
          { name: 'Groups', value: 'APT41', inline: true },
          { name: 'Original headline', value: '廣州公安懸賞通緝20名資通電軍人員 國防部：中共認知作戰' },
        ],
        footer: { text: 'story 940cd3c657df5df42de8' },
        timestamp: '2025-06-02T16:00:00.000Z',
      },
    ]);
  });

  it.each([
    { name: 'taiwan', topics: ['taiwan'], color: ALERT_COLORS.taiwan },
    { name: 'apt', topics: ['apt'], color: ALERT_COLORS.apt },
    { name: 'both', topics: ['taiwan', 'apt'], color: ALERT_COLORS.both },
    { name: 'both, apt first', topics: ['apt', 'taiwan'], color: ALERT_COLORS.both },
    { name: 'no topic', topics: [], color: ALERT_COLORS.neutral },
    { name: 'a custom topic', topics: ['semiconductors'], color: ALERT_COLORS.neutral },
  ])('color for $name', ({ topics, color }) => {
    expect(only(story({ topics })).color).toBe(color);
  });

  it('gives each topic combination its own color', () => {
    expect(new Set(Object.values(ALERT_COLORS)).size).toBe(4);
  });

  it.each([
    { name: 'translated title', originalTitle: '廣州公安懸賞通緝', field: '廣州公安懸賞通緝' },
    { name: 'no translation', originalTitle: undefined, field: undefined },
    { name: 'original same as title', originalTitle: `  ${STORY.title} `, field: undefined },
  ])('original headline: $name', ({ originalTitle, field: expected }) => {
    const embed = only(story({ originalTitle }));

    expect(embed.title).toBe(STORY.title);
    expect(field(embed, 'Original headline')).toBe(expected);
  });

  it('falls back to the original headline when the translation is empty', () => {
    const fallback = only(story({ title: '  ' }));
    expect(fallback.title).toBe(STORY.originalTitle);
    expect(field(fallback, 'Original headline')).toBeUndefined();
    expect(only(story({ title: '', originalTitle: undefined })).title).toBe('(no headline)');
  });

  it.each([
    { name: 'UTC', published: '2025-06-02T16:00:00.000Z', unix: UNIX, timestamp: '2025-06-02T16:00:00.000Z' },
    { name: 'with an offset', published: '2025-06-03T00:00:00+08:00', unix: UNIX, timestamp: '2025-06-02T16:00:00.000Z' },
    { name: 'not a date', published: 'yesterday', unix: undefined, timestamp: undefined },
  ])('published $name', ({ published, unix, timestamp }) => {
    const embed = only(story({ published }));

    expect(embed.timestamp).toBe(timestamp);
    expect(field(embed, 'Published')).toBe(unix === undefined ? undefined : `<t:${unix}:R> (<t:${unix}:f>)`);
  });

  it.each([
    { name: 'https', link: 'https://www.cna.com.tw/news/1.aspx', url: 'https://www.cna.com.tw/news/1.aspx' },
    { name: 'http', link: 'http://example.com/a b', url: 'http://example.com/a%20b' },
    { name: 'javascript:', link: 'javascript:alert(1)', url: undefined },
    { name: 'ftp', link: 'ftp://example.com/x', url: undefined },
    { name: 'relative', link: '/news/1', url: undefined },
    { name: 'none', link: undefined, url: undefined },
  ])('url from a $name link', ({ link, url }) => {
    expect(only(story({ link })).url).toBe(url);
  });

  it.each([
    { name: 'a language Intl names', lang: 'ja', source: 'CNA 中央社 · Japanese' },
    { name: 'an undetermined language', lang: 'und', source: 'CNA 中央社 · unknown language' },
    { name: 'a malformed tag', lang: '**zz**!', source: 'CNA 中央社 · \\*\\*zz\\*\\*!' },
    { name: 'an empty outlet', lang: 'en', outlet: ' ', source: 'unknown outlet · English' },
  ])('source with $name', ({ lang, outlet, source }) => {
    expect(field(only(story({ lang, ...(outlet !== undefined && { outlet }) })), 'Source')).toBe(source);
  });

  it.each([
    { name: 'title', overrides: { title: '@everyone **FREE** [click](https://evil.example)' }, visible: '@everyone **FREE** [click](https://evil.example)' },
    { name: 'summary', overrides: { summary: '<@&123> ping\n# HEADING\n> quote ||spoiler||' }, visible: '<@&123> ping\n# HEADING\n> quote ||spoiler||' },
    { name: 'outlet', overrides: { outlet: '@here <#1> `feed`' }, visible: '@here <#1> `feed`' },
    { name: 'groups', overrides: { groups: ['</cmd:1>', '_APT_'] }, visible: '</cmd:1>, _APT_' },
    { name: 'original headline', overrides: { originalTitle: '@everyone ~~x~~' }, visible: '@everyone ~~x~~' },
    { name: 'also reported by', overrides: { alsoReportedBy: [{ outlet: '@everyone [x](https://evil)', lang: 'en' }] }, visible: '@everyone [x](https://evil) · English' },
  ])('feed text in the $name cannot ping or format, yet shows as written', ({ overrides, visible }) => {
    const embed = only(story(overrides));

    for (const text of texts(embed)) {
      expect(text).not.toMatch(/@(everyone|here)|<[@#/:]/);
      expect(text.replace(/https?:\/\/\S+/g, '')).not.toMatch(/(?<!\\)[*_~`|[\]]|^\s*[#>]/m);
    }
    expect(texts(embed).map(shown).some((text) => text.includes(visible))).toBe(true);
  });

  it('lists other outlets with safe links, and says how many more did not fit', () => {
    const alsoReportedBy = [
      { outlet: 'Focus Taiwan', lang: 'en', link: 'https://focustaiwan.tw/politics/2025(06)' },
      { outlet: '聯合報', lang: 'zh-Hant', link: 'javascript:alert(1)' },
      ...Array.from({ length: 100 }, (_, i) => ({ outlet: `Outlet ${i}`, lang: 'ja', link: `https://example.com/${i}` })),
    ];

    const value = field(only(story({ alsoReportedBy })), 'Also reported by')!;
    const lines = value.split('\n');

    expect(lines.slice(0, 3)).toEqual(['[Focus Taiwan](https://focustaiwan.tw/politics/2025%2806%29) · English', '聯合報 · Traditional Chinese', '[Outlet 0](https://example.com/0) · Japanese']);
    expect(lines.at(-1)).toBe(`… and ${alsoReportedBy.length - (lines.length - 1)} more`);
    expect(value.length).toBeLessThanOrEqual(1024);
  });


  it.each(Object.entries(LONG).map(([name, overrides]) => ({ name, overrides })))('$name: within every Discord limit', ({ overrides }) => {
    const embeds = alertEmbeds(story(overrides));

    expect(violations(embeds)).toEqual([]);
  });

  it('gives the description what the other parts leave of 6000', () => {
    const embed = only(story(LONG.everything));

    expect(embedLength(embed)).toBeGreaterThan(5990);
    expect(embedLength(embed)).toBeLessThanOrEqual(6000);
    expect(embed.title).toMatch(/^臺{215,255}…$/);
  });

  it('cuts a title before an emoji ZWJ sequence, never inside it', () => {
    const title = only(story(LONG.emojiTitle)).title!;

    expect(title.length).toBeLessThanOrEqual(256);
    expect(title.replace(/…$/, '').replaceAll(FAMILY, '')).toBe('x'.repeat(250));
  });

  it('is accepted by a Discord stand-in that validates like the real API', async () => {
    const fake = await FakeDiscord.start();
    fake.addChannel('1');
    const rest = new REST({ api: fake.apiBase, retries: 0, timeout: 2000 }).setToken('x');
    try {
      for (const view of [STORY, ...Object.values(LONG).map((overrides) => story(overrides))]) {
        await rest.post(Routes.channelMessages('1'), { body: { embeds: alertEmbeds(view), allowed_mentions: { parse: [] } } });
      }
      expect(fake.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    } finally {
      await fake.close();
    }
  });
});

describe('embedLength and fitEmbeds', () => {
  it('counts title, description, field names and values, footer and author name', () => {
    const embed: APIEmbed = { title: 'ab', description: 'cde', url: 'https://x.example', color: 1, fields: [{ name: 'f', value: 'gh' }], footer: { text: 'ij' }, author: { name: 'k' } };

    expect(embedLength(embed)).toBe(11);
  });

  const sized = (length: number, url?: string): APIEmbed => ({ description: 'x'.repeat(length), ...(url && { url }) });

  it.each([
    { name: 'nothing', embeds: [], sizes: [] },
    { name: '12 small embeds: 10 per message', embeds: Array.from({ length: 12 }, () => sized(10)), sizes: [10, 2] },
    { name: 'three of 2500: the 6000 total', embeds: [sized(2500), sized(2500), sized(2500)], sizes: [2, 1] },
    { name: 'exactly 6000 in one message', embeds: [sized(4000), sized(2000)], sizes: [2] },
    { name: 'the same url twice', embeds: [sized(1, 'https://a.example'), sized(1, 'https://b.example'), sized(1, 'https://a.example')], sizes: [2, 1] },
    { name: 'one embed over the total, alone', embeds: [sized(10), sized(7000), sized(10)], sizes: [1, 1, 1] },
  ])('$name', ({ embeds, sizes }) => {
    const messages = fitEmbeds(embeds);

    expect(messages.map((m) => m.length)).toEqual(sizes);
    expect(messages.flat()).toEqual(embeds);
  });

  it('packs a burst of alerts into valid messages, in order', () => {
    const views = Array.from({ length: 30 }, (_, i) => story({ storyId: `s${i}`, link: `https://example.com/${i}`, ...(i % 3 === 0 ? LONG.everything : {}) }));
    const embeds = views.flatMap(alertEmbeds);

    const messages = fitEmbeds(embeds);

    for (const message of messages) expect(violations(message)).toEqual([]);
    expect(messages.flat().map((e) => e.footer?.text)).toEqual(views.map((v) => `story ${v.storyId}`));
  });

  it('respects a smaller total', () => {
    expect(fitEmbeds([sized(600), sized(600), sized(600)], 1000).map((m) => m.length)).toEqual([1, 1, 1]);
  });
});
