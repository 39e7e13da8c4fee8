const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * The value of a Chinese or Japanese numeral in folded (Simplified) text: 二十 → 20, 三百五十 → 350,
 * 两万 → 20000, 十五 → 15; a bare digit run reads digit by digit (二〇二五 → 2025).
 */
export function cjkNumeral(numeral: string): number | undefined {
  if (![...numeral].some((c) => c in SMALL_UNITS || c in LARGE_UNITS)) {
    let value = 0;
    for (const c of numeral) {
      const digit = DIGITS[c];
      if (digit === undefined) return undefined;
      value = value * 10 + digit;
    }
    return value;
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of numeral) {
    if (c in DIGITS) digit = DIGITS[c];
    else if (c in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[c]!;
      digit = undefined;
    } else if (c in LARGE_UNITS) {
      total += (section + (digit ?? 0) || 1) * LARGE_UNITS[c]!;
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}
