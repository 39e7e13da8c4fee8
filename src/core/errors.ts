/** Every failure straitwatch reports carries one of these codes, so callers branch on data, not on message text. */
export type ErrorCode =
  | 'config-invalid'
  | 'config-unreadable'
  | 'fetch-timeout'
  | 'fetch-too-large'
  | 'fetch-too-many-redirects'
  | 'fetch-http-status'
  | 'fetch-network'
  | 'fetch-blocked-address'
  | 'fetch-bad-url'
  | 'decode-failed'
  | 'parse-not-a-feed'
  | 'parse-malformed'
  | 'store-failed'
  /** A /feeds or /route change refused: invalid, a duplicate, unknown, or a feed that does not fetch. */
  | 'setting-refused';

export class StraitwatchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = `StraitwatchError[${code}]`;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
