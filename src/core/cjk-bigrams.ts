const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+/g;

/**
 * Overlapping two-character words of every CJK run in `text`, space-separated ("台湾海峡" →
 * "台湾 湾海 海峡"), for an index that finds two-character queries a trigram index cannot.
 */
export function cjkBigrams(text: string): string {
  const out: string[] = [];
  for (const run of text.match(CJK) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out.join(' ');
}
