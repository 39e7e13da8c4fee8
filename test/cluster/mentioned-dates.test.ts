import { describe, expect, it } from 'vitest';
import { isNearPublication, mentionedDates } from '../../src/cluster/mentioned-dates.js';
import { foldText } from '../../src/core/fold-text.js';

const PUBLISHED = Date.parse('2025-10-11T03:00:00Z');

describe('mentionedDates', () => {
  it.each([
    { text: 'On Oct. 3, the FBI said', date: 'date:2025-10-03' },
    { text: 'October 3rd, 2024', date: 'date:2024-10-03' },
    { text: 'le 3 octobre', date: 'date:2025-10-03' },
    { text: 'am 3. Oktober', date: 'date:2025-10-03' },
    { text: 'el 3 de octubre de 2025', date: 'date:2025-10-03' },
    { text: '3 октября', date: 'date:2025-10-03' },
    { text: 'dne 3. října', date: 'date:2025-10-03' },
    { text: 'ngày 3 tháng 10', date: 'date:2025-10-03' },
    { text: '2025年10月3日', date: 'date:2025-10-03' },
    { text: '10월 3일', date: 'date:2025-10-03' },
    { name: 'Vietnamese day/month', text: 'ngày 3/10', date: 'date:2025-10-03' },
    { name: 'Vietnamese day/month/year', text: 'ngày 3/10/2024', date: 'date:2024-10-03' },
    { name: 'this month (Japanese)', text: '今月3日に就任した', date: 'date:2025-10-03' },
    { name: 'this month (Chinese)', text: '本月3日', date: 'date:2025-10-03' },
    { name: 'last month (Japanese)', text: '先月20日', date: 'date:2025-09-20' },
    { name: 'last month (Chinese)', text: '上个月20号', date: 'date:2025-09-20' },
    { name: 'a Chinese dateline gives the day alone', text: '（中央社記者台北11日電）', date: 'date:2025-10-11' },
    { name: 'a day after the publication month ends is last month', text: '30日', date: 'date:2025-09-30' },
    { name: 'a month without a year is the nearest', text: 'December 24', date: 'date:2025-12-24' },
    { name: 'or the past one when about as near', text: 'April 5', date: 'date:2025-04-05' },
    { name: 'a Chinese date name near publication', text: '赖清德“10·10”讲话', date: 'date:2025-10-10' },
  ])('$text → $date', ({ text, date }) => {
    expect(mentionedDates(foldText(text), PUBLISHED).dates).toEqual([date]);
  });

  it('blanks the dates it reads, so their digits are not counted again', () => {
    expect(mentionedDates('10月3日，20名', PUBLISHED).rest).toBe('     ，20名');
  });

  it('leaves no count behind a day of this month', () => {
    expect(mentionedDates(foldText('今月20日に就任'), PUBLISHED).rest).not.toMatch(/20/);
  });

  it('reads a date name far from publication as nothing, neither a date nor a count', () => {
    const { dates, rest } = mentionedDates(foldText('“5·20”以来'), PUBLISHED);
    expect(dates).toEqual([]);
    expect(rest).not.toMatch(/\d/);
  });

  it('does not read 日本 as a day', () => {
    expect(mentionedDates('30日本政府', PUBLISHED).dates).toEqual([]);
  });

  it.each([
    { date: 'date:2025-10-11', near: true },
    { date: 'date:2025-10-10', near: true },
    { date: 'date:2025-10-08', near: false },
  ])('$date near publication: $near', ({ date, near }) => {
    expect(isNearPublication(date, PUBLISHED)).toBe(near);
  });
});
