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

/** "APT 31", "APT-31" and "APT31" are written all three ways: each code-like alias gets every form. */
export function aliasForms(alias: string): string[] {
  const match = /^([a-z]+)[ -]?(\d+)$/i.exec(alias.trim());
  if (!match) return [alias];
  const [, letters, digits] = match;
  return [`${letters}${digits}`, `${letters} ${digits}`, `${letters}-${digits}`];
}
