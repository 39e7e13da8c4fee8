import { parseArgs } from 'node:util';
import type { FeedVariant } from './synthetic-feed.js';

/** What run.ts tells a cycle child: where the feed server is, how many feeds, which variant. */
export interface CycleOptions {
  base: string;
  feeds: number;
  variant: FeedVariant;
  /** Poll cycles to run; the first is cold. */
  cycles: number;
}

export function readCycleOptions(): CycleOptions {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' },
      feeds: { type: 'string', default: '1000' },
      variant: { type: 'string', default: 'headline' },
      cycles: { type: 'string', default: '2' },
    },
  });
  if (!values.base) throw new Error('--base http://127.0.0.1:PORT is required (run.ts passes it)');
  if (values.variant !== 'headline' && values.variant !== 'lead') throw new Error(`--variant must be "headline" or "lead", not "${values.variant}"`);
  return { base: values.base, feeds: Number(values.feeds), variant: values.variant, cycles: Number(values.cycles) };
}

export function feedUrl(options: CycleOptions, index: number): string {
  return `${options.base}/feeds/${index}.xml?variant=${options.variant}`;
}
