/** Month names as folded text writes them (lowercase), in the languages straitwatch reads. */
const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['january', 'janvier', 'januar', 'jänner', 'enero', 'janeiro', 'gennaio', 'januari', 'января', 'січня', 'ledna', 'stycznia'],
  ['february', 'février', 'februar', 'febrero', 'fevereiro', 'febbraio', 'februari', 'февраля', 'лютого', 'února', 'lutego'],
  ['march', 'mars', 'märz', 'marzo', 'março', 'maart', 'maret', 'марта', 'березня', 'března', 'marca'],
  ['april', 'avril', 'abril', 'aprile', 'апреля', 'квітня', 'dubna', 'kwietnia'],
  ['may', 'mai', 'mayo', 'maio', 'maggio', 'mei', 'мая', 'травня', 'května', 'maja'],
  ['june', 'juin', 'juni', 'junio', 'junho', 'giugno', 'июня', 'червня', 'června', 'czerwca'],
  ['july', 'juillet', 'juli', 'julio', 'julho', 'luglio', 'июля', 'липня', 'července', 'lipca'],
  ['august', 'août', 'agosto', 'augustus', 'agustus', 'августа', 'серпня', 'srpna', 'sierpnia'],
  ['september', 'septembre', 'septiembre', 'setiembre', 'setembro', 'settembre', 'сентября', 'вересня', 'září', 'września'],
  ['october', 'octobre', 'oktober', 'octubre', 'outubro', 'ottobre', 'октября', 'жовтня', 'října', 'października'],
  ['november', 'novembre', 'noviembre', 'novembro', 'ноября', 'листопада', 'listopadu', 'listopada'],
  ['december', 'décembre', 'dezember', 'diciembre', 'dezembro', 'dicembre', 'desember', 'декабря', 'грудня', 'prosince', 'grudnia'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((name) => (MONTHS[name] = i + 1)));
// English abbreviations ("Oct. 11"): only before a day, where they cannot be other words.
const EN_ABBREVIATIONS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };

const NAME = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const ABBREVIATION = Object.keys(EN_ABBREVIATIONS).join('|');
const L = 'a-zà-ÿčěřšžůа-яёіїєґ';
const YEAR = '(?:,?\\s*(\\d{4})(?!\\d))?';

/** 今月 / 本月 / 当月 name the month of publication, 先月 / 上月 / 上个月 the one before. */
const RELATIVE_MONTHS: Record<string, number> = { 今月: 0, 本月: 0, 当月: 0, 先月: -1, 上月: -1, 上个月: -1 };

interface DatePattern {
  pattern: RegExp;
  /** Year, month, day from the match; a missing year or month is taken from the publication date. */
  parts: (m: RegExpExecArray, published: Date) => [year: string | undefined, month: number | undefined, day: string];
  /** A form that may also name a past event's date: read only this near publication, and otherwise blanked unread. */
  withinDays?: number;
}

