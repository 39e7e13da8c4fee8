import { describe, expect, it } from 'vitest';
import { entityEvidence } from '../../src/cluster/entity-evidence.js';

const AT = Date.parse('2025-06-05T09:00:00Z');
const side = (...entities: string[]) => ({ entities, publishedMs: AT });

describe('entityEvidence', () => {
  it.each([
    { name: 'different groups', a: ['group:APT31', 'country:czechia'], b: ['group:APT41', 'country:czechia'] },
    { name: 'different counts', a: ['num:20', 'event:military-aircraft'], b: ['num:35', 'event:military-aircraft'] },
    { name: 'different past dates', a: ['date:2025-05-28', 'org:fbi'], b: ['date:2025-05-20', 'org:fbi'] },
    { name: 'different CVEs', a: ['cve:2024-3400'], b: ['cve:2023-4966'] },
    { name: 'different designations', a: ['code:2024a', 'event:joint-sword'], b: ['code:2024b', 'event:joint-sword'] },
  ])('conflict: $name', ({ a, b }) => {
    expect(entityEvidence(side(...a), side(...b)).conflict).toBe(true);
  });

  it.each([
    { name: 'one group shared of several', a: ['group:APT31', 'group:APT41'], b: ['group:APT41'] },
    { name: 'one side names no count', a: ['num:20', 'org:icefc'], b: ['org:icefc'] },
    { name: "dates of the day are everyone's", a: ['date:2025-06-05'], b: ['date:2025-06-04'] },
  ])('no conflict: $name', ({ a, b }) => {
    expect(entityEvidence(side(...a), side(...b)).conflict).toBe(false);
  });

  it('counts strong shared entities, and scores 1 for stories that name the same things', () => {
    const evidence = entityEvidence(side('num:20', 'org:icefc', 'country:taiwan'), side('num:20', 'org:icefc', 'country:taiwan'));
    expect(evidence.strongShared).toBe(2);
    expect(evidence.score).toBeCloseTo(1);
  });

  it('scores lower what only one story names, the more so the heavier it is', () => {
    const base = side('num:20', 'org:icefc');
    const withWeak = entityEvidence(base, side('num:20', 'org:icefc', 'country:taiwan')).score;
    const withStrong = entityEvidence(base, side('num:20', 'org:icefc', 'group:APT31')).score;
    expect(withWeak).toBeLessThan(1);
    expect(withStrong).toBeLessThan(withWeak);
  });

  it('weighs a count only one story gives at half: leads differ in how many figures they quote', () => {
    const short = side('org:icefc', 'place:guangzhou');
    const withCount = entityEvidence(short, side('org:icefc', 'place:guangzhou', 'num:10000')).score;
    // Both weigh 2 (kind defaults); the count only one story gives counts as 1.
    const withPlace = entityEvidence(short, side('org:icefc', 'place:guangzhou', 'place:shanghai')).score;
    expect(withCount).toBeGreaterThan(withPlace);
  });

  it('weighs a time or a span of years only one story gives at half, as a count', () => {
    const short = side('org:icefc', 'place:guangzhou');
    const withTime = entityEvidence(short, side('org:icefc', 'place:guangzhou', 'time:58')).score;
    const withPlace = entityEvidence(short, side('org:icefc', 'place:guangzhou', 'place:shanghai')).score;
    expect(withTime).toBeGreaterThan(withPlace);
    expect(entityEvidence(short, side('org:icefc', 'place:guangzhou', 'years:25')).score).toBeCloseTo(withTime);
  });

  it('does not count weak entities as strong', () => {
    expect(entityEvidence(side('country:taiwan', 'country:china', 'event:military-drills'), side('country:taiwan', 'country:china', 'event:military-drills')).strongShared).toBe(0);
  });
});

describe('entityEvidence on counts', () => {
  it.each([
    { name: 'each gives a count the other lacks, though one is shared', a: ['num:20', 'num:24'], b: ['num:35', 'num:24'], conflict: true },
    { name: 'one gives more counts', a: ['num:20', 'num:24'], b: ['num:20'], conflict: false },
    { name: 'neither gives counts', a: ['org:fbi'], b: ['org:fbi'], conflict: false },
    {
      name: 'two shared strong entities excuse tolls that differ (one earthquake, two agencies)',
      a: ['place:hualien', 'num:7.2', 'num:25', 'event:earthquake'],
      b: ['place:hualien', 'num:7.2', 'num:58', 'event:earthquake'],
      conflict: false,
    },
    { name: 'one shared strong entity does not', a: ['place:median-line', 'num:20'], b: ['place:median-line', 'num:35'], conflict: true },
    { name: 'measurements that differ (magnitude by two agencies)', a: ['place:hualien', 'num:7.2'], b: ['place:hualien', 'num:7.4'], conflict: false },
    { name: 'times and spans of years that differ', a: ['place:hualien', 'time:58', 'years:25'], b: ['place:hualien', 'time:12', 'years:50'], conflict: false },
    // One arms sale: US$11.1 billion, "$11 billion", 7,000億円.
    { name: 'amounts of a million and more, rounded and converted', a: ['event:arms-sale', 'num:11000000000'], b: ['event:arms-sale', 'num:700000000000'], conflict: false },
    { name: 'counts just under a million do conflict', a: ['event:arms-sale', 'num:999999'], b: ['event:arms-sale', 'num:12'], conflict: true },
    // Rival names (concepts.json "exclusive"): a named exercise is not another, a typhoon is not another.
    { name: 'two named exercises', a: ['event:strait-thunder', 'event:military-drills', 'person:lai-ching-te'], b: ['event:justice-mission', 'event:military-drills', 'person:lai-ching-te'], conflict: true },
    { name: 'two typhoons', a: ['event:typhoon-gaemi', 'place:kaohsiung'], b: ['event:typhoon-krathon', 'place:kaohsiung'], conflict: true },
    { name: 'a report naming both exercises, the earlier one as background', a: ['event:justice-mission', 'event:strait-thunder'], b: ['event:justice-mission'], conflict: false },
    { name: 'a named exercise and a typhoon (different sets)', a: ['event:han-kuang', 'event:typhoon-gaemi'], b: ['event:typhoon-gaemi'], conflict: false },
  ])('$name: conflict $conflict', ({ a, b, conflict }) => {
    expect(entityEvidence(side(...a), side(...b)).conflict).toBe(conflict);
  });
});
