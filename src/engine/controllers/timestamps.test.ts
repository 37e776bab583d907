import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '../virtual-clock';
import { timestampAt } from './timestamps';

describe('timestampAt', () => {
  it('prints exactly what formatTimestamp prints, second precision, whatever the cache holds', () => {
    const base = Date.UTC(2026, 2, 2, 9, 0, 0);
    for (let i = 0; i < 2000; i++) {
      const ms = base + i * 997 - 500_000;
      expect(timestampAt(ms)).toBe(formatTimestamp(ms));
    }
    expect(timestampAt(base + 999)).toBe('2026-03-02T09:00:00Z');
    expect(timestampAt(base - 1)).toBe('2026-03-02T08:59:59Z');
  });
});
