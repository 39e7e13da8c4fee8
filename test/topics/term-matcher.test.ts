import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/core/fold-text.js';
import { TermMatcher } from '../../src/topics/term-matcher.js';

function matches(term: string, text: string): boolean {
  const prefix = term.endsWith('*');
  const matcher = new TermMatcher([{ text: foldText(prefix ? term.slice(0, -1) : term), prefix }]);
  return matcher.find(foldText(text)).size === 1;
}

describe('TermMatcher', () => {
  it.each([
    { name: 'whole English word', term: 'taiwan', text: 'Taiwan reports drills', hit: true },
    { name: 'not inside another word', term: 'apt', text: 'adapted to the change', hit: false },
    { name: 'not a prefix of a longer word without *', term: 'taiwan', text: 'Taiwanese food', hit: false },
    { name: 'prefix term takes inflections', term: 'taiwan*', text: 'Taiwanese food', hit: true },
    { name: 'Cyrillic boundaries (\\b would fail here)', term: 'тайван*', text: 'тайваньского правительства', hit: true },
    { name: 'Cyrillic: not inside a word', term: 'гру', text: 'группа хакеров', hit: false },
    { name: 'Vietnamese multi-word with diacritics', term: 'đài loan', text: 'Quân đội Đài Loan tập trận', hit: true },
    { name: 'digits are word characters', term: 'apt31', text: 'APT315', hit: false },
    { name: 'Latin term right after Chinese text', term: 'apt31', text: '中国APT31组织', hit: true },
    { name: 'CJK without boundaries', term: '台湾', text: '中共军机扰台湾海峡', hit: true },
    { name: 'Traditional text, Simplified term', term: '台湾', text: '臺灣國防部', hit: true },
    { name: 'Simplified text, Traditional term', term: '資通電軍', text: '资通电军人员', hit: true },
    { name: 'Korean noun with a particle', term: '대만', text: '대만은 오늘', hit: true },
    { name: 'full-width Latin', term: 'apt31', text: 'ＡＰＴ３１による攻撃', hit: true },
    { name: 'case-insensitive', term: 'volt typhoon', text: 'VOLT TYPHOON', hit: true },
    { name: 'Thailand is not Taiwan', term: 'taiwan*', text: 'Thailand and Thai', hit: false },
  ])('$name', ({ term, text, hit }) => {
    expect(matches(term, text)).toBe(hit);
  });
});
