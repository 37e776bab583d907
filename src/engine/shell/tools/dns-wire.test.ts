/**
 * The reply sizes dig prints (`;; MSG SIZE  rcvd:`): CoreDNS sends uncompressed replies when they
 * fit the client's buffer and compresses the rest (miekg/dns Truncate); the EDNS OPT it echoes
 * carries dig's client cookie. Expected numbers are worked out by hand from RFC 1035's layout.
 */

import { describe, expect, it } from 'vitest';
import type { DnsMessage, ResourceRecord } from '../../../shared/dns-types';
import { nameWireLength, replyWireSize } from './dns-wire';

const msg = (name: string, answer: ResourceRecord[], extra: Partial<DnsMessage> = {}): DnsMessage => ({
  rcode: 'NOERROR',
  aa: true,
  ra: false,
  question: { name, type: answer[0]?.type ?? 'A' },
  answer,
  authority: [],
  additional: [],
  ...extra,
});
const a = (name: string, ip: string): ResourceRecord => ({ name, type: 'A', ttl: 30, data: ip });
const DIG = { edns: true, ednsOptionBytes: 12, udpSize: 1232 };
const HEADLESS = 'headless1.default.svc.cluster.local.';

describe('name lengths', () => {
  it.each([
    { name: '.', len: 1 },
    { name: 'headless1.', len: 11 },
    { name: HEADLESS, len: 37 },
    { name: 'kubernetes.default.svc.cluster.local.', len: 38 },
  ])('$name is $len bytes on the wire', ({ name, len }) => {
    expect(nameWireLength(name)).toBe(len);
  });
});

describe('reply sizes', () => {
  it.each([
    // 12 header + 42 question + 52 answer + 23 OPT with cookie: the classic 129 of kubernetes.default.
    { what: 'one A record (kubernetes.default)', m: msg('kubernetes.default.svc.cluster.local.', [a('kubernetes.default.svc.cluster.local.', '10.96.0.1')]), opts: DIG, size: 129 },
    { what: 'two A records, uncompressed', m: msg(HEADLESS, [a(HEADLESS, '20.1.1.1'), a(HEADLESS, '20.1.1.2')]), opts: DIG, size: 12 + 41 + 2 * 51 + 23 },
    { what: 'without a cookie', m: msg(HEADLESS, [a(HEADLESS, '20.1.1.1')]), opts: { edns: true, udpSize: 1232 }, size: 12 + 41 + 51 + 11 },
    { what: 'without EDNS', m: msg(HEADLESS, [a(HEADLESS, '20.1.1.1')]), opts: { edns: false }, size: 12 + 41 + 51 },
    {
      what: 'NXDOMAIN with the zone SOA',
      m: msg('nosuch.default.svc.cluster.local.', [], { rcode: 'NXDOMAIN', question: { name: 'nosuch.default.svc.cluster.local.', type: 'A' }, authority: [{ name: 'cluster.local.', type: 'SOA', ttl: 30, data: 'ns.dns.cluster.local. hostmaster.cluster.local. 1772442002 7200 1800 86400 30' }] }),
      opts: DIG,
      // 12 + (34+4) + SOA: owner 15 + 10 + mname 22 + rname 26 + 20 = 93 → + 23
      size: 12 + 38 + 93 + 23,
    },
    {
      what: 'forty endpoints do not fit 1232 bytes: compressed',
      m: msg(HEADLESS, Array.from({ length: 40 }, (_, i) => a(HEADLESS, `20.1.1.${i + 1}`))),
      opts: DIG,
      // every owner becomes a 2-byte pointer to the question's name
      size: 12 + 41 + 40 * (2 + 10 + 4) + 23,
    },
    {
      what: 'SRV targets are never compressed, but their owners are',
      m: msg(HEADLESS, Array.from({ length: 30 }, (_, i) => ({ name: HEADLESS, type: 'SRV' as const, ttl: 30, data: `0 3 8080 p${i}.${HEADLESS}` }))),
      opts: DIG,
      // uncompressed it is > 1232; compressed: owner 2, target in full (p0…p9: 40 bytes, p10…: 41)
      size: 12 + 41 + 30 * (2 + 10 + 6) + 10 * 40 + 20 * 41 + 23,
    },
    { what: 'TCP never needs compression for these', m: msg(HEADLESS, Array.from({ length: 40 }, (_, i) => a(HEADLESS, `20.1.1.${i + 1}`))), opts: { ...DIG, tcp: true }, size: 12 + 41 + 40 * 51 + 23 },
  ])('$what: $size bytes', ({ m, opts, size }) => {
    expect(replyWireSize(m, opts)).toBe(size);
  });

  it('a CNAME target pointing back at the question compresses', () => {
    const q = 'externalname1.default.svc.cluster.local.';
    const big = msg(q, [{ name: q, type: 'CNAME', ttl: 30, data: `x.${q}` }, ...Array.from({ length: 30 }, (_, i) => a(`x.${q}`, `185.1.1.${i}`))]);
    // CNAME owner → pointer (2), its target `x.` + pointer (4); each A owner → pointer (2).
    expect(replyWireSize(big, DIG)).toBe(12 + (41 + 4) + (2 + 10 + 4) + 30 * (2 + 10 + 4) + 23);
  });
});
