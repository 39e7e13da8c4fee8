import { readFileSync } from 'node:fs';

export interface ThreatActor {
  /** Canonical name: MITRE ATT&CK's where the group is there (APT31, Lazarus Group). */
  name: string;
  aliases: string[];
  /** ISO 3166-1 alpha-2 of the attributed state, or null. */
  country: string | null;
  stateSponsored: boolean;
  mitre?: string;
  /** Aliases that are ordinary words too (Lazarus, Sandworm, Zirconium): they count only in a story already about hacking. */
  contextAliases?: string[];
  /** An influence-operation actor (Storm-1376): named in `matched`, but not a hacking group. */
  influence?: boolean;
}

interface CatalogFile {
  groups: ThreatActor[];
}

const CATALOG_URL = new URL('../../data/threat-actors/catalog.json', import.meta.url);

let cached: ThreatActor[] | undefined;

/** The bundled catalog (data/threat-actors/catalog.json, built from MISP, MITRE ATT&CK and Microsoft's naming). */
export function loadThreatActors(): ThreatActor[] {
  cached ??= (JSON.parse(readFileSync(CATALOG_URL, 'utf8')) as CatalogFile).groups;
  return cached;
}

/**
 * The spellings outlets use for one alias: "APT 31", "APT-31" and "APT31" for code-like names;
 * "MustangPanda" beside "Mustang Panda" for two-word Latin names (Taiwan's Investigation Bureau
 * writes them so).
 */
export function aliasForms(alias: string): string[] {
  const trimmed = alias.trim();
  const code = /^([a-z]+)[ -]?(\d+)$/i.exec(trimmed);
  if (code) {
    const [, letters, digits] = code;
    return [`${letters}${digits}`, `${letters} ${digits}`, `${letters}-${digits}`];
  }
  if (/^[a-z]{3,} [a-z]{3,}$/i.test(trimmed)) return [trimmed, trimmed.replace(' ', '')];
  return [trimmed];
}

let aliasIndex: Map<string, ThreatActor> | undefined;

/** The group a name or alias stands for ("Violet Typhoon", "zirconium", "紫羅蘭颱風" → APT31), if any. */
export function groupByAlias(name: string, fold: (text: string) => string): ThreatActor | undefined {
  if (!aliasIndex) {
    aliasIndex = new Map();
    for (const actor of loadThreatActors()) {
      for (const alias of [actor.name, ...actor.aliases].flatMap(aliasForms)) aliasIndex.set(fold(alias), actor);
    }
  }
  return aliasIndex.get(fold(name.trim()));
}
