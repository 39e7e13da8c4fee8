import { foldText } from '../core/fold-text.js';

/** Han, kana and Hangul: scripts whose names are found anywhere in a run, not word by word. */
export const UNSPACED_CHAR = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

/** UNSPACED_CHAR for one UTF-16 code unit, without a regular expression (it runs once per character). */
export function isUnspaced(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff);
}
const SCRIPT_SEAM = /([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])(?=[^\s\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])|([^\s\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])(?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])/g;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/gu;

/**
 * Folded text in the one shape names are matched in: punctuation is a space ("Ko Wen-je" =
 * "ko wen je", "U.S." = "u s"), and a space separates scripts, so "美國FBI" holds the word "fbi".
 */
export function matchText(folded: string): string {
  return ` ${folded.replace(NOT_WORD, ' ').replace(SCRIPT_SEAM, '$1$2 ').replace(/ {2,}/g, ' ').trim()} `;
}

/** `matchText` of raw (unfolded) text, as lexicon forms are prepared. */
export function matchForm(raw: string): string {
  return matchText(foldText(raw)).trim();
}
