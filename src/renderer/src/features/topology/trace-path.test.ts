import { describe, expect, it } from 'vitest';
import { DEFAULT_WORLD } from '../../../../engine/world/world';
import type { TraceHop } from '../../../../shared/dns-types';
import { buildTopologyGraph } from './topology-graph';
import { layoutTopology } from './topology-layout';
import { relatedIds } from './related';
import { traceSegments } from './trace-path';
import { roundedPath } from './edge-routes';
import { endpoints, pod, service, threeNodes } from './topology-test-objects';

const layout = layoutTopology(
  buildTopologyGraph(
    [
      ...threeNodes,
      service('headless1', { clusterIP: 'None', selector: { svc: 'headless' } }),
      service('kube-dns', { clusterIP: '10.96.0.10' }),
      pod('pod4', { labels: { svc: 'headless' }, node: 'node1', ip: '20.109.5.11' }),
      pod('pod5', { labels: { svc: 'headless' }, node: 'node2', ip: '20.109.5.12' }),
      endpoints('headless1', [{ ip: '20.109.5.11', pod: 'pod4' }, { ip: '20.109.5.12', pod: 'pod5' }]),
    ],
    DEFAULT_WORLD,
  ),
);
const byId = new Map(layout.nodes.map((n) => [n.id, n]));

describe('traceSegments', () => {
  it('maps a DNS lookup pod → CoreDNS → internal → external, marking cache hits', () => {
    const hops: TraceHop[] = [
      { type: 'search', name: 'github.com.default.svc.cluster.local', reason: 'ndots' },
      { type: 'dns-query', from: { kind: 'pod', id: 'default/pod4' }, to: { kind: 'coredns', id: 'coredns' }, name: 'github.com.', qtype: 'A' },
      { type: 'dns-query', from: { kind: 'coredns', id: 'coredns' }, to: { kind: 'internal-dns', id: 'ns.lab.internal' }, name: 'github.com.', qtype: 'A' },
      { type: 'dns-query', from: { kind: 'internal-dns', id: 'ns.lab.internal' }, to: { kind: 'external-dns', id: 'dns.google' }, name: 'github.com.', qtype: 'A', cache: 'hit', rcode: 'NOERROR' },
    ];
    expect(traceSegments(hops, byId).map((s) => [s.from, s.to, s.kind])).toEqual([
      ['Pod/default/pod4', 'cluster/coredns', 'dns'],
      ['cluster/coredns', 'world/internal-dns', 'dns'],
      ['world/internal-dns', 'world/external-dns', 'dns-cache'],
    ]);
  });

  it('maps a request pod → Service VIP → chosen pod, and a refused one to a failure', () => {
    const hops: TraceHop[] = [
      { type: 'connect', from: { kind: 'pod', id: 'default/pod4' }, to: { kind: 'service', id: 'default/headless1' }, ip: '10.96.1.1', port: 80 },
      { type: 'proxy', via: { kind: 'kube-proxy', id: 'node1' }, service: 'default/headless1', vip: '10.96.1.1', port: 80, chosen: { ip: '20.109.5.12', port: 8080, pod: 'default/pod5' }, candidates: 2 },
      { type: 'proxy', via: { kind: 'kube-proxy', id: 'node1' }, service: 'default/headless1', vip: '10.96.1.1', port: 80, candidates: 0 },
    ];
    expect(traceSegments(hops, byId).map((s) => [s.from, s.to, s.kind])).toEqual([
      ['Pod/default/pod4', 'Service/default/headless1', 'request'],
      ['Service/default/headless1', 'Pod/default/pod5', 'request'],
      ['Node//node1', 'Service/default/headless1', 'fail'],
    ]);
  });
});

describe('relatedIds', () => {
  it('lights a Service, its Endpoints and pods; a pod lights its chain back but not its siblings', () => {
    expect([...relatedIds(layout.edges, 'Service/default/headless1')].sort()).toEqual(['Endpoints/default/headless1', 'Pod/default/pod4', 'Pod/default/pod5', 'Service/default/headless1']);
    expect([...relatedIds(layout.edges, 'Pod/default/pod4')].sort()).toEqual(['Endpoints/default/headless1', 'Pod/default/pod4', 'Service/default/headless1']);
  });
});

describe('roundedPath', () => {
  it('rounds inner corners and keeps the ends', () => {
    expect(roundedPath([[0, 0], [20, 0], [20, 20]])).toBe('M0,0L12,0Q20,0 20,8L20,20');
  });
});
