import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DnsTableRow } from '../../../shared/dns-types';
import type { DnsTableDiff } from '../../../shared/engine-protocol';
import { createEngine } from '../../../engine/engine';
import { defaultCorefile } from '../../../engine/dns/corefile';
import { DnsTableTracker } from '../../../engine/rpc/dns-table-diff';
import { applyDnsDiff, compareDnsRows } from './dns-table-rows';

const LABS = join(import.meta.dirname, '../../../../resources/labs');
const lab = (path: string): string => readFileSync(join(LABS, path), 'utf8');
/** What crosses the worker boundary: plain data, no shared identity. */
const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

const corefileMap = (ttl: number): string =>
  ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: coredns', '  namespace: kube-system', 'data:', '  Corefile: |', ...defaultCorefile('cluster.local').replace('ttl 30', `ttl ${ttl}`).split('\n').map((l) => `    ${l}`)].join('\n');

type Step = [label: string, run: (e: ReturnType<typeof createEngine>) => void];
const apply = (path: string): Step => [`apply ${path}`, (e) => void e.apply(lab(path))];
const remove = (path: string): Step => [`delete ${path}`, (e) => void e.deleteManifest(lab(path))];
const advance = (ms: number): Step => [`advance ${ms}`, (e) => e.advance(ms)];
const settle: Step = ['settle', (e) => e.settle()];

const SEQUENCES: [string, Step[]][] = [
  ['headless lab: pods start one stage at a time, then go', [apply('headless/headless-service.yaml'), apply('headless/pods.yaml'), advance(500), advance(1500), advance(3000), settle, remove('headless/pods.yaml'), remove('headless/headless-service.yaml')]],
  ['endpoint lab: selector, hand-written Endpoints, outside address', [apply('endpoint/service-and-pod.yaml'), settle, apply('endpoint/selectorless.yaml'), apply('endpoint/endpoints-for-2.yaml'), settle, apply('endpoint/outside-service.yaml'), remove('endpoint/endpoints-for-2.yaml'), remove('endpoint/service-and-pod.yaml')]],
  ['externalname lab: the CNAME target changes', [apply('externalname/pod.yaml'), apply('externalname/external-service.yaml'), settle, apply('externalname/external-service-changed.yaml'), remove('externalname/external-service.yaml')]],
  ['service types and a Corefile reload that changes every TTL', [apply('service-types/services.yaml'), settle, ['corefile ttl 5', (e) => void e.apply(corefileMap(5))], advance(60_000), settle, remove('service-types/services.yaml')]],
];

describe('DNS table diffs', () => {
  it.each(SEQUENCES)('%s: snapshot + every diff equals the engine table at each step', (_name, steps) => {
    const engine = createEngine();
    const tracker = new DnsTableTracker(engine);
    let rows: DnsTableRow[] = wire(engine.dnsTable());
    tracker.reset();
    const diffs: DnsTableDiff[] = [];
    engine.onChange(() => {
      const diff = wire(tracker.next());
      diffs.push(diff);
      rows = applyDnsDiff(rows, diff);
    });
    for (const [label, run] of steps) {
      run(engine);
      // A Corefile reload changes rows with no object write: the host sends a change event for it.
      if (tracker.configChanged()) rows = applyDnsDiff(rows, wire(tracker.next()));
      expect(rows, label).toEqual(wire(engine.dnsTable()));
    }
    // Diffs, not snapshots: no event carries the whole table.
    expect(diffs.length).toBeGreaterThan(0);
    expect(diffs.some((d) => d.added.length + d.removed.length < engine.dnsTable().length / 2)).toBe(true);
  });

  it('a one-service apply sends only that service\'s rows and the new SOA', () => {
    const engine = createEngine();
    const tracker = new DnsTableTracker(engine);
    engine.apply(lab('service-types/services.yaml'));
    engine.settle();
    tracker.next();
    let diff: DnsTableDiff | undefined;
    engine.onChange(() => (diff = tracker.next()));
    engine.apply('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: http\n    port: 80\n');
    const owners = new Set(diff!.added.filter((r) => r.type !== 'SOA').map((r) => r.owner?.name));
    expect(owners).toEqual(new Set(['web']));
    // At most the old SOA leaves (its serial moves once per virtual second).
    expect(diff!.removed.every((r) => r.type === 'SOA')).toBe(true);
    expect(diff!.added.length).toBeLessThan(engine.dnsTable().length / 2);
  });

  it.each([
    ['forward zone before reverse zones', { zone: 'cluster.local.', name: 'z.cluster.local.', type: 'A', ttl: 30, data: '1' }, { zone: '10.in-addr.arpa.', name: '1.10.in-addr.arpa.', type: 'PTR', ttl: 30, data: 'a' }],
    ['labels compared right to left', { zone: 'cluster.local.', name: 'b.a.svc.cluster.local.', type: 'A', ttl: 30, data: '1' }, { zone: 'cluster.local.', name: 'a.b.svc.cluster.local.', type: 'A', ttl: 30, data: '1' }],
    ['SOA before A at one name', { zone: 'cluster.local.', name: 'cluster.local.', type: 'SOA', ttl: 30, data: 'z' }, { zone: 'cluster.local.', name: 'cluster.local.', type: 'A', ttl: 30, data: 'a' }],
  ] as [string, DnsTableRow, DnsTableRow][])('orders %s', (_name, first, second) => {
    expect(compareDnsRows(first, second)).toBeLessThan(0);
    expect(applyDnsDiff([], { added: [second, first], removed: [] })).toEqual([first, second]);
  });

  it('removes one occurrence of a repeated row and keeps the others\' identity', () => {
    const a: DnsTableRow = { zone: 'cluster.local.', name: 'a.cluster.local.', type: 'SRV', ttl: 30, data: '0 100 53 x.' };
    const b: DnsTableRow = { zone: 'cluster.local.', name: 'b.cluster.local.', type: 'A', ttl: 30, data: '10.0.0.1' };
    const rows = [a, { ...a }, b];
    const next = applyDnsDiff(rows, { added: [], removed: [{ ...a }] });
    expect(next).toHaveLength(2);
    expect(next[1]).toBe(b);
  });
});
