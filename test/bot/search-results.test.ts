import { describe, expect, it } from 'vitest';
import { parsePageButtonId, searchResultsPage } from '../../src/bot/search-results.js';
import type { SearchHit } from '../../src/store/search-stories.js';
import { makeStory } from '../support/stories.js';

const hit = (i: number, title = `Story ${i}`): SearchHit => ({
  story: makeStory({ id: `id${i}`, title, classification: { lang: 'eng', bcp47: 'en', script: 'Latn', topics: ['apt'], scores: {}, groups: ['APT31'], matched: [] } }),
  score: 10 - i,
});

describe('searchResultsPage', () => {
  it('lists five stories and offers the next page when there is one', () => {
    const page = searchResultsPage('volt typhoon', [0, 1, 2, 3, 4, 5].map((i) => hit(i)), 0, 'k1');
    expect(page.embeds[0]!.description!.match(/\*\*\d+\.\*\*/g)).toEqual(['**1.**', '**2.**', '**3.**', '**4.**', '**5.**']);
    const [previous, next] = page.components[0]!.components;
    expect(previous).toMatchObject({ disabled: true });
    expect(next).toMatchObject({ disabled: false });
    expect(parsePageButtonId((next as { custom_id: string }).custom_id)).toEqual({ page: 1, queryKey: 'k1' });
  });

  it('numbers later pages on, and closes the last one', () => {
    const page = searchResultsPage('q', [hit(0), hit(1)], 2, 'k');
    expect(page.embeds[0]!.description).toContain('**11.**');
    expect(page.components[0]!.components[1]).toMatchObject({ disabled: true });
  });

  it('escapes feed text and says when nothing was found', () => {
    const page = searchResultsPage('q', [hit(0, '@everyone **bold** [x](https://evil)')], 0, 'k');
    expect(page.embeds[0]!.description).not.toMatch(/@everyone|\*\*bold\*\*/);
    expect(searchResultsPage('q', [], 0, 'k')).toMatchObject({ components: [], embeds: [{ description: expect.stringContaining('No stories found') }] });
  });
});
