import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../shared/api-types';
import type { DnsTableRow } from '../../shared/dns-types';
import { diffStates, isEmptyDiff, type ComparableState } from './state-diff';

const pod = (name: string, rv = '1', labels: Record<string, string> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', resourceVersion: rv, labels } });
const node = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, resourceVersion: '1' } });
const endpoints = (name: string, ready: string[], notReady: string[] = []): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: 'default' }, subsets: [{ addresses: ready.map((ip) => ({ ip })), notReadyAddresses: notReady.map((ip) => ({ ip })) }] }) as KubeObject;
const row = (name: string, data: string): DnsTableRow => ({ zone: 'cluster.local.', name, type: 'A', ttl: 30, data });
const state = (objects: KubeObject[], dns: DnsTableRow[] = []): ComparableState => ({ objects, dns });

describe('diffStates', () => {
  it.each([
    { name: 'nothing changed', before: state([pod('a')]), after: state([pod('a')]), expected: { objects: { added: [], removed: [], modified: [] } } },
    { name: 'only the resourceVersion differs: not modified', before: state([pod('a', '5')]), after: state([pod('a', '9')]), expected: { objects: { added: [], removed: [], modified: [] } } },
    { name: 'a pod added', before: state([]), after: state([pod('a')]), expected: { objects: { added: [{ kind: 'Pod', namespace: 'default', name: 'a' }], removed: [], modified: [] } } },
    { name: 'a pod removed', before: state([pod('a'), pod('b')]), after: state([pod('b')]), expected: { objects: { added: [], removed: [{ kind: 'Pod', namespace: 'default', name: 'a' }], modified: [] } } },
    { name: 'labels changed', before: state([pod('a')]), after: state([pod('a', '2', { x: 'y' })]), expected: { objects: { added: [], removed: [], modified: [{ kind: 'Pod', namespace: 'default', name: 'a' }] } } },
    { name: 'a cluster-scoped object has no namespace', before: state([]), after: state([node('n3')]), expected: { objects: { added: [{ kind: 'Node', name: 'n3' }], removed: [], modified: [] } } },
  ])('objects: $name', ({ before, after, expected }) => {
    expect(diffStates(before, after)).toMatchObject(expected);
  });

  it.each([
    { name: 'an address became ready', before: [endpoints('e', [], ['10.0.0.1'])], after: [endpoints('e', ['10.0.0.1'])], expected: [{ namespace: 'default', name: 'e', added: [{ ip: '10.0.0.1', ready: true }], removed: [{ ip: '10.0.0.1', ready: false }] }] },
    { name: 'the Endpoints object went away', before: [endpoints('e', ['10.0.0.1', '10.0.0.2'])], after: [], expected: [{ namespace: 'default', name: 'e', added: [], removed: [{ ip: '10.0.0.1', ready: true }, { ip: '10.0.0.2', ready: true }] }] },
    { name: 'same addresses', before: [endpoints('e', ['10.0.0.1'])], after: [endpoints('e', ['10.0.0.1'])], expected: [] },
  ])('endpoints: $name', ({ before, after, expected }) => {
    expect(diffStates(state(before), state(after)).endpoints).toEqual(expected);
  });

  it.each([
    { name: 'a record appeared', before: [row('a.', '1.1.1.1')], after: [row('a.', '1.1.1.1'), row('b.', '2.2.2.2')], expected: { added: [row('b.', '2.2.2.2')], removed: [] } },
    { name: 'a record changed its data', before: [row('a.', '1.1.1.1')], after: [row('a.', '3.3.3.3')], expected: { added: [row('a.', '3.3.3.3')], removed: [row('a.', '1.1.1.1')] } },
    { name: 'a repeated record lost one copy', before: [row('a.', '1.1.1.1'), row('a.', '1.1.1.1')], after: [row('a.', '1.1.1.1')], expected: { added: [], removed: [row('a.', '1.1.1.1')] } },
  ])('dns: $name', ({ before, after, expected }) => {
    expect(diffStates(state([], before), state([], after)).dns).toEqual(expected);
  });

  it('isEmptyDiff is true only when nothing changed', () => {
    expect(isEmptyDiff(diffStates(state([pod('a')]), state([pod('a', '7')])))).toBe(true);
    expect(isEmptyDiff(diffStates(state([], [row('a.', '1.1.1.1')]), state([])))).toBe(false);
  });
});
