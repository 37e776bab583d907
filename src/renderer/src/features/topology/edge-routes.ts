/**
 * Edge shapes (pure): orthogonal routes with rounded corners along lanes between the columns, so
 * a line never runs through a box it does not belong to — the way the course's slides draw
 * them. Edges into a k8s Node box run along a lane above the nodes and drop down the gap to the
 * left of their node; edges going left (ExternalName, outside Endpoints) run below the boxes of
 * the columns they cross. Edges between neighbouring columns (the DNS chain) stay soft curves.
 */
import { linkHorizontal } from 'd3';
import type { LaidNode } from './topology-layout';

export interface RouteContext {
  /** y of the lane above the node boxes. */
  topLane: number;
  /** k8s Node boxes, left to right. */
  nodeBoxes: readonly LaidNode[];
  /** Bottom of the Services/Endpoints columns and of the internal network's boxes. */
  serviceBottom: number;
  internalBottom: number;
  /** x of the lanes between the zones. */
  internetLane: number;
  internalLane: number;
  /** Node boxes stacked in one column: every one is reached straight down the gap at their left. */
  stackedNodes?: boolean;
}

type Point = [number, number];
const link = linkHorizontal<{ source: Point; target: Point }, Point>();

/** A polyline with its inner corners rounded (radius capped by half of each segment). */
export function roundedPath(points: readonly Point[], radius = 8): string {
  const pts = points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
  let d = `M${pts[0][0]},${pts[0][1]}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const [p, c, n] = [pts[i - 1], pts[i], pts[i + 1]];
    const lin = Math.hypot(c[0] - p[0], c[1] - p[1]), lout = Math.hypot(n[0] - c[0], n[1] - c[1]);
    const r = Math.min(radius, lin / 2, lout / 2);
    const a: Point = [c[0] + ((p[0] - c[0]) / lin) * r, c[1] + ((p[1] - c[1]) / lin) * r];
    const b: Point = [c[0] + ((n[0] - c[0]) / lout) * r, c[1] + ((n[1] - c[1]) / lout) * r];
    d += `L${a[0]},${a[1]}Q${c[0]},${c[1]} ${b[0]},${b[1]}`;
  }
  const last = pts[pts.length - 1];
  return pts.length > 1 ? `${d}L${last[0]},${last[1]}` : d;
}

const mid = (n: LaidNode): number => n.y + n.h / 2;

/** The path of an edge from box `a` to box `b`. */
export function routeEdge(a: LaidNode, b: LaidNode, ctx: RouteContext): string {
  const box = b.kind === 'node' ? b : ctx.nodeBoxes.find((n) => n.id === b.parent);
  const ay = mid(a);
  if (box && a.kind !== 'node') {
    // Into a node (or a pod in it): down the gap left of that node, over the lane if other nodes are in the way.
    const ty = b.kind === 'node' ? b.y + 26 : mid(b);
    const gapX = box.x - 12;
    const first = ctx.stackedNodes === true || ctx.nodeBoxes[0]?.id === box.id;
    const start: Point = [a.x + a.w, ay];
    const pts: Point[] = first ? [start, [gapX, ay], [gapX, ty], [b.x, ty]] : [start, [a.x + a.w + 18, ay], [a.x + a.w + 18, ctx.topLane], [gapX, ctx.topLane], [gapX, ty], [b.x, ty]];
    return roundedPath(pts);
  }
  if (b.x + b.w < a.x && b.zone !== 'cluster' && a.zone === 'cluster') {
    // Leftward out of the cluster: below the Services column (from an Endpoints box), then below the internal network's boxes.
    const by = mid(b);
    const pts: Point[] = [[a.x, ay]];
    let y = ay;
    if (a.kind === 'endpoints') {
      y = ctx.serviceBottom + 14;
      pts.push([a.x - 22, ay], [a.x - 22, y]);
    }
    if (b.zone === 'internet' && y < ctx.internalBottom + 8) {
      pts.push([ctx.internalLane, y]);
      y = ctx.internalBottom + 16;
      pts.push([ctx.internalLane, y]);
    }
    const lane = b.zone === 'internet' ? ctx.internetLane : ctx.internalLane;
    pts.push([lane, y], [lane, by], [b.x + b.w, by]);
    return roundedPath(pts);
  }
  const rightward = a.x + a.w / 2 <= b.x + b.w / 2;
  return link({ source: [rightward ? a.x + a.w : a.x, ay], target: [rightward ? b.x : b.x + b.w, mid(b)] }) ?? '';
}
