import type { Timing } from './timed-search.js';

/** The aim: search p95 under 50 ms over 1,000,000 stories. */
export const SEARCH_P95_AIM_MS = 50;

/** Latency figures in ms; null means above the timeout (a query that ran that long was killed). */
export interface LatencyRow {
  label: string;
  queries: number;
  timedOut: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** Mean hits returned by the queries that finished. */
  avgResults: number | null;
}

export interface SearchFigures {
  stories: number;
  timeoutMs: number;
  rows: LatencyRow[];
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Nearest-rank percentiles; a timed-out query sorts above every finished one. */
export function latencyRow(label: string, timings: readonly Timing[]): LatencyRow {
  const sorted = timings.map((t) => ('ms' in t ? t.ms : Infinity)).sort((a, b) => a - b);
  const at = (p: number) => {
    const value = sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
    return value === undefined || value === Infinity ? null : round(value);
  };
  const finished = timings.filter((t): t is { ms: number; results: number } => 'ms' in t);
  return {
    label,
    queries: timings.length,
    timedOut: timings.length - finished.length,
    p50Ms: at(50),
    p95Ms: at(95),
    p99Ms: at(99),
    maxMs: at(100),
    avgResults: finished.length ? round(finished.reduce((n, t) => n + t.results, 0) / finished.length) : null,
  };
}

const HEADERS = ['kind', 'n', 'timed out', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'avg results'];

/** A plain-text table: overall, then one row per query kind and per filter. */
export function searchLatencyTable(figures: SearchFigures): string {
  const ms = (value: number | null) => (value === null ? `> ${figures.timeoutMs}` : value.toFixed(value < 10 ? 2 : 1));
  const rows = [
    HEADERS,
    ...figures.rows.map((r) => [r.label, String(r.queries), String(r.timedOut), ms(r.p50Ms), ms(r.p95Ms), ms(r.p99Ms), ms(r.maxMs), r.avgResults === null ? '-' : r.avgResults.toFixed(1)]),
  ];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((r) => r[column]!.length)));
  const format = (r: string[]) => r.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  const overall = figures.rows[0];
  const p95 = overall?.p95Ms ?? null;
  const verdict = p95 !== null && p95 < SEARCH_P95_AIM_MS ? 'ok' : 'MISSED';
  return [
    `search latency over ${figures.stories.toLocaleString('en')} stories (single-threaded, production search(); a query past ${figures.timeoutMs} ms is killed, and not re-run)`,
    format(rows[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(format),
    `aim: p95 ${ms(p95)} ms ${verdict} (< ${SEARCH_P95_AIM_MS} ms)`,
  ].join('\n');
}
