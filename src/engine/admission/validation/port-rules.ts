/**
 * Port numbers and IANA_SVC_NAME port names (validation.IsValidPortNum, IsValidPortName in
 * k8s.io/apimachinery/pkg/util/validation/validation.go).
 */

import { byteLength, inclusiveRangeError, maxLenError } from './dns-name-rules';

/** validation.IsValidPortNum: 1–65535. */
export function isValidPortNum(port: number): string[] {
  if (Number.isInteger(port) && port >= 1 && port <= 65535) return [];
  return [inclusiveRangeError(1, 65535)];
}

/** validation.IsInRange. */
export function isInRange(value: number, min: number, max: number): string[] {
  return value >= min && value <= max ? [] : [inclusiveRangeError(min, max)];
}

/** validation.IsValidPortName: IANA_SVC_NAME (at most 15 chars, [-a-z0-9], a letter, no '--', no edge '-'). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (byteLength(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port[0] === '-' || port[port.length - 1] === '-')) errs.push('must not begin or end with a hyphen');
  return errs;
}
