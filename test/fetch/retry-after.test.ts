import { afterAll, describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/fetch/retry-after.js';

const NOW = new Date('2025-06-03T12:00:00Z');
const ORIGINAL_TZ = process.env.TZ;
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

// HTTP-dates are GMT wherever the bot runs; Node applies a TZ assigned at run time at once.
describe.each(['UTC', 'Asia/Taipei', 'America/Los_Angeles'])('parseRetryAfter with local time zone %s', (zone) => {
  it.each([
    { name: 'delay-seconds', value: '120', ms: 120_000 },
    { name: 'zero seconds', value: '0', ms: 0 },
    { name: 'seconds with surrounding spaces', value: ' 30 ', ms: 30_000 },
    { name: 'IMF-fixdate two minutes ahead', value: 'Tue, 03 Jun 2025 12:02:00 GMT', ms: 120_000 },
    { name: 'obsolete RFC 850 date ahead', value: 'Tuesday, 03-Jun-25 13:00:00 GMT', ms: 3_600_000 },
    { name: 'asctime date ahead', value: 'Tue Jun  3 12:00:30 2025', ms: 30_000 },
    { name: 'date in the past: retry now, not a negative delay', value: 'Tue, 03 Jun 2025 11:00:00 GMT', ms: 0 },
    { name: 'missing header', value: undefined, ms: undefined },
    { name: 'empty header', value: '', ms: undefined },
    { name: 'garbage', value: 'soon', ms: undefined },
    { name: 'a number with a unit', value: '120 seconds', ms: undefined },
  ])('$name: $value → $ms', ({ value, ms }) => {
    process.env.TZ = zone;
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });
});
