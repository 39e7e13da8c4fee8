import { PROJECT_URL } from './config/defaults.js';
import type { Environment } from './config/environment.js';
import { loadConfig } from './config/load-config.js';
import type { Config } from './config/schema.js';
import type { FeedHttp } from './fetch/feed-http.js';
import { createHttpFeedClient } from './fetch/http-feed-client.js';
import { type Logger, createLogger } from './log/logger.js';
import { StraitwatchError } from './core/errors.js';
import { ConsoleDeliverer } from './deliver/console-deliverer.js';
import { DiscordDeliverer } from './deliver/discord-deliverer.js';
import { type DeliveryReport, deliverAlerts } from './pipeline/deliver-alerts.js';
import type { RefreshDeps } from './pipeline/refresh-feed.js';
import { createRouter } from './pipeline/route-story.js';
import { type OpsNotice, brokenRouteNotice, createOpsNotifier } from './pipeline/ops-notices.js';
import type { Destination } from './core/alert.js';
import { destinationOf, webhookParts } from './deliver/match-routes.js';
import { LiveSettings } from './pipeline/live-settings.js';
import { StoryClusterer, clusterThresholds } from './pipeline/cluster-story.js';
import { useExtraConcepts } from './cluster/concept-lexicon.js';
import { OpenAiEmbeddingClient } from './summarize/openai-embedding-client.js';
import { SqliteClusterIndex } from './store/sqlite-cluster-index.js';
import { SummaryService } from './pipeline/summary-service.js';
import { CircuitBreaker } from './summarize/circuit-breaker.js';
import { OpenAiSummaryClient } from './summarize/openai-summary-client.js';
import { createUnderstanding } from './pipeline/understand-story.js';
import { type SqliteStore, openSqliteStore } from './store/sqlite-store.js';

/** Summaries by the configured model, or extractive ones when OPENAI_API_KEY is not set. */
export function createSummaryService(env: Environment, store: SqliteStore, log: Logger): SummaryService {
  const model = env.OPENAI_API_KEY
    ? new OpenAiSummaryClient({ apiKey: env.OPENAI_API_KEY, ...(env.OPENAI_BASE_URL && { baseURL: env.OPENAI_BASE_URL }), model: env.OPENAI_MODEL, timeoutMs: env.OPENAI_TIMEOUT_MS })
    : undefined;
  return new SummaryService({
    language: env.SUMMARY_LANGUAGE,
    ...(model && { model }),
    breaker: new CircuitBreaker({ failureThreshold: 3, cooldownMs: 60_000 }),
    budget: { requestsPerHour: env.OPENAI_MAX_REQUESTS_PER_HOUR, tokensPerDay: env.OPENAI_MAX_TOKENS_PER_DAY },
    store: store.summaries,
    log: log.child({ stage: 'summary' }),
    now: () => new Date(),
  });
}

/** Story folding over the store's cluster index, with embeddings when an OpenAI-compatible endpoint is configured. */
export function createClusterer(env: Environment, config: Config, store: SqliteStore, log: Logger): StoryClusterer {
  const embeddings =
    env.OPENAI_API_KEY && env.OPENAI_EMBEDDING_MODEL !== 'none'
      ? new OpenAiEmbeddingClient({ apiKey: env.OPENAI_API_KEY, ...(env.OPENAI_BASE_URL && { baseURL: env.OPENAI_BASE_URL }), model: env.OPENAI_EMBEDDING_MODEL, timeoutMs: env.OPENAI_TIMEOUT_MS })
      : undefined;
  // The config's concepts join the bundled lexicon for this process (validated when the config was read).
  useExtraConcepts(config.clustering.concepts);
  return new StoryClusterer(new SqliteClusterIndex(store.db), clusterThresholds(config.clustering), embeddings, log.child({ stage: 'cluster' }));
}

function webhookTokens(config: Config): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const route of config.routes) {
    const webhook = webhookParts(route.webhook);
    if (webhook) tokens.set(webhook.id, webhook.token);
  }
  return tokens;
}

/** A channel route cannot work without a bot token: say so at start, not at the first alert. */
function checkRoutes(config: Config, env: Environment): void {
  const index = config.routes.findIndex((route) => route.channel);
  if (index >= 0 && !env.DISCORD_TOKEN) {
    throw new StraitwatchError('config-invalid', `routes[${index}] posts to channel ${config.routes[index]!.channel}, which needs DISCORD_TOKEN; set it, or use a webhook route`);
  }
}

