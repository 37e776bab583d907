/**
 * Virtual time. The engine owns no timers: hosts call `advance(ms)` (from their own timer, or
 * `settle()` to jump straight to the next quiet moment). Timestamps print as the apiserver does,
 * RFC 3339 with second precision (`2026-01-01T00:00:00Z`).
 */

export class VirtualClock {
  #nowMs: number;

  constructor(startMs: number) {
    this.#nowMs = startMs;
  }

  /** Milliseconds since the epoch, virtual. */
  now(): number {
    return this.#nowMs;
  }

  advance(ms: number): void {
    if (ms > 0) this.#nowMs += ms;
  }

  /** Moves to an absolute time; never backwards. */
  advanceTo(ms: number): void {
    if (ms > this.#nowMs) this.#nowMs = ms;
  }

  /** metav1.Time as serialized: second precision, `Z`. */
  timestamp(): string {
    return formatTimestamp(this.#nowMs);
  }
}

export function formatTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** A timer queue the engine drains as virtual time passes (kubelet stages, cache expiry). Binary heap on (due, seq). */
export class TimerQueue {
  #heap: { due: number; seq: number; run: () => void }[] = [];
  #seq = 0;

  schedule(due: number, run: () => void): void {
    const heap = this.#heap;
    heap.push({ due, seq: this.#seq++, run });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  /** Earliest due time, or undefined when nothing is pending. */
  nextDue(): number | undefined {
    return this.#heap[0]?.due;
  }

  /** Runs every item due at or before `now`, in (due, seq) order; items scheduled while running are honoured. */
  runDue(now: number): number {
    let ran = 0;
    while (this.#heap.length > 0 && this.#heap[0].due <= now) {
      this.#pop().run();
      ran++;
    }
    return ran;
  }

  get size(): number {
    return this.#heap.length;
  }

  #pop(): { due: number; seq: number; run: () => void } {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l], heap[m])) m = l;
        if (r < heap.length && before(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  }
}

function before(a: { due: number; seq: number }, b: { due: number; seq: number }): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}
