import type { CycleReport } from './measure-cycle.js';

/** The targets for straitwatch on the 2-core bench machine. */
export const AIMS = { coldS: 15, warmS: 2, peakRssMb: 300 } as const;

const HEADERS = ['variant', 'system', 'cold s', 'stories/s', 'CPU s', 'peak RSS MB', 'warm s', 'warm CPU s'];

function row(report: CycleReport): string[] {
  const [cold, warm] = report.cycles;
  if (!cold) return [report.variant, report.system, 'no cycle'];
  return [
    report.variant,
    report.system,
    cold.wallS.toFixed(2),
    String(cold.itemsPerS),
    cold.cpuS.toFixed(2),
    // Lifetime maximum after the cold cycle, then after the warm one.
    warm ? `${cold.maxRssMb} / ${warm.maxRssMb}` : String(cold.maxRssMb),
    warm ? warm.wallS.toFixed(2) : '-',
    warm ? warm.cpuS.toFixed(2) : '-',
  ];
}

/** A plain-text table, columns padded to fit. */
export function resultsTable(reports: CycleReport[]): string {
  const rows = [HEADERS, ...reports.map(row)];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((r) => (r[column] ?? '').length)));
  const format = (r: string[]) => r.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [format(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(format)].join('\n');
}

/** One line per straitwatch run saying whether each aim is met. */
export function aimLines(reports: CycleReport[]): string[] {
  return reports
    .filter((report) => report.system === 'straitwatch')
    .map((report) => {
      const [cold, warm] = report.cycles;
      const peak = Math.max(...report.cycles.map((c) => c.maxRssMb));
      const check = (label: string, value: number | undefined, aim: number, unit: string) =>
        value === undefined ? `${label} n/a` : `${label} ${value} ${unit} ${value < aim ? 'ok' : 'MISSED'} (< ${aim})`;
      return `${report.variant}: ${check('cold', cold?.wallS, AIMS.coldS, 's')}; ${check('warm', warm?.wallS, AIMS.warmS, 's')}; ${check('peak RSS', peak, AIMS.peakRssMb, 'MB')}`;
    });
}
