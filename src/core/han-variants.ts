import * as OpenCC from 'opencc-js';

export interface HanVariants {
  /** Characters written only in Traditional Chinese (臺, 灣, 國), each with its Simplified form. */
  traditionalToSimplified: ReadonlyMap<string, string>;
  /** Characters written only in Simplified Chinese (湾, 国, 资). */
  simplifiedOnly: ReadonlySet<string>;
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
const SHARED_SIMPLIFIED_FORMS = '台占干里才只面系表云松范准游冲于余征志制朴卜向合后夸布吁板采丑谷斗出咸恶';

let cached: HanVariants | undefined;

/**
 * Character tables derived once from OpenCC's dictionaries (Taiwan standard ↔ mainland
 * standard). Single characters, not phrases: enough to tell the two scripts apart and to fold
 * Traditional text onto Simplified for matching, at a table lookup per character.
 */
export function hanVariants(): HanVariants {
  if (cached) return cached;
  const chars: string[] = [];
  for (const [from, to] of BLOCKS) for (let code = from; code <= to; code++) chars.push(String.fromCharCode(code));
  // One character per line, so OpenCC's phrase rules never span two of them.
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' })(chars.join('\n')).split('\n');
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(chars.join('\n')).split('\n');
  const traditionalToSimplified = new Map<string, string>();
  const simplifiedOnly = new Set<string>();
  chars.forEach((char, i) => {
    const simplified = toSimplified[i];
    if (simplified && simplified !== char && [...simplified].length === 1) traditionalToSimplified.set(char, simplified);
    const traditional = toTraditional[i];
    // A character that converts to something else and is not itself some Traditional character's target form.
    if (traditional && traditional !== char) simplifiedOnly.add(char);
  });
  // Characters shared by both standards must not count for either side.
  for (const char of traditionalToSimplified.keys()) simplifiedOnly.delete(char);
  for (const char of SHARED_SIMPLIFIED_FORMS) simplifiedOnly.delete(char);
  cached = { traditionalToSimplified, simplifiedOnly };
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
