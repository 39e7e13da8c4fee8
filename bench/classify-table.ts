import type { CycleReport } from './measure-cycle.js';

export type ClassifyFigures = Record<string, { stories: number; storiesPerSecond: number; avgChars: number }>;

/** The aim from the understanding issue: stories per second on one core. */
export const CLASSIFY_AIM = 20_000;

/**
 * Throughput per corpus, and the share of straitwatch's cold-cycle CPU that classifying that
 * cycle's stories takes (stories stored / throughput, over the cycle's CPU seconds).
 */
export function classifyTable(figures: ClassifyFigures, reports: CycleReport[]): string {
  const lines = ['classify (one core)  stories  avg chars  stories/s  share of cold cycle CPU'];
  for (const [corpus, f] of Object.entries(figures)) {
    const cold = reports.find((r) => r.system === 'straitwatch' && r.variant === corpus)?.cycles[0];
    const share = cold ? `${(((cold.items / f.storiesPerSecond) / cold.cpuS) * 100).toFixed(1)}%` : '-';
    const aim = f.storiesPerSecond >= CLASSIFY_AIM ? 'ok' : 'MISSED';
    lines.push(`${corpus.padEnd(20)} ${String(f.stories).padStart(7)}  ${String(f.avgChars).padStart(9)}  ${f.storiesPerSecond.toLocaleString('en').padStart(9)}  ${share.padStart(7)}   (aim ${CLASSIFY_AIM.toLocaleString('en')}/s: ${aim})`);
  }
  return lines.join('\n');
}
