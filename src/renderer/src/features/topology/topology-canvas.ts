/**
 * The topology drawn on a canvas, for large clusters (past CANVAS_THRESHOLD pods): the same
 * layout as the SVG (boxes, Path2D from the same edge routes), one draw per change or pan/zoom
 * instead of thousands of SVG elements with transitions. Colours come from the SVG mode's CSS
 * variables (resolved by the component), so both modes look alike in both themes.
 */
import type { LaidEdge, LaidNode, TopologyLayout } from './topology-layout';

export type CanvasPalette = Record<
  'bg' | 'fg' | 'muted' | 'line' | 'lineStrong' | 'zone' | 'zoneLine' | 'cluster' | 'box' | 'node' | 'accent' | 'ok' | 'warn' | 'bad' | 'dns' | 'endpoints' | 'world',
  string
>;

export interface CanvasView {
  /** The pan/zoom transform (d3's k, x, y). */
  k: number;
  x: number;
  y: number;
  selectedId?: string;
  related: ReadonlySet<string>;
  /** Keyboard focus (the canvas's fallback button that has it). */
  focusedId?: string;
  /** Zone titles and Pending, in the UI language. */
  zoneLabel: (zone: string) => string;
  pendingLabel: string;
  podsLabel: (count: number) => string;
}

/** The colour that marks a box's kind (as TopologyNode's --topo-kind). */
export function kindColour(n: LaidNode, p: CanvasPalette): string {
  switch (n.kind) {
    case 'service':
      return p.accent;
    case 'coredns':
    case 'internal-dns':
    case 'external-dns':
      return p.dns;
    case 'endpoints':
      return p.endpoints;
    case 'pod':
      return n.status === 'ready' ? p.ok : n.status === 'not-ready' ? p.warn : p.muted;
    default:
      return p.world;
  }
}

/** The box under a point in layout coordinates: boxes over node containers, last drawn first. */
export function hitTest(nodes: readonly LaidNode[], x: number, y: number): LaidNode | undefined {
  let container: LaidNode | undefined;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    if (x < n.x || y < n.y || x > n.x + n.w || y > n.y + n.h) continue;
    if (n.kind !== 'node') return n;
    container ??= n;
  }
  return container;
}

const paths = new WeakMap<LaidEdge, Path2D>();
const pathOf = (e: LaidEdge): Path2D => {
  let p = paths.get(e);
  if (!p) paths.set(e, (p = new Path2D(e.path)));
  return p;
};

/** Fitted labels by font, width and text: measureText per box per redraw is most of a draw's cost. */
const fitted = new Map<string, string>();

function fitText(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  const key = `${ctx.font}|${max}|${text}`;
  let out = fitted.get(key);
  if (out === undefined) {
    if (fitted.size > 20_000) fitted.clear();
    fitted.set(key, (out = measureFit(ctx, text, max)));
  }
  return out;
}

