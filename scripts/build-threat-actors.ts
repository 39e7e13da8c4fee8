// Builds data/threat-actors/catalog.json from the vendored sources in
// data/threat-actors/sources/ plus the hand-curated data/threat-actors/extra-names.json.
//
//   npx tsx scripts/build-threat-actors.ts            write catalog.json
//   npx tsx scripts/build-threat-actors.ts --explain  also print how records were merged
//
// Reads nothing else, so the same inputs always give the same bytes.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CJK, type Group, aliasKey, compactKey } from "./catalog-names.js";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "threat-actors");
const EXPLAIN = process.argv.includes("--explain");

// Commits and dates are copied from each folder's NOTICE.md; check-threat-actors.ts verifies them.
const SOURCES = [
  { id: "mitre", name: "MITRE ATT&CK Enterprise v18.1 intrusion sets (mitre/cti)", file: "sources/mitre-attack/enterprise-attack-intrusion-sets.json", license: "MITRE ATT&CK Terms of Use (sources/mitre-attack/LICENSE.txt)", commit: "421deacb77191b38bdd1bf63268954e93da91365", date: "2025-11-13" },
  { id: "mitre-v19", name: "MITRE ATT&CK v19 groups as a MISP galaxy cluster (MISP/misp-galaxy)", file: "sources/misp-galaxy/mitre-intrusion-set.json", license: "CC0-1.0 OR BSD-2-Clause; content also under the MITRE ATT&CK Terms of Use", commit: "9434ace4eb925c9a1c9b3bccf014a25f9d14f0b0", date: "2026-04-30" },
  { id: "misp", name: "MISP galaxy threat-actor cluster (MISP/misp-galaxy)", file: "sources/misp-galaxy/threat-actor.json", license: "CC0-1.0 OR BSD-2-Clause", commit: "9434ace4eb925c9a1c9b3bccf014a25f9d14f0b0", date: "2026-08-06" },
  { id: "360net", name: "Qihoo 360 APT list as a MISP galaxy cluster (MISP/misp-galaxy)", file: "sources/misp-galaxy/360net.json", license: "CC0-1.0 OR BSD-2-Clause", commit: "9434ace4eb925c9a1c9b3bccf014a25f9d14f0b0", date: "2023-04-23" },
  { id: "microsoft", name: "Microsoft threat actor naming (microsoft/mstic)", file: "sources/microsoft-threat-actor-naming/MicrosoftMapping.json", license: "CC-BY-4.0, © Microsoft Corporation", commit: "dd056e0eab28d73e6c793a12993f1482e4693cbd", date: "2026-08-06" },
  { id: "extra", name: "straitwatch hand-curated names and alias policy", file: "extra-names.json", license: "MIT (straitwatch)" },
] as const;
const fileOf = (id: (typeof SOURCES)[number]["id"]): string => SOURCES.find((s) => s.id === id)!.file;

// ---------------------------------------------------------------- records

type Origin = "mitre" | "misp" | "360net" | "microsoft" | "extra";
type Reason = "id" | "unit" | "too-short" | "generic" | "common-word" | "malware" | "ambiguous";

/** One entry of one source, reduced to what the merge needs. */
interface SourceRecord {
  origin: Origin;
  ref: string;
  name: string;
  names: string[];
  mitre?: string;
  uuid?: string;
  gids?: string[];
  related?: string[];
  country?: string | null;
  hardState?: boolean;
  espionage?: boolean;
  criminal?: boolean;
  influence?: boolean;
  description?: string;
}

interface ExtraGroup {
  group: string;
  aliases?: string[];
  absorb?: string[];
  country?: string | null;
  stateSponsored?: boolean;
  description?: string;
}
interface Extra {
  canonicalNames: Record<string, string>;
  groups: ExtraGroup[];
  aliasPolicy: {
    assign: Record<string, string>;
    drop: Record<"generic" | "common-word" | "malware", string[]>;
    context: string[];
  };
}

const readJson = (rel: string): any => JSON.parse(readFileSync(join(DIR, rel), "utf8"));
/** extra-names.json keeps notes in "$comment" keys; they are not data. */
const entries = <T>(o: Record<string, T>): [string, T][] => Object.entries(o).filter(([k]) => !k.startsWith("$"));


/**
 * One raw name field to clean names. Microsoft and 360 pack several names in one string
 * ("Turla, Waterbug, Venomous Bear"); 360 writes pairs as "APT37（Reaper）"; elsewhere a
 * parenthesis says who uses the name ("TG-2884 (SCWX CTU)", "BlackEnergy (Group)") and goes.
 */
