/**
 * IPv4/IPv6 parsing and formatting, CIDR arithmetic and reverse-lookup names. IPv4 addresses are
 * unsigned 32-bit numbers; IPv6 addresses are bigints. Formatting follows RFC 5952 (lowercase,
 * longest zero run compressed), which is how Go's net.IP prints and so how Kubernetes shows them.
 */

export function parseIPv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    // Go's net.ParseIP rejects leading zeros ("010.0.0.1") since Go 1.17; so does the apiserver.
    if (m[i].length > 1 && m[i][0] === '0') return undefined;
    const octet = Number(m[i]);
    if (octet > 255) return undefined;
    n = n * 256 + octet;
  }
  return n >>> 0;
}

export function formatIPv4(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export function parseIPv6(text: string): bigint | undefined {
  if (!text.includes(':') || /[^0-9a-fA-F:.]/.test(text)) return undefined;
  let head = text;
  let tailV4: number | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tailV4 = parseIPv4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = text.slice(0, lastColon + 1) + '0:0';
  }
  const dbl = head.split('::');
  if (dbl.length > 2) return undefined;
  const parseGroups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const groups = s.split(':');
    const out: number[] = [];
    for (const g of groups) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const left = parseGroups(dbl[0]);
  const right = dbl.length === 2 ? parseGroups(dbl[1]) : [];
  if (!left || !right) return undefined;
  let groups: number[];
  if (dbl.length === 2) {
    const missing = 8 - left.length - right.length;
    if (missing < 1) return undefined;
    groups = [...left, ...new Array<number>(missing).fill(0), ...right];
  } else {
    if (left.length !== 8) return undefined;
    groups = left;
  }
  let n = 0n;
  for (const g of groups) n = (n << 16n) | BigInt(g);
  if (tailV4 !== undefined) n = (n & ~0xffffffffn) | BigInt(tailV4);
  return n;
}

export function formatIPv6(n: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((n >> BigInt(i * 16)) & 0xffffn));
  // RFC 5952 §4.2: compress the longest run of two or more zero groups (first one on a tie).
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  // RFC 5952 §5: IPv4-mapped addresses keep the dotted quad.
  if (n >> 32n === 0xffffn) return `::ffff:${formatIPv4(Number(n & 0xffffffffn))}`;
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export type IPFamilyName = 'IPv4' | 'IPv6';

/** The family of an IP string, or undefined when it is not an IP. */
export function ipFamily(text: string): IPFamilyName | undefined {
  if (parseIPv4(text) !== undefined) return 'IPv4';
  if (parseIPv6(text) !== undefined) return 'IPv6';
  return undefined;
}

/** Canonical text of an IP (IPv6 per RFC 5952), or undefined when it is not an IP. */
export function canonicalIP(text: string): string | undefined {
  const v4 = parseIPv4(text);
  if (v4 !== undefined) return formatIPv4(v4);
  const v6 = parseIPv6(text);
  return v6 === undefined ? undefined : formatIPv6(v6);
}

export interface Cidr {
  family: IPFamilyName;
  /** Network address as a bigint (IPv4 too, for uniform arithmetic). */
  base: bigint;
  prefix: number;
  bits: 32 | 128;
  text: string;
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addr = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const v4 = parseIPv4(addr);
  if (v4 !== undefined) {
    if (prefix > 32) return undefined;
    const mask = prefix === 0 ? 0n : ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - prefix)) - 1n);
    return { family: 'IPv4', base: BigInt(v4) & mask, prefix, bits: 32, text: `${formatIPv4(Number(BigInt(v4) & mask))}/${prefix}` };
  }
  const v6 = parseIPv6(addr);
  if (v6 !== undefined) {
    if (prefix > 128) return undefined;
    const mask = prefix === 0 ? 0n : ((1n << 128n) - 1n) ^ ((1n << BigInt(128 - prefix)) - 1n);
    return { family: 'IPv6', base: v6 & mask, prefix, bits: 128, text: `${formatIPv6(v6 & mask)}/${prefix}` };
  }
  return undefined;
}

/** Number of addresses in the range. */
export function cidrSize(cidr: Cidr): bigint {
  return 1n << BigInt(cidr.bits - cidr.prefix);
}

/** The address at `offset` from the network address, as text. */
export function cidrAddress(cidr: Cidr, offset: bigint): string {
  const n = cidr.base + offset;
  return cidr.family === 'IPv4' ? formatIPv4(Number(n)) : formatIPv6(n);
}

/** Offset of `ip` within `cidr`, or undefined when outside (or another family). */
export function cidrOffset(cidr: Cidr, ip: string): bigint | undefined {
  const n = cidr.family === 'IPv4' ? parseIPv4(ip) : parseIPv6(ip);
  if (n === undefined) return undefined;
  const off = BigInt(n) - cidr.base;
  return off >= 0n && off < cidrSize(cidr) ? off : undefined;
}

export function cidrContains(cidr: Cidr, ip: string): boolean {
  return cidrOffset(cidr, ip) !== undefined;
}

/** The PTR owner name of an address: `11.5.109.20.in-addr.arpa.` or the nibble form under `ip6.arpa.`. */
export function reverseName(ip: string): string | undefined {
  const v4 = parseIPv4(ip);
  if (v4 !== undefined) return `${formatIPv4(v4).split('.').reverse().join('.')}.in-addr.arpa.`;
  const v6 = parseIPv6(ip);
  if (v6 === undefined) return undefined;
  const nibbles = v6.toString(16).padStart(32, '0').split('').reverse();
  return `${nibbles.join('.')}.ip6.arpa.`;
}

/** The address a PTR owner name stands for, or undefined when the name is not a full reverse name. */
export function addressFromReverseName(name: string): string | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.endsWith('.in-addr.arpa')) {
    const parts = n.slice(0, -'.in-addr.arpa'.length).split('.');
    if (parts.length !== 4) return undefined;
    return canonicalIP(parts.reverse().join('.'));
  }
  if (n.endsWith('.ip6.arpa')) {
    const parts = n.slice(0, -'.ip6.arpa'.length).split('.');
    if (parts.length !== 32 || parts.some((p) => !/^[0-9a-f]$/.test(p))) return undefined;
    return formatIPv6(BigInt('0x' + parts.reverse().join('')));
  }
  return undefined;
}
