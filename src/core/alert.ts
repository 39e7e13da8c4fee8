/** Where an alert goes: a bot-posted channel, a webhook, or the console when Discord is not configured. */
export type Destination = `channel:${string}` | `webhook:${string}` | 'console';

/** One outbox row: a story bound for one destination. */
export interface OutboxEntry {
  id: number;
  storyId: string;
  destination: Destination;
  state: 'pending' | 'sending' | 'sent' | 'failed';
  /** post: a new message; edit: a later report of a story, listed by editing the story's message. */
  kind: 'post' | 'edit';
  /** The nonce of the message it goes out in, fixed before the first send so a retry reuses it. */
  batch?: string;
  attempts: number;
}
