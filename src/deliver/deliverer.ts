import type { APIEmbed } from 'discord.js';
import type { Destination } from '../core/alert.js';

export interface OutgoingMessage {
  embeds: APIEmbed[];
  /** At most 25 characters; the same for every try of one message. */
  nonce: string;
}

/**
 * transient: try again later (network, 5xx, timeouts); permanent: the destination is unusable
 * until someone fixes it (missing access, unknown channel or webhook, bad token); rejected:
 * Discord refused this payload (a bug of ours): never retried.
 */
export type DeliveryFailureKind = 'transient' | 'permanent' | 'rejected';

export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryFailureKind,
    message: string,
    readonly code?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = `DeliveryError[${kind}]`;
  }
}

/** Posts one message to one destination; resolves with the message id or throws DeliveryError. */
export interface Deliverer {
  send(destination: Destination, message: OutgoingMessage): Promise<{ messageId: string }>;
  /**
   * For a message whose earlier send has an unknown outcome: the id of a recent message that
   * already carries one of these stories, if the destination can be searched (bot channels can).
   */
  findRecent?(destination: Destination, storyIds: readonly string[]): Promise<string | undefined>;
  /** Replaces a sent message's embeds (a story's later reports); idempotent, so a retry is safe. Throws DeliveryError. */
  edit(destination: Destination, messageId: string, embeds: APIEmbed[]): Promise<void>;
}
