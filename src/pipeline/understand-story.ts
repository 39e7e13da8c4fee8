import type { Config } from '../config/schema.js';
import type { StoryClassification } from '../core/story.js';
import { detectLanguage } from '../language/detect-language.js';
import { resolveTopics } from '../topics/builtin-topics.js';
import { TopicClassifier } from '../topics/topic-classifier.js';
import { loadThreatActors } from '../topics/threat-actors.js';

/** What `straitwatch classify` reads per line, and what the pipeline hands over per story. */
export interface StoryText {
  title: string;
  summary?: string;
  content?: string;
  /** The feed's declared language, a prior for short texts. */
  feedLanguage?: string;
}

/** Topic terms found past this much of an article's body would rarely change what it is about; the lead decides. */
const BODY_CHARS = 2000;

export type Understand = (story: StoryText) => StoryClassification;

/**
 * Builds the one function that classifies a story (language, topics, groups), used by the
 * pipeline and by `straitwatch classify` alike. Building compiles every term and alias once.
 */
export function createUnderstanding(config: Pick<Config, 'topics'>): Understand {
  const classifier = new TopicClassifier(resolveTopics(config.topics), loadThreatActors());
  return (story) => {
    const lead = story.summary ? `${story.title}\n${story.summary}` : story.title;
    const language = detectLanguage(lead, story.feedLanguage);
    const body = [story.summary ?? '', (story.content ?? '').slice(0, BODY_CHARS)].filter(Boolean).join('\n');
    const topics = classifier.classify(story.title, body);
    return { lang: language.lang, bcp47: language.bcp47, script: language.script, ...topics };
  };
}
