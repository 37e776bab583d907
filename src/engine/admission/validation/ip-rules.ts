/**
 * IP address rules: validation.IsValidIP / IsValidIPv4Address / IsValidIPv6Address / IsValidCIDR /
 * GetWarningsForIP (k8s.io/apimachinery/pkg/util/validation/ip.go) and ValidateNonSpecialIP
 * (pkg/apis/core/validation/validation.go). Parsing is "sloppy" like k8s.io/utils/net.ParseIPSloppy:
 * IPv4 octets may carry leading zeros (read as decimal), which earns a warning, not an error.
 */

import type { FieldError } from '../../../shared/field-error-types';
import { canonicalIP, formatIPv4, parseCidr, parseIPv6 } from '../../net/ip-address';
import { invalid } from '../field-error';
import type { FieldPath } from '../field-path';

/** A parsed address; `v4` is set for IPv4 and for IPv4-mapped IPv6 (Go's To4() != nil). */
export interface SloppyIP {
  v4?: number;
  v6?: bigint;
  /** How Go's net.IP.String() prints it. */
  text: string;
}

/** netutils.ParseIPSloppy. */
export function parseIPSloppy(text: string): SloppyIP | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (m) {
    let n = 0;
    for (let i = 1; i <= 4; i++) {
      const octet = Number(m[i]);
      if (octet > 255) return undefined;
      n = n * 256 + octet;
    }
    return { v4: n >>> 0, text: formatIPv4(n >>> 0) };
  }
  const v6 = parseIPv6(text);
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === 0xffffn) {
    const v4 = Number(v6 & 0xffffffffn);
    return { v4, text: formatIPv4(v4) };
  }
  return { v6, text: canonicalIP(text) ?? text };
}

/** validation.IsValidIP. */
export function isValidIP(path: FieldPath, value: string): FieldError[] {
  return parseIPSloppy(value) ? [] : [invalid(path, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}

/** validation.IsValidIPv4Address. */
export function isValidIPv4Address(path: FieldPath, value: string): FieldError[] {
  const ip = parseIPSloppy(value);
  return ip && ip.v4 !== undefined ? [] : [invalid(path, value, 'must be a valid IPv4 address')];
}

/** validation.IsValidIPv6Address. */
export function isValidIPv6Address(path: FieldPath, value: string): FieldError[] {
  const ip = parseIPSloppy(value);
  return ip && ip.v6 !== undefined ? [] : [invalid(path, value, 'must be a valid IPv6 address')];
}

/** validation.IsValidCIDR. */
export function isValidCIDR(path: FieldPath, value: string): FieldError[] {
  const slash = value.indexOf('/');
  const ok = slash > 0 && parseIPSloppy(value.slice(0, slash)) !== undefined && parseCidr(`${parseIPSloppy(value.slice(0, slash))!.text}${value.slice(slash)}`) !== undefined;
  return ok ? [] : [invalid(path, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
}

/** ValidateNonSpecialIP: no unspecified, loopback, link-local or link-local multicast addresses. */
export function validateNonSpecialIP(value: string, path: FieldPath): FieldError[] {
  const ip = parseIPSloppy(value);
  if (!ip) return [invalid(path, value, 'must be a valid IP address')];
  const errs: FieldError[] = [];
  let unspecified: boolean, loopback: boolean, linkLocal: boolean, linkLocalMulticast: boolean;
  if (ip.v4 !== undefined) {
    const a = ip.v4 >>> 24;
    const b = (ip.v4 >>> 16) & 255;
    const c = (ip.v4 >>> 8) & 255;
    unspecified = ip.v4 === 0;
    loopback = a === 127;
    linkLocal = a === 169 && b === 254;
    linkLocalMulticast = a === 224 && b === 0 && c === 0;
  } else {
    const v6 = ip.v6!;
    const top = Number(v6 >> 112n);
    unspecified = v6 === 0n;
    loopback = v6 === 1n;
    linkLocal = (top & 0xffc0) === 0xfe80;
    linkLocalMulticast = (top & 0xff0f) === 0xff02;
  }
  if (unspecified) errs.push(invalid(path, value, `may not be unspecified (${value})`));
  if (loopback) errs.push(invalid(path, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (linkLocal) errs.push(invalid(path, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (linkLocalMulticast) errs.push(invalid(path, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return errs;
}

/** validation.GetWarningsForIP: leading zeros / IPv4-mapped forms, and non-canonical IPv6. */
export function ipWarnings(path: FieldPath, value: string): string[] {
  const ip = parseIPSloppy(value);
  if (!ip) return [];
  const strict = canonicalIP(value);
  const mapped = ip.v4 !== undefined && value.includes(':');
  if (strict === undefined || mapped) {
    return [`${path.toString()}: non-standard IP address "${value}" will be considered invalid in a future Kubernetes release: use "${ip.text}"`];
  }
  if (ip.v6 !== undefined && strict !== value) {
    return [`${path.toString()}: IPv6 address "${value}" should be in RFC 5952 canonical format ("${strict}")`];
  }
  return [];
}
