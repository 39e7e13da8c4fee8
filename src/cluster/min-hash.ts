/** Values in a signature: the estimate's standard error is about 0.044 at a Jaccard of 0.5. */
export const SIGNATURE_SIZE = 128;
/**
 * Rows per LSH band, so 32 band keys: texts at the near-duplicate threshold (Jaccard 0.6) share one
 * with probability 0.99, at 0.5 0.87, unrelated texts of one language (~0.1) 0.003.
 */
export const BAND_ROWS = 4;

/** FNV-1a over UTF-16 code units: one 32-bit hash per shingle. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** murmur3's finalizer: spreads one hash into an independent-looking one per seed. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// Fixed seeds, so signatures stored today compare with signatures computed next year.
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, k) => mix(0x9e3779b9 + k * 0x632be5ab));

/** The MinHash signature of a set of shingles; [] for none, which matches nothing. */
export function minHash(shingles: readonly string[]): number[] {
  if (shingles.length === 0) return [];
  const mins = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of new Set(shingles)) {
    // The shingle is mixed once; each position then needs one multiply and one shift of it with its seed.
    const h = mix(hashString(shingle));
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      let v = Math.imul(h ^ SEEDS[k]!, 0x9e3779b1);
      v = (v ^ (v >>> 15)) >>> 0;
      if (v < mins[k]!) mins[k] = v;
    }
  }
  return Array.from(mins);
}

/** The share of equal positions: an unbiased estimate of the two shingle sets' Jaccard similarity. */
export function jaccardEstimate(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
  return same / a.length;
}

/** One lookup key per band of BAND_ROWS values: similar texts share at least one with high probability. */
export function bandKeys(signature: readonly number[]): string[] {
  const keys: string[] = [];
  for (let band = 0; (band + 1) * BAND_ROWS <= signature.length; band++) {
    let h = 0x811c9dc5;
    for (let r = band * BAND_ROWS; r < (band + 1) * BAND_ROWS; r++) h = mix(h ^ signature[r]!);
    keys.push(`lsh${band}:${h.toString(36)}`);
  }
  return keys;
}
