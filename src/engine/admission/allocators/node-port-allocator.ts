/**
 * NodePorts (pkg/registry/core/service/portallocator/allocator.go): a bitmap over
 * --service-node-port-range with the same static/dynamic bands as service IPs, but with
 * offset min(max(16, size/32), 128) (calculateRangeOffset): for 30000-32767 the static band is
 * 30000-30085 and dynamic allocations come from 30086-32767 first.
 */

import type { Random } from '../../random';
import { AllocationBitmap } from './allocation-bitmap';

/** portallocator.ErrAllocated. */
export const ERR_PORT_ALLOCATED = 'provided port is already allocated';

/** The static band size for a port range of `size` ports. */
export function portRangeOffset(size: number): number {
  if (size <= 16) return 0;
  const offset = Math.floor(size / 32);
  if (offset < 16) return 16;
  if (offset > 128) return 128;
  return offset;
}

/** Allocation state of the NodePort range. */
export class NodePortAllocator {
  readonly base: number;
  readonly size: number;
  #bitmap: AllocationBitmap;

  constructor(range: { min: number; max: number }, random: Random) {
    this.base = range.min;
    this.size = Math.max(0, range.max - range.min + 1);
    this.#bitmap = new AllocationBitmap(this.size, portRangeOffset(this.size), random);
  }

  /** net.PortRange.String(): `30000-32767`. */
  get rangeText(): string {
    return `${this.base}-${this.base + this.size - 1}`;
  }

  #contains(port: number): boolean {
    return Number.isInteger(port) && port >= this.base && port < this.base + this.size;
  }

  /** Reserves a specific port; upstream's error text, or undefined on success. */
  allocate(port: number): string | undefined {
    if (!this.#contains(port)) return `provided port is not in the valid range. The range of valid ports is ${this.rangeText}`;
    return this.#bitmap.allocate(port - this.base) ? undefined : ERR_PORT_ALLOCATED;
  }

  /** Reserves a random free port; undefined when the range is full. */
  allocateNext(): number | undefined {
    const i = this.#bitmap.allocateNext();
    return i === undefined ? undefined : this.base + i;
  }

  /** Marks a stored port as used (idempotent). */
  mark(port: number): void {
    if (this.#contains(port)) this.#bitmap.allocate(port - this.base);
  }

  release(port: number): void {
    if (this.#contains(port)) this.#bitmap.release(port - this.base);
  }

  has(port: number): boolean {
    return this.#contains(port) && this.#bitmap.has(port - this.base);
  }
}
