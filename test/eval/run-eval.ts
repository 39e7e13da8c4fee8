// `npm run eval`: straitwatch's language, topic and group figures on the labeled sets, beside two
// baselines run on the same stories in the same run. `--errors` lists what straitwatch got wrong.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createUnderstanding } from '../../src/pipeline/understand-story.js';
import { loadThreatActors } from '../../src/topics/threat-actors.js';
import { bareFranc, keywordRegexes } from './baselines.js';
import { type Figures, LABELED_DIR, type LabeledStory, type Prediction, evaluate, loadLabeled } from './evaluate.js';
import { fixtureLabels, type PairwiseScores } from './cluster-metrics.js';
import { pairwiseIntervals, type Interval } from './pairwise-intervals.js';
import { CLUSTER_BASELINES, clusterErrors, denseTimes, loadClusterSet, predictClusters, scoreClusters } from './evaluate-clusters.js';

const showErrors = process.argv.includes('--errors');
const understand = createUnderstanding({ topics: {} });
const straitwatch = (story: LabeledStory): Prediction => understand({ title: story.title, summary: story.summary });
const keywords = keywordRegexes(loadThreatActors().filter((g) => g.stateSponsored).map((g) => g.name));

const pct = (x: number | undefined) => (x === undefined ? '   -  ' : `${(x * 100).toFixed(1).padStart(5)}%`);
const num = (x: number | undefined) => (x === undefined ? '  -  ' : x.toFixed(3));

function report(name: string, stories: LabeledStory[]): void {
  const systems: Array<[string, Figures]> = [
    ['straitwatch', evaluate(stories, straitwatch)],
    ['bare franc', evaluate(stories, bareFranc)],
    ['keyword regexes', evaluate(stories, keywords)],
  ];
  console.log(`\n== ${name}: ${stories.length} stories ==`);
  console.log('system            language  script  zh-Hant/Hans  taiwan P / R / F1        apt P / R / F1           groups R / P');
  for (const [system, f] of systems) {
    const t = f.topics.taiwan;
    const a = f.topics.apt;
    const topic = (x: typeof t) => (x && system !== 'bare franc' ? `${num(x.precision)} / ${num(x.recall)} / ${num(x.f1)}` : '        -          ');
    console.log(
      `${system.padEnd(16)}  ${pct(f.languageAccuracy)}   ${pct(f.scriptAccuracy)}  ${pct(f.hanVariantAccuracy)}        ${topic(t)}    ${topic(a)}    ${pct(f.groupRecall)} / ${pct(f.groupPrecision)}`,
    );
  }
  const [, ours] = systems[0]!;
  const [, franc] = systems[1]!;
  console.log('per language (straitwatch / bare franc):');
  console.log(
    Object.entries(ours.perLanguage)
      .sort((x, y) => y[1].stories - x[1].stories)
      .map(([tag, b]) => `  ${tag.padEnd(8)} ${String(b.stories).padStart(3)}  ${pct(b.accuracy)} / ${pct(franc.perLanguage[tag]?.accuracy)}`)
      .join('\n'),
  );
  if (showErrors) for (const e of ours.errors) console.log(`  ${e.id}: ${e.what}`);
}

function throughput(stories: LabeledStory[]): number {
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < 2000) for (const s of stories) (straitwatch(s), done++);
  return done / ((performance.now() - start) / 1000);
}

const dev = loadLabeled('stories.jsonl');
report('dev set (test/fixtures/labeled/stories.jsonl)', dev);
if (existsSync(join(LABELED_DIR, 'heldout.jsonl'))) report('held-out set (heldout.jsonl, never used for tuning)', loadLabeled('heldout.jsonl'));
console.log(`\nclassify throughput, one core, title + lead: ${Math.round(throughput(dev)).toLocaleString('en')} stories/s`);

// Story folding: pairwise precision and recall over every pair of reports, and over the pairs
// in two different languages, for straitwatch (as labeled, and with every event moved into one
// 72-hour span: "dense") and two baselines.
const pair = (x: number | undefined) => (x === undefined ? '  -  ' : x.toFixed(3));
// dev is tuned on; heldout was only reported until blind existed, then inspected; blind chose once among
// 16 combinations of the folding rules (cluster-thresholds.ts), then was inspected; blind2 was reported, then inspected
// for misread numbers; blind3 is reported (and chose once), never inspected; blind4 is only reported.
const FOLDING_SET_ROLE = {
  dev: 'tuned on',
  heldout: 'inspected after the first tuning',
  blind: 'used once to choose among 16 rule combinations, then inspected',
  blind2: 'reported, then inspected for misread numbers',
  blind3: 'reported, used once to choose, never inspected',
  blind4: 'only reported, never tuned on or inspected',
} as const;
// Their errors are never printed: reading them would make them sets tuned on.
const NEVER_READ = new Set<string>(['blind3', 'blind4']);
for (const name of ['dev', 'heldout', 'blind', 'blind2', 'blind3', 'blind4'] as const) {
  const items = loadClusterSet(name);
  const clusters = new Set(items.map((item) => item.cluster)).size;
  console.log(`\n== story folding, ${name} set (test/fixtures/clusters/${name}.jsonl): ${items.length} reports, ${clusters} stories, ${FOLDING_SET_ROLE[name]} ==`);
  console.log('system                 pairwise P / R / F1        across languages P / R');
  const row = (system: string, s: PairwiseScores) =>
    console.log(`${system.padEnd(21)}  ${pair(s.precision)} / ${pair(s.recall)} / ${pair(s.f1)}      ${pair(s.crossLanguage?.precision)} / ${pair(s.crossLanguage?.recall)}`);
  row('straitwatch', await scoreClusters(items));
  // A few dozen events make these figures: how far they could move on another set like this one.
  const { precision, recall, f1 } = pairwiseIntervals(fixtureLabels(items).labels, await predictClusters(items));
  const span = (i: Interval) => `${pair(i.low)}-${pair(i.high)}`;
  console.log(`  95 % interval, events resampled: P ${span(precision)}  R ${span(recall)}  F1 ${span(f1)}`);
  // The same reports with every event moved into one 72-hour span: how precision holds on a busy day.
  row('straitwatch, dense', await scoreClusters(denseTimes(items)));
  for (const [system, predict] of Object.entries(CLUSTER_BASELINES)) row(system, await scoreClusters(items, predict));
  if (showErrors && !NEVER_READ.has(name)) for (const line of clusterErrors(items, await predictClusters(items))) console.log(`  ${line}`);
}
