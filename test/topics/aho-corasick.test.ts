import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../src/topics/aho-corasick.js';

function all(patterns: string[], text: string): Array<[string, number]> {
  const found: Array<[string, number]> = [];
  new AhoCorasick(patterns).search(text, (id, end) => found.push([patterns[id]!, end]));
  return found.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
}

describe('AhoCorasick', () => {
  it.each([
    { name: 'overlapping patterns (the classic he/she/his/hers)', patterns: ['he', 'she', 'his', 'hers'], text: 'ushers', found: [['he', 4], ['she', 4], ['hers', 6]] },
    { name: 'a pattern inside another', patterns: ['apt', 'apt31'], text: 'apt31 and apt', found: [['apt', 3], ['apt31', 5], ['apt', 13]] },
    { name: 'CJK, one code unit per character', patterns: ['台湾', '湾海峡', '海峡'], text: '台湾海峡', found: [['台湾', 2], ['海峡', 4], ['湾海峡', 4]] },
    { name: 'astral characters (surrogate pairs)', patterns: ['𠮷野家'], text: 'x𠮷野家', found: [['𠮷野家', 5]] },
    { name: 'repeats are all reported', patterns: ['ab'], text: 'ababab', found: [['ab', 2], ['ab', 4], ['ab', 6]] },
    { name: 'failure links across a near miss', patterns: ['abcd', 'bce'], text: 'abce', found: [['bce', 4]] },
    { name: 'nothing', patterns: ['taiwan'], text: 'thailand', found: [] },
  ])('$name', ({ patterns, text, found }) => {
    expect(all(patterns, text)).toEqual(found);
  });

  it('refuses an empty pattern', () => {
    expect(() => new AhoCorasick(['a', ''])).toThrow(RangeError);
  });
});
