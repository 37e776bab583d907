/**
 * Where the exported panels are in the page, found by their test ids (the components own them):
 * the topology's <svg> — or its <canvas> past ~300 pods — the DNS table and the app window.
 */

/** The topology's SVG, while it is drawn as SVG. */
export function topologySvg(root: ParentNode = document): SVGSVGElement | undefined {
  const own = root.querySelector('svg[data-testid="topology-svg"]');
  if (own instanceof SVGSVGElement) return own;
  const holder = root.querySelector('[data-testid="topology"]');
  if (holder instanceof SVGSVGElement) return holder;
  const inner = holder?.querySelector('svg');
  return inner instanceof SVGSVGElement ? inner : undefined;
}

/** The topology's canvas, while it is drawn on a canvas (many pods). */
export function topologyCanvas(root: ParentNode = document): HTMLCanvasElement | undefined {
  const canvas = root.querySelector('[data-testid="topology-canvas"]');
  if (!(canvas instanceof HTMLCanvasElement)) return undefined;
  // The SVG may stay mounted (hidden) beside it; the canvas counts only while it is shown.
  return canvas.getClientRects().length > 0 ? canvas : undefined;
}

export function dnsTable(root: ParentNode = document): HTMLElement | undefined {
  const el = root.querySelector('[data-testid="dns-table"]');
  return el instanceof HTMLElement ? el : undefined;
}

export function appWindow(root: ParentNode = document): HTMLElement | undefined {
  const el = root.querySelector('[data-testid="app"]');
  return el instanceof HTMLElement ? el : undefined;
}
