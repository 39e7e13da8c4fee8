import { describe, expect, it } from 'vitest';
import { mentionedNumbers } from '../../src/cluster/mentioned-numbers.js';
import { foldText } from '../../src/core/fold-text.js';

describe('mentionedNumbers', () => {
  it.each([
    { text: '20 people', expected: ['num:20'] },
    { text: '20名嫌犯', expected: ['num:20'] },
    { text: '二十名嫌犯', expected: ['num:20'] },
    { text: '二十多名', expected: ['num:20'] },
    { text: 'ハッカー20人', expected: ['num:20'] },
    { text: '20명', expected: ['num:20'] },
    { text: '1,200 soldiers', expected: ['num:1200'] },
    { text: '1.200 Soldaten', expected: ['num:1200'] },
    { text: '$1.5 billion', expected: ['num:1500000000'] },
    { text: '15億美元', expected: ['num:1500000000'] },
    { text: '1,5 milliard', expected: ['num:1500000000'] },
    { text: '兩萬人', expected: ['num:20000'] },
    { text: '3萬人', expected: ['num:30000'] },
    { text: 'magnitude 7.4', expected: ['num:7.4'] },
    { text: 'CVE-2024-3400', expected: ['cve:2024-3400'] },
    { text: '聯合利劍-2024A', expected: ['code:2024a'] },
    { text: 'Shunxin-39', expected: ['num:39'] },
  ])('$text → $expected', ({ text, expected }) => {
    expect(mentionedNumbers(foldText(text))).toEqual(expected);
  });

  it.each([
    { name: 'years', text: 'in 2024, 2025年' },
    { name: 'small counts', text: '3 ships and 2 days' },
    { name: 'names with digits', text: 'APT31, F-16, G7' },
    { name: 'ordinals and times', text: '20th anniversary at 10:30' },
    { name: 'Han numerals in words', text: '十分重要的百姓' },
    { name: 'months', text: '2025年10月' },
  ])('leaves out $name', ({ text }) => {
    expect(mentionedNumbers(foldText(text))).toEqual([]);
  });
});
