import chardet from 'chardet';
import { StraitwatchError } from '../core/errors.js';

export type CharsetSource = 'override' | 'bom' | 'header' | 'prolog' | 'sniff';

export interface DecodedBody {
  text: string;
  /** WHATWG encoding name actually used, e.g. "big5", "gbk", "utf-8". */
  charset: string;
  source: CharsetSource;
}

interface Candidate {
  label: string;
  source: CharsetSource;
}

/** WHATWG name for a label, or undefined when the label is unknown ("x-big5", typos). */
export function canonicalCharset(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = contentType && /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1];
}

function charsetFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** XML 1.0 Appendix F: "<?" in UTF-16 without a BOM still tells the byte order. */
function utf16FromFirstBytes(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return 'utf-16be';
  return undefined;
}

function charsetFromHeader(contentType: string | undefined, bytes: Uint8Array): string | undefined {
  const label = charsetFromContentType(contentType);
  // "utf-16" names no byte order (WHATWG reads it as LE): the "<?" bytes tell it, as for the prolog.
  return label && /^utf-?16$/i.test(label) ? (utf16FromFirstBytes(bytes) ?? label) : label;
}

function charsetFromProlog(bytes: Uint8Array): string | undefined {
  const utf16 = utf16FromFirstBytes(bytes);
  const head = utf16
    ? new TextDecoder(utf16).decode(bytes.subarray(0, 512))
    : Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512)).toString('latin1');
  const match = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  // A UTF-16 document that declares "utf-16" needs the byte order we saw, not the label's default.
  if (utf16 && (!match || /^utf-?16$/i.test(match[1] ?? ''))) return utf16;
  return match?.[1];
}

function sniff(bytes: Uint8Array): string {
  const utf16 = utf16FromFirstBytes(bytes);
  if (utf16) return utf16;
  if (isValidUtf8(bytes)) return 'utf-8';
  // chardet's statistical guess over legacy CJK and European charsets.
  return chardet.detect(bytes) ?? 'windows-1252';
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** WHATWG windows-1252 for bytes 0x80–0x9F; the other bytes match ISO-8859-1. */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function tryDecode(bytes: Uint8Array, charset: string, fatal: boolean): string | undefined {
  try {
    // ignoreBOM: false strips a BOM that matches the charset.
    const text = new TextDecoder(charset, { fatal }).decode(bytes);
    // Node ≥20.18.3 decodes windows-1252 (and so "iso-8859-1") as ISO-8859-1, turning € and curly
    // quotes into C1 controls (nodejs/node#60888). A fixed Node yields no C1 but the five that map to themselves.
    return charset === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!) : text;
  } catch {
    return undefined;
  }
}

/**
 * Decodes a feed body. The byte-order mark outranks the Content-Type charset (RFC 7303 §3.3):
 * it cannot be wrong, while servers often label everything "utf-8". Then the header, the XML
 * prolog, and a sniff. Each candidate must decode without errors; a mislabelled feed falls
 * through to the next one, and only when none fits is the first decoded with replacement chars.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string, override?: string): DecodedBody {
  const candidates: Candidate[] = [];
  const push = (label: string | undefined, source: CharsetSource) => {
    const charset = label && canonicalCharset(label);
    // "replacement" is WHATWG's sink for dangerous labels (iso-2022-kr...): never decode to it.
    if (charset && charset !== 'replacement' && !candidates.some((c) => c.label === charset)) candidates.push({ label: charset, source });
  };
  if (override) {
    const charset = canonicalCharset(override);
    if (!charset) throw new StraitwatchError('decode-failed', `charset "${override}" set on the feed is not a known encoding; use a label such as "big5", "gbk", "shift_jis" or "euc-kr"`);
    push(charset, 'override');
  }
  push(charsetFromBom(bytes), 'bom');
  push(charsetFromHeader(contentType, bytes), 'header');
  push(charsetFromProlog(bytes), 'prolog');
  push(sniff(bytes), 'sniff');

  for (const candidate of candidates) {
    const text = tryDecode(bytes, candidate.label, true);
    if (text !== undefined) return { text, charset: candidate.label, source: candidate.source };
  }
  const first = candidates[0] ?? { label: 'utf-8', source: 'sniff' as const };
  return { text: tryDecode(bytes, first.label, false) ?? '', charset: first.label, source: first.source };
}
