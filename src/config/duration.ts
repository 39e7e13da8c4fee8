const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
export const DURATION_PATTERN = /^(\d+)(s|m|h|d)$/;

/** "90s", "5m", "1h", "1d" to milliseconds; undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const unit = match[2] as keyof typeof UNIT_SECONDS;
  return Number(match[1]) * UNIT_SECONDS[unit] * 1000;
}
