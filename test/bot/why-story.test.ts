import { describe, expect, it } from 'vitest';
import { whyEmbed } from '../../src/bot/why-story.js';
import { understanding } from '../support/pipeline-harness.js';
import { makeStory } from '../support/stories.js';

describe('whyEmbed', () => {
  it('shows language, topic scores against the threshold, matched terms and routes', () => {
    const title = 'Microsoft: Violet Typhoon targeted Taiwan ministries';
    const story = makeStory({ id: 'w1', title, classification: understanding()({ title }) });
    const embed = whyEmbed(story, [
      { destination: 'channel:111', matched: true, state: 'sent' },
      { destination: 'channel:222', matched: false },
    ]);
    const field = (name: string) => embed.fields!.find((f) => f.name === name)!.value;
    expect(field('Language')).toBe('en (eng, script Latn)');
    expect(field('Groups')).toBe('APT31');
    expect(field('Topics')).toMatch(/✅ \*\*apt\*\* 0\.\d\d/);
    expect(field('Topics')).toMatch(/✅ \*\*taiwan\*\*/);
    expect(field('Matched')).toContain('→ APT31');
    expect(field('Routes')).toBe('📨 channel:111 (sent)\n— channel:222');
  });

  it('says why nothing alerted', () => {
    const title = 'Thai PM dissolves parliament';
    const embed = whyEmbed(makeStory({ id: 'w2', title, classification: understanding()({ title }) }), []);
    expect(embed.fields!.find((f) => f.name === 'Topics')!.value).toContain('(below 0.50)');
    expect(embed.fields!.find((f) => f.name === 'Matched')!.value).toBe('no term matched');
  });
});
