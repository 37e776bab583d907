import { describe, expect, it } from 'vitest';
import { addressFromReverseName, canonicalIP, cidrAddress, cidrContains, cidrOffset, cidrSize, ipFamily, parseCidr, reverseName } from './ip-address';

describe('ip addresses', () => {
  it.each([
    { text: '20.109.5.11', expected: '20.109.5.11' },
    { text: '010.0.0.1', expected: undefined }, // leading zeros rejected, as Go's net.ParseIP since 1.17
    { text: '256.1.1.1', expected: undefined },
    { text: '1.2.3', expected: undefined },
    { text: '2001:DB8:0:0:0:0:0:1', expected: '2001:db8::1' },
    { text: '2001:db8::0:1', expected: '2001:db8::1' },
    { text: 'fd00:10:96::a', expected: 'fd00:10:96::a' },
    { text: '::', expected: '::' },
    { text: '::ffff:1.2.3.4', expected: '::ffff:1.2.3.4' },
    { text: '1:0:0:1:0:0:0:1', expected: '1:0:0:1::1' },
    { text: '1::2::3', expected: undefined },
    { text: 'headless1', expected: undefined },
  ])('canonical form of $text is $expected', ({ text, expected }) => {
    expect(canonicalIP(text)).toBe(expected);
  });

  it.each([
    { text: '10.96.0.10', expected: 'IPv4' },
    { text: 'fd00::10', expected: 'IPv6' },
    { text: 'github.io', expected: undefined },
  ])('family of $text', ({ text, expected }) => {
    expect(ipFamily(text)).toBe(expected);
  });

  it('does CIDR arithmetic for the course ranges', () => {
    const svc = parseCidr('10.96.0.0/12')!;
    expect(cidrSize(svc)).toBe(1n << 20n);
    expect(cidrAddress(svc, 10n)).toBe('10.96.0.10');
    expect(cidrContains(svc, '10.111.255.255')).toBe(true);
    expect(cidrContains(svc, '10.112.0.0')).toBe(false);
    expect(cidrContains(svc, 'fd00::1')).toBe(false);
    expect(cidrOffset(parseCidr('20.96.0.0/12')!, '20.109.5.11')).toBe(BigInt((13 << 16) + (5 << 8) + 11));
    expect(parseCidr('10.96.1.7/12')!.text).toBe('10.96.0.0/12');
    expect(parseCidr('10.96.0.0/33')).toBeUndefined();
    expect(parseCidr('fd00:10:96::/112')!.family).toBe('IPv6');
  });

  it.each([
    { ip: '20.109.5.11', name: '11.5.109.20.in-addr.arpa.' },
    { ip: '2001:db8::1', name: '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.' },
  ])('reverse name of $ip round-trips', ({ ip, name }) => {
    expect(reverseName(ip)).toBe(name);
    expect(addressFromReverseName(name)).toBe(ip);
    expect(addressFromReverseName(name.toUpperCase())).toBe(ip);
  });

  it('rejects partial reverse names', () => {
    expect(addressFromReverseName('5.109.20.in-addr.arpa.')).toBeUndefined();
  });
});
