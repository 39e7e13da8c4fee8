import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The parts of V8's .cpuprofile (written by node --cpu-prof) that self time needs. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  selfMs: number;
  /** Share of the busy (non-idle) samples in the window. */
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  functions: SelfTime[];
  modules: SelfTime[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** "src/parse/parse-xml-feed.ts", "node_modules/xml2js", "node:internal/…", or V8's "(garbage collector)". */
function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const path = url.startsWith('file://') ? relative(ROOT, fileURLToPath(url)) : url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return `node_modules/${pkg[1]}`;
  return path.startsWith('node:') ? path.split('/').slice(0, 2).join('/') : path;
}

function rank(totals: Map<string, number>, busyUs: number, top: number): SelfTime[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, selfMs: Math.round(us / 1000), share: Number(((100 * us) / busyUs).toFixed(1)) }));
}

/** Self time by function and by module, optionally only for samples inside `windowUs` (monotonic µs). */
export function summarizeProfile(path: string, windowUs?: [number, number], top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  let busyUs = 0;
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    if (windowUs && (time < windowUs[0] || time > windowUs[1])) return;
    const frame = nodes.get(id)!;
    if (frame.functionName === '(idle)') return;
    busyUs += delta;
    const module = moduleOf(frame.url, frame.functionName);
    const name = `${frame.functionName || '(anonymous)'} ${module}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
    byModule.set(module, (byModule.get(module) ?? 0) + delta);
  });
  return { busyMs: Math.round(busyUs / 1000), functions: rank(byFunction, busyUs, top), modules: rank(byModule, busyUs, top) };
}

export function formatSummary(summary: ProfileSummary): string {
  const lines = (title: string, rows: SelfTime[]) => [title, ...rows.map((r) => `  ${String(r.share).padStart(5)}%  ${String(r.selfMs).padStart(6)} ms  ${r.name}`)];
  return [`busy CPU in window: ${summary.busyMs} ms`, ...lines('self time by module:', summary.modules), ...lines('self time by function:', summary.functions)].join('\n');
}

// Standalone: node --import tsx bench/profile-summary.ts FILE.cpuprofile [startUs endUs]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, start, end] = process.argv.slice(2);
  if (!file) throw new Error('usage: node --import tsx bench/profile-summary.ts FILE.cpuprofile [startUs endUs]');
  console.log(formatSummary(summarizeProfile(file, start && end ? [Number(start), Number(end)] : undefined)));
}
