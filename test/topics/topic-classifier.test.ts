import { describe, expect, it } from 'vitest';
import type { TopicDefinition } from '../../src/core/topic-definition.js';
import { TopicClassifier, topicScore } from '../../src/topics/topic-classifier.js';
import type { ThreatActor } from '../../src/topics/threat-actors.js';

const TOPICS: TopicDefinition[] = [
  {
    name: 'taiwan',
    threshold: 1,
    terms: [
      { term: 'taiwan*', weight: 1 },
      { term: '台湾', weight: 1 },
      { term: 'bubble tea', weight: -1 },
    ],
  },
  {
    name: 'apt',
    threshold: 1,
    groupWeight: 2,
    terms: [
      { term: 'cyber espionage', weight: 1 },
      { term: 'hackers', weight: 0.6, with: ['state-sponsored', 'military'] },
      { term: 'ransomware', weight: -0.5 },
    ],
  },
];

const ACTORS: ThreatActor[] = [
  { name: 'APT31', aliases: ['Zirconium', 'Violet Typhoon', 'Judgment Panda', '紫羅蘭颱風'], country: 'CN', stateSponsored: true, contextAliases: ['Zirconium'] },
  { name: 'Lazarus Group', aliases: ['Lazarus', 'Hidden Cobra', '라자루스'], country: 'KP', stateSponsored: true, contextAliases: ['Lazarus'] },
  { name: 'Scattered Spider', aliases: ['Octo Tempest'], country: null, stateSponsored: false },
  { name: 'Storm-1376', aliases: ['Taizi Flood'], country: 'CN', stateSponsored: true, influence: true },
];

const classifier = new TopicClassifier(TOPICS, ACTORS);

describe('TopicClassifier', () => {
  it.each([
    { name: 'a Taiwan story', title: 'Taiwan reports Chinese aircraft', body: '', topics: ['taiwan'], groups: [] },
    { name: 'any alias tags the canonical group, and the group makes it apt', title: 'Microsoft: Violet Typhoon targeted ministries', body: '', topics: ['apt'], groups: ['APT31'] },
    { name: 'Traditional Chinese alias', title: '紫罗兰台风攻击', body: '', topics: ['apt'], groups: ['APT31'] },
    { name: 'code-like alias in every spelling', title: 'APT-31 and Judgment Panda', body: '', topics: ['apt'], groups: ['APT31'] },
    { name: 'both topics', title: 'Taiwan blames state-sponsored hackers for cyber espionage', body: '', topics: ['taiwan', 'apt'], groups: [] },
    { name: 'a context term without its context', title: 'Hackers leak a game studio', body: '', topics: [], groups: [] },
    { name: 'an ordinary-word alias alone is not a group', title: 'Lazarus rises in the Sunday gospel', body: '', topics: [], groups: [] },
    { name: 'an ordinary-word alias in a hacking story is', title: 'Lazarus stole $1.5bn in crypto', body: 'Investigators call it cyber espionage on a grand scale.', topics: ['apt'], groups: ['Lazarus Group'] },
    { name: 'a criminal gang is named but is not apt', title: 'Scattered Spider ransomware hits casino', body: '', topics: [], groups: [] },
    { name: 'an influence operation is not a hacking group', title: 'Taizi Flood spread disinformation', body: '', topics: [], groups: [] },
    { name: 'a negative term pulls a false friend below the threshold', title: 'The best Taiwanese bubble tea in town', body: '', topics: [], groups: [] },
  ])('$name', ({ title, body, topics, groups }) => {
    const result = classifier.classify(title, body);
    expect(result.topics.sort()).toEqual([...topics].sort());
    expect(result.groups).toEqual(groups);
  });

  it('explains itself: matched terms, where, weights, and groups', () => {
    const result = classifier.classify('Taiwan: Violet Typhoon hackers', 'Officials call them state-sponsored hackers.');
    expect(result.matched).toEqual(
      expect.arrayContaining([
        { term: 'taiwan*', in: 'title', topic: 'taiwan', weight: 1 },
        { term: 'hackers', in: 'title', topic: 'apt', weight: 0.6 },
        { term: 'violet typhoon', in: 'title', group: 'APT31' },
      ]),
    );
    // Title matches weigh 1.5x: taiwan raw 1.5 → 1 - 0.5^1.5.
    expect(result.scores.taiwan).toBe(topicScore(1.5, 1));
    // apt: 0.6 × 1.5 + 2 for the group.
    expect(result.scores.apt).toBe(topicScore(2.9, 1));
  });

  it.each([
    { raw: 0, score: 0 },
    { raw: -1, score: 0 },
    { raw: 1, score: 0.5 },
    { raw: 2, score: 0.75 },
    { raw: 3, score: 0.875 },
  ])('score of raw $raw at threshold 1 is $score', ({ raw, score }) => {
    expect(topicScore(raw, 1)).toBe(score);
  });
});
