import { readFileSync } from 'node:fs';

export interface HanVariants {
  /** Characters written only in Traditional Chinese (臺, 灣, 國), each with its Simplified form. */
  traditionalToSimplified: ReadonlyMap<string, string>;
  /** Characters written only in Simplified Chinese (湾, 国, 资). */
  simplifiedOnly: ReadonlySet<string>;
}

let cached: HanVariants | undefined;

/**
 * Character tables derived from OpenCC's dictionaries by scripts/build-han-variants.ts (a test
 * checks they still match opencc-js): the Traditional/Simplified difference at a table lookup
 * per character.
 */
export function hanVariants(): HanVariants {
  if (cached) return cached;
  const tables = JSON.parse(readFileSync(new URL('./han-variants.json', import.meta.url), 'utf8')) as { traditionalToSimplified: string[]; simplifiedOnly: string };
  const traditionalToSimplified = new Map<string, string>();
  for (const pair of tables.traditionalToSimplified) {
    const [traditional, simplified] = [...pair];
    traditionalToSimplified.set(traditional!, simplified!);
  }
  cached = { traditionalToSimplified, simplifiedOnly: new Set(tables.simplifiedOnly) };
  return cached;
}

/** Counts Traditional-only and Simplified-only characters: which standard a Chinese text is written in. */
export function countHanVariants(text: string): { traditional: number; simplified: number } {
  const { traditionalToSimplified, simplifiedOnly } = hanVariants();
  let traditional = 0;
  let simplified = 0;
  for (const char of text) {
    if (traditionalToSimplified.has(char)) traditional++;
    else if (simplifiedOnly.has(char)) simplified++;
  }
  return { traditional, simplified };
}
