import { describe, expect, it } from 'vitest';
import { assignStory } from '../../src/cluster/assign-story.js';
import type { ClusterInput } from '../../src/cluster/cluster-input.js';
import { clusterFeatures } from '../../src/cluster/cluster-features.js';
import { type ClusterThresholds, DEFAULT_CLUSTER_THRESHOLDS } from '../../src/cluster/cluster-thresholds.js';
import { MemoryClusterIndex } from '../../src/cluster/memory-cluster-index.js';
import { storiesAgree } from '../../src/cluster/merge-stories.js';
import { hualienReports } from './hualien-reports.js';

const REPORTS = hualienReports();
/**
 * Merging and support are off by default (README, Folding accuracy). These tests turn them on with the
 * thresholds they were tuned with, under which NHK's and CNA's reports start two stories.
 */
const MERGING: ClusterThresholds = { ...DEFAULT_CLUSTER_THRESHOLDS, crossLanguage: 0.65, promptHours: 0, mergeLinks: 3, supportReports: 4 };
const side = (i: number) => ({ features: clusterFeatures(REPORTS[i]!) });
const [NHK, CNA, YAHOO, LTN, FOCUS, , YONHAP] = REPORTS.map((_, i) => side(i));

describe('storiesAgree', () => {
  it('needs mergeLinks matching pairs between the two stories', () => {
    const cnaStory = [CNA!, YAHOO!, LTN!, FOCUS!];
    // NHK alone matches too few of CNA's story; with Yonhap, which matches both, there are enough.
    expect(storiesAgree([NHK!], cnaStory, MERGING)).toBe(false);
    expect(storiesAgree([NHK!, YONHAP!], cnaStory, MERGING)).toBe(true);
    expect(storiesAgree([NHK!, YONHAP!], cnaStory, { ...MERGING, mergeLinks: 50 })).toBe(false);
  });

  it('never merges stories with a pair that conflicts, however many pairs match', () => {
    const otherQuake = { features: { ...YONHAP!.features, entities: [...YONHAP!.features.entities, 'date:2024-03-01'] } };
    const conflicting = { features: { ...CNA!.features, entities: [...CNA!.features.entities, 'date:2024-02-01'] } };
    expect(storiesAgree([NHK!, YONHAP!, otherQuake], [CNA!, YAHOO!, LTN!, FOCUS!, conflicting], MERGING)).toBe(false);
  });
});

describe('assignStory merging two stories', () => {
  const assignAll = (thresholds: ClusterThresholds = MERGING) => {
    const index = new MemoryClusterIndex();
    return { index, assignments: REPORTS.map((report) => assignStory(report, index, thresholds)) };
  };

  it('the report that matches both merges them; the older story keeps its id', () => {
    const { index, assignments } = assignAll();
    expect(assignments.map((a) => a.clusterId)).toEqual(['c-dev-046', 'c-dev-047', 'c-dev-047', 'c-dev-047', 'c-dev-047', 'c-dev-047', 'c-dev-046']);
    expect(assignments.map((a) => a.absorbed)).toEqual([[], [], [], [], [], [], ['c-dev-047']]);
    // Every member now belongs to the surviving story.
    const members = index.members('c-dev-046', 0, Number.MAX_SAFE_INTEGER, 100).map((m) => m.storyId).sort();
    expect(members).toEqual(REPORTS.map((r) => r.id).sort());
    expect(index.members('c-dev-047', 0, Number.MAX_SAFE_INTEGER, 100)).toEqual([]);
  });

  it('mergeLinks 0 never merges: the report joins its best match only', () => {
    const { assignments } = assignAll({ ...MERGING, mergeLinks: 0 });
    expect(assignments.at(-1)).toMatchObject({ absorbed: [] });
    expect(new Set(assignments.map((a) => a.clusterId)).size).toBe(2);
  });
});

describe('assignStory joining a story by its reports\' support', () => {
  const XINHUA = REPORTS.findIndex((r) => r.id === 'c-dev-051');
  const upToXinhua = (thresholds: ClusterThresholds, change: (i: number) => ClusterInput = (i) => REPORTS[i]!) => {
    const index = new MemoryClusterIndex();
    return REPORTS.slice(0, XINHUA + 1).map((_, i) => assignStory(change(i), index, thresholds));
  };

  it('a report that matches none outright joins the story all four of whose reports agree with it', () => {
    const xinhua = upToXinhua(MERGING).at(-1)!;
    expect(xinhua).toMatchObject({ clusterId: 'c-dev-047', supportedBy: 4 });
    expect(xinhua.match).toBeUndefined();
  });

  it('stands alone when fewer reports agree than supportReports, or supportReports is 0', () => {
    expect(upToXinhua({ ...MERGING, supportReports: 5 }).at(-1)!.clusterId).toBe('c-dev-051');
    expect(upToXinhua({ ...MERGING, supportReports: 0 }).at(-1)!.clusterId).toBe('c-dev-051');
  });

  it('stands alone when any report of the story conflicts with it', () => {
    // As if LTN's report named APT41 and Xinhua's APT31: two events, whatever the other three say.
    const LTN_AT = REPORTS.findIndex((r) => r.id === 'c-dev-049');
    const assignments = upToXinhua(MERGING, (i) => {
      const report = REPORTS[i]!;
      if (i === LTN_AT) return { ...report, groups: ['APT41'] };
      if (i === XINHUA) return { ...report, groups: ['APT31'] };
      return report;
    });
    // LTN's report is still one of CNA's story's four, so only the conflict keeps Xinhua's out.
    expect(assignments[LTN_AT]!.clusterId).toBe('c-dev-047');
    expect(assignments.at(-1)!.clusterId).toBe('c-dev-051');
  });
});
