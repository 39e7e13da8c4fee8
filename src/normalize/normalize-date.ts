const EARLIEST = Date.UTC(1990, 0, 1);
/** Clocks drift and some feeds schedule items: up to a day ahead is believable. */
const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000;

// RFC 822 zone names Date.parse does not know, as offsets. Ambiguous ones ("CST") take their US meaning like other parsers do.
const ZONES: Record<string, string> = { UT: '+0000', Z: '+0000', JST: '+0900', KST: '+0900', HKT: '+0800', SGT: '+0800', CET: '+0100', CEST: '+0200', MSK: '+0300', BST: '+0100', IST: '+0530', AEST: '+1000' };

function parseLoose(raw: string): number {
  let text = raw.trim().replace(/\s+/g, ' ');
  // "GMT+8" / "UTC+08:00" → "+0800"
  text = text.replace(/\b(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i, (_, sign: string, h: string, m?: string) => `${sign}${h.padStart(2, '0')}${m ?? '00'}`);
  text = text.replace(/\b([A-Z]{2,4})$/, (zone) => ZONES[zone] ?? zone);
  // An ISO date-time with no zone is read as UTC, not as this machine's local time, so results don't depend on TZ.
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) text = `${text.replace(' ', 'T')}Z`;
  // Likewise an RFC 822 date whose time has no zone ("Tue, 03 Jun 2025 10:00:00"), or no time at all.
  else if (/[A-Za-z]{3} \d{4} \d{1,2}:\d{2}(:\d{2})?$/.test(text)) text = `${text} GMT`;
  else if (/\d{1,2} [A-Za-z]{3,9} \d{4}$/.test(text)) text = `${text} 00:00:00 GMT`;
  const slashed = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (slashed) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = slashed;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  }
  return Date.parse(text);
}

/**
 * A feed's date to ISO 8601 UTC. Missing, unparseable, pre-1990 or far-future dates fall back
 * to `fetchedAt`, flagged as estimated, so a story always sorts near when it appeared.
 */
export function normalizeDate(raw: string | undefined, fetchedAt: Date): { published: string; estimated: boolean } {
  const time = raw ? parseLoose(raw) : NaN;
  if (Number.isNaN(time) || time < EARLIEST || time > fetchedAt.getTime() + FUTURE_TOLERANCE_MS) {
    return { published: fetchedAt.toISOString(), estimated: true };
  }
  return { published: new Date(time).toISOString(), estimated: false };
}
