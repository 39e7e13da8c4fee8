import { type Config, type RouteConfig, RouteSchema } from '../config/schema.js';
import { formatIssuePath } from '../config/load-config.js';
import { StraitwatchError } from '../core/errors.js';
import { foldText } from '../core/fold-text.js';
import { BUILTIN_TOPIC_NAMES } from '../topics/builtin-topics.js';
import { groupByAlias } from '../topics/threat-actors.js';
import type { LiveSettings } from './live-settings.js';

export interface AddRouteRequest {
  channelId: string;
  topic?: string;
  language?: string;
  /** Any name or alias; stored as the canonical name routes match on. */
  group?: string;
}

/** The topics a route may name: the built-in ones and the config's, less those turned off. */
export function knownTopics(config: Pick<Config, 'topics'>): string[] {
  const names = new Set<string>(BUILTIN_TOPIC_NAMES);
  for (const [name, topic] of Object.entries(config.topics)) {
    if (topic.enabled) names.add(name);
    else names.delete(name);
  }
  return [...names];
}

/** Checks a /route add request (a typo would make a route that never fires) and adds it; returns its number. */
export function addRoute(settings: LiveSettings, config: Pick<Config, 'topics'>, request: AddRouteRequest, by: string): { number: number; route: RouteConfig } {
  const topic = request.topic?.trim().toLowerCase();
  if (topic && !knownTopics(config).includes(topic)) {
    throw new StraitwatchError('setting-refused', `no topic "${topic}"; the topics are ${knownTopics(config).join(', ')}`);
  }
  const group = request.group ? groupByAlias(request.group, foldText) : undefined;
  if (request.group && !group) throw new StraitwatchError('setting-refused', `no threat-actor group goes by "${request.group}" in the catalog`);
  const language = request.language?.trim();
  if (language && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) {
    throw new StraitwatchError('setting-refused', `"${language}" is not a language tag such as en, zh, zh-Hant or ja`);
  }
  const parsed = RouteSchema.safeParse({
    channel: request.channelId,
    ...(topic && { topics: [topic] }),
    ...(language && { languages: [language] }),
    ...(group && { groups: [group.name] }),
  });
  if (!parsed.success) {
    throw new StraitwatchError('setting-refused', parsed.error.issues.map((issue) => `${formatIssuePath(issue.path)} ${issue.message}`).join('; '));
  }
  return { number: settings.addRoute(parsed.data, by), route: parsed.data };
}

/** What a route sends, in a few words: "taiwan · zh · APT31", or "everything relevant". */
export function describeRoute(route: RouteConfig): string {
  const parts = [
    route.topics?.join(' or '),
    route.languages?.join(' or '),
    route.groups?.join(' or '),
    route.feeds && `from ${route.feeds.join(', ')}`,
    route.minScore !== undefined && `score ≥ ${route.minScore}`,
    route.ops && 'operator notices',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'every relevant story';
}
