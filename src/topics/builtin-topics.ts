import { readFileSync } from 'node:fs';
import { StraitwatchError } from '../core/errors.js';
import type { TopicDefinition, TopicTerm } from '../core/topic-definition.js';

/** A topic change from feeds.json's `topics` (validated by the config schema). */
export interface TopicOverride {
  threshold?: number;
  contexts?: Record<string, string[]>;
  terms: TopicTerm[];
  replace: boolean;
  enabled: boolean;
  groupWeight?: number;
}

export const BUILTIN_TOPIC_NAMES = ['taiwan', 'apt'] as const;

function builtin(name: string): TopicDefinition {
  const file = JSON.parse(readFileSync(new URL(`./builtin/${name}.json`, import.meta.url), 'utf8')) as Omit<TopicDefinition, 'name'>;
  return { name, ...file };
}

/** Replaces "@name" in each term's `with` by that named list, so the classifier sees plain words. */
function expandContexts(topic: TopicDefinition): TopicDefinition {
  const contexts = topic.contexts ?? {};
  const terms = topic.terms.map((term) => {
    if (!term.with?.some((word) => word.startsWith('@'))) return term;
    const words = term.with.flatMap((word) => {
      if (!word.startsWith('@')) return [word];
      const list = contexts[word.slice(1)];
      if (!list) throw new StraitwatchError('config-invalid', `topic "${topic.name}": term "${term.term}" refers to context "${word}", which the topic does not define`);
      return list;
    });
    return { ...term, with: words };
  });
  return { ...topic, terms };
}

/** The built-in topics with the user's additions, overrides and new topics applied. */
export function resolveTopics(overrides: Readonly<Record<string, TopicOverride>> = {}): TopicDefinition[] {
  const topics = new Map<string, TopicDefinition>(BUILTIN_TOPIC_NAMES.map((name) => [name, builtin(name)]));
  for (const [name, change] of Object.entries(overrides)) {
    if (!change.enabled) {
      topics.delete(name);
      continue;
    }
    const base = topics.get(name);
    const terms = new Map<string, TopicTerm>(change.replace || !base ? [] : base.terms.map((t) => [t.term, t]));
    for (const term of change.terms) terms.set(term.term, term);
    const groupWeight = change.groupWeight ?? base?.groupWeight;
    topics.set(name, {
      name,
      threshold: change.threshold ?? base?.threshold ?? 1,
      terms: [...terms.values()],
      contexts: { ...base?.contexts, ...change.contexts },
      ...(groupWeight !== undefined && { groupWeight }),
    });
  }
  return [...topics.values()].map(expandContexts);
}
