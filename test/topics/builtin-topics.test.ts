import { describe, expect, it } from 'vitest';
import { TopicSchema } from '../../src/config/schema.js';
import { BUILTIN_TOPIC_NAMES, resolveTopics } from '../../src/topics/builtin-topics.js';

describe('built-in topics', () => {
  it.each(BUILTIN_TOPIC_NAMES)('%s is valid topic data', (name) => {
    const [topic] = resolveTopics().filter((t) => t.name === name);
    expect(topic).toBeDefined();
    expect(TopicSchema.safeParse({ threshold: topic!.threshold, terms: topic!.terms }).success).toBe(true);
    // Bare "apt" would match the adjective, the Debian tool and apartment ads.
    expect(topic!.terms.filter((t) => t.weight > 0).map((t) => t.term.toLowerCase())).not.toContain('apt');
  });

  it('covers the languages the feeds carry', () => {
    for (const topic of resolveTopics()) {
      const languages = new Set(topic.terms.map((t) => t.lang));
      for (const lang of ['en', 'zh', 'ja', 'ko', 'ru', 'uk', 'de', 'fr', 'es', 'vi', 'cs']) expect(languages, `${topic.name} has no ${lang} terms`).toContain(lang);
    }
  });
});

describe('resolveTopics with feeds.json overrides', () => {
  const taiwan = () => resolveTopics().find((t) => t.name === 'taiwan')!;

  it('adds terms and changes the threshold of a built-in topic', () => {
    const [changed] = resolveTopics({ taiwan: { threshold: 2, terms: [{ term: 'ilha formosa test term', weight: 1 }], replace: false, enabled: true } }).filter((t) => t.name === 'taiwan');
    expect(changed!.threshold).toBe(2);
    expect(changed!.terms).toHaveLength(taiwan().terms.length + 1);
  });

  it('replaces a built-in topic', () => {
    const [changed] = resolveTopics({ taiwan: { terms: [{ term: 'formosa', weight: 1 }], replace: true, enabled: true } }).filter((t) => t.name === 'taiwan');
    expect(changed!.terms).toEqual([{ term: 'formosa', weight: 1 }]);
  });

  it('expands named context lists, the built-in ones included', () => {
    const [apt] = resolveTopics({
      apt: { terms: [{ term: 'cyber range', weight: 1, with: ['@state', 'exercise'] }], contexts: {}, replace: false, enabled: true },
    }).filter((t) => t.name === 'apt');
    const added = apt!.terms.find((t) => t.term === 'cyber range')!;
    expect(added.with).toContain('china');
    expect(added.with).toContain('exercise');
    expect(apt!.terms.every((t) => !t.with?.some((w) => w.startsWith('@')))).toBe(true);
  });

  it('names the topic, term and context when a context is missing', () => {
    expect(() => resolveTopics({ taiwan: { terms: [{ term: 'x', weight: 1, with: ['@nope'] }], replace: false, enabled: true } })).toThrow(
      'topic "taiwan": term "x" refers to context "@nope", which the topic does not define',
    );
  });

  it('adds a new topic and turns one off', () => {
    const topics = resolveTopics({
      semiconductors: { threshold: 1, terms: [{ term: 'tsmc', weight: 1 }], replace: false, enabled: true },
      apt: { terms: [], replace: false, enabled: false },
    });
    expect(topics.map((t) => t.name)).toEqual(['taiwan', 'semiconductors']);
  });
});
