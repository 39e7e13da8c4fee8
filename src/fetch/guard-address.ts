import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { StraitwatchError } from '../core/errors.js';

/**
 * True for addresses a feed URL must never reach: loopback, private, link-local (cloud metadata
 * at 169.254.169.254), carrier-grade NAT, multicast, unspecified and reserved ranges, including
 * their IPv4-mapped IPv6 forms.
 */
export function isForbiddenAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  // ipaddr.js names every special-purpose block; only plain unicast is the public internet.
  return parsed.range() !== 'unicast';
}

function blocked(host: string, address: string): StraitwatchError {
  return new StraitwatchError(
    'fetch-blocked-address',
    `${host} resolves to ${address}, a private, loopback or link-local address; set STRAITWATCH_ALLOW_PRIVATE_NETWORKS=1 to allow it`,
  );
}

/** Refuses a URL whose host is a forbidden IP literal (Node connects to literals without a DNS lookup). */
export function assertPublicHost(hostname: string): void {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host) && isForbiddenAddress(host)) throw blocked(host, host);
}

/**
 * A `lookup` for http.request that checks the addresses the socket will actually connect to,
 * so a public name that resolves to 10.0.0.1 (or is rebound to it later) is refused too.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 4);
    const bad = addresses.find((entry) => isForbiddenAddress(entry.address));
    if (bad) return callback(blocked(hostname, bad.address) as NodeJS.ErrnoException, '', 4);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no addresses`), { code: 'ENOTFOUND' }), '', 4);
    callback(null, first.address, first.family);
  });
};
