import { describe, expect, it } from 'vitest';
import { StoryClusterer, clusterThresholds } from '../../src/pipeline/cluster-story.js';
import { foldReports } from '../../src/pipeline/fold-reports.js';
import { createUnderstanding } from '../../src/pipeline/understand-story.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { SqliteClusterIndex } from '../../src/store/sqlite-cluster-index.js';
import { hualienReports } from '../cluster/hualien-reports.js';

const understand = createUnderstanding({ topics: {} });

async function explained(thresholds = clusterThresholds()) {
  const store = openSqliteStore(':memory:');
  try {
    const reports = hualienReports().map((r) => ({ id: r.id, title: r.title, summary: r.text, feedLanguage: r.lang, published: r.published, feed: r.feedId }));
    return await foldReports(reports, understand, new StoryClusterer(new SqliteClusterIndex(store.db), thresholds), { explain: true });
  } finally {
    store.close();
  }
}

describe('foldReports with explain: why each report of the Hualien earthquake is where it is', () => {
  it('names the report each one matched, how closely, and what it names', async () => {
    const lines = await explained();
    expect(lines[0]).toMatchObject({ id: 'c-dev-046', reason: 'new-story' });
    for (const line of lines.slice(1)) {
      if (line.reason === 'new-story') continue;
      expect(line.matched).toMatch(/^c-dev-04\d|^c-dev-05\d/);
      expect(line.similarity).toBeGreaterThan(0);
    }
    for (const line of lines) expect(line.entities).toContain('event:earthquake');
  });

  it('says when a report joined by support, and which stories a report merged', async () => {
    // The thresholds the merging tests use: NHK and CNA start two stories, Xinhua joins by support, Yonhap merges.
    const lines = await explained({ ...clusterThresholds(), crossLanguage: 0.65, promptHours: 0, mergeLinks: 3, supportReports: 4 });
    const xinhua = lines.find((l) => l.id === 'c-dev-051')!;
    expect(xinhua).toMatchObject({ reason: 'support' });
    expect(xinhua.supportedBy).toBeGreaterThanOrEqual(4);
    const yonhap = lines.find((l) => l.id === 'c-dev-052')!;
    expect(yonhap.merged).toHaveLength(1);
    expect(new Set(lines.map((l) => l.story)).size).toBe(1);
  });
});
