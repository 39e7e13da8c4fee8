/**
 * xml2js hands back a string, `{ _: text, $: attrs }`, an array of those, or, for Atom's
 * type="xhtml", a nested element tree. This flattens any of them to the text they hold.
 */
export function xmlText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return joinText(value.map(xmlText));
  if (typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (typeof node._ === 'string') return node._;
    return joinText(Object.entries(node).filter(([key]) => key !== '$').map(([, child]) => xmlText(child)));
  }
  return undefined;
}

function joinText(parts: Array<string | undefined>): string | undefined {
  const present = parts.filter((part): part is string => typeof part === 'string' && part.length > 0);
  return present.length ? present.join(' ') : undefined;
}

/** An href from an xml2js link element, or its text for RSS's <link>text</link>. */
export function xmlHref(value: unknown): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const attrs = (value as { $?: Record<string, unknown> }).$;
    if (attrs && typeof attrs.href === 'string') return attrs.href;
  }
  return xmlText(value)?.trim() || undefined;
}
