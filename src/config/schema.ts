import { z } from 'zod';
import { type ConceptEntry, extendedLexicon } from '../cluster/concept-lexicon.js';
import { POLLING_DEFAULTS } from './defaults.js';
import { DURATION_PATTERN, parseDuration } from './duration.js';

const duration = (minimumMs: number) =>
  z
    .string()
    .regex(DURATION_PATTERN, { error: 'must be a duration such as "90s", "5m", "1h" or "1d"', abort: true })
    .refine((text) => (parseDuration(text) ?? 0) >= minimumMs, `must be at least ${minimumMs / 1000}s`)
    .describe('A duration: a whole number followed by s, m, h or d, e.g. "5m".');

export const FeedSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be 1-64 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit')
    .describe('Stable identifier used in logs, routes and the database.'),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).describe('The RSS, Atom or JSON Feed URL.'),
  name: z.string().min(1).optional().describe('Human name of the outlet.'),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag such as "en", "zh-Hant" or "ja"')
    .optional()
    .describe('Language the feed is expected to publish in (a hint for language detection).'),
  tags: z.array(z.string().min(1)).default([]).describe('Free labels, e.g. "taiwan", "cert", "vendor".'),
  interval: duration(30_000).default(POLLING_DEFAULTS.interval).describe('How often to poll this feed.'),
  charset: z
    .string()
    .optional()
    .describe('Force a charset (e.g. "big5") for a feed that mislabels its encoding.'),
  enabled: z.boolean().default(true).describe('Set to false to keep a feed in the file without polling it.'),
});

export const TopicTermSchema = z.strictObject({
  term: z.string().min(1).describe('Matched case-, width- and Traditional/Simplified-insensitively; a trailing "*" matches a word prefix.'),
  weight: z.number().min(-10).max(10).describe('Added to the raw score when found; negative for false friends.'),
  lang: z.string().optional().describe('ISO 639-1 code (or "*") of the language the term serves; informational.'),
  with: z.array(z.string().min(1)).optional().describe('The term counts only if one of these also occurs in the story; "@name" is a named context list.'),
  note: z.string().optional(),
});

export const TopicSchema = z
  .strictObject({
    threshold: z.number().positive().optional().describe('Raw score at which the topic applies (score 0.5).'),
    contexts: z
      .record(z.string().regex(/^[a-z0-9-]+$/), z.array(z.string().min(1)))
      .optional()
      .describe('Named context lists, used in a term\'s "with" as "@name" (the built-in ones included).'),
    terms: z.array(TopicTermSchema).default([]).describe('Added to the built-in terms of a topic of the same name (a term given again replaces its weight).'),
    replace: z.boolean().default(false).describe('Drop the built-in terms of this topic and use only these.'),
    enabled: z.boolean().default(true).describe('Set to false to turn a topic off.'),
    groupWeight: z.number().min(0).optional().describe('Added per state-sponsored threat-actor group the story names.'),
  })
  .describe('A topic: a new one, or changes to a built-in one ("taiwan", "apt").');

const snowflake = z.string().regex(/^\d{15,21}$/, 'must be a Discord id (15-21 digits; right-click the channel, Copy Channel ID)');

export const RouteSchema = z
  .strictObject({
    channel: snowflake.optional().describe('Channel id the bot posts to (needs DISCORD_TOKEN).'),
    webhook: z
      .url({ protocol: /^https?$/, error: 'must be a webhook URL such as https://discord.com/api/webhooks/ID/TOKEN' })
      .refine((url) => /\/webhooks\/\d{15,21}\/[\w-]+\/?$/.test(new URL(url).pathname), 'must end in /webhooks/ID/TOKEN')
      .optional()
      .describe('Webhook URL to post to (no bot token needed).'),
    topics: z.array(z.string().min(1)).optional().describe('Only stories with at least one of these topics.'),
    languages: z.array(z.string().min(2)).optional().describe('Only stories in these languages (BCP 47: "zh-Hant", "en"; "zh" matches both scripts).'),
    feeds: z.array(z.string().min(1)).optional().describe('Only stories from these feed ids.'),
    groups: z.array(z.string().min(1)).optional().describe('Only stories naming one of these threat-actor groups (canonical names).'),
    minScore: z.number().min(0).max(1).optional().describe('Only stories whose best matching topic scores at least this (0.5 = just relevant).'),
    ops: z.boolean().default(false).describe('Operator notices go here: feeds turning unhealthy or recovering, routes breaking.'),
  })
  .refine((route) => Boolean(route.channel) !== Boolean(route.webhook), { message: 'a route needs exactly one of "channel" or "webhook"' });

export const AlertsSchema = z
  .strictObject({
    backlog: z
      .union([z.literal('none'), z.number().int().min(1).max(50)])
      .default('none')
      .describe('On the first poll of a new feed: "none" posts nothing from its backlog; a number posts its newest N stories.'),
    maxEmbedsPerMessage: z.number().int().min(1).max(10).default(10).describe('A burst for one channel is grouped, up to this many alerts a message.'),
  })
  .describe('How alerts are posted.');

