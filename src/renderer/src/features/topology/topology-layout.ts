/**
 * Positions for the topology graph (pure, deterministic, no randomness): zones are fixed columns
 * — Internet | Internal network | Cluster — and every box takes a slot from its sorted key inside
 * its column or its k8s Node, so a change moves only what changed. Node boxes stand side by side
 * and grow downward on their own, so a pod added to node2 never moves anything on node1. Past
 * COMPACT_THRESHOLD pods a node draws its pods as a grid of dots and its edges end at the box.
 */
import { routeEdge, type RouteContext } from './edge-routes';
import type { GraphEdge, GraphNode, TopologyGraph, Zone } from './topology-graph';

export interface LaidNode extends GraphNode {
  x: number;
  y: number;
  w: number;
  h: number;
  /** A node box drawing its pods as dots, or a pod drawn as a dot. */
  compact?: boolean;
  /** For k8s Node boxes: how many pods they hold. */
  count?: number;
}
export interface LaidEdge extends GraphEdge {
  path: string;
}
export interface ZoneBox {
  zone: Zone;
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface TopologyLayout {
  width: number;
  height: number;
  zones: ZoneBox[];
  /** Boxes in paint order: k8s Nodes first (containers), then everything else. */
  nodes: LaidNode[];
  edges: LaidEdge[];
}

export const COMPACT_THRESHOLD = 24;
export const UNSCHEDULED_ID = 'cluster/unscheduled';

const TOP = 64;
const BOX_H = 48;
const PITCH = 60;
const ZONE_X: Record<Zone, number> = { internet: 0, internal: 240, cluster: 470 };
const SVC_X = ZONE_X.cluster + 24;
const SVC_W = 210;
const EP_X = SVC_X + SVC_W + 44;
const EP_W = 170;
const NODES_X = EP_X + EP_W + 56;
const NODE_W = 220;
const NODE_GAP = 24;
const NODE_HEAD = 52;
const POD_H = 40;
const POD_PITCH = 48;
const DOT = 10;
const DOT_PITCH = 16;

const byId = (a: GraphNode, b: GraphNode): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byOrder = (a: GraphNode, b: GraphNode): number => (a.order ?? 0) - (b.order ?? 0) || byId(a, b);

/** Lays the graph out; same graph in, same positions out. */
export function layoutTopology(graph: TopologyGraph): TopologyLayout {
  const laid = new Map<string, LaidNode>();
  const put = (n: GraphNode, x: number, y: number, w: number, h: number, compact?: boolean): void => void laid.set(n.id, { ...n, x, y, w, h, ...(compact ? { compact } : {}) });
  const of = (pred: (n: GraphNode) => boolean): GraphNode[] => graph.nodes.filter(pred);

  // World columns: in the world's order.
  for (const zone of ['internet', 'internal'] as const) {
    of((n) => n.zone === zone).sort(byOrder).forEach((n, i) => put(n, ZONE_X[zone] + 20, TOP + i * PITCH, zone === 'internet' ? 180 : 170, BOX_H));
  }

  // Services: CoreDNS first, then sorted keys; each Endpoints box sits on its Service's row.
  const coredns = of((n) => n.kind === 'coredns');
  const services = of((n) => n.kind === 'service').sort(byId);
  [...coredns, ...services].forEach((n, i) => put(n, SVC_X, TOP + i * PITCH, SVC_W, BOX_H));
  let row = coredns.length + services.length;
  const backs = new Map(graph.edges.filter((e) => e.kind === 'backs').map((e) => [e.to, e.from]));
  for (const ep of of((n) => n.kind === 'endpoints').sort(byId)) {
    const svc = laid.get(backs.get(ep.id) ?? '');
    put(ep, EP_X, svc ? svc.y : TOP + row++ * PITCH, EP_W, BOX_H);
  }

  // Node boxes side by side, pods in their node by sorted key; unscheduled pods in a last box.
  const pods = of((n) => n.kind === 'pod').sort(byId);
  const boxes: GraphNode[] = of((n) => n.kind === 'node').sort(byOrder);
  if (pods.some((p) => !p.parent)) boxes.push({ id: UNSCHEDULED_ID, kind: 'node', zone: 'cluster', label: 'Pending', status: 'pending' });
  boxes.forEach((box, i) => {
    const mine = pods.filter((p) => (p.parent ?? UNSCHEDULED_ID) === box.id);
    const x = NODES_X + i * (NODE_W + NODE_GAP);
    const compact = mine.length > COMPACT_THRESHOLD;
    const cols = Math.floor((NODE_W - 24) / DOT_PITCH);
    const body = compact ? Math.ceil(mine.length / cols) * DOT_PITCH : mine.length * POD_PITCH;
    put({ ...box, count: mine.length } as GraphNode, x, TOP - 12, NODE_W, NODE_HEAD + Math.max(body, POD_PITCH) + 8, compact);
    mine.forEach((p, j) => {
      if (compact) put(p, x + 12 + (j % cols) * DOT_PITCH, TOP - 12 + NODE_HEAD + Math.floor(j / cols) * DOT_PITCH, DOT, DOT, true);
      else put(p, x + 12, TOP - 12 + NODE_HEAD + j * POD_PITCH, NODE_W - 24, POD_H);
    });
  });

  // Edges: one per (from, to) after pods on compact nodes fold into their box.
  const bottomOf = (pred: (n: LaidNode) => boolean): number => Math.max(TOP, ...[...laid.values()].filter(pred).map((n) => n.y + n.h));
  const ctx: RouteContext = {
    topLane: TOP - 26,
    nodeBoxes: boxes.map((b) => laid.get(b.id)!),
    serviceBottom: bottomOf((n) => n.kind === 'service' || n.kind === 'endpoints' || n.kind === 'coredns'),
    internalBottom: bottomOf((n) => n.zone === 'internal'),
    internetLane: ZONE_X.internal - 10,
    internalLane: ZONE_X.cluster - 10,
  };
  const edges: LaidEdge[] = [];
  const seen = new Set<string>();
  for (const e of graph.edges) {
    let to = laid.get(e.to);
    const from = laid.get(e.from);
    if (!from || !to) continue;
    if (to.compact && to.kind === 'pod') to = laid.get(to.parent ?? UNSCHEDULED_ID) ?? to;
    const id = `${e.kind}:${from.id}->${to.id}`;
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({ ...e, id, to: to.id, path: routeEdge(from, to, ctx) });
  }

  const nodes = [...laid.values()];
  const right = Math.max(NODES_X + boxes.length * (NODE_W + NODE_GAP), EP_X + EP_W + 40);
  const bottom = Math.max(TOP + 3 * PITCH, ...nodes.map((n) => n.y + n.h)) + 28;
  const zones: ZoneBox[] = [
    { zone: 'internet', x: ZONE_X.internet, y: 0, w: 220, h: bottom },
    { zone: 'internal', x: ZONE_X.internal, y: 0, w: 210, h: bottom },
    { zone: 'cluster', x: ZONE_X.cluster, y: 0, w: right - ZONE_X.cluster, h: bottom },
  ];
  nodes.sort((a, b) => Number(b.kind === 'node') - Number(a.kind === 'node') || byId(a, b));
  edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { width: right, height: bottom, zones, nodes, edges };
}
