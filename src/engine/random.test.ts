import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

describe('seeded random', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect(Array.from({ length: 5 }, () => a.int(1000))).toEqual(Array.from({ length: 5 }, () => b.int(1000)));
  });

  it('forks independent streams by purpose: drawing from one does not shift another', () => {
    const root1 = createRandom(42);
    const root2 = createRandom(42);
    const ips1 = root1.fork('cluster-ip');
    root2.fork('uid').int(10); // unrelated draws on another stream
    const ips2 = root2.fork('cluster-ip');
    expect(ips1.int(1 << 20)).toBe(ips2.int(1 << 20));
    expect(createRandom(42).fork('a').int(1 << 30)).not.toBe(createRandom(42).fork('b').int(1 << 30));
  });

  it('stays in range', () => {
    const r = createRandom(3);
    for (let i = 0; i < 1000; i++) {
      const v = r.int(7);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(7);
    }
  });
});
