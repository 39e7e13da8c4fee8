import { describe, expect, it } from 'vitest';
import { clusterFeatures } from '../../src/cluster/cluster-features.js';
import type { ClusterInput } from '../../src/cluster/cluster-input.js';
import { SIGNATURE_SIZE } from '../../src/cluster/min-hash.js';
import { BOUNTY_REPORTS } from './bounty-reports.js';

const input = (over: Partial<ClusterInput>): ClusterInput => ({
  id: 'x',
  title: '',
  text: '',
  lang: 'en',
  groups: [],
  published: '2025-06-05T09:00:00Z',
  feedId: 'feed',
  ...over,
});

describe('clusterFeatures', () => {
  it.each(BOUNTY_REPORTS.map((report) => ({ name: report.id, report })))('$name: deterministic and plain JSON', ({ report }) => {
    const features = clusterFeatures(report);
    expect(clusterFeatures(report)).toEqual(features);
    expect(JSON.parse(JSON.stringify(features))).toEqual(features);
    expect(features.signature).toHaveLength(SIGNATURE_SIZE);
    expect(features.publishedMs).toBe(Date.parse(report.published));
  });

  it.each(BOUNTY_REPORTS.map((report) => ({ name: report.id, report })))('$name names the event in language-free entities', ({ report }) => {
    expect(clusterFeatures(report).entities).toEqual(expect.arrayContaining(['num:20', 'org:icefc', 'event:bounty']));
  });

  it('keys are band keys plus the strong entities, never the weak ones', () => {
    const { keys } = clusterFeatures(BOUNTY_REPORTS[0]!);
    expect(keys).toEqual(expect.arrayContaining(['num:20', 'org:icefc', 'place:guangzhou']));
    expect(keys).not.toContain('country:taiwan');
    expect(keys.filter((key) => key.startsWith('lsh')).length).toBeGreaterThan(30);
  });

  it('carries groups as entities under their canonical names', () => {
    expect(clusterFeatures(input({ title: 'Czech ministry hacked', groups: ['APT31'] })).entities).toContain('group:APT31');
  });

  it('reads thousands grouped by a no-break space (French, Russian, Czech)', () => {
    expect(clusterFeatures(input({ title: '1\u00a0200 soldats', lang: 'fr' })).entities).toContain('num:1200');
  });

  it('gives a story with no words an empty signature, which matches nothing', () => {
    const features = clusterFeatures(input({ title: '…' }));
    expect(features.signature).toEqual([]);
    expect(features.keys).toEqual([]);
  });

  it('refuses a publication date it cannot read, naming the story', () => {
    expect(() => clusterFeatures(input({ id: 'abc', published: 'yesterday' }))).toThrow(/story "abc"/);
  });
});