const PATTERNS: DatePattern[] = [
  // October 11, 2025 · Oct. 11
  { pattern: new RegExp(`(?<![${L}])(${NAME}|${ABBREVIATION})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d${L}])${YEAR}`, 'g'), parts: (m) => [m[3], MONTHS[m[1]!] ?? EN_ABBREVIATIONS[m[1]!], m[2]!] },
  // 11 octobre 2025 · 11. Oktober · 11 de octubre de 2025 · 1er mai
  { pattern: new RegExp(`(?<![\\d.])(\\d{1,2})(?:\\.|er|º)?\\s+(?:de\\s+)?(${NAME})(?![${L}])(?:\\s+(?:de\\s+)?(\\d{4}))?`, 'g'), parts: (m) => [m[3], MONTHS[m[2]!], m[1]!] },
  // 2025年10月11日 · 10月11号 · 2025년 10월 11일
  { pattern: /(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日号일]/g, parts: (m) => [m[1], Number(m[2]), m[3]!] },
  // 今月20日 · 上个月20号: the day-alone pattern below skips a day after 月, which left "20" to be read as a count.
  { pattern: /(今月|本月|当月|先月|上个月|上月)\s*(\d{1,2})\s*[日号]/g, parts: (m, published) => [undefined, ((published.getUTCMonth() + RELATIVE_MONTHS[m[1]!]! + 12) % 12) + 1, m[2]!] },
  // “5·20” (a Chinese date name: Lai's May 20 speech): only near publication, so a past one ("9·11") is not read as this year's.
  { pattern: /(?<![\d.])(\d{1,2})\s*[·・]\s*(\d{1,2})(?![\d.])/g, parts: (m) => [undefined, Number(m[1]), m[2]!], withinDays: 31 },
  // ngày 11 tháng 10 năm 2025
  { pattern: /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?/g, parts: (m) => [m[3], Number(m[2]), m[1]!] },
  // ngày 23/5 · ngày 23/5/2024 (Vietnamese writes day before month)
  { pattern: /ngày\s+(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?(?![\d/])/g, parts: (m) => [m[3], Number(m[2]), m[1]!] },
  // Chinese and Japanese leads give the day alone: "（中央社記者台北11日電）", "11日，"; Korean "11일".
  { pattern: /(?<![\d月월/])(\d{1,2})\s*(?:日(?![本間间])|号|일(?!본))/g, parts: (m) => [undefined, undefined, m[1]!] },
];

const DAY_MS = 86_400_000;

function utcDate(year: number, month: number, day: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? ms : undefined;
}

/** How far a date is from publication; news looks back more often than ahead. */
function distance(ms: number, publishedMs: number): number {
  return ms > publishedMs ? 2 * (ms - publishedMs) : publishedMs - ms;
}

/** The date the parts name: a missing year or month is the one that puts it nearest to publication. */
function resolve(year: string | undefined, month: number | undefined, day: number, publishedMs: number): number | undefined {
  const published = new Date(publishedMs);
  const options: Array<[number, number]> = [];
  if (year !== undefined && month !== undefined) options.push([Number(year), month]);
  else if (month !== undefined) for (const dy of [-1, 0, 1]) options.push([published.getUTCFullYear() + dy, month]);
  else for (const dm of [-1, 0, 1]) options.push([published.getUTCFullYear(), published.getUTCMonth() + 1 + dm]);
  let best: number | undefined;
  for (const [y, m] of options) {
    const ms = utcDate(y + Math.floor((m - 1) / 12), ((m + 11) % 12) + 1, day);
    if (ms !== undefined && (best === undefined || distance(ms, publishedMs) < distance(best, publishedMs))) best = ms;
  }
  return best;
}

export interface MentionedDates {
  /** 'date:2025-10-11' */
  dates: string[];
  /** The text with each date blanked, so its digits are not read again as numbers. */
  rest: string;
}

/** Calendar dates a folded text names, resolved against when it was published. */
export function mentionedDates(folded: string, publishedMs: number): MentionedDates {
  const dates = new Set<string>();
  let rest = folded;
  for (const { pattern, parts, withinDays } of PATTERNS) {
    rest = rest.replace(pattern, (...args) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const [year, month, day] = parts(match, new Date(publishedMs));
      const ms = resolve(year, month, Number(day), publishedMs);
      if (ms === undefined) return match[0];
      if (withinDays !== undefined && Math.abs(ms - publishedMs) > withinDays * DAY_MS) return ' '.repeat(match[0].length);
      dates.add(`date:${new Date(ms).toISOString().slice(0, 10)}`);
      return ' '.repeat(match[0].length);
    });
  }
  return { dates: [...dates], rest };
}

/** A date within this of publication is "today" in some time zone: every story of the day names it. */
export function isNearPublication(dateEntity: string, publishedMs: number): boolean {
  return Math.abs(Date.parse(dateEntity.slice(5)) - publishedMs) < 1.5 * DAY_MS;
}
