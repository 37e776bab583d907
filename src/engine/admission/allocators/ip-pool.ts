/**
 * A pool of service IPs over one CIDR (pkg/registry/core/service/ipallocator/bitmap.go, the
 * allocator kube-apiserver v1.32 uses by default): the network address, and for IPv4 the
 * broadcast address, are never handed out; IPv6 ranges are capped at 65536 addresses. The lower
 * band of min(max(16, size/16), 256) addresses is reserved for static (user-chosen) IPs
 * (calculateRangeOffset); ranges of 16 addresses or fewer have no reserved band.
 */

import type { Random } from '../../random';
import { cidrAddress, cidrOffset, cidrSize, type Cidr } from '../../net/ip-address';
import { parseIPSloppy } from '../validation/ip-rules';
import { AllocationBitmap } from './allocation-bitmap';

/** ipallocator.ErrAllocated. */
export const ERR_IP_ALLOCATED = 'provided IP is already allocated';

/** The size of the reserved static band for a range of `size` addresses. */
export function ipRangeOffset(size: bigint): number {
  if (size <= 16n) return 0;
  const offset = size / 16n;
  if (offset < 16n) return 16;
  if (offset > 256n) return 256;
  return Number(offset);
}

/** One CIDR's allocation state. */
export class IPPool {
  readonly cidr: Cidr;
  #bitmap: AllocationBitmap;

  constructor(cidr: Cidr, random: Random) {
    this.cidr = cidr;
    const size = cidrSize(cidr);
    let max: bigint;
    if (cidr.family === 'IPv6') max = size > 65536n ? 65536n : size;
    else max = size - 1n; // no broadcast
    max -= 1n; // no network address
    if (max < 0n) max = 0n;
    this.#bitmap = new AllocationBitmap(Number(max), ipRangeOffset(size), random);
  }

  /** Bitmap offset of an IP (offset 0 is network+1), or undefined when outside the usable range. */
  #offsetOf(ip: string): number | undefined {
    const parsed = parseIPSloppy(ip);
    if (!parsed) return undefined;
    const off = cidrOffset(this.cidr, parsed.text);
    if (off === undefined || off < 1n) return undefined;
    const i = Number(off - 1n);
    return i < this.#bitmap.max ? i : undefined;
  }

  /** True when the IP is a usable address of this range. */
  contains(ip: string): boolean {
    return this.#offsetOf(ip) !== undefined;
  }

  /** Reserves a specific IP; returns upstream's error text, or undefined on success. */
  allocate(ip: string): string | undefined {
    const i = this.#offsetOf(ip);
    if (i === undefined) {
      const shown = parseIPSloppy(ip)?.text ?? ip;
      return `the provided IP (${shown}) is not in the valid range. The range of valid IPs is ${this.cidr.text}`;
    }
    return this.#bitmap.allocate(i) ? undefined : ERR_IP_ALLOCATED;
  }

  /** Reserves a random free IP (dynamic band first); undefined when the range is full. */
  allocateNext(): string | undefined {
    const i = this.#bitmap.allocateNext();
    return i === undefined ? undefined : cidrAddress(this.cidr, BigInt(i) + 1n);
  }

  /** Marks an IP as used, if it is in range (idempotent; for IPs already stored). */
  mark(ip: string): void {
    const i = this.#offsetOf(ip);
    if (i !== undefined) this.#bitmap.allocate(i);
  }

  release(ip: string): void {
    const i = this.#offsetOf(ip);
    if (i !== undefined) this.#bitmap.release(i);
  }

  has(ip: string): boolean {
    const i = this.#offsetOf(ip);
    return i !== undefined && this.#bitmap.has(i);
  }

  get free(): number {
    return this.#bitmap.free;
  }
}
