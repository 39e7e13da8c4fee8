import { describe, expect, it } from 'vitest';
import { clusterFeatures } from '../../src/cluster/cluster-features.js';
import type { ClusterInput } from '../../src/cluster/cluster-input.js';
import { DEFAULT_CLUSTER_THRESHOLDS } from '../../src/cluster/cluster-thresholds.js';
import { type ClusterCandidate, type ClusterMatch, clusterMatches, comparePair, type MatchSide } from '../../src/cluster/match-story.js';
import { BOUNTY_REPORTS } from './bounty-reports.js';
import { hualienReports } from './hualien-reports.js';

const [EN, ZH_HANT, ZH_HANS, JA] = BOUNTY_REPORTS as [ClusterInput, ClusterInput, ClusterInput, ClusterInput];
const candidate = (input: ClusterInput, clusterId = input.id, embedding?: number[]): ClusterCandidate => ({
  storyId: input.id,
  clusterId,
  features: clusterFeatures(input),
  ...(embedding && { embedding }),
});
const UNRELATED: ClusterInput = {
  id: 'en-tsmc',
  title: 'TSMC quarterly profit beats forecasts on AI chip demand',
  text: 'Taiwan Semiconductor Manufacturing Co reported a 54% jump in third-quarter net profit.',
  lang: 'en',
  groups: [],
  published: '2025-06-05T10:00:00Z',
  feedId: 'reuters',
};

/** The story a report joins: the best of its matches. */
const bestCluster = (...args: Parameters<typeof clusterMatches>): ClusterMatch | undefined => clusterMatches(...args)[0];

describe('clusterMatches: the best cluster', () => {
  it('finds a syndicated copy as a near-duplicate', () => {
    const copy = clusterFeatures({ ...EN, id: 'copy', feedId: 'yahoo', text: `${EN.text} (Reporting by staff)` });
    const match = bestCluster({ features: copy }, [candidate(EN, 'c1')], DEFAULT_CLUSTER_THRESHOLDS);
    expect(match).toMatchObject({ clusterId: 'c1', reason: 'near-duplicate' });
  });

  it.each([
    { name: 'Traditional Chinese', story: ZH_HANT },
    { name: 'Simplified Chinese', story: ZH_HANS },
    { name: 'Japanese', story: JA },
  ])('finds the English report from the $name one by shared entities', ({ story }) => {
    const match = bestCluster({ features: clusterFeatures(story) }, [candidate(UNRELATED), candidate(EN, 'c1')], DEFAULT_CLUSTER_THRESHOLDS);
    expect(match).toMatchObject({ clusterId: 'c1', reason: 'shared-entities' });
  });

  it('prefers the stronger kind of evidence, then the higher similarity', () => {
    const copy = clusterFeatures({ ...ZH_HANT, id: 'copy' });
    const match = bestCluster({ features: copy }, [candidate(EN, 'by-entities'), candidate(ZH_HANT, 'by-wording')], DEFAULT_CLUSTER_THRESHOLDS);
    expect(match?.clusterId).toBe('by-wording');
  });

  it('finds nothing outside the window', () => {
    const late = clusterFeatures({ ...ZH_HANT, published: '2025-06-09T12:00:00Z' });
    expect(bestCluster({ features: late }, [candidate(EN)], DEFAULT_CLUSTER_THRESHOLDS)).toBeUndefined();
  });

  it('finds nothing among unrelated stories', () => {
    expect(bestCluster({ features: clusterFeatures(ZH_HANT) }, [candidate(UNRELATED)], DEFAULT_CLUSTER_THRESHOLDS)).toBeUndefined();
  });

  describe('embeddings', () => {
    const thresholds = { ...DEFAULT_CLUSTER_THRESHOLDS, crossLanguage: 2, crossLanguageWeak: 2, promptHours: 0 };
    it.each([
      { name: 'close vectors match', story: [1, 0.1], other: [1, 0.12], reason: 'embedding' },
      { name: 'distant vectors do not', story: [1, 0], other: [0, 1], reason: undefined },
      { name: 'a candidate without one does not', story: [1, 0], other: undefined, reason: undefined },
    ])('$name', ({ story, other, reason }) => {
      const match = bestCluster({ features: clusterFeatures(ZH_HANT), embedding: story }, [candidate(EN, 'c1', other)], thresholds);
      expect(match?.reason).toBe(reason);
    });

    it('do not override a conflict', () => {
      const twenty = clusterFeatures({ ...EN, id: 'other', title: 'China offers bounty for 35 alleged Taiwanese military hackers', text: '' });
      const match = bestCluster({ features: twenty, embedding: [1, 0] }, [candidate(EN, 'c1', [1, 0])], thresholds);
      expect(match).toBeUndefined();
    });
  });
});

