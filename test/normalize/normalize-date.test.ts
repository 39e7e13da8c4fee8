import { describe, expect, it } from 'vitest';
import { normalizeDate } from '../../src/normalize/normalize-date.js';

const FETCHED_AT = new Date('2025-06-10T00:00:00Z');

describe('normalizeDate', () => {
  it.each([
    { name: 'RFC 822, GMT', raw: 'Tue, 03 Jun 2025 10:00:00 GMT', published: '2025-06-03T10:00:00.000Z' },
    { name: 'RFC 822, +0800', raw: 'Tue, 03 Jun 2025 10:00:00 +0800', published: '2025-06-03T02:00:00.000Z' },
    { name: 'RFC 822, -0500', raw: 'Tue, 03 Jun 2025 10:00:00 -0500', published: '2025-06-03T15:00:00.000Z' },
    // Ambiguous: China and US Central both say CST; like other parsers, the US meaning wins.
    { name: 'RFC 822, CST as US Central', raw: 'Tue, 03 Jun 2025 10:00:00 CST', published: '2025-06-03T16:00:00.000Z' },
    { name: 'RFC 822, EDT', raw: 'Tue, 03 Jun 2025 10:00:00 EDT', published: '2025-06-03T14:00:00.000Z' },
    { name: 'RFC 822, JST', raw: 'Tue, 03 Jun 2025 10:00:00 JST', published: '2025-06-03T01:00:00.000Z' },
    { name: 'RFC 822, HKT', raw: 'Tue, 03 Jun 2025 10:00:00 HKT', published: '2025-06-03T02:00:00.000Z' },
    { name: 'RFC 822, UT', raw: 'Tue, 03 Jun 2025 10:00:00 UT', published: '2025-06-03T10:00:00.000Z' },
    { name: 'RFC 822, GMT+8', raw: 'Tue, 03 Jun 2025 10:00:00 GMT+8', published: '2025-06-03T02:00:00.000Z' },
    { name: 'RFC 822, UTC+08:00', raw: 'Tue, 03 Jun 2025 10:00:00 UTC+08:00', published: '2025-06-03T02:00:00.000Z' },
    { name: 'RFC 822, no weekday, single-digit day', raw: '3 Jun 2025 10:00 +0800', published: '2025-06-03T02:00:00.000Z' },
    { name: 'RFC 850, two-digit year', raw: 'Tuesday, 03-Jun-25 10:00:00 GMT', published: '2025-06-03T10:00:00.000Z' },
    { name: 'surrounding whitespace', raw: '\n  Tue, 03 Jun 2025 10:00:00 GMT  ', published: '2025-06-03T10:00:00.000Z' },
    // vitest runs in Asia/Taipei (vitest.config.ts), so a local-time reading would be 8 hours off.
    { name: 'RFC 822, no zone is UTC', raw: 'Tue, 03 Jun 2025 10:00:00', published: '2025-06-03T10:00:00.000Z' },
    { name: 'RFC 822, date only is UTC midnight', raw: 'Tue, 03 Jun 2025', published: '2025-06-03T00:00:00.000Z' },
    { name: 'ISO 8601, Z', raw: '2025-06-03T10:00:00Z', published: '2025-06-03T10:00:00.000Z' },
    { name: 'ISO 8601, +08:00', raw: '2025-06-03T10:00:00+08:00', published: '2025-06-03T02:00:00.000Z' },
    { name: 'ISO 8601, fractional seconds and offset', raw: '2025-06-03T10:00:00.250-07:00', published: '2025-06-03T17:00:00.250Z' },
    { name: 'ISO 8601, no zone is UTC', raw: '2025-06-03T10:00:00', published: '2025-06-03T10:00:00.000Z' },
    { name: 'ISO 8601, no zone, no seconds', raw: '2025-06-03T10:00', published: '2025-06-03T10:00:00.000Z' },
    { name: 'ISO 8601, no zone, fractional seconds', raw: '2025-06-03T10:00:00.123', published: '2025-06-03T10:00:00.123Z' },
    { name: 'ISO with a space, no zone', raw: '2025-06-03 10:00:00', published: '2025-06-03T10:00:00.000Z' },
    { name: 'ISO date only', raw: '2025-06-03', published: '2025-06-03T00:00:00.000Z' },
    { name: 'slashes with time', raw: '2025/6/3 10:00', published: '2025-06-03T10:00:00.000Z' },
    { name: 'slashes with seconds', raw: '2025/06/03 10:00:30', published: '2025-06-03T10:00:30.000Z' },
    { name: 'slashes, date only', raw: '2025/06/03', published: '2025-06-03T00:00:00.000Z' },
    { name: 'up to a day ahead is believed', raw: '2025-06-10T23:00:00Z', published: '2025-06-10T23:00:00.000Z' },
    { name: 'just after the 1990 floor', raw: '1990-01-02T00:00:00Z', published: '1990-01-02T00:00:00.000Z' },
  ])('$name', ({ raw, published }) => {
    expect(normalizeDate(raw, FETCHED_AT)).toEqual({ published, estimated: false });
  });

  it.each<{ name: string; raw: string | undefined }>([
    { name: 'garbage', raw: 'sometime in June' },
    { name: 'empty', raw: '' },
    { name: 'only whitespace', raw: '   ' },
    { name: 'missing', raw: undefined },
    { name: 'epoch seconds as text', raw: '1518478934' },
    { name: 'impossible date', raw: '2025-13-45T10:00:00Z' },
    { name: 'more than a day in the future', raw: '2025-06-11T00:00:01Z' },
    { name: 'far future', raw: 'Fri, 01 Jan 2100 00:00:00 GMT' },
    { name: '1970 (a zero timestamp)', raw: 'Thu, 01 Jan 1970 00:00:00 GMT' },
    { name: '1970 in ISO form', raw: '1970-01-01T00:00:00Z' },
    { name: 'before 1990', raw: '1989-12-31T23:59:59Z' },
  ])('$name falls back to fetchedAt, estimated', ({ raw }) => {
    expect(normalizeDate(raw, FETCHED_AT)).toEqual({ published: '2025-06-10T00:00:00.000Z', estimated: true });
  });
});
