/**
 * Seeded randomness. The engine never calls Math.random: every random choice (uids, cluster IPs,
 * pod IPs, generated name suffixes) draws from a stream forked from the engine's seed by purpose,
 * so adding a pod never shifts the cluster IP another Service gets, and every student's screen
 * matches the teacher's slide.
 */

/** A deterministic random stream. */
export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** A new independent stream, derived from this one's seed and a purpose label. */
  fork(purpose: string): Random;
  /** An RFC 4122 version-4 shaped UUID. */
  uuid(): string;
}

/** FNV-1a over a string: folds a purpose label into a 32-bit seed. */
function hashString(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for simulation choices (not for cryptography). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    fork: (purpose) => createRandom(hashString(purpose, seed)),
    uuid: () => {
      const hex = (count: number): string => {
        let s = '';
        for (let i = 0; i < count; i++) s += int(16).toString(16);
        return s;
      };
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + int(4)).toString(16)}${hex(3)}-${hex(12)}`;
    },
  };
}
