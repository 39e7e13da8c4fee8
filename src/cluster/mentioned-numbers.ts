import { cjkNumeral } from './cjk-numeral.js';

/**
 * Words that scale the number before them, as folded text writes them; longest first where one starts another.
 * Words in Latin or Cyrillic script end where letters do: "71 military aircraft" is not 71 mila (thousand).
 */
const MULTIPLIERS: Array<[RegExp, number]> = [
  [/^(?:(?:mil millones|billones?|trillions?)(?!\p{L})|兆|조)/u, 0],
  [/^(?:billions?|bn|milliards?|milliarden?|mrd|miliardi|miliard[yůu]?|bilh(?:ão|ões)|млрд|миллиард\p{L}*|мільярд\p{L}*|tỷ|tỉ)(?!\p{L})/u, 1e9],
  [/^(?:millions?|mn|mio|millionen|millón|millones|milh(?:ão|ões)|milioni|milion[yůu]?|млн|миллион\p{L}*|мільйон\p{L}*|triệu)(?!\p{L})/u, 1e6],
  // 千米, 千克, 千瓦 are kilometres, kilograms and kilowatts, not thousands ("震源深度12千米").
  [/^(?:(?:thousands?|mille|tausend|mila?|тыс\p{L}*|тисяч\p{L}*|tis(?:íc)?|tys|nghìn|ngàn)(?!\p{L})|千(?![米克瓦])|천)/u, 1e3],
  [/^(?:万|만)/, 1e4],
  [/^(?:亿|억)/, 1e8],
];
// 兆 and billón are 10^12, which no news lead needs told apart from other huge sums: they are left out (0).

// A number not glued to a word before it (APT31, F-16, CVE ids, times, 1/2): Latin or Cyrillic letters, digits, ".,:/", or a short code and a hyphen ("Su-30"; "Shunxin-39" is a ship and counts).
// Nor one before 月/월, a month, nor an ordinal (第16任總統, 제20대 국회: the 16th president is no count of 16).
const ARABIC = /(?<![a-zà-ÿčěřšžůа-яёіїєґ\d.,:/第제]|\b[a-z]{1,3}-)(\d{1,3}(?:[,.]\d{3})+|\d+)(?:[.,](\d+))?(?![\d:/]|st\b|nd\b|rd\b|th\b|\s*[月월])\s*/gu;
// Not the 万 of "3万" (read with its digits above), nor a vague 上万, 数千 or 几百 ("tens of thousands of attacks").
const CJK_NUMERAL = /(?<![\d.,上数几第])[零〇一二两三四五六七八九十百千万亿]+(?=[多余]?(?:名|人|个|位|架|艘|枚|次|件|天|年|岁|元|倍|家|间|所|起|项|国|条|辆|座|批|种|款|周|机|只|隻|万|亿))/g;
// Spans of hours and minutes and distances are measurements, not counts: "in 24 hours" frames every daily report
// of PLA activity, and agencies give a quake's depth as 10 or 12 km. They are left out.
const MEASURE_AFTER = /^(?:(?:hours?|hrs?|minutes?|mins?|minuten|heures?|stunden?|horas?|ore|hodin\p{L}*|час\p{L}*|giờ|km|kilomet\p{L}*|км|nautical miles?|miles?|meilen|milles?|millas?)(?!\p{L})|小时|时间|分钟|分间|시간|분간|분 동안|千米|公里|海里|キロ|킬로)/u;
const CVE = /cve-(\d{4})-(\d{4,7})/g;
// Designations: "Joint Sword-2024A" and "2024B" are two exercises, "Strait Thunder-2025A" a third.
const DESIGNATION = /(?<![\d.,])(\d{2,4})([a-d])(?![a-z\d])/g;
// A time of day ("7时58分", "8時58分ごろ", "7:58 a.m.", "8시 58분") is not a count. Its minutes are kept as an entity:
// outlets in different time zones give different hours, but the same minute pins down an earthquake or an attack.
const TIME_OF_DAY = /(?<![\d.:])(?:(\d{1,2})\s*[时点시](?![代间간])(?:\s*(\d{1,2})\s*[分분])?|([01]?\d|2[0-3]):([0-5]\d)(?![\d:]))/g;
// A span of years frames an event ("strongest in 25 years", "25년 만에"). Outlets pick different frames for the same
// one ("921以来最大"), so a span is an entity of its own that counts when shared and never conflicts, unlike a count.
const YEARS_AFTER = /^(?:(?:years?|yrs|ans|années|jahren?|años|anos|anni|jaar|lat|let|roků|лет|год\p{L}*|рок\p{L}*|năm|tahun)(?!\p{L})|年(?!\d)|년)/u;
// A sum written in two units, "6억2천만" (620 million), "1억5000만", "3亿5千万", "2万5千", "1천만" (10 million), "2千万":
// read whole, or a part would be a count of its own (2천 → 2,000) or be scaled wrong (2千万 → 2,000).
const COMPOUND_CJK = /\d+(?:\.\d+)?\s*[억亿만万천千백百](?:\s*\d*\s*[억亿만万천千백百])+/g;
const CJK_UNITS: Record<string, number> = { 억: 1e8, 亿: 1e8, 만: 1e4, 万: 1e4, 천: 1e3, 千: 1e3, 백: 1e2, 百: 1e2 };

