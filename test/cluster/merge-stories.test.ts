import { describe, expect, it } from 'vitest';
import { assignStory } from '../../src/cluster/assign-story.js';
import { clusterFeatures } from '../../src/cluster/cluster-features.js';
import { type ClusterThresholds, DEFAULT_CLUSTER_THRESHOLDS } from '../../src/cluster/cluster-thresholds.js';
import { MemoryClusterIndex } from '../../src/cluster/memory-cluster-index.js';
import { storiesAgree } from '../../src/cluster/merge-stories.js';
import { hualienReports } from './hualien-reports.js';

const REPORTS = hualienReports();
const side = (i: number) => ({ features: clusterFeatures(REPORTS[i]!) });
const [NHK, CNA, YAHOO, LTN, FOCUS, YONHAP] = REPORTS.map((_, i) => side(i));

describe('storiesAgree', () => {
  it('needs mergeLinks matching pairs between the two stories', () => {
    const cnaStory = [CNA!, YAHOO!, LTN!, FOCUS!];
    // NHK alone matches too few of CNA's story; with Yonhap, which matches both, there are enough.
    expect(storiesAgree([NHK!], cnaStory, DEFAULT_CLUSTER_THRESHOLDS)).toBe(false);
    expect(storiesAgree([NHK!, YONHAP!], cnaStory, DEFAULT_CLUSTER_THRESHOLDS)).toBe(true);
    expect(storiesAgree([NHK!, YONHAP!], cnaStory, { ...DEFAULT_CLUSTER_THRESHOLDS, mergeLinks: 50 })).toBe(false);
  });

  it('never merges stories with a pair that conflicts, however many pairs match', () => {
    const otherQuake = { features: { ...YONHAP!.features, entities: [...YONHAP!.features.entities, 'date:2024-03-01'] } };
    const conflicting = { features: { ...CNA!.features, entities: [...CNA!.features.entities, 'date:2024-02-01'] } };
    expect(storiesAgree([NHK!, YONHAP!, otherQuake], [CNA!, YAHOO!, LTN!, FOCUS!, conflicting], DEFAULT_CLUSTER_THRESHOLDS)).toBe(false);
  });
});

describe('assignStory merging two stories', () => {
  const assignAll = (thresholds: ClusterThresholds = DEFAULT_CLUSTER_THRESHOLDS) => {
    const index = new MemoryClusterIndex();
    return { index, assignments: REPORTS.map((report) => assignStory(report, index, thresholds)) };
  };

  it('the report that matches both merges them; the older story keeps its id', () => {
    const { index, assignments } = assignAll();
    expect(assignments.map((a) => a.clusterId)).toEqual(['c-dev-046', 'c-dev-047', 'c-dev-047', 'c-dev-047', 'c-dev-047', 'c-dev-046']);
    expect(assignments.map((a) => a.absorbed)).toEqual([[], [], [], [], [], ['c-dev-047']]);
    // Every member now belongs to the surviving story.
    const members = index.members('c-dev-046', 0, Number.MAX_SAFE_INTEGER).map((m) => m.storyId).sort();
    expect(members).toEqual(REPORTS.map((r) => r.id).sort());
    expect(index.members('c-dev-047', 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
  });

  it('mergeLinks 0 never merges: the report joins its best match only', () => {
    const { assignments } = assignAll({ ...DEFAULT_CLUSTER_THRESHOLDS, mergeLinks: 0 });
    expect(assignments.at(-1)).toMatchObject({ absorbed: [] });
    expect(new Set(assignments.map((a) => a.clusterId)).size).toBe(2);
  });
});
