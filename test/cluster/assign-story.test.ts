import { describe, expect, it } from 'vitest';
import { assignStory } from '../../src/cluster/assign-story.js';
import type { ClusterInput } from '../../src/cluster/cluster-input.js';
import { DEFAULT_CLUSTER_THRESHOLDS } from '../../src/cluster/cluster-thresholds.js';
import { MemoryClusterIndex } from '../../src/cluster/memory-cluster-index.js';
import { BOUNTY_REPORTS } from './bounty-reports.js';

const report = (id: string, title: string, text: string, over: Partial<ClusterInput> = {}): ClusterInput => ({
  id,
  title,
  text,
  lang: 'en',
  groups: [],
  published: '2025-05-28T10:00:00Z',
  feedId: id,
  ...over,
});

/** Assigns the reports in order; returns the cluster id of each. */
function clusterAll(reports: readonly ClusterInput[]): string[] {
  const index = new MemoryClusterIndex();
  return reports.map((r) => assignStory(r, index, DEFAULT_CLUSTER_THRESHOLDS).clusterId);
}

const CZECH = report(
  'ap-czech',
  'Czech Republic blames China-linked APT31 for cyberattack on foreign ministry',
  'The Czech government said on Wednesday that the hacking group APT31, linked to China, was behind a campaign against an unclassified network of the foreign ministry that began in 2022.',
  { groups: ['APT31'] },
);

describe('assignStory', () => {
  it.each([
    {
      name: 'syndicated copies in one language fold',
      reports: [CZECH, { ...CZECH, id: 'yahoo-czech', feedId: 'yahoo', published: '2025-05-28T11:20:00Z' }],
      same: true,
    },
    {
      name: 'a rewrite by another outlet folds',
      reports: [
        CZECH,
        report(
          'reuters-czech',
          'Czechs accuse China of cyberattack on foreign ministry, blame APT31',
          'The Czech Republic on Wednesday accused China of a cyberattack on its foreign ministry, saying the hacking group APT31 was responsible and had targeted an unclassified network since 2022.',
          { groups: ['APT31'], feedId: 'reuters', published: '2025-05-28T12:00:00Z' },
        ),
      ],
      same: true,
    },
    {
      name: 'a Traditional Chinese report of it folds',
      reports: [CZECH, report('cna-czech', '捷克外交部遭網攻 捷克政府點名中國駭客組織APT31', '捷克政府28日指出，中國駭客組織APT31自2022年起攻擊捷克外交部的非機密網路。', { lang: 'zh-Hant', groups: ['APT31'], published: '2025-05-28T14:00:00Z' })],
      same: true,
    },
    {
      name: 'the same group a week later is another story',
      reports: [CZECH, report('ap-apt31-later', 'APT31 hackers target Czech ministry again', 'The Czech foreign ministry said APT31 tried again to break into its network.', { groups: ['APT31'], published: '2025-06-05T10:00:00Z' })],
      same: false,
    },
    {
      name: 'another group against the same ministry is another story',
      reports: [CZECH, report('ap-apt28', 'Czech Republic blames Russia-linked APT28 for cyberattack on foreign ministry', 'The Czech government said on Wednesday that the hacking group APT28, linked to Russia, was behind a campaign against the foreign ministry.', { groups: ['APT28'] })],
      same: false,
    },
    {
      name: 'the next day’s count of aircraft is another story',
      reports: [
        report('mnd-1', 'Taiwan detects 20 Chinese military aircraft, 7 ships around island', "Taiwan's defense ministry said it detected 20 Chinese military aircraft and 7 naval ships operating around Taiwan in the 24 hours to 6 a.m."),
        report('mnd-2', 'Taiwan detects 35 Chinese military aircraft, 7 ships around island', "Taiwan's defense ministry said it detected 35 Chinese military aircraft and 7 naval ships operating around Taiwan in the 24 hours to 6 a.m.", { published: '2025-05-29T10:00:00Z' }),
      ],
      same: false,
    },
  ])('$name', ({ reports, same }) => {
    const [first, second] = clusterAll(reports);
    expect(first === second).toBe(same);
  });

  it('folds English, Traditional and Simplified Chinese and Japanese reports of one event', () => {
    const ids = clusterAll(BOUNTY_REPORTS);
    expect(new Set(ids).size).toBe(1);
  });

  it('starts a new story under its own id, and says why it joined one', () => {
    const index = new MemoryClusterIndex();
    const [first, second] = BOUNTY_REPORTS;
    expect(assignStory(first!, index, DEFAULT_CLUSTER_THRESHOLDS)).toMatchObject({ clusterId: first!.id });
    expect(assignStory(second!, index, DEFAULT_CLUSTER_THRESHOLDS).match).toMatchObject({ clusterId: first!.id, reason: 'shared-entities' });
  });

  it('matches a story polled again against the others, not its own copy', () => {
    const index = new MemoryClusterIndex();
    assignStory(CZECH, index, DEFAULT_CLUSTER_THRESHOLDS);
    const again = assignStory(CZECH, index, DEFAULT_CLUSTER_THRESHOLDS);
    expect(again.clusterId).toBe(CZECH.id);
    expect(again.match).toBeUndefined();
  });

  it('smoke: thousands of stories over months, each compared with only its own window', () => {
    const index = new MemoryClusterIndex();
    const days = 120;
    let joined = 0;
    for (let i = 0; i < 3000; i++) {
      const day = Math.floor((i / 3000) * days);
      const published = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000 + (i % 24) * 3_600_000).toISOString();
      const base = BOUNTY_REPORTS[i % BOUNTY_REPORTS.length]!;
      const result = assignStory({ ...base, id: `s${i}`, title: `${base.title} ${day}`, published }, index, DEFAULT_CLUSTER_THRESHOLDS);
      if (result.match) joined++;
    }
    expect(index.size).toBe(3000);
    expect(joined).toBeGreaterThan(0);
  });
});
