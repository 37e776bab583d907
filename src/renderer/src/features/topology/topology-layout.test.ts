import { describe, expect, it } from 'vitest';
import { DEFAULT_WORLD } from '../../../../engine/world/world';
import { buildTopologyGraph } from './topology-graph';
import { COMPACT_THRESHOLD, IncrementalLayout, layoutTopology, preferStackedNodes, type TopologyLayout } from './topology-layout';
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

describe('incremental topology layout', () => {
  const graph = (objs: KubeObject[]) => buildTopologyGraph(objs, DEFAULT_WORLD);

  it('hands back the same objects for unchanged boxes and edges when an unrelated pod is added', () => {
    const layout = new IncrementalLayout();
    const before = layout.update(graph(headlessLab));
    const after = layout.update(graph([...headlessLab, pod('pod9', { node: 'node1', ip: '20.100.241.66' })]));
    const prev = new Map(before.nodes.map((n) => [n.id, n]));
    const changed = after.nodes.filter((n) => prev.get(n.id) !== n).map((n) => n.id);
    // Only the new pod and the node box that grew to hold it are new objects.
    expect(changed.sort()).toEqual(['Node//node1', 'Pod/default/pod9']);
    for (const n of after.nodes) if (prev.get(n.id) === n) expect(`${n.x},${n.y}`).toBe(`${prev.get(n.id)!.x},${prev.get(n.id)!.y}`);
    const prevEdges = new Set(before.edges);
    expect(after.edges.filter((e) => !prevEdges.has(e)).length).toBeLessThan(before.edges.length / 2);
  });

  it('returns the previous layout itself when nothing it draws changed', () => {
    const layout = new IncrementalLayout();
    const first = layout.update(graph(headlessLab));
    expect(layout.update(graph([...headlessLab]))).toBe(first);
  });

  it('lays out as a fresh layout does, change after change', () => {
    const layout = new IncrementalLayout();
    const steps = [headlessLab, [...headlessLab, pod('pod9', { node: 'node2', ip: '20.100.241.66' })], headlessLab.filter((o) => o.metadata.name !== 'pod4'), threeNodes];
    for (const objs of steps) expect(layout.update(graph(objs))).toEqual(lay(objs));
  });
});

describe('stacked node boxes (narrow panes)', () => {
  const graph = buildTopologyGraph(headlessLab, DEFAULT_WORLD);
  const side = layoutTopology(graph);
  const stacked = layoutTopology(graph, { stackNodes: true });
  const nodeBoxes = (l: TopologyLayout) => l.nodes.filter((n) => n.kind === 'node').sort((a, b) => a.y - b.y || a.x - b.x);

  it('puts the Node boxes in one column, one under another, without overlap', () => {
    const boxes = nodeBoxes(stacked);
    expect(new Set(boxes.map((b) => b.x)).size).toBe(1);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i].y).toBeGreaterThanOrEqual(boxes[i - 1].y + boxes[i - 1].h);
  });

  it('keeps every pod inside its own Node box, and everything else where it was', () => {
    for (const p of stacked.nodes.filter((n) => n.kind === 'pod')) {
      const box = stacked.nodes.find((n) => n.id === p.parent)!;
      expect(p.x >= box.x && p.y >= box.y && p.x + p.w <= box.x + box.w && p.y + p.h <= box.y + box.h, p.id).toBe(true);
    }
    const moved = (n: { kind: string }) => n.kind === 'node' || n.kind === 'pod';
    const others = (l: TopologyLayout) => positions({ ...l, nodes: l.nodes.filter((n) => !moved(n)) });
    expect(others(stacked)).toEqual(others(side));
  });

  it('is narrower and taller than side by side', () => {
    expect(stacked.width).toBeLessThan(side.width);
    expect(stacked.height).toBeGreaterThanOrEqual(side.height);
  });

  it.each([
    { what: 'a wide, short pane', pane: { w: 1800, h: 420 }, current: false, want: false },
    { what: 'a narrow pane beside the editor and the lab panel', pane: { w: 640, h: 420 }, current: false, want: true },
    { what: 'a square pane', pane: { w: 800, h: 800 }, current: false, want: true },
    { what: 'no size yet', pane: { w: 0, h: 0 }, current: false, want: false },
  ])('prefers stacking for $what', ({ pane, current, want }) => {
    expect(preferStackedNodes(side, pane, current)).toBe(want);
    // The answer does not depend on which arrangement the layout was made in.
    expect(preferStackedNodes(stacked, pane, current)).toBe(want);
  });

  it('does not flip back and forth around the break-even width', () => {
    const between = [...Array(400).keys()].map((i) => ({ w: 600 + i * 4, h: 560 }));
    const flips = (start: boolean) => {
      let state = start;
      let count = 0;
      for (const pane of [...between, ...[...between].reverse()]) {
        const next = preferStackedNodes(side, pane, state);
        if (next !== state) count++;
        state = next;
      }
      return count;
    };
    expect(flips(false)).toBeLessThanOrEqual(2);
  });

  it('never stacks a single node', () => {
    const one = layoutTopology(buildTopologyGraph([threeNodes[0], pod('pod4', { node: threeNodes[0].metadata.name!, ip: '20.109.5.11' })], DEFAULT_WORLD));
    expect(preferStackedNodes(one, { w: 300, h: 900 }, false)).toBe(false);
  });
});