/** A name folding should know, as concepts.json writes one (README, Story folding). */
const ConceptSchema = z.strictObject({
  weight: z.number().positive().max(10).optional().describe('How much sharing it says two reports are one event: 1 for a name most stories give, 3 for one that pins an event down; by default by kind (person 3, place 2, org 2, event 1.5, country 1).'),
  forms: z
    .record(z.string().regex(/^[a-z]{2}$/, 'a two-letter language code such as "en", "zh" or "ja"'), z.array(z.string().min(2)).min(1))
    .describe('The forms outlets write, by language: any script, folded like text; a trailing * matches any ending.'),
  implies: z.array(z.string()).optional().describe('General concepts this one belongs to ("org:legislative-yuan" implies "org:parliament").'),
  exclusive: z.string().min(1).optional().describe('A set of rivals (named exercises, typhoons): reports naming different members, and none in common, are different events.'),
});

const ConceptsSchema = z
  .record(z.string().regex(/^(person|place|org|event|country):[a-z0-9][a-z0-9-]*$/, 'an id such as "person:nancy-pelosi": person, place, org, event or country, a colon, then lowercase words joined by hyphens'), ConceptSchema)
  .superRefine((concepts, context) => {
    try {
      extendedLexicon(concepts as Record<string, ConceptEntry>);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message.replace(/^clustering\.concepts: /, '') });
    }
  })
  .describe('Names folding should know beyond the bundled lexicon (src/cluster/concepts.json), by id; an id it has already is replaced.');

export const ClusteringSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe('Fold reports of one event (many feeds, many languages) into one story with one alert.'),
    windowHours: z.number().positive().max(24 * 14).optional().describe('Reports published this far apart (hours) can still be one story.'),
    sameLanguage: z.number().min(0).max(1).optional().describe('Near-duplicate similarity (estimated Jaccard of headline + lead) that folds two reports in one language.'),
    crossLanguage: z.number().min(0).optional().describe('Shared-entity score (groups, numbers, dates, places, institutions) that folds reports across languages.'),
    minSharedEntities: z.number().int().min(1).optional().describe('Strong entities (groups, CVEs, counts, people, specific places) two reports must share to fold at the crossLanguage score.'),
    crossLanguageWeak: z.number().min(0).optional().describe('Shared-entity score that folds two reports sharing only weak entities (Lai, an election, Taiwan); above crossLanguage.'),
    promptHours: z.number().min(0).optional().describe('Reports published at most this many hours apart fold at crossLanguagePrompt instead of crossLanguage; 0 never.'),
    crossLanguagePrompt: z.number().min(0).optional().describe('Shared-entity score that folds reports published within promptHours of each other (with minSharedEntities strong entities).'),
    supportScore: z.number().min(0).max(1).optional().describe('Entity score at which a report counts as agreeing with a stored report, for supportReports.'),
    supportReports: z.number().int().min(0).optional().describe('A report matching no story outright joins the one where this many of its reports (and half) agree at supportScore; 0 never.'),
    mergeLinks: z.number().int().min(0).optional().describe('Matching report pairs that merge two stories a new report shows to be one event; 0 never merges.'),
    embedding: z.number().min(0).max(1).optional().describe('Cosine similarity of embeddings (when an OpenAI-compatible endpoint gives them) that counts as evidence.'),
    concepts: ConceptsSchema.optional(),
  })
  .describe('Story folding. A false merge is worse than a missed one: raise the thresholds to merge less.');

export const PollingSchema = z
  .strictObject({
    concurrency: z.number().int().min(1).max(256).default(POLLING_DEFAULTS.concurrency),
    connectTimeoutMs: z.number().int().min(100).default(POLLING_DEFAULTS.connectTimeoutMs),
    timeoutMs: z.number().int().min(100).default(POLLING_DEFAULTS.timeoutMs),
    maxBodyBytes: z.number().int().min(1024).default(POLLING_DEFAULTS.maxBodyBytes),
    maxRedirects: z.number().int().min(0).max(20).default(POLLING_DEFAULTS.maxRedirects),
    unhealthyAfter: z.number().int().min(1).default(POLLING_DEFAULTS.unhealthyAfter),
    maxBackoff: duration(60_000).default(POLLING_DEFAULTS.maxBackoff),
    jitter: z.number().min(0).max(0.5).default(POLLING_DEFAULTS.jitter),
    shutdownGraceMs: z.number().int().min(0).default(POLLING_DEFAULTS.shutdownGraceMs),
  })
  .describe('How feeds are fetched and scheduled.');

export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    feeds: z.array(FeedSchema).describe('The feeds to poll.'),
    // Routes and topics are filled in by the alerting and classification stages; accepted here now.
    routes: z.array(RouteSchema).default([]).describe('Where alerts go (Discord channels and webhooks); a story goes to every route it matches.'),
    alerts: AlertsSchema.default(AlertsSchema.parse({})),
    topics: z
      .record(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'topic names are 1-32 lowercase letters, digits, "_" or "-"'), TopicSchema)
      .default({})
      .describe('Topic definitions that add to or override the built-in ones.'),
    polling: PollingSchema.default(PollingSchema.parse({})),
    clustering: ClusteringSchema.default(ClusteringSchema.parse({})),
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, number>();
    config.feeds.forEach((feed, index) => {
      const first = seen.get(feed.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['feeds', index, 'id'], message: `duplicate feed id "${feed.id}" (first used at feeds[${first}])` });
      } else seen.set(feed.id, index);
    });
  });

export type FeedConfig = z.infer<typeof FeedSchema>;
export type PollingConfig = z.infer<typeof PollingSchema>;
export type TopicConfig = z.infer<typeof TopicSchema>;
export type RouteConfig = z.infer<typeof RouteSchema>;
export type AlertsConfig = z.infer<typeof AlertsSchema>;
export type Config = z.infer<typeof ConfigSchema>;
export type ClusteringConfig = z.infer<typeof ClusteringSchema>;
