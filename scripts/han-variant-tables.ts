import * as OpenCC from 'opencc-js';

export interface HanVariantTables {
  /** Each Traditional-only character followed by its Simplified form, one pair per entry. */
  traditionalToSimplified: string[];
  /** Characters only Simplified writing uses. */
  simplifiedOnly: string;
}

const BLOCKS: Array<[number, number]> = [
  [0x3400, 0x4dbf], // Extension A
  [0x4e00, 0x9fff], // Unified Ideographs
];

/**
 * Simplified forms that Traditional writing uses too: Taiwanese outlets write 台灣 far more than
 * 臺灣, and 干 里 才 只 后 ... are ordinary Traditional characters with a meaning of their own
 * (OpenCC's one-to-many mappings). Counting them as Simplified would misjudge Taiwanese text.
 */
export const SHARED_SIMPLIFIED_FORMS = '台占干里才只面系表云松范准游冲于余征志制朴卜向合后夸布吁板采丑谷斗出咸恶';

/**
 * Character tables from OpenCC's dictionaries (Taiwan standard ↔ mainland standard), one
 * character at a time, not phrases: enough to tell the two scripts apart and to fold Traditional
 * onto Simplified for matching. Built ahead of time (scripts/build-han-variants.ts) because
 * loading OpenCC's dictionaries costs 400 ms and 80 MB of memory at every start.
 */
export function buildHanVariantTables(): HanVariantTables {
  const chars: string[] = [];
  for (const [from, to] of BLOCKS) for (let code = from; code <= to; code++) chars.push(String.fromCharCode(code));
  // One character per line, so OpenCC's phrase rules never span two of them.
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' })(chars.join('\n')).split('\n');
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(chars.join('\n')).split('\n');
  const pairs: string[] = [];
  const traditional = new Set<string>();
  chars.forEach((char, i) => {
    const simplified = toSimplified[i];
    if (simplified && simplified !== char && [...simplified].length === 1) {
      pairs.push(char + simplified);
      traditional.add(char);
    }
  });
  let simplifiedOnly = '';
  chars.forEach((char, i) => {
    const converted = toTraditional[i];
    if (converted && converted !== char && !traditional.has(char) && !SHARED_SIMPLIFIED_FORMS.includes(char)) simplifiedOnly += char;
  });
  return { traditionalToSimplified: pairs, simplifiedOnly };
}
