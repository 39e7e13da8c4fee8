import type { Story } from '../../src/core/story.js';
import { digest } from '../../src/core/story-id.js';

/** A complete Story with sensible defaults; tests override what they are about. */
export function makeStory(overrides: Partial<Story> & { id: string }): Story {
  const title = overrides.title ?? `story ${overrides.id}`;
  return {
    feedId: 'feed-a',
    link: `https://example.org/${overrides.id}`,
    title,
    summary: '',
    content: '',
    categories: [],
    published: '2025-06-03T01:00:00.000Z',
    publishedEstimated: false,
    fetchedAt: '2025-06-03T02:00:00.000Z',
    contentHash: digest(title),
    ...overrides,
  };
}
