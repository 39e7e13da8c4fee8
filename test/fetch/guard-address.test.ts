import type { LookupAddress, LookupOptions } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { StraitwatchError } from '../../src/core/errors.js';
import { assertPublicHost, isForbiddenAddress, publicOnlyLookup } from '../../src/fetch/guard-address.js';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

function lookup(hostname: string, options: LookupOptions = {}): Promise<{ address: string | LookupAddress[]; family: number | undefined }> {
  return new Promise((resolve, reject) =>
    publicOnlyLookup(hostname, options, (error, address, family) => (error ? reject(error) : resolve({ address, family }))),
  );
}

describe('isForbiddenAddress', () => {
  it.each([
    { name: 'IPv4 loopback', address: '127.0.0.1' },
    { name: 'loopback elsewhere in 127/8', address: '127.255.0.9' },
    { name: 'private 10/8', address: '10.1.2.3' },
    { name: 'private 172.16/12, first', address: '172.16.0.1' },
    { name: 'private 172.16/12, last', address: '172.31.255.255' },
    { name: 'private 192.168/16', address: '192.168.1.1' },
    { name: 'link-local cloud metadata', address: '169.254.169.254' },
    { name: 'carrier-grade NAT', address: '100.64.0.1' },
    { name: 'unspecified IPv4', address: '0.0.0.0' },
    { name: 'multicast', address: '224.0.0.1' },
    { name: 'broadcast', address: '255.255.255.255' },
    { name: 'documentation TEST-NET-1', address: '192.0.2.1' },
    { name: 'IPv6 loopback', address: '::1' },
    { name: 'unspecified IPv6', address: '::' },
    { name: 'IPv6 link-local', address: 'fe80::1' },
    { name: 'IPv6 unique local', address: 'fc00::1' },
    { name: 'IPv6 unique local fd00::/8', address: 'fd12:3456::1' },
    { name: 'IPv6 multicast', address: 'ff02::1' },
    { name: 'IPv4-mapped loopback', address: '::ffff:127.0.0.1' },
    { name: 'IPv4-mapped private', address: '::ffff:10.0.0.1' },
    { name: 'IPv4-mapped metadata, hex form', address: '::ffff:a9fe:a9fe' },
    { name: 'not an address at all', address: 'metadata.google.internal' },
  ])('forbids $name ($address)', ({ address }) => expect(isForbiddenAddress(address)).toBe(true));

  it.each([
    { name: 'Google DNS', address: '8.8.8.8' },
    { name: 'Cloudflare DNS', address: '1.1.1.1' },
    { name: 'just past 172.16/12', address: '172.32.0.1' },
    { name: 'just below carrier-grade NAT', address: '100.63.255.255' },
    { name: 'Cloudflare DNS over IPv6', address: '2606:4700:4700::1111' },
    { name: 'IPv4-mapped public', address: '::ffff:8.8.8.8' },
  ])('allows $name ($address)', ({ address }) => expect(isForbiddenAddress(address)).toBe(false));
});

describe('assertPublicHost', () => {
  it.each([
    { hostname: '[::1]', address: '::1' },
    { hostname: '127.0.0.1', address: '127.0.0.1' },
    { hostname: '169.254.169.254', address: '169.254.169.254' },
    { hostname: '[::ffff:7f00:1]', address: '::ffff:7f00:1' },
  ])('refuses $hostname with fetch-blocked-address naming it', ({ hostname, address }) => {
    const error = thrown(() => assertPublicHost(hostname));
    expect(error).toBeInstanceOf(StraitwatchError);
    expect((error as StraitwatchError).code).toBe('fetch-blocked-address');
    expect((error as StraitwatchError).message).toContain(address);
  });

  // Names are checked where they resolve (publicOnlyLookup), so a literal check lets them through.
  it.each(['8.8.8.8', '[2606:4700:4700::1111]', 'focustaiwan.tw', 'localhost'])('lets %s through', (hostname) => {
    expect(thrown(() => assertPublicHost(hostname))).toBeUndefined();
  });
});

describe('publicOnlyLookup', () => {
  it.each([
    { name: 'a name resolving to loopback', hostname: 'localhost' },
    { name: 'a loopback literal', hostname: '127.0.0.1' },
    { name: 'a private literal', hostname: '10.0.0.1' },
    { name: 'an IPv6 loopback literal', hostname: '::1' },
  ])('refuses $name with fetch-blocked-address', async ({ hostname }) => {
    const error = await lookup(hostname).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(StraitwatchError);
    expect((error as StraitwatchError).code).toBe('fetch-blocked-address');
    expect((error as StraitwatchError).message).toContain(hostname);
  });

  it.each([
    { name: 'one IPv4 address', hostname: '8.8.8.8', options: {}, result: { address: '8.8.8.8', family: 4 } },
    { name: 'one IPv6 address', hostname: '2606:4700:4700::1111', options: {}, result: { address: '2606:4700:4700::1111', family: 6 } },
    { name: 'all addresses (as net does with autoSelectFamily)', hostname: '1.1.1.1', options: { all: true }, result: { address: [{ address: '1.1.1.1', family: 4 }], family: undefined } },
  ])('passes public addresses through: $name', async ({ hostname, options, result }) => {
    expect(await lookup(hostname, options)).toEqual(result);
  });
});
