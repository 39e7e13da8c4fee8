// Query parameters that identify a click or a campaign, never the page.
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id', 'igshid', 'igsh',
  'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'mkt_tok', 'vero_id', 'vero_conv', 'oly_anon_id', 'oly_enc_id', 'rb_clickid', 's_cid',
  'ocid', 'ncid', 'cmpid', 'spm', 'xtor', 'wt_mc', 'wt.mc_id', 'ref_src',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'at_'];

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * An absolute http(s) URL with tracking parameters and the fragment removed, or undefined when
 * the link is not one. Relative links resolve against `base` (the feed's own URL).
 */
export function canonicalUrl(link: string | undefined, base?: string): string | undefined {
  const trimmed = link?.trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  // Filter the query as written: URLSearchParams re-encodes what it keeps ("a/b" → "a%2Fb",
  // "%20" → "+"), so one page linked with and without trackers got two canonical URLs.
  const kept = url.search.slice(1).split('&').filter((pair) => pair && !isTrackingParam(paramName(pair)));
  url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return url.href;
}

function paramName(pair: string): string {
  return new URLSearchParams(pair).keys().next().value ?? '';
}
