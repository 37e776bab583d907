import { describe, expect, it } from 'vitest';
import { DEFAULT_WORLD } from '../../../../engine/world/world';
import { buildTopologyGraph } from './topology-graph';
import { COMPACT_THRESHOLD, layoutTopology, type TopologyLayout } from './topology-layout';
import { endpoints, pod, service, threeNodes } from './topology-test-objects';
import type { KubeObject } from '../../../../shared/api-types';

const headlessLab: KubeObject[] = [
  ...threeNodes,
  service('headless1', { clusterIP: 'None', selector: { svc: 'headless' } }),
  pod('pod4', { labels: { svc: 'headless' }, node: 'node1', ip: '20.109.5.11' }),
  pod('pod5', { labels: { svc: 'headless' }, node: 'node2', ip: '20.109.5.12' }),
  endpoints('headless1', [{ ip: '20.109.5.11', pod: 'pod4' }, { ip: '20.109.5.12', pod: 'pod5' }]),
  service('endpoint3', {}),
  endpoints('endpoint3', [{ ip: '185.199.110.153' }]),
  service('externalname1', { type: 'ExternalName', externalName: 'github.github.io', clusterIP: undefined }),
];
const lay = (objs: KubeObject[]): TopologyLayout => layoutTopology(buildTopologyGraph(objs, DEFAULT_WORLD));
const positions = (l: TopologyLayout): Map<string, string> => new Map(l.nodes.map((n) => [n.id, `${n.x},${n.y},${n.w},${n.h}`]));

describe('topology layout', () => {
  it('is deterministic: the same objects give the same layout', () => {
    expect(lay(headlessLab)).toEqual(lay([...headlessLab].reverse()));
  });

  it('keeps every other box in place when an unrelated pod is added', () => {
    const before = positions(lay(headlessLab));
    const after = positions(lay([...headlessLab, pod('pod9', { node: 'node1', ip: '20.100.241.66' })]));
    expect(after.get('Pod/default/pod9')).toBeDefined();
    for (const [id, pos] of before) if (id !== 'Node//node1') expect([id, after.get(id)]).toEqual([id, pos]);
  });

  it('puts the world and the cluster in their zones, left to right', () => {
    const l = lay(headlessLab);
    const zone = (z: string) => l.zones.find((b) => b.zone === z)!;
    for (const n of l.nodes) {
      const b = zone(n.zone);
      expect(n.x >= b.x && n.x + n.w <= b.x + b.w, n.id).toBe(true);
    }
    expect(zone('internet').x).toBeLessThan(zone('internal').x);
    expect(zone('internal').x).toBeLessThan(zone('cluster').x);
  });

  it('draws pods inside their node box and Endpoints on their Service row', () => {
    const l = lay(headlessLab);
    const get = (id: string) => l.nodes.find((n) => n.id === id)!;
    const p = get('Pod/default/pod4'), box = get('Node//node1');
    expect(p.x >= box.x && p.y >= box.y && p.x + p.w <= box.x + box.w && p.y + p.h <= box.y + box.h).toBe(true);
    expect(get('Endpoints/default/headless1').y).toBe(get('Service/default/headless1').y);
  });

  it('links Service → Endpoints → Pod, outside IPs, ExternalName and the DNS chain', () => {
    const ids = lay(headlessLab).edges.map((e) => e.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'backs:Service/default/headless1->Endpoints/default/headless1',
        'endpoint:Endpoints/default/headless1->Pod/default/pod4',
        'endpoint:Endpoints/default/endpoint3->site/github.github.io',
        'cname:Service/default/externalname1->site/github.github.io',
        'dns:cluster/coredns->world/internal-dns',
        'dns:world/internal-dns->world/external-dns',
      ]),
    );
  });

  it('compacts 1,000 pods into dots inside bounds, with one edge per node', () => {
    const many = Array.from({ length: 1000 }, (_, i) => pod(`p${String(i).padStart(4, '0')}`, { labels: { app: 'x' }, node: i % 2 ? 'node1' : 'node2', ip: `20.96.${i >> 8}.${i & 255}` }));
    const objs = [...threeNodes, service('big', { selector: { app: 'x' } }), endpoints('big', many.map((p) => ({ ip: p.status!.podIP!, pod: p.metadata.name }))), ...many];
    const l = lay(objs);
    const pods = l.nodes.filter((n) => n.kind === 'pod');
    expect(pods).toHaveLength(1000);
    expect(pods.every((n) => n.compact && n.x >= 0 && n.y >= 0 && n.x + n.w <= l.width && n.y + n.h <= l.height)).toBe(true);
    expect(l.height).toBeLessThan(1200);
    expect(l.edges.filter((e) => e.kind === 'endpoint').map((e) => e.to).sort()).toEqual(['Node//node1', 'Node//node2']);
    expect(COMPACT_THRESHOLD).toBeLessThan(500);
  });

  it('lays out an empty cluster: the world, CoreDNS and the nodes', () => {
    const l = lay(threeNodes);
    expect(l.nodes.map((n) => n.kind).sort()).toEqual(['coredns', 'external-dns', 'internal-dns', 'node', 'node', 'node', 'pc', 'pc', 'router', ...Array(7).fill('site')].sort());
  });
});
