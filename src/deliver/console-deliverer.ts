import type { APIEmbed } from 'discord.js';
import type { Destination } from '../core/alert.js';
import type { Deliverer, OutgoingMessage } from './deliverer.js';

function readable(embed: APIEmbed): string {
  const fields = (embed.fields ?? []).map((field) => `  ${field.name}: ${field.value.replace(/\n/g, ' ')}`);
  return [`▶ ${embed.title ?? ''}`, ...(embed.url ? [`  ${embed.url}`] : []), ...(embed.description ? [`  ${embed.description.replace(/\n/g, '\n  ')}`] : []), ...fields, ''].join('\n');
}

/**
 * The embedded default when no Discord route is configured: alerts on the console, readable on a
 * terminal, one JSON line per alert otherwise (for piping into other tools).
 */
export class ConsoleDeliverer implements Deliverer {
  constructor(private readonly out: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout) {}

  async send(_destination: Destination, message: OutgoingMessage): Promise<{ messageId: string }> {
    for (const embed of message.embeds) {
      this.out.write(this.out.isTTY ? `${readable(embed)}\n` : `${JSON.stringify({ alert: embed })}\n`);
    }
    return { messageId: `console-${message.nonce}` };
  }

  /** A console line cannot change: the update is printed as such. */
  async edit(_destination: Destination, messageId: string, embeds: APIEmbed[]): Promise<void> {
    for (const embed of embeds) {
      this.out.write(this.out.isTTY ? `↻ update of ${messageId}\n${readable(embed)}\n` : `${JSON.stringify({ update: messageId, alert: embed })}\n`);
    }
  }
}
