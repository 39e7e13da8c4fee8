import { decodeHTMLStrict } from 'entities';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const COMMENT = /<!--[\s\S]*?-->/g;
const CDATA = /(<!\[CDATA\[[\s\S]*?\]\]>)/;
// An internal subset may hold "]" inside quoted strings; real feeds never do, bombs don't need to.
const DOCTYPE = /<!DOCTYPE[^[>]*(?:\[[\s\S]*?\]\s*)?>/gi;
// XML 1.0 §2.2: C0 controls other than tab, LF and CR may not appear, and strict parsers stop at them.
const ILLEGAL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const AMPERSAND = /&(#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9._-]*;)?/g;

function repairEntity(match: string, reference: string | undefined): string {
  if (!reference) return '&amp;'; // a bare "&", as in "AT&T"
  if (reference.startsWith('#')) {
    const code = reference[1] === 'x' ? parseInt(reference.slice(2), 16) : parseInt(reference.slice(1), 10);
    return isXmlChar(code) ? match : '';
  }
  const name = reference.slice(0, -1);
  if (XML_ENTITIES.has(name)) return match;
  const decoded = decodeHTMLStrict(match);
  // HTML names (&nbsp; &eacute;) become character references; anything else is kept as literal text.
  if (decoded === match) return `&amp;${reference}`;
  return Array.from(decoded, (char) => `&#${char.codePointAt(0)};`).join('');
}

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/**
 * Makes real-world feed XML acceptable to a strict parser without changing what it says:
 * HTML entities that only a DTD would define, bare ampersands, control characters.
 *
 * It also removes the DOCTYPE, which is what defuses hostile XML: with no internal subset there
 * are no entity definitions to expand (billion laughs) and no SYSTEM entities to resolve (XXE);
 * references to them stay as literal text. Work is one linear pass, so time is bounded by size.
 */
export function repairXml(xml: string): string {
  let text = xml.replace(/^\uFEFF/, '').trimStart().replace(ILLEGAL_CHARS, '');
  // A DOCTYPE may only stand before the root element; a "<!DOCTYPE" inside content is text.
  const root = text.search(/<[A-Za-z_]/);
  if (root > 0) text = text.slice(0, root).replace(COMMENT, '').replace(DOCTYPE, '') + text.slice(root);
  const parts = text.split(CDATA);
  for (let i = 0; i < parts.length; i += 2) parts[i] = parts[i]!.replace(AMPERSAND, repairEntity);
  return parts.join('');
}
