/**
 * DNS wire sizes, for dig's `;; MSG SIZE  rcvd: N`. The engine's DnsMessage has no wire form, so
 * the size is computed the way CoreDNS (miekg/dns) would pack the reply:
 *
 * - `dns.Msg.Truncate(size)` packs *uncompressed* when the reply fits the client's buffer
 *   (`Compress = false`), compressed otherwise; CoreDNS calls it for every reply (request.Scrub).
 *   dig advertises 1232 bytes (EDNS), so the chapter's replies go out uncompressed.
 * - An OPT record is added when the query had one (request.SizeAndDo reuses the query's OPT:
 *   version 0, the client's UDP size, supported options kept — the client COOKIE comes back, so
 *   dig prints it "(echoed)"): 11 bytes + 12 for an 8-byte client cookie.
 * - Compression (when needed) follows miekg/dns: owner names and the names inside CNAME, NS, PTR,
 *   MX, SOA rdata may point back; SRV targets are never compressed (RFC 2782).
 *
 * Pure arithmetic on presentation-form records; no Buffer, no bytes.
 */

import type { DnsMessage, ResourceRecord } from '../../../shared/dns-types';

/** What the client sent along: EDNS (dig's default) with a cookie, and its buffer size. */
export interface WireOptions {
  edns: boolean;
  /** Bytes of EDNS options echoed back (a client cookie: 4 + 8). */
  ednsOptionBytes?: number;
  /** The client's UDP payload size (dig 9.18: 1232; without EDNS: 512). */
  udpSize?: number;
  /** TCP: no truncation, but the same packing rule applies to the 65535 limit. */
  tcp?: boolean;
}

/** Labels of an absolute or relative name, without the root. */
function labelsOf(name: string): string[] {
  const n = name.endsWith('.') ? name.slice(0, -1) : name;
  return n === '' ? [] : n.split('.');
}

/** Uncompressed wire length of a name (labels with length bytes, plus the root byte). */
export function nameWireLength(name: string): number {
  let len = 1;
  for (const l of labelsOf(name)) len += 1 + utf8Bytes(l);
  return len;
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A name writer that tracks compression targets (suffixes already written), like miekg/dns's map. */
class NameTable {
  readonly #seen = new Set<string>();
  constructor(readonly compress: boolean) {}

  /** Bytes needed to write `name` here, remembering its suffixes for later pointers. */
  write(name: string, compressible: boolean): number {
    const labels = labelsOf(name);
    let len = 0;
    for (let i = 0; i < labels.length; i++) {
      const suffix = labels.slice(i).join('.').toLowerCase();
      if (this.compress && compressible && this.#seen.has(suffix)) return len + 2;
      this.#seen.add(suffix);
      len += 1 + utf8Bytes(labels[i]);
    }
    return len + 1;
  }
}

function rdataLength(rr: ResourceRecord, names: NameTable): number {
  const f = rr.data.trim().split(/\s+/);
  switch (rr.type) {
    case 'A':
      return 4;
    case 'AAAA':
      return 16;
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return names.write(f[0], true);
    case 'MX':
      return 2 + names.write(f[1] ?? '.', true);
    case 'SRV':
      return 6 + names.write(f[3] ?? '.', false);
    case 'SOA':
      return names.write(f[0], true) + names.write(f[1] ?? '.', true) + 20;
    case 'TXT': {
      // Each quoted string is a length byte plus its bytes.
      const parts = rr.data.match(/"((?:[^"\\]|\\.)*)"/g) ?? [rr.data];
      return parts.reduce((n, p) => n + 1 + utf8Bytes(p.replace(/^"|"$/g, '').replace(/\\(.)/g, '$1')), 0);
    }
    default:
      return utf8Bytes(rr.data);
  }
}

function messageLength(m: DnsMessage, questionName: string, opts: WireOptions, compress: boolean): number {
  const names = new NameTable(compress);
  let len = 12;
  len += names.write(questionName, true) + 4;
  for (const section of [m.answer, m.authority, m.additional]) {
    for (const rr of section) len += names.write(rr.name, true) + 10 + rdataLength(rr, names);
  }
  if (opts.edns) len += 11 + (opts.ednsOptionBytes ?? 0);
  return len;
}

/** The size of the reply as CoreDNS sends it: uncompressed if it fits the client's buffer, else compressed. */
export function replyWireSize(m: DnsMessage, opts: WireOptions, questionName = m.question.name): number {
  const limit = opts.tcp ? 65535 : Math.max(512, opts.udpSize ?? (opts.edns ? 1232 : 512));
  const plain = messageLength(m, questionName, opts, false);
  return plain <= limit ? plain : messageLength(m, questionName, opts, true);
}