export const VERSION = '0.1.0';
export const USER_AGENT = `straitwatch/${VERSION} (+${PROJECT_URL})`;

export interface App {
  config: Config;
  store: SqliteStore;
  summaries: SummaryService;
  /** Feeds and routes in force (feeds.json plus /feeds and /route changes), and the only way to change them. */
  settings: LiveSettings;
  /** Sends what the outbox holds (summaries first, so alerts carry them). */
  deliver(): Promise<DeliveryReport>;
  /** Posts a notice for operators (ops routes, STRAITWATCH_OPS_CHANNEL). */
  ops(notice: OpsNotice): Promise<void>;
  /** A new run tries broken destinations again: the operator may have fixed them (they break again if not). */
  retryBrokenRoutes(): void;
  http: FeedHttp;
  log: Logger;
  deps: RefreshDeps;
  close(): void;
}

/** Wiring only: reads the config, opens the store, builds the HTTP client. Each stage gets its slice. */
export function createApp(options: { configPath: string; dbPath: string; env: Environment; log?: Logger; consoleOut?: NodeJS.WritableStream }): App {
  const log = options.log ?? createLogger({ level: options.env.LOG_LEVEL });
  const config = loadConfig(options.configPath);
  // feeds.json's routes only: a channel route added from Discord was added with the token at hand.
  checkRoutes(config, options.env);
  const store = openSqliteStore(options.dbPath);
  // Changes made from Discord lie over feeds.json before anything reads the feeds or routes.
  const settings = new LiveSettings(config, store, () => new Date());
  for (const problem of settings.problems) log.warn(problem);
  const http = createHttpFeedClient({
    connectTimeoutMs: config.polling.connectTimeoutMs,
    timeoutMs: config.polling.timeoutMs,
    maxBodyBytes: config.polling.maxBodyBytes,
    maxRedirects: config.polling.maxRedirects,
    userAgent: USER_AGENT,
    allowPrivateNetworks: options.env.STRAITWATCH_ALLOW_PRIVATE_NETWORKS,
  });
  const summaries = createSummaryService(options.env, store, log);
  const deps: RefreshDeps = {
    http,
    store,
    log,
    understand: createUnderstanding(config),
    ...(config.clustering.enabled && { cluster: createClusterer(options.env, config, store, log) }),
    route: createRouter(config.routes),
    backlog: config.alerts.backlog,
    now: () => new Date(),
    random: Math.random,
  };
  const discord = new DiscordDeliverer({
    ...(options.env.DISCORD_TOKEN && { token: options.env.DISCORD_TOKEN }),
    ...(options.env.DISCORD_API_BASE && { apiBase: options.env.DISCORD_API_BASE }),
    webhookTokens: webhookTokens(config),
  });
  const consoleDeliverer = new ConsoleDeliverer(options.consoleOut ?? process.stdout);
  // Looked up per alert: feeds added from Discord have names too.
  const outletOf = (feedId: string) => {
    const feed = config.feeds.find((f) => f.id === feedId);
    return feed?.name ?? feedId;
  };
  const opsDestinations: Destination[] = [
    ...new Set([...config.routes.filter((route) => route.ops).map(destinationOf), ...(options.env.STRAITWATCH_OPS_CHANNEL ? [`channel:${options.env.STRAITWATCH_OPS_CHANNEL}` as const] : [])]),
  ];
  const ops = createOpsNotifier(opsDestinations, (destination) => (destination === 'console' ? consoleDeliverer : discord), log.child({ stage: 'ops' }));
  const deliver = () =>
    deliverAlerts({
      store,
      deliverer: (destination) => (destination === 'console' ? consoleDeliverer : discord),
      outletOf,
      maxEmbedsPerMessage: config.alerts.maxEmbedsPerMessage,
      log: log.child({ stage: 'deliver' }),
      now: () => new Date(),
      onBroken: (destination, error) => void ops(brokenRouteNotice(destination, error)),
    });
  let closed = false;
  return {
    config,
    store,
    summaries,
    settings,
    deliver,
    ops,
    retryBrokenRoutes: () => {
      for (const broken of store.outbox.brokenDestinations()) store.outbox.repair(broken.destination as Destination);
    },
    http,
    log,
    deps,
    close() {
      if (closed) return;
      closed = true;
      http.close();
      store.close();
    },
  };
}
