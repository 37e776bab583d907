/**
 * A bitmap of allocated offsets with upstream's random-scan-with-offset strategy
 * (pkg/registry/core/service/allocator/bitmap.go, randomScanStrategyWithOffset): dynamic
 * allocations start at a random point of the upper band [offset, max) and scan forward (wrapping
 * within the band); only when the upper band is full do they try the lower band [0, offset),
 * which is thereby kept for users who ask for a specific value. Seeded, so deterministic.
 */

import type { Random } from '../../random';

/** A fixed-size set of offsets, 0 ≤ offset < max. */
export class AllocationBitmap {
  readonly max: number;
  readonly offset: number;
  #bits: Uint8Array;
  #count = 0;
  #random: Random;

  constructor(max: number, offset: number, random: Random) {
    this.max = Math.max(0, max);
    this.offset = Math.min(Math.max(0, offset), this.max);
    this.#bits = new Uint8Array(Math.ceil(this.max / 8));
    this.#random = random;
  }

  /** Number of free offsets. */
  get free(): number {
    return this.max - this.#count;
  }

  has(i: number): boolean {
    return i >= 0 && i < this.max && (this.#bits[i >> 3] & (1 << (i & 7))) !== 0;
  }

  /** Reserves `i`; false when it was already taken. */
  allocate(i: number): boolean {
    if (i < 0 || i >= this.max || this.has(i)) return false;
    this.#bits[i >> 3] |= 1 << (i & 7);
    this.#count++;
    return true;
  }

  /** Reserves a free offset, upper band first; undefined when full. */
  allocateNext(): number | undefined {
    if (this.#count >= this.max) return undefined;
    const upper = this.max - this.offset;
    if (upper > 0) {
      const start = this.#random.int(upper);
      for (let i = 0; i < upper; i++) {
        const at = this.offset + ((start + i) % upper);
        if (this.allocate(at)) return at;
      }
    }
    if (this.offset > 0) {
      const start = this.#random.int(this.offset);
      for (let i = 0; i < this.offset; i++) {
        const at = (start + i) % this.offset;
        if (this.allocate(at)) return at;
      }
    }
    return undefined;
  }

  /** Frees `i` (a no-op when it was free). */
  release(i: number): void {
    if (!this.has(i)) return;
    this.#bits[i >> 3] &= ~(1 << (i & 7));
    this.#count--;
  }
}
