import { readFileSync } from 'node:fs';
import type { TopicDefinition, TopicTerm } from '../core/topic-definition.js';

/** A topic change from feeds.json's `topics` (validated by the config schema). */
export interface TopicOverride {
  threshold?: number;
  terms: TopicTerm[];
  replace: boolean;
  enabled: boolean;
  groupWeight?: number;
}

export const BUILTIN_TOPIC_NAMES = ['taiwan', 'apt'] as const;

function builtin(name: string): TopicDefinition {
  const file = JSON.parse(readFileSync(new URL(`./builtin/${name}.json`, import.meta.url), 'utf8')) as Omit<TopicDefinition, 'name'>;
  return { name, threshold: file.threshold, terms: file.terms, ...(file.groupWeight !== undefined && { groupWeight: file.groupWeight }) };
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
      ...(groupWeight !== undefined && { groupWeight }),
    });
  }
  return [...topics.values()];
}
