import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../../shared/api-types';
import { TriggerTimeTracker } from './trigger-time-tracker';
import { runningPod, svc } from './test-support/cluster-fixture';

const service = (): Service => ({ ...svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }), metadata: { name: 'web', namespace: 'default', creationTimestamp: '2026-03-02T09:00:00Z' } });
const pod = (name: string, readySince: string): Pod => runningPod(name, '10.0.0.1', { app: 'web' }, { readySince });

describe('TriggerTimeTracker', () => {
  it('reports the Service creation first, then only changes not seen at the previous sync', () => {
    const t = new TriggerTimeTracker();
    const s = service();
    const a = pod('a', '2026-03-02T09:00:05Z');
    const b = pod('b', '2026-03-02T09:00:07Z');
    expect(t.compute(s, [a])).toBe('2026-03-02T09:00:00Z');
    // Same Pods, same times: nothing new, however often it is asked.
    expect(t.compute(s, [a])).toBeUndefined();
    expect(t.compute(s, [a])).toBeUndefined();
    // A new Pod with a Ready time: its time.
    expect(t.compute(s, [a, b])).toBe('2026-03-02T09:00:07Z');
    expect(t.compute(s, [a, b])).toBeUndefined();
    // A Pod leaves: nothing new; when it comes back with the same time, it is new again.
    expect(t.compute(s, [a])).toBeUndefined();
    expect(t.compute(s, [a, b])).toBe('2026-03-02T09:00:07Z');
    // Both change: the earlier of the new times.
    expect(t.compute(s, [pod('a', '2026-03-02T09:00:20Z'), pod('b', '2026-03-02T09:00:15Z')])).toBe('2026-03-02T09:00:15Z');
    // A time that moved backwards is not a new trigger.
    expect(t.compute(s, [pod('a', '2026-03-02T09:00:10Z'), pod('b', '2026-03-02T09:00:15Z')])).toBeUndefined();
    t.deleteService('default', 'web');
    expect(t.compute(s, [])).toBe('2026-03-02T09:00:00Z');
  });
});
