/**
 * The one d3-zoom wrapper: an attachment for the topology's element (the <div> that holds the SVG
 * or, for large clusters, the canvas) that pans and zooms and reports
 * the transform. The attachment reads no reactive state, so live updates never re-run it. Until
 * the user pans or zooms, the view keeps fitting the content as it grows (the cluster arrives
 * after mount); after that only a double-click refits — live updates never move the user's view.
 */
import { select, zoom, zoomIdentity, type ZoomTransform } from 'd3';

export interface ZoomOptions {
  /** Called on every pan/zoom with the new transform. */
  onTransform: (t: ZoomTransform) => void;
  /** Called with the element's size when it is attached and whenever it is resized. */
  onResize?: (box: { w: number; h: number }) => void;
}

export interface ZoomLayer {
  /** `{@attach layer.attach}` on the element that receives the pointer. */
  attach: (el: HTMLElement) => () => void;
  /** Fits `size` unless the user has moved the view (pass force to refit anyway). */
  fit: (size: { width: number; height: number }, force?: boolean) => void;
}

/** `box` is the element's size as its ResizeObserver last saw it: reading clientWidth would force a layout per change. */
function fitTransform(box: { w: number; h: number }, size: { width: number; height: number }): ZoomTransform | undefined {
  const { w, h } = box;
  if (!w || !h || !size.width || !size.height) return undefined;
  const k = Math.min(w / size.width, h / size.height, 1.6) * 0.97;
  return zoomIdentity.translate((w - size.width * k) / 2, (h - size.height * k) / 2).scale(k);
}

export function zoomLayer(options: ZoomOptions): ZoomLayer {
  let svgEl: HTMLElement | undefined;
  let userMoved = false;
  let box = { w: 0, h: 0 };
  let last = { width: 0, height: 0 };
  const behaviour = zoom<HTMLElement, unknown>()
    .scaleExtent([0.1, 6])
    // d3's default extent reads clientWidth, a forced layout on every programmatic fit.
    .extent(() => [
      [0, 0],
      [box.w, box.h],
    ])
    .on('zoom', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
      if (event.sourceEvent) userMoved = true;
      options.onTransform(event.transform);
    });
  const fit = (size: { width: number; height: number }, force = false): void => {
    last = size;
    if (!svgEl || (userMoved && !force)) return;
    const t = fitTransform(box, size);
    if (t) select(svgEl).call(behaviour.transform, t);
  };
  return {
    fit,
    attach(svg) {
      svgEl = svg;
      const selection = select(svg);
      selection.call(behaviour).on('dblclick.zoom', null);
      selection.on('dblclick.fit', () => {
        userMoved = false;
        fit(last, true);
      });
      box = { w: svg.clientWidth, h: svg.clientHeight };
      options.onResize?.(box);
      const observer = new ResizeObserver(([entry]) => {
        box = { w: entry.contentRect.width, h: entry.contentRect.height };
        options.onResize?.(box);
        fit(last);
      });
      observer.observe(svg);
      return () => {
        observer.disconnect();
        selection.on('.zoom', null).on('dblclick.fit', null);
        svgEl = undefined;
      };
    },
  };
}
