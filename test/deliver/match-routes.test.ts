import { describe, expect, it } from 'vitest';
import { type RoutableStory, destinationsFor, routeMatches } from '../../src/deliver/match-routes.js';

const STORY: RoutableStory = { feedId: 'cna-zh', bcp47: 'zh-Hant', topics: ['taiwan', 'apt'], groups: ['APT31'], scores: { taiwan: 0.8, apt: 0.6 } };
const CH = '123456789012345678';

describe('routeMatches', () => {
  it.each([
    { name: 'no filters: every relevant story', route: {}, match: true },
    { name: 'topic', route: { topics: ['apt'] }, match: true },
    { name: 'other topic', route: { topics: ['semiconductors'] }, match: false },
    { name: 'language exact', route: { languages: ['zh-Hant'] }, match: true },
    { name: 'language prefix: zh covers both scripts', route: { languages: ['zh'] }, match: true },
    { name: 'other script', route: { languages: ['zh-Hans', 'en'] }, match: false },
    { name: 'feed', route: { feeds: ['cna-zh'] }, match: true },
    { name: 'other feed', route: { feeds: ['xinhua-zh'] }, match: false },
    { name: 'group', route: { groups: ['APT31'] }, match: true },
    { name: 'other group', route: { groups: ['APT41'] }, match: false },
    { name: 'minScore met by the best topic', route: { minScore: 0.75 }, match: true },
    { name: 'minScore counts only the route topics', route: { topics: ['apt'], minScore: 0.75 }, match: false },
    { name: 'every filter must hold', route: { topics: ['apt'], languages: ['en'] }, match: false },
    { name: 'ops routes get no alerts', route: { ops: true }, match: false },
  ])('$name', ({ route, match }) => {
    expect(routeMatches({ channel: CH, ...route }, STORY)).toBe(match);
  });

  it('an irrelevant story matches nothing', () => {
    expect(routeMatches({ channel: CH }, { ...STORY, topics: [] })).toBe(false);
  });
});

describe('destinationsFor', () => {
  it('one alert per destination, however many routes lead there', () => {
    expect(destinationsFor(STORY, [{ channel: CH, topics: ['taiwan'] }, { channel: CH, topics: ['apt'] }])).toEqual([`channel:${CH}`]);
  });

  it('webhooks are keyed by their id, never their token', () => {
    expect(destinationsFor(STORY, [{ webhook: 'https://discord.com/api/webhooks/999999999999999999/secret-token' }])).toEqual(['webhook:999999999999999999']);
  });

  it('with no alert routes, relevant stories go to the console', () => {
    expect(destinationsFor(STORY, [{ channel: CH, ops: true }])).toEqual(['console']);
    expect(destinationsFor({ ...STORY, topics: [] }, [])).toEqual([]);
  });
});
