import { describe, expect, it } from 'vitest';
import { groupProfileEmbed } from '../../src/bot/group-profile.js';
import { foldText } from '../../src/core/fold-text.js';
import { groupByAlias } from '../../src/topics/threat-actors.js';
import { makeStory } from '../support/stories.js';

describe('groupProfileEmbed', () => {
  it('shows the group found by any alias with its aliases, country and recent stories', () => {
    const actor = groupByAlias('Violet Typhoon', foldText)!;
    const embed = groupProfileEmbed(actor, [makeStory({ id: 's1', title: 'Czech ministry blames APT31', link: 'https://example.org/s1' })]);
    expect(embed.title).toBe('APT31 🇨🇳');
    const field = (name: string) => embed.fields!.find((f) => f.name === name)!.value;
    expect(field('Also known as')).toContain('Zirconium');
    expect(field('Also known as')).toContain('紫羅蘭颱風');
    expect(field('State-sponsored')).toBe('yes');
    expect(field('MITRE ATT&CK')).toContain('G0128');
    expect(field('Recent stories')).toContain('[Czech ministry blames APT31](https://example.org/s1)');
  });
});
