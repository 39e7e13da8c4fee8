import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One labeled story (test/fixtures/labeled/*.jsonl; see the README there). */
export interface LabeledStory {
  id: string;
  title: string;
  summary: string;
  lang: string;
  bcp47: string;
  script: string;
  topics: string[];
  groups: string[];
  note?: string;
}

/** What a system under evaluation says about one story; fields it does not judge are left out. */
export interface Prediction {
  lang?: string;
  bcp47?: string;
  script?: string;
  topics?: string[];
  groups?: string[];
}

export const LABELED_DIR = join(import.meta.dirname, '..', 'fixtures', 'labeled');

export function loadLabeled(file: 'stories.jsonl' | 'heldout.jsonl'): LabeledStory[] {
  return readFileSync(join(LABELED_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabeledStory);
}

export interface TopicFigures {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Figures {
  stories: number;
  /** Share with the right ISO 639-3 code and BCP 47 tag. */
  languageAccuracy?: number;
  scriptAccuracy?: number;
  /** Among Chinese stories, the share with the right zh-Hant / zh-Hans. */
  hanVariantAccuracy?: number;
  perLanguage: Record<string, { stories: number; accuracy?: number }>;
  topics: Record<string, TopicFigures>;
  groupRecall?: number;
  groupPrecision?: number;
  errors: Array<{ id: string; what: string }>;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function evaluate(stories: readonly LabeledStory[], predict: (story: LabeledStory) => Prediction, topicNames = ['taiwan', 'apt']): Figures {
  const errors: Figures['errors'] = [];
  let langRight = 0;
  let scriptRight = 0;
  let hanRight = 0;
  let hanTotal = 0;
  let judgedLanguage = false;
  let judgedScript = false;
  let judgedGroups = false;
  const perLanguage: Record<string, { stories: number; right: number }> = {};
  const counts = Object.fromEntries(topicNames.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let groupHits = 0;
  let groupExpected = 0;
  let groupPredicted = 0;

  for (const story of stories) {
    const p = predict(story);
    const bucket = (perLanguage[story.bcp47] ??= { stories: 0, right: 0 });
    bucket.stories++;
    if (p.lang !== undefined) {
      judgedLanguage = true;
      const right = p.lang === story.lang && (p.bcp47 === undefined || p.bcp47 === story.bcp47);
      if (right) {
        langRight++;
        bucket.right++;
      } else errors.push({ id: story.id, what: `language ${p.lang}/${p.bcp47 ?? '?'} instead of ${story.lang}/${story.bcp47}` });
      if (story.lang === 'cmn') {
        hanTotal++;
        if (p.bcp47 === story.bcp47) hanRight++;
      }
    }
    if (p.script !== undefined) {
      judgedScript = true;
      if (p.script === story.script) scriptRight++;
    }
    if (p.topics) {
      for (const topic of topicNames) {
        const want = story.topics.includes(topic);
        const got = p.topics.includes(topic);
        if (want && got) counts[topic]!.tp++;
        else if (got) {
          counts[topic]!.fp++;
          errors.push({ id: story.id, what: `false ${topic}` });
        } else if (want) {
          counts[topic]!.fn++;
          errors.push({ id: story.id, what: `missed ${topic}` });
        }
      }
    }
    if (p.groups) {
      judgedGroups = true;
      groupExpected += story.groups.length;
      groupPredicted += p.groups.length;
      for (const group of story.groups) {
        if (p.groups.includes(group)) groupHits++;
        else errors.push({ id: story.id, what: `missed group ${group}` });
      }
      for (const group of p.groups) if (!story.groups.includes(group)) errors.push({ id: story.id, what: `extra group ${group}` });
    }
  }

  const topics: Record<string, TopicFigures> = {};
  for (const [topic, { tp, fp, fn }] of Object.entries(counts)) {
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    topics[topic] = { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, truePositives: tp, falsePositives: fp, falseNegatives: fn };
  }
  return {
    stories: stories.length,
    ...(judgedLanguage && { languageAccuracy: ratio(langRight, stories.length), hanVariantAccuracy: ratio(hanRight, hanTotal) }),
    ...(judgedScript && { scriptAccuracy: ratio(scriptRight, stories.length) }),
    perLanguage: Object.fromEntries(
      Object.entries(perLanguage).map(([tag, b]) => [tag, { stories: b.stories, ...(judgedLanguage && { accuracy: ratio(b.right, b.stories) }) }]),
    ),
    topics: stories.some(() => true) && Object.keys(counts).length ? topics : {},
    ...(judgedGroups && { groupRecall: ratio(groupHits, groupExpected), groupPrecision: ratio(groupHits, groupPredicted) }),
    errors,
  };
}
