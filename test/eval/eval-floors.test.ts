import { describe, expect, it } from 'vitest';
import { createUnderstanding } from '../../src/pipeline/understand-story.js';
import { loadThreatActors } from '../../src/topics/threat-actors.js';
import { bareFranc, keywordRegexes } from './baselines.js';
import { type Figures, type LabeledStory, evaluate, loadLabeled } from './evaluate.js';
import { CLUSTER_BASELINES, loadClusterSet, scoreClusters } from './evaluate-clusters.js';

// Floors a little under the figures `npm run eval` printed when they were set (README, "Accuracy"):
// a change that makes classification worse fails here.
const understand = createUnderstanding({ topics: {} });
const predict = (story: LabeledStory) => understand({ title: story.title, summary: story.summary });

function expectFloors(f: Figures, floors: { language: number; hanVariant: number; precision: number; recall: number; groups: number }) {
  expect(f.languageAccuracy).toBeGreaterThanOrEqual(floors.language);
  expect(f.scriptAccuracy).toBeGreaterThanOrEqual(floors.language);
  expect(f.hanVariantAccuracy).toBeGreaterThanOrEqual(floors.hanVariant);
  for (const [topic, t] of Object.entries(f.topics)) {
    expect(t.precision, `${topic} precision`).toBeGreaterThanOrEqual(floors.precision);
    expect(t.recall, `${topic} recall`).toBeGreaterThanOrEqual(floors.recall);
  }
  expect(f.groupRecall).toBeGreaterThanOrEqual(floors.groups);
}

describe('classification quality on the labeled sets', () => {
  const dev = loadLabeled('stories.jsonl');
  const heldout = loadLabeled('heldout.jsonl');

  it('the sets are what the README says', () => {
    expect(dev.length).toBeGreaterThanOrEqual(300);
    expect(new Set(dev.map((s) => s.lang)).size).toBeGreaterThanOrEqual(8);
    expect(heldout.length).toBeGreaterThanOrEqual(150);
  });

  it('dev set (tuned on): language, script and topics at or near 100%', () => {
    expectFloors(evaluate(dev, predict), { language: 0.99, hanVariant: 0.99, precision: 0.97, recall: 0.97, groups: 0.97 });
  });

  it('held-out set (never tuned on)', () => {
    expectFloors(evaluate(heldout, predict), { language: 0.98, hanVariant: 0.99, precision: 0.94, recall: 0.95, groups: 0.95 });
  });

  it('beats both baselines on the same stories', () => {
    for (const set of [dev, heldout]) {
      const ours = evaluate(set, predict);
      const franc = evaluate(set, bareFranc);
      const keywords = evaluate(set, keywordRegexes(loadThreatActors().filter((g) => g.stateSponsored).map((g) => g.name)));
      expect(ours.languageAccuracy!).toBeGreaterThan(franc.languageAccuracy!);
      for (const topic of ['taiwan', 'apt']) expect(ours.topics[topic]!.f1).toBeGreaterThan(keywords.topics[topic]!.f1);
      expect(ours.groupRecall!).toBeGreaterThan(keywords.groupRecall!);
    }
  });
});

// Story folding, pairwise over every pair of reports (README, "Story folding"). Precision is held
// highest: a false merge hides a story; a missed one only costs a second alert.
describe('story folding quality on the labeled clusters', () => {
  it('dev set (tuned on)', async () => {
    const s = await scoreClusters(loadClusterSet('dev'));
    expect(s.precision).toBeGreaterThanOrEqual(0.98);
    expect(s.recall).toBeGreaterThanOrEqual(0.65);
    expect(s.crossLanguage!.recall).toBeGreaterThanOrEqual(0.64);
  });

  // Floors a little under the figures in README; those of blind2, blind3 and blind4 follow the code rather than lead it.
  it.each([
    { set: 'heldout', role: 'inspected once the blind set existed', precision: 0.95, recall: 0.66 },
    { set: 'blind', role: 'used once to choose, then inspected', precision: 0.95, recall: 0.61 },
    { set: 'blind2', role: 'reported, then read for misread numbers', precision: 0.95, recall: 0.46 },
    { set: 'blind3', role: 'reported, used once to choose', precision: 0.85, recall: 0.61 },
    { set: 'blind4', role: 'only reported', precision: 0.95, recall: 0.25 },
  ] as const)('$set set ($role)', async ({ set, precision, recall }) => {
    const s = await scoreClusters(loadClusterSet(set));
    expect(s.precision).toBeGreaterThanOrEqual(precision);
    expect(s.recall).toBeGreaterThanOrEqual(recall);
  });

  it('folds what the baselines leave apart', async () => {
    for (const set of ['dev', 'heldout', 'blind', 'blind2', 'blind3', 'blind4'] as const) {
      const items = loadClusterSet(set);
      const ours = await scoreClusters(items);
      for (const baseline of Object.values(CLUSTER_BASELINES)) expect(ours.f1).toBeGreaterThan((await scoreClusters(items, baseline)).f1);
    }
  });
});
