/**
 * xml2js hands back a string, `{ _: text, $: attrs }`, an array of those, or, for Atom's
 * type="xhtml", a nested element tree. This flattens any of them to the text they hold.
 */
export function xmlText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'object') return undefined;
  if (typeof (value as { _?: unknown })._ === 'string') return (value as { _: string })._;
  // A stack, not recursion: hostile XML nests thousands of elements deep, and a RangeError would fail the whole feed.
  const parts: string[] = [];
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node === 'string') {
      if (node.length > 0) parts.push(node);
    } else if (typeof node === 'number' || typeof node === 'boolean') {
      parts.push(String(node));
    } else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record._ === 'string') {
        if (record._.length > 0) parts.push(record._);
        continue;
      }
      const children = Array.isArray(node) ? node : Object.entries(record).filter(([key]) => key !== '$').map(([, child]) => child);
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
    }
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** An href from an xml2js link element, or its text for RSS's <link>text</link>. */
export function xmlHref(value: unknown): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const attrs = (value as { $?: Record<string, unknown> }).$;
    if (attrs && typeof attrs.href === 'string') return attrs.href;
  }
  return xmlText(value)?.trim() || undefined;
}
