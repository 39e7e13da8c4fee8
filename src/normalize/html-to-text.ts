import { Parser } from 'htmlparser2';

// Their text is never prose: code, styling, embeds.
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'head', 'title']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

/** Collapses runs of spaces within lines and of blank lines, after Unicode NFC. */
export function collapseWhitespace(text: string, keepParagraphs: boolean): string {
  // Zero-width joiners stay: ZWJ builds emoji sequences, ZWNJ is spelling in Persian and Urdu ("می‌خواهم").
  const nfc = text.normalize('NFC').replace(/[\u200B\uFEFF]/g, '');
  if (!keepParagraphs) return nfc.replace(/\s+/g, ' ').trim();
  return nfc
    .split(/\n/)
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * HTML (or plain text with entities) to plain text: tags removed, entities decoded, script and
 * style dropped, block elements turned into line breaks. htmlparser2 is a tolerant streaming
 * parser, so broken markup from feeds costs nothing extra.
 */
export function htmlToText(html: string, options: { keepParagraphs?: boolean } = {}): string {
  const keepParagraphs = options.keepParagraphs ?? true;
  if (!/[<&]/.test(html)) return collapseWhitespace(html, keepParagraphs);
  const out: string[] = [];
  let skipping = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIPPED.has(name)) skipping++;
        else if (BLOCK.has(name)) out.push('\n');
      },
      onclosetag(name, isImplied) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK.has(name) && !isImplied) out.push('\n');
      },
      ontext(text) {
        if (!skipping) out.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return collapseWhitespace(out.join(''), keepParagraphs);
}