function compoundValue(run: string): number {
  let total = 0;
  let section = 0;
  for (const [, digits, unit] of run.matchAll(/(\d+(?:\.\d+)?)?\s*([억亿만万천千백百])/g)) {
    const scale = CJK_UNITS[unit!]!;
    if (scale >= 1e4) {
      total += (section + Number(digits ?? 0)) * scale;
      section = 0;
    } else section += Number(digits ?? 1) * scale;
  }
  return total + section;
}
// COVID-19 is a name, not nineteen of anything.
const NAMES_WITH_NUMBERS = /covid-19/g;

/** Counts below this are too common to tell stories apart ("two days", "3 ships"); decimals always count (7.4 magnitude). */
const TRIVIAL_BELOW = 10;

function isYear(digits: string, fraction: string | undefined, scaled: boolean): boolean {
  const n = Number(digits);
  return fraction === undefined && !scaled && digits.length === 4 && n >= 1900 && n <= 2100;
}

function entity(value: number): string | undefined {
  if (!Number.isFinite(value) || value <= 0) return undefined;
  if (Number.isInteger(value) && value < TRIVIAL_BELOW) return undefined;
  return `num:${value >= 1000 ? Math.round(value) : Number(value.toPrecision(4))}`;
}

/**
 * Numbers a folded text gives, as language-free entities: "20 people", "20名", "二十名" → num:20;
 * "$1.5 billion", "15亿" → num:1500000000; CVE ids as cve:2024-3400, designations as code:2024a.
 * Years and small counts are left out.
 */
export function mentionedNumbers(folded: string): string[] {
  const found = new Set<string>();
  const text = folded
    .replace(NAMES_WITH_NUMBERS, ' ')
    .replace(COMPOUND_CJK, (run) => ` ${compoundValue(run)} `)
    .replace(TIME_OF_DAY, (_, _hour, minutes: string | undefined, _clock, clockMinutes: string | undefined) => {
      const minute = Number(minutes ?? clockMinutes ?? 0);
      // A quarter hour is a schedule (a press conference, polls closing) or a rounding, not the mark of one event.
      if (minute % 15 !== 0 && minute < 60) found.add(`time:${String(minute).padStart(2, '0')}`);
      return ' ';
    })
    .replace(CVE, (_, year: string, serial: string) => {
      found.add(`cve:${year}-${serial}`);
      return ' ';
    })
    .replace(DESIGNATION, (_, digits: string, letter: string) => {
      found.add(`code:${digits}${letter}`);
      return ' ';
    });
  for (const m of text.matchAll(ARABIC)) {
    const [whole, digits, fraction] = m;
    // One separator with three digits after it groups thousands (1,200 · 1.200); otherwise it is a decimal point (1,5 · 7.4).
    let value = Number(digits!.replace(/[,.]/g, '') + (fraction === undefined ? '' : `.${fraction}`));
    const after = text.slice(m.index + whole.length, m.index + whole.length + 16);
    const multiplier = MULTIPLIERS.find(([word]) => word.test(after));
    if (multiplier?.[1] === 0) continue;
    if (multiplier) value *= multiplier[1];
    if (isYear(digits!, fraction, multiplier !== undefined)) continue;
    if (!multiplier && MEASURE_AFTER.test(after)) continue;
    if (!multiplier && fraction === undefined && YEARS_AFTER.test(after)) {
      if (value >= TRIVIAL_BELOW) found.add(`years:${value}`);
      continue;
    }
    const id = entity(value);
    if (id) found.add(id);
  }
  for (const m of text.matchAll(CJK_NUMERAL)) {
    const value = cjkNumeral(m[0]);
    const next = text[m.index + m[0].length];
    if (value === undefined) continue;
    // 二〇二四年 is a year and 二十五年 a span of years: neither is a count.
    if (next === '年') {
      if (value >= TRIVIAL_BELOW && value < 1900) found.add(`years:${value}`);
      continue;
    }
    const id = entity(value);
    if (id) found.add(id);
  }
  return [...found];
}
