import { performance } from 'node:perf_hooks';

/** One poll cycle's figures, as a cycle child reports them. */
export interface CycleFigures {
  wallS: number;
  /** User + system CPU of this process during the cycle. */
  cpuS: number;
  /** Stories stored (straitwatch) or items run through franc (naive). */
  items: number;
  itemsPerS: number;
  /** Peak resident set of the process so far (lifetime maximum, not the cycle's own). */
  maxRssMb: number;
  /** Cycle window on the monotonic clock, in µs, to cut a --cpu-prof profile to this cycle. */
  windowUs: [number, number];
  /** Feed outcomes by status, e.g. { seeded: 1000 } or { ok: 998, failed: 2 }. */
  outcomes: Record<string, number>;
}

export interface CycleReport {
  system: 'straitwatch' | 'naive';
  variant: string;
  feeds: number;
  cycles: CycleFigures[];
}

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
const round = (value: number, places: number) => Number(value.toFixed(places));

/** Runs one cycle; `run` returns the item count and the outcome tally. */
export async function measureCycle(run: () => Promise<{ items: number; outcomes: Record<string, number> }>): Promise<CycleFigures> {
  const startUs = monotonicUs();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const { items, outcomes } = await run();
  const wallS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    wallS: round(wallS, 2),
    cpuS: round((cpu.user + cpu.system) / 1e6, 2),
    items,
    itemsPerS: Math.round(items / wallS),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    windowUs: [startUs, monotonicUs()],
    outcomes,
  };
}

/** The child's one line of output; run.ts reads the last line of stdout. */
export function printReport(report: CycleReport): void {
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
