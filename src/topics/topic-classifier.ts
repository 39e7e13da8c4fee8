import { foldText } from '../core/fold-text.js';
import type { MatchedTerm, TopicClassification, TopicDefinition } from '../core/topic-definition.js';
import { type TermPattern, TermMatcher } from './term-matcher.js';
import { type ThreatActor, aliasForms } from './threat-actors.js';

/** A match in the title weighs more: headlines say what a story is about. */
const TITLE_BOOST = 1.5;

interface TermUse {
  topic: TopicDefinition;
  term: string;
  weight: number;
  /** Pattern indexes of the context terms; empty when the term needs none. */
  context: number[];
}

interface GroupUse {
  actor: ThreatActor;
  /** The alias is an ordinary word too: it needs other evidence that the story is about hacking. */
  needsContext: boolean;
}

interface CompiledPattern {
  uses: TermUse[];
  groups: GroupUse[];
}

/** Maps raw score to [0, 1): 0.5 exactly at the threshold, rising towards 1 as evidence adds up. */
export function topicScore(raw: number, threshold: number): number {
  return raw <= 0 ? 0 : Math.round((1 - 0.5 ** (raw / threshold)) * 1000) / 1000;
}

function patternOf(term: string): TermPattern {
  const folded = foldText(term.trim());
  return folded.endsWith('*') ? { text: folded.slice(0, -1), prefix: true } : { text: folded, prefix: false };
}

/**
 * Decides which topics a story is about and which threat-actor groups it names, from term lists
 * and the group catalog compiled into one matcher: one pass over the folded title and one over
 * the body, whatever the number of terms and aliases.
 */
export class TopicClassifier {
  private readonly matcher: TermMatcher;
  private readonly compiled: CompiledPattern[] = [];

  constructor(
    private readonly topics: readonly TopicDefinition[],
    actors: readonly ThreatActor[],
  ) {
    const patterns: TermPattern[] = [];
    const index = new Map<string, number>();
    const intern = (pattern: TermPattern): number => {
      const key = `${pattern.prefix ? '*' : ''}${pattern.text}`;
      let id = index.get(key);
      if (id === undefined) {
        id = patterns.length;
        index.set(key, id);
        patterns.push(pattern);
        this.compiled.push({ uses: [], groups: [] });
      }
      return id;
    };
    for (const topic of topics) {
      for (const term of topic.terms) {
        const pattern = patternOf(term.term);
        if (!pattern.text) continue;
        const context = (term.with ?? []).map((word) => intern(patternOf(word)));
        this.compiled[intern(pattern)]!.uses.push({ topic, term: term.term, weight: term.weight, context });
      }
    }
    for (const actor of actors) {
      const contextual = new Set((actor.contextAliases ?? []).map((alias) => foldText(alias)));
      for (const alias of new Set([actor.name, ...actor.aliases].flatMap(aliasForms))) {
        const pattern = patternOf(alias);
        if (pattern.prefix || pattern.text.length < 2) continue;
        const groups = this.compiled[intern(pattern)]!.groups;
        if (!groups.some((use) => use.actor === actor)) groups.push({ actor, needsContext: contextual.has(pattern.text) });
      }
    }
    this.matcher = new TermMatcher(patterns);
  }

  classify(title: string, body: string): TopicClassification {
    const inTitle = this.matcher.find(foldText(title));
    const inBody = body ? this.matcher.find(foldText(body)) : new Set<number>();
    const found = new Set([...inTitle, ...inBody]);
    const raw = new Map<string, number>(this.topics.map((t) => [t.name, 0]));
    const matched: MatchedTerm[] = [];
    const named = new Map<string, { actor: ThreatActor; term: string; where: 'title' | 'text'; needsContext: boolean }>();

    for (const id of found) {
      const where = inTitle.has(id) ? 'title' : 'text';
      const { uses, groups } = this.compiled[id]!;
      for (const use of uses) {
        if (use.context.length && !use.context.some((c) => found.has(c))) continue;
        const weight = use.weight > 0 && where === 'title' ? use.weight * TITLE_BOOST : use.weight;
        raw.set(use.topic.name, raw.get(use.topic.name)! + weight);
        matched.push({ term: use.term, in: where, topic: use.topic.name, weight: use.weight });
      }
      for (const { actor, needsContext } of groups) {
        const seen = named.get(actor.name);
        // A plain alias outranks an ordinary-word one for the same group.
        if (!seen || (seen.needsContext && !needsContext)) named.set(actor.name, { actor, term: this.matcher.patterns[id]!.text, where, needsContext });
      }
    }

    // "Lazarus" or "Sandworm" alone is a bible story or a novel: such aliases count only when the
    // story already speaks of hacking (a group-aware topic's terms) or names another group plainly.
    const hackingContext =
      this.topics.some((topic) => topic.groupWeight && raw.get(topic.name)! > 0) || [...named.values()].some((n) => !n.needsContext && !n.actor.influence);
    const stateGroups: string[] = [];
    for (const { actor, term, where, needsContext } of named.values()) {
      if (needsContext && !hackingContext) continue;
      matched.push({ term, in: where, group: actor.name });
      if (actor.stateSponsored && !actor.influence) stateGroups.push(actor.name);
    }
    for (const topic of this.topics) {
      if (topic.groupWeight && stateGroups.length) raw.set(topic.name, raw.get(topic.name)! + topic.groupWeight * stateGroups.length);
    }
    const scores: Record<string, number> = {};
    for (const topic of this.topics) scores[topic.name] = topicScore(raw.get(topic.name)!, topic.threshold);
    const topics = this.topics
      .filter((topic) => raw.get(topic.name)! >= topic.threshold)
      .sort((a, b) => scores[b.name]! - scores[a.name]!)
      .map((topic) => topic.name);
    return { topics, scores, groups: stateGroups.sort(), matched };
  }
}
