import { describe, expect, it } from 'vitest';
import { formatTimestamp, TimerQueue, VirtualClock } from './virtual-clock';

describe('virtual clock', () => {
  it.each([
    { ms: Date.UTC(2026, 2, 2, 9, 0, 0), expected: '2026-03-02T09:00:00Z' },
    { ms: Date.UTC(2026, 2, 2, 9, 0, 0) + 999, expected: '2026-03-02T09:00:00Z' },
    { ms: Date.UTC(2026, 11, 31, 23, 59, 59, 500), expected: '2026-12-31T23:59:59Z' },
  ])('prints $expected with second precision like metav1.Time', ({ ms, expected }) => {
    expect(formatTimestamp(ms)).toBe(expected);
  });

  it('never moves backwards', () => {
    const clock = new VirtualClock(1000);
    clock.advance(-5);
    clock.advanceTo(500);
    expect(clock.now()).toBe(1000);
    clock.advanceTo(2500);
    expect(clock.now()).toBe(2500);
  });
});

describe('timer queue', () => {
  it('runs due items in (due, insertion) order and leaves later ones', () => {
    const q = new TimerQueue();
    const ran: string[] = [];
    q.schedule(30, () => ran.push('c'));
    q.schedule(10, () => ran.push('a1'));
    q.schedule(20, () => ran.push('b'));
    q.schedule(10, () => ran.push('a2'));
    expect(q.runDue(20)).toBe(3);
    expect(ran).toEqual(['a1', 'a2', 'b']);
    expect(q.nextDue()).toBe(30);
  });

  it('runs items scheduled by a running item when they are already due', () => {
    const q = new TimerQueue();
    const ran: number[] = [];
    q.schedule(5, () => {
      ran.push(5);
      q.schedule(7, () => ran.push(7));
      q.schedule(50, () => ran.push(50));
    });
    q.runDue(10);
    expect(ran).toEqual([5, 7]);
    expect(q.size).toBe(1);
  });

  it('keeps order over many random insertions', () => {
    const q = new TimerQueue();
    const out: number[] = [];
    const dues = Array.from({ length: 500 }, (_, i) => (i * 7919) % 1000);
    for (const d of dues) q.schedule(d, () => out.push(d));
    q.runDue(1000);
    expect(out).toEqual([...dues].sort((a, b) => a - b));
  });
});
