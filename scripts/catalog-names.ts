// What the threat-actor catalog builder and its checker share: the record catalog.json holds,
// and the keys that decide when two names are one alias.

/** One group in data/threat-actors/catalog.json. */
export interface Group {
  name: string;
  country: string | null;
  stateSponsored: boolean;
  aliases: string[];
  mitre?: string;
  description?: string;
  contextAliases?: string[];
  influence?: true;
}

/** The matching key: NFKC, case-folded, whitespace-collapsed. */
export const aliasKey = (s: string): string => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/** For deciding who owns an alias: "APT 38", "APT-38" and "APT38" are one alias. */
export const compactKey = (s: string): string => aliasKey(s).replace(/[\s\-_.·・]/g, "");

export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
