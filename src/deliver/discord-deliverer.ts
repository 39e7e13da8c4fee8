import { type APIEmbed, DiscordAPIError, HTTPError, REST, Routes } from 'discord.js';
import type { Destination } from '../core/alert.js';
import { type Deliverer, DeliveryError, type OutgoingMessage } from './deliverer.js';

// Codes that mean the destination itself is unusable, not this message (reference.mdx, JSON error codes).
const PERMANENT_CODES = new Set([10003, 10015, 50001, 50013, 0]);

export interface DiscordDelivererOptions {
  token?: string;
  /** DISCORD_API_BASE: self-hosted gateways, or the test stand-in. */
  apiBase?: string;
  /** Webhook id → token, from the webhook URLs of the routes. */
  webhookTokens: ReadonlyMap<string, string>;
  timeoutMs?: number;
}

function classify(error: unknown, destination: Destination): DeliveryError {
  if (error instanceof DiscordAPIError) {
    const text = `${destination}: Discord answered ${error.status} ${error.code} ${error.message}`;
    if (error.status === 401 || error.status === 403 || error.status === 404 || PERMANENT_CODES.has(Number(error.code))) {
      return new DeliveryError('permanent', text, Number(error.code), { cause: error });
    }
    return new DeliveryError('rejected', text, Number(error.code), { cause: error });
  }
  if (error instanceof HTTPError) return new DeliveryError('transient', `${destination}: Discord answered ${error.status}`, undefined, { cause: error });
  return new DeliveryError('transient', `${destination}: ${(error as Error)?.message ?? String(error)}`, undefined, { cause: error });
}

/**
 * Posts over Discord's REST API with discord.js's client: its per-route queues wait out 429s and
 * it retries 5xx and timeouts. No gateway connection is needed to post. Every message carries
 * `allowed_mentions: {parse: []}`; bot posts carry a nonce with enforce_nonce, so a retry, even
 * after a crash, returns the message already made instead of making another.
 */
export class DiscordDeliverer implements Deliverer {
  private readonly rest: REST;

  constructor(private readonly options: DiscordDelivererOptions) {
    this.rest = new REST({ ...(options.apiBase && { api: options.apiBase }), timeout: options.timeoutMs ?? 15_000, retries: 3 });
    if (options.token) this.rest.setToken(options.token);
  }

  /**
   * Discord checks a nonce only "in the past few minutes": a message whose first send is older
   * is looked for among the channel's latest 50 messages by the story id in its embed footers.
   */
  async findRecent(destination: Destination, storyIds: readonly string[]): Promise<string | undefined> {
    if (!destination.startsWith('channel:') || !this.options.token) return undefined;
    try {
      const recent = (await this.rest.get(Routes.channelMessages(destination.slice('channel:'.length)), {
        query: new URLSearchParams({ limit: '50' }),
      })) as Array<{ id: string; embeds?: Array<{ footer?: { text?: string } }> }>;
      return recent.find((message) => message.embeds?.some((embed) => storyIds.some((id) => embed.footer?.text?.includes(id))))?.id;
    } catch {
      // Without read access the nonce is the only guard; sending is still right (never lose an alert).
      return undefined;
    }
  }

  async edit(destination: Destination, messageId: string, embeds: APIEmbed[]): Promise<void> {
    const body = { embeds, allowed_mentions: { parse: [] } };
    try {
      if (destination.startsWith('channel:')) {
        if (!this.options.token) throw new DeliveryError('permanent', `${destination}: editing in a channel needs DISCORD_TOKEN`);
        await this.rest.patch(Routes.channelMessage(destination.slice('channel:'.length), messageId), { body });
        return;
      }
      if (destination.startsWith('webhook:')) {
        const id = destination.slice('webhook:'.length);
        const token = this.options.webhookTokens.get(id);
        if (!token) throw new DeliveryError('permanent', `${destination}: no webhook URL in feeds.json for this id`);
        await this.rest.patch(Routes.webhookMessage(id, token, messageId), { body, auth: false });
        return;
      }
      throw new DeliveryError('permanent', `${destination}: not a Discord destination`);
    } catch (error) {
      throw error instanceof DeliveryError ? error : classify(error, destination);
    }
  }

  async send(destination: Destination, message: OutgoingMessage): Promise<{ messageId: string }> {
    const body = { embeds: message.embeds, allowed_mentions: { parse: [] } };
    try {
      if (destination.startsWith('channel:')) {
        if (!this.options.token) throw new DeliveryError('permanent', `${destination}: posting to a channel needs DISCORD_TOKEN`);
        const created = (await this.rest.post(Routes.channelMessages(destination.slice('channel:'.length)), {
          body: { ...body, nonce: message.nonce, enforce_nonce: true },
        })) as { id: string };
        return { messageId: created.id };
      }
      if (destination.startsWith('webhook:')) {
        const id = destination.slice('webhook:'.length);
        const token = this.options.webhookTokens.get(id);
        if (!token) throw new DeliveryError('permanent', `${destination}: no webhook URL in feeds.json for this id`);
        // Execute Webhook takes no nonce; wait=true returns the message so its id is recorded.
        const created = (await this.rest.post(Routes.webhook(id, token), { body, query: new URLSearchParams({ wait: 'true' }), auth: false })) as { id: string };
        return { messageId: created.id };
      }
      throw new DeliveryError('permanent', `${destination}: not a Discord destination`);
    } catch (error) {
      throw error instanceof DeliveryError ? error : classify(error, destination);
    }
  }
}
