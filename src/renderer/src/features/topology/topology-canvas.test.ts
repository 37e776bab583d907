import { describe, expect, it } from 'vitest';
import { DEFAULT_WORLD } from '../../../../engine/world/world';
import { buildTopologyGraph } from './topology-graph';
import { hitTest, kindColour, type CanvasPalette } from './topology-canvas';
import { layoutTopology } from './topology-layout';
import { endpoints, pod, service, threeNodes } from './topology-test-objects';

// 30 pods on node1: past COMPACT_THRESHOLD, so they are dots inside the node box.
const many = Array.from({ length: 30 }, (_, i) => pod(`p${String(i).padStart(2, '0')}`, { labels: { app: 'x' }, node: 'node1', ip: `20.96.0.${i + 1}` }));
const layout = layoutTopology(buildTopologyGraph([...threeNodes, service('web', { selector: { app: 'x' } }), endpoints('web', many.map((p) => ({ ip: p.status!.podIP!, pod: p.metadata.name }))), ...many], DEFAULT_WORLD));
const box = (id: string) => layout.nodes.find((n) => n.id === id)!;
const centre = (id: string): [number, number] => [box(id).x + box(id).w / 2, box(id).y + box(id).h / 2];

describe('canvas hit test', () => {
  it.each([
    ['a Service box', centre('Service/default/web'), 'Service/default/web'],
    ['a pod dot inside its node box (the dot, not the box)', centre('Pod/default/p07'), 'Pod/default/p07'],
    ['the node box between its dots', [box('Node//node1').x + 4, box('Node//node1').y + 4], 'Node//node1'],
    ['a world host', centre('world/router'), 'world/router'],
  ] as [string, [number, number], string][])('finds %s', (_name, [x, y], id) => {
    expect(hitTest(layout.nodes, x, y)?.id).toBe(id);
  });

  it('finds nothing on empty space', () => {
    expect(hitTest(layout.nodes, -50, -50)).toBeUndefined();
  });
});

describe('canvas colours', () => {
  const palette = Object.fromEntries(['bg', 'fg', 'muted', 'line', 'lineStrong', 'zone', 'zoneLine', 'cluster', 'box', 'node', 'accent', 'ok', 'warn', 'bad', 'dns', 'endpoints', 'world'].map((k) => [k, k])) as CanvasPalette;
  it.each([
    ['Service/default/web', 'accent'],
    ['Endpoints/default/web', 'endpoints'],
    ['Pod/default/p00', 'ok'],
    ['cluster/coredns', 'dns'],
    ['world/router', 'world'],
  ])('marks %s with the SVG mode\'s --topo-kind (%s)', (id, colour) => {
    expect(kindColour(box(id), palette)).toBe(colour);
  });
});
