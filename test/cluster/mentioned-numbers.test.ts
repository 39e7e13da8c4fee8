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
    // A sum in two units is one number.
    { text: '6억2천만달러', expected: ['num:620000000'] },
    { text: '1억5000만 원', expected: ['num:150000000'] },
    { text: '3亿5千万元', expected: ['num:350000000'] },
    { text: '2万5千人', expected: ['num:25000'] },
    { text: '1천만 달러', expected: ['num:10000000'] },
    { text: '2千万美元', expected: ['num:20000000'] },
    { text: '4천500억 원', expected: ['num:450000000000'] },
    { text: 'magnitude 7.4', expected: ['num:7.4'] },
    { text: 'CVE-2024-3400', expected: ['cve:2024-3400'] },
    { text: '聯合利劍-2024A', expected: ['code:2024a'] },
    { text: 'Shunxin-39', expected: ['num:39'] },
    // Times of day: the minute is kept (time zones change the hour), and never read as a count.
    { text: '今天上午7時58分發生地震', expected: ['time:58'] },
    { text: '3日午前8時58分ごろ', expected: ['time:58'] },
    { text: 'struck at 7:58 a.m.', expected: ['time:58'] },
    { text: '오전 8시 58분', expected: ['time:58'] },
    { text: '上午10點發布', expected: [] },
    // Spans of years are their own kind: shared they count, differing they never conflict.
    { text: 'strongest in 25 years', expected: ['years:25'] },
    { text: 'das schwerste seit 25 Jahren', expected: ['years:25'] },
    { text: 'сильнейшее за 25 лет', expected: ['years:25'] },
    { text: 'mạnh nhất 25 năm', expected: ['years:25'] },
    { text: '25年來最大', expected: ['years:25'] },
    { text: '二十五年来', expected: ['years:25'] },
    { text: '25년 만에 최대', expected: ['years:25'] },
    // Multiplier words end where letters do.
    { text: '71 military aircraft', expected: ['num:71'] },
    { text: '5 mila persone', expected: ['num:5000'] },
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
    { name: 'a disease named with a number', text: 'COVID-19 relief funds' },
    { name: 'ordinals', text: '第16任總統、第十四屆全國人大常委會第十八次會議、제20대 국회' },
    // Durations and distances are measurements: 千米 is a kilometre, not a thousand.
    { name: 'hours and minutes', text: 'in 24 hours; 24小時內; 24時間で; 17시간 만에; 24 Stunden; for 40 minutes; 四十分鐘; 30分間; 40분간' },
    { name: 'distances', text: '震源深度12千米, 10公里, depth of 15 km, 24 nautical miles, 24海里' },
    { name: 'vague quantities', text: '上萬次網絡攻擊、数千人、几百架' },
  ])('leaves out $name', ({ text }) => {
    expect(mentionedNumbers(foldText(text))).toEqual([]);
  });
});
