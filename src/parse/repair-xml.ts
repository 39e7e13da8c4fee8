import { decodeHTMLStrict } from 'entities';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
// XML 1.0 §2.2: C0 controls other than tab, LF and CR may not appear, and strict parsers stop at them.
const ILLEGAL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const AMPERSAND = /&(#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9._-]*;)?/g;
// Start tags of the Atom text constructs we read. [^<>] keeps each attempt inside one tag, so the scan stays linear.
const CONSTRUCT_START = /<((?:[A-Za-z_][\w.-]*:)?(?:title|summary|content))(\s[^<>]*)?>/g;
const XHTML_TYPE = /\btype\s*=\s*["']xhtml["']/;

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

/*
 * The scans below use indexOf and stop at the first section that never closes: no later one
 * can close either. Lazy regexes like /<!--[\s\S]*?-->/g rescan to the end of the text for each
 * unclosed opener, which is quadratic: 160 KB of "<!--" took seconds, a 10 MB body hours.
 */

/** Like text.split(/(open[\s\S]*?close)/): outside text at even indexes, whole sections at odd ones. */
function splitSections(text: string, open: string, close: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(open, from);
    const end = start < 0 ? -1 : text.indexOf(close, start + open.length);
    if (end < 0) break;
    parts.push(text.slice(from, start), text.slice(start, end + close.length));
    from = end + close.length;
  }
  parts.push(text.slice(from));
  return parts;
}

// An internal subset may hold "]>" inside quoted strings; real feeds never do, bombs don't need to.
function stripDoctypes(prolog: string): string {
  const open = /<!DOCTYPE/gi;
  let out = '';
  let from = 0;
  for (let match = open.exec(prolog); match; match = open.exec(prolog)) {
    const stop = /[[>]/g;
    stop.lastIndex = open.lastIndex;
    const stopAt = stop.exec(prolog);
    let end = stopAt?.[0] === '>' ? stopAt.index + 1 : -1;
    if (stopAt?.[0] === '[') {
      const subsetEnd = /\]\s*>/g;
      subsetEnd.lastIndex = stopAt.index + 1;
      const closeAt = subsetEnd.exec(prolog);
      end = closeAt ? closeAt.index + closeAt[0].length : -1;
    }
    if (end < 0) break;
    out += prolog.slice(from, match.index);
    from = open.lastIndex = end;
  }
  return out + prolog.slice(from);
}

/**
 * xml2js keeps an element's text apart from its child elements, so inline markup in an Atom
 * type="xhtml" construct lost its words or their order ("Taiwan <em>rejects</em> claims" read
 * "Taiwan  claims"). As CDATA it arrives as the markup string that normalize turns into text.
 */
function xhtmlAsCdata(text: string): string {
  const start = new RegExp(CONSTRUCT_START);
  let out = '';
  let from = 0;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const attributes = match[2] ?? '';
    if (!XHTML_TYPE.test(attributes) || attributes.endsWith('/')) continue;
    const close = text.indexOf(`</${match[1]}>`, start.lastIndex);
    if (close < 0) break;
    const inner = text.slice(start.lastIndex, close).replaceAll(']]>', ']]]]><![CDATA[>');
    out += `${text.slice(from, start.lastIndex)}<![CDATA[${inner}]]>`;
    from = start.lastIndex = close;
  }
  return out + text.slice(from);
}

/**
 * Makes real-world feed XML acceptable to a strict parser without changing what it says:
 * HTML entities that only a DTD would define, bare ampersands, control characters.
 *
 * It also removes the DOCTYPE, which is what defuses hostile XML: with no internal subset there
 * are no entity definitions to expand (billion laughs) and no SYSTEM entities to resolve (XXE);
 * references to them stay as literal text. Every step is linear, so time is bounded by size.
 */
export function repairXml(xml: string): string {
  let text = xml.replace(/^\uFEFF/, '').trimStart().replace(ILLEGAL_CHARS, '');
  // A DOCTYPE may only stand before the root element; a "<!DOCTYPE" inside content is text.
  const root = text.search(/<[A-Za-z_]/);
  if (root > 0) {
    const prolog = splitSections(text.slice(0, root), '<!--', '-->').filter((_, i) => i % 2 === 0).join('');
    text = stripDoctypes(prolog) + text.slice(root);
  }
  const parts = splitSections(text, '<![CDATA[', ']]>');
  for (let i = 0; i < parts.length; i += 2) parts[i] = xhtmlAsCdata(parts[i]!.replace(AMPERSAND, repairEntity));
  return parts.join('');
}
