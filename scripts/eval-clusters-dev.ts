// Pairwise precision and recall of the clustering stage on labeled reports.
//
//   npx tsx scripts/eval-clusters-dev.ts [file.jsonl] [--sameLanguage=0.5 ...] [--verbose]
//
// Reads test/fixtures/clusters/dev.jsonl unless given a file (lines: id, title, summary,
// feedLanguage, published, link, feed, cluster). Stories are classified as the pipeline does
// (createUnderstanding) and assigned in published order; as in StoryClusterer, a report with no topic
// stands alone, so the figures match `npm run eval`. Tune on dev only: the held-out file is
// for the final figure. --verbose lists each false merge and each missed pair. --dense moves every
// labeled event into the same three days (each keeps its own spacing), a stress test for false merges
// that a feed-day in production resembles more than the spread-out set does.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assignStory } from '../src/cluster/assign-story.js';
import { clusterFeatures } from '../src/cluster/cluster-features.js';
import type { ClusterInput } from '../src/cluster/cluster-input.js';
import { type ClusterThresholds, DEFAULT_CLUSTER_THRESHOLDS } from '../src/cluster/cluster-thresholds.js';
import { MemoryClusterIndex } from '../src/cluster/memory-cluster-index.js';
import { StoryMerges } from '../src/cluster/story-merges.js';
import type { ClusterMatch } from '../src/cluster/match-story.js';
import { createUnderstanding } from '../src/pipeline/understand-story.js';
import { denseTimes } from '../test/eval/evaluate-clusters.js';

interface LabeledReport {
  id: string;
  title: string;
  summary?: string;
  feedLanguage?: string;
  published: string;
  link?: string;
  feed: string;
  cluster: string;
}

interface Assigned {
  report: LabeledReport;
  lang: string;
  predicted: string;
  match?: ClusterMatch;
  entities: string[];
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'test/fixtures/clusters/dev.jsonl');
const verbose = args.includes('--verbose');
const dense = args.includes('--dense');
const thresholds: ClusterThresholds = { ...DEFAULT_CLUSTER_THRESHOLDS };
for (const arg of args) {
  const m = /^--(\w+)=([\d.]+)$/.exec(arg);
  if (m && m[1]! in thresholds) thresholds[m[1] as keyof ClusterThresholds] = Number(m[2]);
}

const byTime = (a: LabeledReport, b: LabeledReport) => Date.parse(a.published) - Date.parse(b.published) || a.id.localeCompare(b.id);
const labeled = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as LabeledReport)
  .sort(byTime);
const reports = dense ? denseTimes(labeled) : labeled;

const understand = createUnderstanding({ topics: {} } as Parameters<typeof createUnderstanding>[0]);
const index = new MemoryClusterIndex();
const assigned: Assigned[] = [];
let featureMs = 0;
// The first call compiles the concept lexicon; the timing is of the steady state.
clusterFeatures({ id: 'warm-up', title: 'warm up', text: '', lang: 'en', groups: [], published: '2025-01-01T00:00:00Z', feedId: 'warm-up' });
const merges = new StoryMerges();
for (const report of reports) {
  const classification = understand({ title: report.title, summary: report.summary ?? '', ...(report.feedLanguage && { feedLanguage: report.feedLanguage }) });
  const input: ClusterInput = {
    id: report.id,
    title: report.title,
    text: report.summary ?? '',
    lang: classification.bcp47,
    groups: classification.groups,
    published: report.published,
    feedId: report.feed,
    ...(report.link && { link: report.link }),
  };
  // As StoryClusterer does: a report with no topic stands alone and is not indexed.
  if (classification.topics.length === 0) {
    assigned.push({ report, lang: input.lang, predicted: report.id, entities: ['(no topic)'] });
    continue;
  }
  const started = performance.now();
  const result = assignStory(input, index, thresholds);
  featureMs += performance.now() - started;
  merges.record(result.absorbed, result.clusterId);
  assigned.push({ report, lang: input.lang, predicted: result.clusterId, ...(result.match && { match: result.match }), entities: result.features.entities });
}
// A later report can merge two stories: score each report by its story after the last one.
for (const a of assigned) a.predicted = merges.current(a.predicted);

interface Counts {
  truePairs: number;
  predictedPairs: number;
  goldPairs: number;
}
const overall: Counts = { truePairs: 0, predictedPairs: 0, goldPairs: 0 };
const crossLanguage: Counts = { truePairs: 0, predictedPairs: 0, goldPairs: 0 };
const falseMerges: Array<[Assigned, Assigned]> = [];
const misses: Array<[Assigned, Assigned]> = [];
for (let i = 0; i < assigned.length; i++) {
  for (let j = i + 1; j < assigned.length; j++) {
    const a = assigned[i]!;
    const b = assigned[j]!;
    const gold = a.report.cluster === b.report.cluster;
    const predicted = a.predicted === b.predicted;
    for (const counts of a.lang === b.lang ? [overall] : [overall, crossLanguage]) {
      if (gold) counts.goldPairs++;
      if (predicted) counts.predictedPairs++;
      if (gold && predicted) counts.truePairs++;
    }
    if (predicted && !gold) falseMerges.push([a, b]);
    if (gold && !predicted) misses.push([a, b]);
  }
}

function figures(name: string, c: Counts): string {
  const precision = c.predictedPairs ? c.truePairs / c.predictedPairs : 1;
  const recall = c.goldPairs ? c.truePairs / c.goldPairs : 1;
  return `${name.padEnd(15)} precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  (pairs: ${c.truePairs} right of ${c.predictedPairs} predicted, ${c.goldPairs} labeled)`;
}

function line(x: Assigned): string {
  const how = x.match ? `${x.match.reason} ${x.match.similarity.toFixed(2)}` : 'new';
  return `  ${x.report.id} [${x.lang}] (${how}) ${x.report.title.slice(0, 90)}\n      ${x.entities.join(' ')}`;
}

if (verbose) {
  for (const [a, b] of falseMerges) console.log(`FALSE MERGE ${a.report.cluster} / ${b.report.cluster}\n${line(a)}\n${line(b)}`);
  for (const [a, b] of misses) console.log(`MISSED ${a.report.cluster}\n${line(a)}\n${line(b)}`);
}
const clusters = new Set(reports.map((r) => r.cluster)).size;
const predictedClusters = new Set(assigned.map((a) => a.predicted)).size;
console.log(`${reports.length} reports, ${clusters} labeled clusters, ${predictedClusters} predicted; thresholds ${JSON.stringify(thresholds)}`);
console.log(figures('overall', overall));
console.log(figures('cross-language', crossLanguage));
console.log(`assignStory: ${((featureMs * 1000) / reports.length).toFixed(0)} µs per report (features + candidates + match)`);