function measureFit(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0, hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** Draws the layout; `width`/`height` are CSS pixels, `dpr` the device pixel ratio. */
export function drawTopology(ctx: CanvasRenderingContext2D, layout: TopologyLayout, view: CanvasView, p: CanvasPalette, size: { width: number; height: number; dpr: number }, font: string): void {
  const { dpr } = size;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = p.bg;
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.setTransform(dpr * view.k, 0, 0, dpr * view.k, dpr * view.x, dpr * view.y);
  const selecting = view.selectedId !== undefined;

  for (const z of layout.zones) {
    ctx.beginPath();
    ctx.roundRect(z.x, z.y, z.w, z.h, 14);
    ctx.fillStyle = z.zone === 'cluster' ? p.cluster : p.zone;
    ctx.fill();
    ctx.strokeStyle = p.zoneLine;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.fillStyle = p.muted;
    ctx.font = `700 12px ${font}`;
    ctx.fillText(view.zoneLabel(z.zone).toUpperCase(), z.x + 18, z.y + 30);
  }

  const containers = layout.nodes.filter((n) => n.kind === 'node');
  const boxes = layout.nodes.filter((n) => n.kind !== 'node');
  for (const n of containers) {
    ctx.beginPath();
    ctx.roundRect(n.x, n.y, n.w, n.h, 10);
    ctx.fillStyle = p.node;
    ctx.fill();
    ctx.strokeStyle = n.id === view.selectedId ? p.accent : p.line;
    ctx.lineWidth = n.id === view.selectedId ? 2.5 : 1;
    ctx.stroke();
    ctx.fillStyle = p.fg;
    ctx.font = `600 13px ${font}`;
    ctx.fillText(n.label === 'Pending' ? view.pendingLabel : n.label, n.x + 12, n.y + 22);
    ctx.fillStyle = p.muted;
    ctx.font = `11px ${font}`;
    ctx.fillText(n.detail ?? '', n.x + 12, n.y + 39);
    if (n.compact) {
      ctx.textAlign = 'end';
      ctx.fillText(view.podsLabel(n.count ?? 0), n.x + n.w - 12, n.y + 22);
      ctx.textAlign = 'start';
    }
  }

  // Edges: highlighted ones last, so they paint over the lanes they share.
  const hot = (e: LaidEdge): boolean => view.related.has(e.from) && view.related.has(e.to);
  for (const pass of [false, true]) {
    for (const e of layout.edges) {
      if (hot(e) !== pass) continue;
      ctx.setLineDash(e.kind === 'endpoint-not-ready' ? [5, 4] : e.kind === 'cname' ? [2, 3] : e.kind === 'dns' ? [6, 4] : []);
      ctx.strokeStyle = pass ? p.accent : e.kind === 'endpoint-not-ready' ? p.warn : e.kind === 'cname' ? p.world : e.kind === 'dns' ? p.dns : e.kind === 'uplink' ? p.line : p.lineStrong;
      ctx.lineWidth = pass ? 2.4 : 1.4;
      ctx.stroke(pathOf(e));
    }
  }
  ctx.setLineDash([]);

  for (const n of boxes) {
    const dim = selecting && !view.related.has(n.id);
    ctx.globalAlpha = dim ? 0.35 : 1;
    const colour = kindColour(n, p);
    const selected = n.id === view.selectedId;
    if (n.compact && n.kind === 'pod') {
      ctx.fillStyle = colour;
      ctx.fillRect(n.x, n.y, n.w, n.h);
      if (selected || n.id === view.focusedId) {
        ctx.strokeStyle = p.accent;
        ctx.lineWidth = 2.5;
        ctx.strokeRect(n.x, n.y, n.w, n.h);
      }
      continue;
    }
    ctx.beginPath();
    ctx.roundRect(n.x, n.y, n.w, n.h, 6);
    ctx.fillStyle = p.box;
    ctx.fill();
    ctx.strokeStyle = selected || view.related.has(n.id) ? p.accent : p.line;
    ctx.lineWidth = selected ? 2.5 : view.related.has(n.id) ? 1.5 : 1;
    if (n.id === view.focusedId) ctx.setLineDash([4, 3]);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.arc(n.x + 14, n.y + n.h / 2, 4, 0, Math.PI * 2);
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.fillStyle = p.fg;
    ctx.font = `600 13px ${font}`;
    const badgeW = n.badge ? n.badge.length * 5.8 + 14 : 0;
    ctx.fillText(fitText(ctx, n.label, n.w - 36), n.x + 26, n.detail === undefined ? n.y + n.h / 2 + 4 : n.y + 20);
    if (n.detail !== undefined) {
      ctx.fillStyle = p.muted;
      ctx.font = `11px ${font}`;
      ctx.fillText(fitText(ctx, n.detail, n.w - 36), n.x + 26, n.y + 36);
    }
    if (n.badge) {
      const bx = n.x + n.w - 10 - badgeW;
      ctx.beginPath();
      ctx.roundRect(bx, n.y - 8, badgeW, 16, 8);
      ctx.fillStyle = p.bg;
      ctx.fill();
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1;
      ctx.stroke();
      ctx.fillStyle = colour;
      ctx.font = `600 9.5px ${font}`;
      ctx.textAlign = 'center';
      ctx.fillText(n.badge, bx + badgeW / 2, n.y + 3.5);
      ctx.textAlign = 'start';
    }
  }
  ctx.globalAlpha = 1;
}
