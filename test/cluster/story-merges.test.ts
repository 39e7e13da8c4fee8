import { describe, expect, it } from 'vitest';
import { StoryMerges } from '../../src/cluster/story-merges.js';

describe('StoryMerges', () => {
  it('gives a story itself until it is merged, then the story it went into, through chains', () => {
    const merges = new StoryMerges();
    expect(merges.current('a')).toBe('a');
    merges.record(['a'], 'b');
    merges.record(['b', 'x'], 'c');
    expect(merges.current('a')).toBe('c');
    expect(merges.current('x')).toBe('c');
    expect(merges.current('c')).toBe('c');
  });
});