function cleanNames(raw: string, style: "single" | "list" | "360" = "single"): string[] {
  const parts = style === "single" ? [raw] : raw.split(/[,，、]/);
  const out: string[] = [];
  for (const part of parts) {
    const name = part.normalize("NFKC").replace(/[\u2010-\u2015\u2212]/g, "-").replace(/\s+/g, " ").trim()
      .replace(/[,;]+$/, "").replace(/^subgroup: */i, "");
    const paren = /^(.+?)\s*\(([^()]+)\)$/.exec(name);
    if (paren && !/\w\(\d+\)$/.test(name)) { // not "NoName057(16)"
      out.push(paren[1]!.trim());
      if (style === "360") out.push(paren[2]!.trim());
    } else if (name) out.push(name);
  }
  return out;
}

function firstSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const plain = text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\(Citation:[^)]*\)/g, "")
    .replace(/^[\s•*-]+/, "")
    .replace(/\s+/g, " ")
    .trim();
  const abbrev = /(?:\b[A-Z]\.|\b(?:U\.S|e\.g|i\.e|Inc|Ltd|Co|Corp|St|Mr|Dr|No|vs|al|approx))\.?$/;
  let end = plain.length;
  for (const m of plain.matchAll(/[.!?](?=\s+["“(]?[A-Z0-9])/g)) {
    if (!abbrev.test(plain.slice(0, m.index! + 1))) { end = m.index! + 1; break; }
  }
  let s = plain.slice(0, end).trim();
  if (s.length > 200) s = s.slice(0, 199).replace(/\s+\S*$/, "").replace(/[,;:]$/, "") + "…";
  return s.length >= 20 ? s : undefined;
}

// Signals in prose. STATE is strong enough to override a criminal signal (Lazarus, APT41).
const STATE_RE = /state[- ](?:sponsored|backed|affiliated|aligned|linked|nexus)|nation[- ]state|government[- ](?:sponsored|backed)|(?:sponsored|directed|tasked) by the [\w\s'’-]{0,40}government|on behalf of (?:the )?[\w\s'’-]{0,40}(?:government|regime|intelligence|ministry|military)|Ministry of State Security|Ministry of Intelligence|\bMOIS\b|\bIRGC\b|Revolutionary Guard|\bGRU\b|\bFSB\b|\bSVR\b|Reconnaissance General Bureau|People's Liberation Army|\bPLA\b|military intelligence/i;
const CRIME_RE = /financially[- ]motivated|cyber ?crim|ransomware|extortion|e-?crime|banking trojan|carding/i;
const ESPIONAGE_RE = /espionage|spying|intelligence[- ]gathering|advanced persistent threat|\bAPT\b/;

const COUNTRY_WORDS: [RegExp, string][] = [
  [/\b(?:China|Chinese|PRC)\b/, "CN"], [/\b(?:North Korean?|DPRK)\b/, "KP"], [/\bRussian?\b/, "RU"],
  [/\bIran(?:ian)?\b/, "IR"], [/\bVietnam(?:ese)?\b/, "VN"], [/\bPakistan(?:i)?\b/, "PK"], [/\bIndian?\b/, "IN"],
  [/\bLebanon|Lebanese\b/, "LB"], [/\b(?:Turkey|Turkish|Türkiye)\b/, "TR"], [/\bBelarus(?:ian)?\b/, "BY"],
  [/\bSouth Korean?\b/, "KR"], [/\bUkrain(?:e|ian)\b/, "UA"], [/\bPalestin(?:e|ian)\b/, "PS"],
];
/** Country named as the actor's origin in a MITRE description ("a China-based group", "a suspected Iranian group"). */
function countryFromProse(text: string | undefined): string | null {
  if (!text) return null;
  const head = firstSentence(text) ?? "";
  for (const [re, cc] of COUNTRY_WORDS) {
    const src = re.source;
    const origin = new RegExp(`(?:${src})[- ](?:based|nexus|linked|backed|sponsored|state|affiliated|aligned|origin)|(?:suspected|likely|probable|believed) (?:to be )?(?:${src})|(?:${src}) (?:cyber|threat|espionage|APT|hack|state|intelligence|government|military|group|actor)|(?:from|in|out of|to) (?:${src})(?! and)`);
    if (origin.test(head)) return cc;
  }
  return null;
}

const SPONSOR_COUNTRY: Record<string, string> = {
  "China": "CN", "People's Republic of China": "CN", "Iran (Islamic Republic of)": "IR", "Russian Federation": "RU",
  "Korea (Democratic People's Republic of)": "KP", "Korea (Republic of)": "KR", "United States": "US", "US": "US",
  "Palestine": "PS", "Pakistan": "PK", "India": "IN", "Belarus": "BY", "France": "FR", "United Arab Emirates": "AE",
  "Vietnam": "VN", "Spain": "ES", "Israel": "IL", "Lebanon": "LB",
};
const MS_COUNTRY: Record<string, string> = {
  "China": "CN", "Iran": "IR", "Russia": "RU", "North Korea": "KP", "Korea": "KR", "Vietnam": "VN", "Lebanon": "LB",
  "Türkiye": "TR", "Israel": "IL", "United Arab Emirates": "AE", "Singapore": "SG", "Belarus": "BY", "Pakistan": "PK",
  "India": "IN", "Ukraine": "UA", "United States": "US", "Austria": "AT",
};
const NET360_COUNTRY: Record<string, string> = {
  america: "US", vietnam: "VN", india: "IN", korea: "KP", southkorea: "KR", kaz: "KZ", taiwan: "TW", russia: "RU",
  ukraine: "UA", iran: "IR", israel: "IL", trq: "TR", algeria: "DZ",
};
// Microsoft's family word says what kind of actor it is; Tempest is financially motivated,
// Tsunami a private-sector offensive actor, Flood an influence operation.
const MS_NATION = /\b(?:Typhoon|Blizzard|Sleet|Sandstorm|Hail|Dust|Cyclone|Rain|Gust|Squall|Lightning|Vortex|Flood)$/;
const MS_FAMILY = new RegExp(`${MS_NATION.source}|\\b(?:Tempest|Tsunami)$`);

function loadMitre(): SourceRecord[] {
  const bundle = readJson(fileOf("mitre"));
  const sets: any[] = bundle.objects.filter((o: any) => o.type === "intrusion-set");
  const gidOf = (o: any): string => o.external_references.find((r: any) => r.source_name === "mitre-attack").external_id;
  const active = (o: any): boolean => !o.revoked && !o.x_mitre_deprecated;
  const recs = new Map<string, SourceRecord>();
  const byStix = new Map<string, SourceRecord>();
  for (const o of sets.filter(active)) {
    const rec: SourceRecord = {
      origin: "mitre", ref: gidOf(o), name: o.name, mitre: gidOf(o),
      names: [o.name, ...(o.aliases ?? [])].flatMap((n: string) => cleanNames(n)),
      description: o.description,
    };
    recs.set(rec.ref, rec);
    byStix.set(o.id, rec);
  }
  // A revoked group's names go to the group that replaced it: MITRE's own choice.
  for (const rel of bundle.objects.filter((o: any) => o.type === "relationship" && o.relationship_type === "revoked-by")) {
    const from = sets.find((o) => o.id === rel.source_ref);
    const to = byStix.get(rel.target_ref);
    if (from && to) to.names.push(...[from.name, ...(from.aliases ?? [])].flatMap((n: string) => cleanNames(n)));
  }
  const known = new Set(sets.map(gidOf));
  for (const e of readJson(fileOf("mitre-v19")).values) {
    const gid: string = e.meta.external_id;
    const names = [e.value.replace(/ - G\d{4}$/, ""), ...(e.meta.synonyms ?? [])].flatMap((n: string) => cleanNames(n));
    const rec = recs.get(gid);
    if (rec) rec.names.push(...names);
    else if (!known.has(gid)) recs.set(gid, { origin: "mitre", ref: gid, name: names[0]!, mitre: gid, names, description: e.description });
  }
  for (const rec of recs.values()) {
    rec.hardState = STATE_RE.test(rec.description ?? "");
    rec.criminal = CRIME_RE.test(firstSentence(rec.description) ?? "") && !rec.hardState;
    rec.country = countryFromProse(rec.description);
    // ATT&CK's groups are intrusion sets; one its lead sentence places in a country is an
    // attribution to that state unless the same text calls it criminal.
    rec.espionage = ESPIONAGE_RE.test(rec.description ?? "") || rec.country !== null;
  }
  return [...recs.values()].sort((a, b) => a.ref.localeCompare(b.ref));
}

function loadMisp(): SourceRecord[] {
  return readJson(fileOf("misp")).values.map((e: any): SourceRecord => {
    const meta = e.meta ?? {};
    const gids = new Set<string>();
    for (const s of [...(meta.synonyms ?? []), ...(meta["name-attribution"] ?? []).map((a: string) => a.split(":")[0])]) {
      if (/^G\d{4}$/.test(s)) gids.add(s);
    }
    for (const r of meta.refs ?? []) {
      const m = /attack\.mitre\.org\/groups\/(G\d{4})/.exec(r);
      if (m) gids.add(m[1]!);
    }
    const incidents = [meta["cfr-type-of-incident"] ?? []].flat().join(" ");
    const sponsor: string | undefined = meta["cfr-suspected-state-sponsor"];
    const sponsorCc = sponsor ? SPONSOR_COUNTRY[sponsor] : undefined;
    const country = /^[A-Z]{2}$/.test(meta.country ?? "") ? meta.country : sponsorCc ?? null;
    return {
      origin: "misp", ref: e.uuid, uuid: e.uuid, name: cleanNames(e.value)[0] ?? e.value,
      names: [e.value, ...(meta.synonyms ?? [])].flatMap((n: string) => cleanNames(n)),
      gids: [...gids].sort(), country, description: e.description,
      hardState: Boolean(sponsorCc) || STATE_RE.test(e.description ?? ""),
      espionage: /espionage/i.test(incidents) || ESPIONAGE_RE.test(e.description ?? ""),
      criminal: /cybercrime|financ/i.test(String(meta.motive ?? "")) || /financial theft|extortion|business email/i.test(incidents) && !/espionage/i.test(incidents),
    };
  });
}

function load360(): SourceRecord[] {
  return readJson(fileOf("360net")).values.map((e: any): SourceRecord => {
    const [cn, aptc] = String(e.value).split(/\s+-\s+/);
    const names = [cn!, aptc!, ...(e.meta.synonyms ?? [])].filter(Boolean).flatMap((n: string) => cleanNames(n, "360"));
    return {
      origin: "360net", ref: aptc ?? e.value, name: cn!, names,
      related: (e.related ?? []).map((r: any) => r["dest-uuid"]).sort(),
      country: NET360_COUNTRY[String(e.meta.country).toLowerCase()] ?? null,
      espionage: true, // 360's list is of APT groups it tracks attacking China and its neighbours.
    };
  });
}

function loadMicrosoft(): SourceRecord[] {
  return readJson(fileOf("microsoft")).map((e: any): SourceRecord => {
    const name: string = e["Threat actor name"].trim();
    const origin: string = e["Origin/Threat"] ?? "";
    const cc = MS_COUNTRY[origin.split(",")[0]!.trim()] ?? null;
    const nation = MS_NATION.test(name) || (/^Storm-\d+$/.test(name) && cc !== null);
    const criminal = /Tempest$|Tsunami$/.test(name) || /Financially motivated|Private sector offensive/.test(origin);
    return {
      origin: "microsoft", ref: name, name, names: [name, ...cleanNames(e["Other names"] ?? "", "list")],
      country: cc, hardState: nation && !criminal, criminal,
      influence: /Flood$/.test(name) || /Influence operations/.test(origin),
    };
  });
}

// ---------------------------------------------------------------- merging

/** For merging only: "Lazarus", "Lazarus Group" and "The Lazarus Group" name the same record. */
const matchKey = (s: string): string => aliasKey(s).replace(/^the /, "").replace(/ (?:group|team)$/, "");

class Clusters {
  readonly members: SourceRecord[][] = [];
  private readonly index = new Map<string, Set<number>>();
  readonly log: string[] = [];

  add(rec: SourceRecord, into?: number, why?: string): number {
    const id = into ?? this.members.push([]) - 1;
    this.members[id]!.push(rec);
    for (const n of rec.names) {
      const k = matchKey(n);
      if (!this.index.has(k)) this.index.set(k, new Set());
      this.index.get(k)!.add(id);
    }
    if (into !== undefined) this.log.push(`${rec.origin} "${rec.name}" -> "${this.members[id]![0]!.name}" (${why})`);
    return id;
  }
  lookup(name: string): number[] {
    return [...(this.index.get(matchKey(name)) ?? [])].filter((id) => this.members[id]!.length > 0);
  }
  /** Clusters that know this name; when several do, those where it is a record's own name. */
  named(name: string): number[] {
    const hits = this.lookup(name);
    if (hits.length < 2) return hits;
    const k = matchKey(name);
    const primary = hits.filter((id) => this.members[id]!.some((r) => matchKey(r.name) === k));
    return primary.length > 0 ? primary : hits;
  }
  /** The one live cluster several names point to, or undefined when none or several do. */
  single(names: string[]): number | undefined {
    const hits = new Set(names.flatMap((n) => this.lookup(n)));
    return hits.size === 1 ? [...hits][0] : undefined;
  }
  merge(into: number, from: number, why: string): void {
    if (into === from) return;
    for (const rec of this.members[from]!) this.add(rec, into, why);
    this.members[from] = [];
  }
}

/** The candidate with the strictly highest score, or undefined on a tie or no candidates. */
function uniqueBest(ids: number[], score: (id: number) => number): number | undefined {
  const ranked = ids.map((id) => ({ id, s: score(id) })).sort((a, b) => b.s - a.s);
  return ranked.length > 0 && (ranked.length === 1 || ranked[0]!.s > ranked[1]!.s) ? ranked[0]!.id : undefined;
}

function mergeAll(extra: Extra): Clusters {
  const c = new Clusters();
  const mitreIds = new Map<string, number>();
  for (const rec of loadMitre()) mitreIds.set(rec.mitre!, c.add(rec));

  // Each source is matched against the clusters as they were before it, so the order of
  // records inside a source never changes the result.
  // MISP: its own name, then a single cited G-id, then synonyms that all point to one ATT&CK group.
  const misp = loadMisp().map((rec) => {
    const own = c.named(rec.name);
    const gid = rec.gids!.length === 1 ? mitreIds.get(rec.gids![0]!) : undefined;
    const syn = c.single(rec.names.filter((n) => !/^G\d{4}$/.test(n)));
    if (own.length === 1) return { rec, target: own[0], why: "same name" };
    if (gid !== undefined) return { rec, target: gid, why: `cites ${rec.gids![0]}` };
    return { rec, target: syn, why: "synonyms" };
  });
  const byUuid = new Map<string, number>();
  for (const { rec, target, why } of misp) byUuid.set(rec.uuid!, c.add(rec, target, why));

  // 360: through the MISP entry it is related to, else its own name, else all its names.
  const net360 = load360().map((rec) => {
    const rel = new Set(rec.related!.map((u) => byUuid.get(u)).filter((x): x is number => x !== undefined));
    if (rel.size === 1) return { rec, target: [...rel][0], why: "related" as const };
    const own = c.named(rec.name);
    return own.length === 1 ? { rec, target: own[0], why: "same name" as const } : { rec, target: c.single(rec.names), why: "names" as const };
  });
  // 360 numbers its groups itself: two APT-C entries never share a group, the weaker match yields.
  const rank = { related: 0, "same name": 1, names: 2 } as const;
  for (const m of net360) {
    const rivals = net360.filter((o) => o.target !== undefined && o.target === m.target && rank[o.why] < rank[m.why]);
    c.add(m.rec, rivals.length > 0 ? undefined : m.target, m.why);
  }

  // Curated merges and names come before Microsoft, so Microsoft's names can land on them.
  for (const g of extra.groups) {
    const hits = c.named(g.group);
    if (hits.length > 1) throw new Error(`extra-names.json: group "${g.group}" matches ${hits.length} groups; use its canonical name`);
    const rec: SourceRecord = { origin: "extra", ref: g.group, name: g.group, names: [g.group, ...(g.aliases ?? [])], description: g.description };
    if (g.country !== undefined) rec.country = g.country;
    if (g.stateSponsored !== undefined) rec.hardState = g.stateSponsored;
    const id = c.add(rec, hits[0], "extra-names");
    for (const other of g.absorb ?? []) {
      const from = c.named(other).filter((x) => x !== id);
      if (from.length !== 1) throw new Error(`extra-names.json: absorb "${other}" into "${g.group}" matches ${from.length} other groups`);
      c.merge(id, from[0]!, "extra-names absorb");
    }
  }

  // Microsoft: by its own name; when several groups list it, the one that lists the fewest
  // Microsoft actors (MISP's "Lazarus Group" lists four Sleets, "AppleJeus" only Citrine Sleet).
  // Without its own name, by a majority of its other names that each point to one group.
  const msActors = (id: number): number => new Set(c.members[id]!.flatMap((r) => r.names).filter((n) => MS_FAMILY.test(n)).map(aliasKey)).size;
  const ms = loadMicrosoft().map((rec) => {
    const own = c.named(rec.name);
    if (own.length === 1) return { rec, target: own[0], why: "same name" };
    if (own.length > 1) return { rec, target: uniqueBest(own, (id) => -msActors(id)), why: "same name, most specific group" };
    const votes = rec.names.slice(1).map((n) => c.lookup(n)).filter((h) => h.length === 1).map((h) => h[0]!);
    return { rec, target: uniqueBest([...new Set(votes)], (id) => votes.filter((v) => v === id).length), why: "other names" };
  });
  for (const { rec, target, why } of ms) c.add(rec, target, why);
  return c;
}

// ---------------------------------------------------------------- names and fields

interface Dropped { alias: string; reason: Reason; groups: string[]; keptIn?: string; note?: string }

const byKey = (a: string, b: string): number => {
  const ka = aliasKey(a), kb = aliasKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** A record's own names: the ones no other source's synonym list can take from it. */
const primaryNames = (r: SourceRecord): string[] => (r.origin === "360net" ? [r.name, r.ref] : [r.name]);

function canonicalName(recs: SourceRecord[], extra: Extra): string {
  const mitre = recs.filter((r) => r.origin === "mitre").sort((a, b) => a.ref.localeCompare(b.ref))[0];
  if (mitre) return extra.canonicalNames[mitre.mitre!] ?? mitre.name;
  const first = recs.find((r) => r.origin === "misp") ?? recs.find((r) => r.origin === "extra") ?? recs.find((r) => r.origin === "microsoft") ?? recs[0]!;
  // A 360-only group goes by its APT-C number, as MISP names the ones it has ("APT-C-23").
  return extra.canonicalNames[first.name] ?? extra.canonicalNames[first.ref] ?? (first.origin === "360net" ? first.ref : first.name);
}

function hygiene(name: string, policy: Map<string, Reason>): Reason | undefined {
  const k = aliasKey(name);
  if (/^g\d{4}$/.test(k)) return "id";
  if (/\b(?:unit|bureau) \d+$/.test(k)) return "unit";
  if (/^group \d+$/.test(k)) return "generic";
  const listed = policy.get(k);
  if (listed) return listed;
  if (CJK.test(k)) return [...k].length < 2 ? "too-short" : undefined;
  const codeLike = /\p{L}/u.test(k) && /\d/.test(k);
  return [...k.replace(/[^\p{L}\p{N}]/gu, "")].length < 4 && !codeLike ? "too-short" : undefined;
}

// Vendors' naming schemes say what they think an actor is. State: CrowdStrike's animals,
// Secureworks' BRONZE/IRON/COBALT/NICKEL/TIN/TUNGSTEN, Palo Alto's constellations, Mandiant's APTn.
// Crime: CrowdStrike's SPIDER, Secureworks' GOLD, Mandiant's FINn, Microsoft's Tempest.
const VENDOR_STATE = /\b(?:PANDA|BEAR|KITTEN|CHOLLIMA|TIGER|LEOPARD|BUFFALO|CRANE|Panda|Bear|Kitten|Chollima|Tiger|Leopard|Buffalo|Crane|Taurus|Ursa|Serpens|Pisces)$|^(?:BRONZE|IRON|COBALT|NICKEL|TIN|TUNGSTEN) [A-Z]+$|^APT ?-?\d+$/;
const VENDOR_CRIME = /\bSpider$|^GOLD [A-Z]+$|^FIN\d+$|\bTempest$/i;

/**
 * Precedence: a curated value; then a record whose own name is criminal (a SPIDER, GOLD, FINn or
 * Tempest) or that Microsoft files as financially motivated or private-sector; then any state
 * signal (MISP's cfr-suspected-state-sponsor, state wording in a description, a Microsoft
 * nation-state family); then any crime signal; then North Korea; then a vendor's state-style
 * name, or espionage with a known country.
 */
function isStateSponsored(recs: SourceRecord[], names: string[], country: string | null): boolean {
  const curated = recs.find((r) => r.origin === "extra" && r.hardState !== undefined)?.hardState;
  if (curated !== undefined) return curated;
  if (recs.some((r) => (r.origin === "microsoft" && r.criminal) || (r.origin !== "extra" && VENDOR_CRIME.test(r.name)))) return false;
  if (recs.some((r) => r.hardState)) return true;
  if (recs.some((r) => r.criminal) || names.some((n) => VENDOR_CRIME.test(n))) return false;
  // North Korea has no hacking scene apart from the state's.
  if (country === "KP") return true;
  const kept = new Set(names.map(aliasKey));
  const spelled = recs.flatMap((r) => r.names).filter((n) => kept.has(aliasKey(n)));
  return spelled.some((n) => VENDOR_STATE.test(n)) || (country !== null && recs.some((r) => r.espionage));
}

/** Prefer "Judgment Panda" over "JUDGMENT PANDA"; otherwise the first spelling seen. */
function pickSpelling(spellings: string[]): string {
  return spellings.find((s) => /\p{Ll}/u.test(s)) ?? spellings[0]!;
}

function buildCatalog(extra: Extra): { groups: Group[]; dropped: Dropped[]; log: string[] } {
  const c = mergeAll(extra);
  const policy = new Map<string, Reason>();
  for (const [reason, list] of entries(extra.aliasPolicy.drop) as [Reason, string[]][]) for (const a of list) policy.set(aliasKey(a), reason);
  const dropped = new Map<string, Dropped>();
  const drop = (alias: string, reason: Reason, group: string, keptIn?: string, note?: string): void => {
    const id = `${reason}\u0000${aliasKey(alias)}`;
    const d = dropped.get(id) ?? { alias, reason, groups: [] };
    if (!d.groups.includes(group)) d.groups.push(group);
    if (keptIn) d.keptIn = keptIn;
    if (note) d.note = note;
    dropped.set(id, d);
  };

  // A group whose own name is an id, a unit number or a placeholder ("[Unnamed group]") has no
  // name a story could use; common words and short names stay, flagged in contextAliases.
  const clusters: SourceRecord[][] = [];
  const names: string[] = [];
  const unusable = (n: string): Reason | undefined => {
    const r = hygiene(n, policy);
    return r === "id" || r === "unit" || r === "generic" ? r : undefined;
  };
  for (const recs of c.members.filter((m) => m.length > 0)) {
    const own = canonicalName(recs, extra);
    const reason = unusable(own);
    // "Unit 8200" goes by its next usable name ("Duqu Group"); "[Unnamed group]" is left out.
    const name = reason ? recs.flatMap((r) => r.names).find((n) => !hygiene(n, policy)) : own;
    if (reason) drop(own, reason, name ?? own, undefined, name ? `not used as the name of "${name}"` : "group left out: it has no usable name");
    if (name) { clusters.push(recs); names.push(name); }
  }
  const seen = new Map<string, number>();
  names.forEach((n, i) => {
    const prev = seen.get(compactKey(n));
    if (prev !== undefined) throw new Error(`two groups named "${n}" / "${names[prev]}": ${clusters[prev]!.map((r) => r.ref).join(",")} and ${clusters[i]!.map((r) => r.ref).join(",")}; merge them with "absorb" or rename one in canonicalNames`);
    seen.set(compactKey(n), i);
  });

  // Surviving spellings per group, keyed by aliasKey; claims across groups by compactKey,
  // so "APT 38" in one group and "APT38" in another count as the same alias.
  const claims = new Map<string, Set<number>>();
  const claim = (k: string, i: number): void => { claims.set(k, new Set([...(claims.get(k) ?? []), i])); };
  const spellings = clusters.map((recs, i) => {
    const own = new Map<string, string[]>();
    for (const rec of recs) for (const n of rec.names) {
      const k = aliasKey(n);
      if (k === aliasKey(names[i]!)) continue;
      const reason = hygiene(n, policy);
      if (reason) { drop(n, reason, names[i]!); continue; }
      own.set(k, [...(own.get(k) ?? []), n]);
    }
    for (const k of [...own.keys(), aliasKey(names[i]!)]) claim(compactKey(k), i);
    return own;
  });

  // An alias two groups claim stays with one: the curated choice, the group it names, the group
  // whose source record carries it as its primary name, or MITRE's choice. Otherwise nobody keeps it.
  const groupNamed = (name: string): number => {
    const i = names.findIndex((n) => compactKey(n) === compactKey(name));
    if (i < 0) throw new Error(`extra-names.json: aliasPolicy.assign names "${name}", which is no group's canonical name`);
    return i;
  };
  const assign = new Map(entries(extra.aliasPolicy.assign).map(([alias, group]) => [compactKey(alias), groupNamed(group)]));
  for (const [alias, group] of entries(extra.aliasPolicy.assign)) {
    const to = groupNamed(group);
    if (!spellings[to]!.has(aliasKey(alias))) spellings[to]!.set(aliasKey(alias), [alias]);
    claim(compactKey(alias), to);
  }
  const has = (list: string[], k: string): boolean => list.some((n) => compactKey(n) === k);
  for (const [k, who] of claims) {
    if (who.size < 2) continue;
    const ids = [...who];
    const one = (pred: (i: number) => boolean): number | undefined => { const h = ids.filter(pred); return h.length === 1 ? h[0] : undefined; };
    const winner = assign.get(k) ?? one((i) => compactKey(names[i]!) === k)
      ?? one((i) => clusters[i]!.some((r) => r.origin !== "extra" && has(primaryNames(r), k)))
      ?? one((i) => clusters[i]!.some((r) => r.origin === "mitre" && has(r.names, k)));
    const why = assign.has(k) ? "assigned in extra-names.json" : undefined;
    for (const i of ids) {
      if (i === winner) continue;
      for (const [ak, spelled] of [...spellings[i]!]) {
        if (compactKey(ak) !== k) continue;
        drop(spelled[0]!, "ambiguous", names[i]!, winner === undefined ? undefined : names[winner], why);
        spellings[i]!.delete(ak);
      }
    }
  }

  const context = new Set(extra.aliasPolicy.context.map(aliasKey));
  const groups = clusters.map((recs, i): Group => {
    const name = names[i]!;
    const aliases = [...spellings[i]!.values()].map(pickSpelling).sort(byKey);
    const pick = <T>(f: (r: SourceRecord) => T | undefined | null, order: Origin[]): T | undefined => {
      for (const o of order) for (const r of recs) if (r.origin === o) { const v = f(r); if (v !== undefined && v !== null) return v; }
      return undefined;
    };
    const extraRec = recs.find((r) => r.origin === "extra" && r.country !== undefined);
    const mainMisp = recs.find((r) => r.origin === "misp" && aliasKey(r.name) === aliasKey(name));
    const country = extraRec ? extraRec.country ?? null
      : mainMisp?.country ?? pick((r) => r.country, ["misp", "microsoft", "360net", "mitre"]) ?? null;
    const stateSponsored = isStateSponsored(recs, [name, ...aliases], country);
    const mitre = recs.find((r) => r.origin === "mitre")?.mitre;
    const description = pick((r) => r.origin === "extra" ? r.description : undefined, ["extra"])
      ?? pick((r) => firstSentence(r.description), ["mitre"])
      ?? firstSentence(mainMisp?.description) ?? pick((r) => firstSentence(r.description), ["misp"]);
    const ctx = [name, ...aliases].filter((a) => context.has(aliasKey(a)) || hygiene(a, policy) === "common-word" || hygiene(a, policy) === "too-short");
    const g: Group = { name, country, stateSponsored, aliases };
    if (mitre) g.mitre = mitre;
    if (description) g.description = description;
    if (ctx.length) g.contextAliases = ctx.sort(byKey);
    if (!mitre && recs.some((r) => r.influence)) g.influence = true;
    return g;
  });
  groups.sort((a, b) => byKey(a.name, b.name));
  const order: Reason[] = ["ambiguous", "common-word", "generic", "malware", "unit", "too-short", "id"];
  const list = [...dropped.values()].map((d) => ({ ...d, groups: d.groups.sort(byKey) }))
    .sort((a, b) => order.indexOf(a.reason) - order.indexOf(b.reason) || byKey(a.alias, b.alias));
  return { groups, dropped: list, log: c.log };
}

function main(): void {
  const extra: Extra = readJson("extra-names.json");
  const { groups, dropped, log } = buildCatalog(extra);
  const catalog = {
    generated: SOURCES.map((s) => ("date" in s ? s.date : "")).sort().at(-1),
    sources: SOURCES.map(({ name, file, license, ...rest }) => ({ name, file, license, ...("commit" in rest ? { commit: rest.commit } : {}) })),
    droppedAliases: dropped,
    groups,
  };
  writeFileSync(join(DIR, "catalog.json"), JSON.stringify(catalog, null, 2) + "\n");
  if (EXPLAIN) for (const line of [...log].sort()) console.log(line);
  const aliases = groups.reduce((n, g) => n + g.aliases.length, 0);
  const cjk = groups.reduce((n, g) => n + g.aliases.filter((a) => CJK.test(a)).length, 0);
  console.log(`catalog.json: ${groups.length} groups, ${groups.filter((g) => g.stateSponsored).length} state-sponsored, ${aliases} aliases (${cjk} CJK), ${dropped.length} dropped`);
}

main();
