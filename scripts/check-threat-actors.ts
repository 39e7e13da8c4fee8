// Checks data/threat-actors/catalog.json and prints its counts.
//
//   npx tsx scripts/check-threat-actors.ts
//
// Exits 1 with one line per problem. The labeled evaluation set's README is the contract for
// canonical names: every group it uses must exist, and every alias it lists must lead there.
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CJK, type Group, aliasKey, compactKey } from "./catalog-names.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIR = join(ROOT, "data", "threat-actors");
const LABELED = join(ROOT, "test", "fixtures", "labeled");

interface Catalog {
  generated: string;
  sources: { name: string; file: string; license: string; commit?: string }[];
  droppedAliases: { alias: string; reason: string; groups: string[]; keptIn?: string }[];
  groups: Group[];
}


const problems: string[] = [];
const fail = (msg: string): void => void problems.push(msg);

const catalog: Catalog = JSON.parse(readFileSync(join(DIR, "catalog.json"), "utf8"));

// Every group has a name; no name or alias leads to two groups.
const owner = new Map<string, string>();
const compactOwner = new Map<string, string>();
for (const g of catalog.groups) {
  if (!g.name?.trim()) fail(`group without a name: ${JSON.stringify(g).slice(0, 80)}`);
  if (g.country !== null && !/^[A-Z]{2}$/.test(g.country)) fail(`${g.name}: country "${g.country}" is not ISO 3166-1 alpha-2`);
  if (g.description && g.description.length > 200) fail(`${g.name}: description is ${g.description.length} chars (max 200)`);
  if (g.mitre && !/^G\d{4}$/.test(g.mitre)) fail(`${g.name}: mitre "${g.mitre}" is not a G-number`);
  for (const a of [g.name, ...g.aliases]) {
    for (const [map, key] of [[owner, aliasKey(a)], [compactOwner, compactKey(a)]] as const) {
      const prev = map.get(key);
      if (prev !== undefined && prev !== g.name) fail(`"${a}" leads to both "${prev}" and "${g.name}"`);
      map.set(key, g.name);
    }
    if (/^G\d{4}$/.test(a)) fail(`${g.name}: ATT&CK id "${a}" used as an alias`);
  }
  for (const a of g.contextAliases ?? []) if (![g.name, ...g.aliases].includes(a)) fail(`${g.name}: contextAlias "${a}" is not one of its names`);
}
const sorted = [...catalog.groups].map((g) => g.name);
if (sorted.join("\n") !== [...sorted].sort((a, b) => (aliasKey(a) < aliasKey(b) ? -1 : aliasKey(a) > aliasKey(b) ? 1 : 0)).join("\n")) fail("groups are not sorted by name");

// The labeled set: names in stories.jsonl and in the README's table.
const resolve = (alias: string): string | undefined => owner.get(aliasKey(alias));
for (const line of readFileSync(join(LABELED, "stories.jsonl"), "utf8").split("\n").filter(Boolean)) {
  const story = JSON.parse(line) as { id: string; groups: string[] };
  for (const name of story.groups) if (!catalog.groups.some((g) => g.name === name)) fail(`${story.id}: group "${name}" is not a canonical name in the catalog`);
}
const readme = readFileSync(join(LABELED, "README.md"), "utf8");
const table = readme.slice(readme.indexOf("| canonical |"));
for (const row of table.split("\n").slice(2)) {
  if (!row.startsWith("|")) break;
  const [canonical, listed] = row.split("|").slice(1, 3).map((c) => c.trim());
  if (!canonical || listed === undefined) continue;
  if (!catalog.groups.some((g) => g.name === canonical)) fail(`labeled README: canonical "${canonical}" missing`);
  const aliases = listed.replace(/Note:.*$/, "").split(/[,()]/).map((a) => a.trim().replace(/\.$/, "")).filter(Boolean);
  for (const alias of aliases) {
    const got = resolve(alias);
    if (got !== canonical) fail(`labeled README: "${alias}" should lead to "${canonical}", leads to ${got ? `"${got}"` : "nothing"}`);
  }
}
// Names the labeled README says are not groups (commands, units, malware, a verb).
for (const notGroup of ["lead", "資通電軍", "资通电军", "ICEFCOM", "TAO", "PlugX", "ShadowPad", "Coathanger", "LAMEHUG", "i-Soon"]) {
  const got = resolve(notGroup);
  if (got) fail(`"${notGroup}" must not be an alias (leads to "${got}")`);
}

// Sources: each NOTICE.md names the commit the catalog cites.
for (const s of catalog.sources) {
  statSync(join(DIR, s.file));
  if (s.commit) {
    const notice = readFileSync(join(DIR, dirname(s.file), "NOTICE.md"), "utf8");
    if (!notice.includes(s.commit)) fail(`${s.file}: commit ${s.commit} is not in its NOTICE.md`);
  }
}

const aliases = catalog.groups.flatMap((g) => g.aliases);
const count = (pred: (g: Group) => boolean): number => catalog.groups.filter(pred).length;
const reasons = new Map<string, number>();
for (const d of catalog.droppedAliases) reasons.set(d.reason, (reasons.get(d.reason) ?? 0) + 1);
console.log(`groups ${catalog.groups.length} (state-sponsored ${count((g) => g.stateSponsored)}, in ATT&CK ${count((g) => Boolean(g.mitre))}, with country ${count((g) => g.country !== null)}, influence ${count((g) => Boolean(g.influence))})`);
console.log(`aliases ${aliases.length} (CJK ${aliases.filter((a) => CJK.test(a)).length}, context-only ${catalog.groups.reduce((n, g) => n + (g.contextAliases?.length ?? 0), 0)})`);
console.log(`dropped ${catalog.droppedAliases.length}: ${[...reasons].map(([r, n]) => `${r} ${n}`).join(", ")}`);
console.log(`catalog.json ${statSync(join(DIR, "catalog.json")).size} bytes, generated ${catalog.generated}`);
for (const p of problems) console.error(`problem: ${p}`);
console.log(problems.length === 0 ? "ok" : `${problems.length} problems`);
process.exitCode = problems.length === 0 ? 0 : 1;
