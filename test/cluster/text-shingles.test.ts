import { describe, expect, it } from 'vitest';
import { textShingles } from '../../src/cluster/text-shingles.js';

describe('textShingles', () => {
  it.each([
    { name: 'word pairs', text: 'china offers bounty', expected: ['china offers', 'offers bounty'] },
    { name: 'Han bigrams', text: '资通电军', expected: ['资通', '通电', '电军'] },
    { name: 'a lone word', text: 'tsmc', expected: ['tsmc'] },
    { name: 'no pair across a Han run', text: 'apt31 攻击 czech', expected: ['攻击', 'apt31', 'czech'] },
  ])('$name', ({ text, expected }) => {
    expect(textShingles(text)).toEqual(expected);
  });
});
