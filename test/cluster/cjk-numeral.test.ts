import { describe, expect, it } from 'vitest';
import { cjkNumeral } from '../../src/cluster/cjk-numeral.js';

describe('cjkNumeral', () => {
  it.each([
    { numeral: '十', value: 10 },
    { numeral: '十五', value: 15 },
    { numeral: '二十', value: 20 },
    { numeral: '三百五十', value: 350 },
    { numeral: '一千二百', value: 1200 },
    { numeral: '两万', value: 20000 },
    { numeral: '十五亿', value: 1_500_000_000 },
    { numeral: '二〇二五', value: 2025 },
  ])('$numeral = $value', ({ numeral, value }) => {
    expect(cjkNumeral(numeral)).toBe(value);
  });

  it('is undefined for what is not a numeral', () => {
    expect(cjkNumeral('二x')).toBeUndefined();
  });
});
