import { describe, expect, it } from 'vitest';
import type { DnsTableRow } from '../../shared/dns-types';
import type { DnsTableDiff } from '../../shared/engine-protocol';
import { createEngine } from '../engine';
import { DnsTableTracker, diffRowLists } from './dns-table-diff';

const r = (name: string, data: string, owner?: string): DnsTableRow => ({ zone: 'cluster.local.', name, type: 'A', ttl: 30, data, ...(owner ? { owner: { kind: 'Pod', namespace: 'default', name: owner } } : {}) });

describe('row list diff', () => {
  it.each<[string, DnsTableRow[], DnsTableRow[], DnsTableDiff]>([
    ['nothing changed (equal content, new objects)', [r('a.', '1')], [r('a.', '1')], { added: [], removed: [] }],
    ['an address replaced', [r('a.', '1')], [r('a.', '2')], { added: [r('a.', '2')], removed: [r('a.', '1')] }],
    ['one of two identical rows gone', [r('a.', '1'), r('a.', '1')], [r('a.', '1')], { added: [], removed: [r('a.', '1')] }],
    ['same record, new owner', [r('a.', '1', 'pod1')], [r('a.', '1', 'pod2')], { added: [r('a.', '1', 'pod2')], removed: [r('a.', '1', 'pod1')] }],
    ['a service gone', [r('a.', '1'), r('b.', '2')], [], { added: [], removed: [r('a.', '1'), r('b.', '2')] }],
  ])('%s', (_name, before, after, expected) => {
    const out: DnsTableDiff = { added: [], removed: [] };
    diffRowLists(before, after, out);
    expect(out).toEqual(expected);
  });
});

describe('DNS table tracker', () => {
  it('compares only the services written since the last diff', () => {
    const engine = createEngine();
    const tracker = new DnsTableTracker(engine);
    expect(tracker.next()).toEqual({ added: [], removed: [] });
    engine.apply('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: 10.96.0.50\n  ports:\n  - port: 80\n');
    const diff = tracker.next();
    expect(diff.added.filter((x) => x.owner?.name === 'web').map((x) => `${x.name} ${x.type} ${x.data}`)).toEqual(
      expect.arrayContaining(['web.default.svc.cluster.local. A 10.96.0.50', '50.0.96.10.in-addr.arpa. PTR web.default.svc.cluster.local.']),
    );
    expect(diff.added.every((x) => x.owner?.name === 'web' || x.type === 'SOA')).toBe(true);
    expect(tracker.next()).toEqual({ added: [], removed: [] });
  });
});