describe('comparePair without a strong entity (crossLanguageWeak)', () => {
  // The French and German reports of Taiwan's 2024 election name Lai, his party, the vote and Beijing: nothing rare, but all the same.
  const withEntities = (title: string, entities: string[]) => ({ features: { ...clusterFeatures({ ...EN, title, text: '' }), entities } });
  const ELECTION = ['country:taiwan', 'event:election', 'org:dpp', 'person:lai-ching-te', 'place:beijing'];

  it('folds reports that agree on several weak names and nothing else', () => {
    const verdict = comparePair(withEntities('Présidentielle à Taïwan : Lai élu', ELECTION), withEntities('Lai gewinnt Präsidentenwahl in Taiwan', ELECTION), DEFAULT_CLUSTER_THRESHOLDS);
    expect(verdict).toMatchObject({ conflict: false, match: { reason: 'shared-entities', similarity: 1 } });
  });

  it('does not fold two briefs that name one weak thing and nothing else', () => {
    const verdict = comparePair(withEntities('Coast guard report one', ['org:coast-guard']), withEntities('Coast guard report two', ['org:coast-guard']), DEFAULT_CLUSTER_THRESHOLDS);
    expect(verdict).toMatchObject({ conflict: false });
    expect(verdict).not.toHaveProperty('match');
  });

  it('does not fold weak names shared among much else', () => {
    const more = [...ELECTION, 'person:hou-yu-ih', 'person:ko-wen-je', 'org:kuomintang', 'org:tpp'];
    const verdict = comparePair(withEntities('Lai wins', ELECTION), withEntities('賴清德當選', more), DEFAULT_CLUSTER_THRESHOLDS);
    expect(verdict).toMatchObject({ conflict: false });
    expect(verdict).not.toHaveProperty('match');
  });
});

describe('comparePair within promptHours (crossLanguagePrompt)', () => {
  // CNA's report of the Hualien earthquake and Xinhua's, half an hour apart: they share the place, the quake and its
  // minute but each quotes its own figures, an entity score of 0.58.
  const reports = hualienReports();
  const cna = reports.find((r) => r.id === 'c-dev-049')!;
  const xinhua = reports.find((r) => r.id === 'c-dev-051')!;
  const side = (input: ClusterInput) => ({ features: clusterFeatures(input) });
  const later = (input: ClusterInput, hours: number) => ({ ...input, published: new Date(Date.parse(cna.published) + hours * 3_600_000).toISOString() });

  it('folds reports that close in time at the lower score', () => {
    const verdict = comparePair(side(cna), side(xinhua), DEFAULT_CLUSTER_THRESHOLDS);
    expect(verdict).toMatchObject({ conflict: false, match: { reason: 'shared-entities' } });
    if (verdict.conflict) return;
    expect(verdict.entityScore).toBeGreaterThanOrEqual(DEFAULT_CLUSTER_THRESHOLDS.crossLanguagePrompt);
    expect(verdict.entityScore).toBeLessThan(DEFAULT_CLUSTER_THRESHOLDS.crossLanguage);
  });

  it('needs crossLanguage once they are further apart than promptHours', () => {
    const verdict = comparePair(side(cna), side(later(xinhua, DEFAULT_CLUSTER_THRESHOLDS.promptHours + 1)), DEFAULT_CLUSTER_THRESHOLDS);
    expect(verdict).toMatchObject({ conflict: false });
    expect(verdict).not.toHaveProperty('match');
  });

  it('promptHours 0 turns it off, and it never asks more than crossLanguage', () => {
    expect(comparePair(side(cna), side(xinhua), { ...DEFAULT_CLUSTER_THRESHOLDS, promptHours: 0 })).not.toHaveProperty('match');
    const laxer = { ...DEFAULT_CLUSTER_THRESHOLDS, crossLanguage: 0.5, crossLanguagePrompt: 0.7 };
    expect(comparePair(side(cna), side(later(xinhua, 10)), laxer)).toHaveProperty('match');
    expect(comparePair(side(cna), side(xinhua), laxer)).toHaveProperty('match');
  });
});

describe('clusterMatches: a story one of whose reports conflicts', () => {
  // A brief that names no exercise matches a report of each of two drills; a report of the second drill must not
  // join the first drill's story through it.
  const report = (id: string, entities: string[], hour: number): ClusterCandidate => ({
    storyId: id,
    clusterId: 'strait-thunder',
    features: { lang: 'en', publishedMs: Date.parse('2025-04-01T00:00:00Z') + hour * 3_600_000, feedId: id, signature: [], keys: [], entities },
  });
  const drills = ['event:military-drills', 'person:lai-ching-te', 'place:taiwan-strait', 'org:eastern-theater-command'];
  const namedReport = report('named', ['event:strait-thunder', ...drills], 0);
  const brief = report('brief', drills, 1);
  const justiceMission: MatchSide = { features: { ...report('justice', ['event:justice-mission', ...drills], 2).features } };

  it('is not joined, however well the report matches another of its reports', () => {
    expect(clusterMatches(justiceMission, [brief], DEFAULT_CLUSTER_THRESHOLDS).map((m) => m.clusterId)).toEqual(['strait-thunder']);
    expect(clusterMatches(justiceMission, [namedReport, brief], DEFAULT_CLUSTER_THRESHOLDS)).toEqual([]);
  });

  it('leaves other stories to match', () => {
    const other = { ...brief, storyId: 'other', clusterId: 'other-story' };
    expect(clusterMatches(justiceMission, [namedReport, brief, other], DEFAULT_CLUSTER_THRESHOLDS).map((m) => m.clusterId)).toEqual(['other-story']);
  });
});
