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
/** Past this many pods the view draws on a canvas: thousands of SVG elements cannot keep 50 fps. */
export const CANVAS_THRESHOLD = 300;
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

/**
 * How the k8s Node boxes are arranged: side by side (as the course's slides draw them) or stacked
 * in one column, which keeps the text readable when the view is narrow (the lab panel and the
 * editor open beside it). The rest of the layout is the same either way.
 */
export interface LayoutOptions {
  stackNodes?: boolean;
}

/** Lays the graph out; same graph in, same positions out. */
export function layoutTopology(graph: TopologyGraph, options: LayoutOptions = {}): TopologyLayout {
  const stacked = options.stackNodes === true;
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
  const podsOf = new Map<string, GraphNode[]>();
  for (const p of pods) {
    const list = podsOf.get(p.parent ?? UNSCHEDULED_ID);
    if (list) list.push(p);
    else podsOf.set(p.parent ?? UNSCHEDULED_ID, [p]);
  }
  let stackY = TOP - 12;
  boxes.forEach((box, i) => {
    const mine = podsOf.get(box.id) ?? [];
    const x = stacked ? NODES_X : NODES_X + i * (NODE_W + NODE_GAP);
    const compact = mine.length > COMPACT_THRESHOLD;
    const cols = Math.floor((NODE_W - 24) / DOT_PITCH);
    const body = compact ? Math.ceil(mine.length / cols) * DOT_PITCH : mine.length * POD_PITCH;
    const y = stacked ? stackY : TOP - 12;
    const boxH = NODE_HEAD + Math.max(body, POD_PITCH) + 8;
    stackY += boxH + NODE_GAP;
    put({ ...box, count: mine.length } as GraphNode, x, y, NODE_W, boxH, compact);
    mine.forEach((p, j) => {
      if (compact) put(p, x + 12 + (j % cols) * DOT_PITCH, y + NODE_HEAD + Math.floor(j / cols) * DOT_PITCH, DOT, DOT, true);
      else put(p, x + 12, y + NODE_HEAD + j * POD_PITCH, NODE_W - 24, POD_H);
    });
  });

  // Edges: one per (from, to) after pods on compact nodes fold into their box.
  const bottomOf = (pred: (n: LaidNode) => boolean): number => {
    let bottom = TOP;
    for (const n of laid.values()) if (pred(n) && n.y + n.h > bottom) bottom = n.y + n.h;
    return bottom;
  };
  const ctx: RouteContext = {
    topLane: TOP - 26,
    nodeBoxes: boxes.map((b) => laid.get(b.id)!),
    serviceBottom: bottomOf((n) => n.kind === 'service' || n.kind === 'endpoints' || n.kind === 'coredns'),
    internalBottom: bottomOf((n) => n.zone === 'internal'),
    internetLane: ZONE_X.internal - 10,
    internalLane: ZONE_X.cluster - 10,
    stackedNodes: stacked,
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
  const right = Math.max(NODES_X + (stacked ? Math.min(1, boxes.length) : boxes.length) * (NODE_W + NODE_GAP), EP_X + EP_W + 40);
  const bottom = nodes.reduce((b, n) => Math.max(b, n.y + n.h), TOP + 3 * PITCH) + 28;
  const zones: ZoneBox[] = [
    { zone: 'internet', x: ZONE_X.internet, y: 0, w: 220, h: bottom },
    { zone: 'internal', x: ZONE_X.internal, y: 0, w: 210, h: bottom },
    { zone: 'cluster', x: ZONE_X.cluster, y: 0, w: right - ZONE_X.cluster, h: bottom },
  ];
  nodes.sort((a, b) => Number(b.kind === 'node') - Number(a.kind === 'node') || byId(a, b));
  edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { width: right, height: bottom, zones, nodes, edges };
}

const sameFields = <T extends object>(a: T, b: T): boolean => {
  const ka = Object.keys(a) as (keyof T)[];
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
};

/**
 * Lays out graph after graph, handing back the previous object for every box, edge and zone that
 * did not change (and the previous arrays and layout when nothing did): keyed views compare by
 * identity, so a change batch redraws only the boxes it moved or altered.
 */
export class IncrementalLayout {
  #nodes = new Map<string, LaidNode>();
  #edges = new Map<string, LaidEdge>();
  #last: TopologyLayout | undefined;

  update(graph: TopologyGraph, options: LayoutOptions = {}): TopologyLayout {
    const fresh = layoutTopology(graph, options);
    const last = this.#last;
    const nodes = fresh.nodes.map((n) => {
      const prev = this.#nodes.get(n.id);
      return prev && sameFields(prev, n) ? prev : n;
    });
    const edges = fresh.edges.map((e) => {
      const prev = this.#edges.get(e.id);
      return prev && sameFields(prev, e) ? prev : e;
    });
    const zones = fresh.zones.map((z, i) => (last && last.zones[i] && sameFields(last.zones[i], z) ? last.zones[i] : z));
    const same = <T>(a: readonly T[], b: readonly T[] | undefined): boolean => b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
    const next: TopologyLayout = {
      width: fresh.width,
      height: fresh.height,
      zones: last && same(zones, last.zones) ? last.zones : zones,
      nodes: last && same(nodes, last.nodes) ? last.nodes : nodes,
      edges: last && same(edges, last.edges) ? last.edges : edges,
    };
    if (last && next.width === last.width && next.height === last.height && next.zones === last.zones && next.nodes === last.nodes && next.edges === last.edges) return last;
    this.#nodes = new Map(nodes.map((n) => [n.id, n]));
    this.#edges = new Map(edges.map((e) => [e.id, e]));
    this.#last = next;
    return next;
  }
}

/** The zoom at which content of `size` fits a pane (as zoom-layer fits it, before its cap). */
const fitScale = (size: { w: number; h: number }, pane: { w: number; h: number }): number => Math.min(pane.w / size.w, pane.h / size.h);

/**
 * Whether the Node boxes should be stacked for this pane: the arrangement whose fitted zoom is
 * larger (text bigger), with a margin so a pane resized back and forth does not flip-flop. Worked
 * out from the current layout's boxes alone (their heights do not depend on the arrangement).
 */
export function preferStackedNodes(layout: TopologyLayout, pane: { w: number; h: number }, current: boolean): boolean {
  const boxes = layout.nodes.filter((n) => n.kind === 'node');
  if (boxes.length < 2 || !pane.w || !pane.h) return false;
  let others = TOP + 3 * PITCH;
  for (const n of layout.nodes) if (n.kind !== 'node' && n.kind !== 'pod' && n.y + n.h > others) others = n.y + n.h;
  const minW = EP_X + EP_W + 40;
  const side = { w: Math.max(NODES_X + boxes.length * (NODE_W + NODE_GAP), minW), h: Math.max(others, TOP - 12 + Math.max(...boxes.map((b) => b.h))) + 28 };
  const stack = { w: Math.max(NODES_X + NODE_W + NODE_GAP, minW), h: Math.max(others, TOP - 12 + boxes.reduce((sum, b) => sum + b.h + NODE_GAP, -NODE_GAP)) + 28 };
  const gain = fitScale(stack, pane) / fitScale(side, pane);
  return current ? gain > 1 / 1.08 : gain > 1.08;
}
