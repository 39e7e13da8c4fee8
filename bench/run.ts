import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CycleReport } from './measure-cycle.js';
import { formatSummary, summarizeProfile } from './profile-summary.js';
import { type ClassifyFigures, classifyTable } from './classify-table.js';
import { aimLines, resultsTable } from './results-table.js';
import { type SearchFigures, searchLatencyTable } from './search-latency-table.js';

/**
 * npm run bench [-- --feeds N --items M --variants headline,lead --systems straitwatch,naive --profile --search [--search-db PATH] --cluster]
 *
 * Starts the feed server, then for each variant runs straitwatch's poll cycle and the naive one,
 * each in its own process (cold cycle, then a second cycle), and prints a table. --search adds
 * search latency over 1,000,000 generated stories (bench/search-latency.ts; building them takes
 * about 12 minutes: --search-db PATH builds them there once and reuses them later). --cluster adds
 * the cost of folding a new report as the store grows to 100,000 (bench/cluster-cost.ts). A full default
 * run writes bench/results/latest.json; any other run writes bench/results/last-partial.json.
 */
const { values } = parseArgs({
  options: {
    feeds: { type: 'string', default: '1000' },
    items: { type: 'string', default: '50' },
    variants: { type: 'string', default: 'headline,lead' },
    systems: { type: 'string', default: 'straitwatch,naive' },
    profile: { type: 'boolean', default: false },
    search: { type: 'boolean', default: false },
    'search-db': { type: 'string' },
    cluster: { type: 'boolean', default: false },
  },
});
const BENCH = fileURLToPath(new URL('.', import.meta.url));
const CHILD = { straitwatch: 'straitwatch-cycle.ts', naive: 'naive-cycle.ts' } as const;
type System = keyof typeof CHILD;
const systems = values.systems.split(',') as System[];
for (const system of systems) if (!(system in CHILD)) throw new Error(`--systems: unknown system "${system}" (use straitwatch, naive)`);

function spawnTs(file: string, args: string[], nodeFlags: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, '--import', 'tsx', join(BENCH, file), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Resolves with the first stdout line (the server's) or, with `untilExit`, the last one. */
function readLine(child: ChildProcess, untilExit: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!untilExit && out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop();
      if (code === 0 && last) resolve(last);
      else reject(new Error(`${child.spawnargs.slice(-8).join(' ')} exited with ${code}`));
    });
  });
}

const started = Date.now();
// Wall times assume the two cores are ours; CPU seconds hold up better when they are not.
const loadAtStart = loadavg()[0]!;
if (loadAtStart > 0.5) console.error(`warning: load average ${loadAtStart.toFixed(2)} before the bench; wall times will be inflated`);
const server = spawnTs('feed-server.ts', ['--feeds', values.feeds, '--items', values.items]);
const reports: CycleReport[] = [];
const profiles: string[] = [];
try {
  const { port, corpus } = JSON.parse(await readLine(server, false)) as { port: number; corpus: unknown };
  console.error(`feed server on 127.0.0.1:${port}: ${values.feeds} feeds x ${values.items} items (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const profileDir = values.profile ? mkdtempSync(join(tmpdir(), 'straitwatch-prof-')) : undefined;
  for (const variant of values.variants.split(',')) {
    for (const system of systems) {
      const args = ['--base', `http://127.0.0.1:${port}`, '--feeds', values.feeds, '--variant', variant];
      const profileName = `${system}-${variant}.cpuprofile`;
      const flags = profileDir && system === 'straitwatch' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${profileName}`] : [];
      console.error(`running ${system} (${variant})...`);
      const report = JSON.parse(await readLine(spawnTs(CHILD[system], args, flags), true)) as CycleReport;
      reports.push(report);
      if (profileDir && flags.length) {
        const file = join(profileDir, profileName);
        profiles.push(file);
        console.log(`\nprofile of the straitwatch cold cycle (${variant}), ${file}:\n${formatSummary(summarizeProfile(file, report.cycles[0]?.windowUs))}\n`);
      }
    }
  }
  console.error('running classify throughput...');
  const classify = JSON.parse(await readLine(spawnTs('classify-throughput.ts', []), true)) as ClassifyFigures;
  const searchDb = values['search-db'];
  if (values.search) console.error(`running search latency (${searchDb ? `over ${searchDb}, built there if empty` : 'builds 1,000,000 stories'})...`);
  const searchArgs = searchDb ? ['--db', searchDb, '--keep'] : [];
  const search = values.search ? (JSON.parse(await readLine(spawnTs('search-latency.ts', searchArgs), true)) as SearchFigures) : undefined;
  if (values.cluster) {
    console.error('running story folding cost (1k, 10k, 100k stored reports)...');
    const child = spawn(process.execPath, ['--import', 'tsx', join(BENCH, 'cluster-cost.ts'), '--out', join(BENCH, 'results', 'cluster-cost.json')], { stdio: ['ignore', 'inherit', 'inherit'] });
    await new Promise((resolve) => child.on('exit', resolve));
  }
  const totalS = Number(((Date.now() - started) / 1000).toFixed(1));
  console.log(`\n${resultsTable(reports)}\n`);
  console.log(aimLines(reports).join('\n'));
  console.log(`\n${classifyTable(classify, reports)}`);
  if (search) console.log(`\n${searchLatencyTable(search)}`);
  const loadAtEnd = loadavg()[0]!;
  console.log(`\ntotal bench time ${totalS} s; 1-min load average ${loadAtStart.toFixed(2)} at start, ${loadAtEnd.toFixed(2)} at end`);
  // Only a full default run is the record; smaller, partial or profiled runs go beside it.
  const full = values.feeds === '1000' && values.items === '50' && values.variants === 'headline,lead' && values.systems === 'straitwatch,naive' && !values.profile;
  const out = join(BENCH, 'results', full ? 'latest.json' : 'last-partial.json');
  mkdirSync(join(BENCH, 'results'), { recursive: true });
  const cpu = cpus();
  const result = { date: new Date().toISOString(), node: process.version, cpu: cpu[0]?.model, cpus: cpu.length, loadAverage: { start: loadAtStart, end: loadAtEnd }, feeds: Number(values.feeds), items: Number(values.items), totalS, corpus, reports, classify, profiles, ...(search && { search }) };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${out}`);
} finally {
  server.kill('SIGTERM');
}
