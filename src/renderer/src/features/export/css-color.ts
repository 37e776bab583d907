/**
 * Colours as every SVG reader understands them. Chromium reports `color-mix(in srgb, …)` (which
 * the topology's palette uses) as `color(srgb r g b / a)`, which Inkscape, PowerPoint and older
 * viewers do not read; an exported file carries plain `rgb()`/`rgba()` instead.
 */

const SRGB = /color\(\s*srgb\s+([-\d.e]+)\s+([-\d.e]+)\s+([-\d.e]+)\s*(?:\/\s*([-\d.e]+%?)\s*)?\)/gi;

const channel = (v: string): number => Math.round(Math.min(1, Math.max(0, Number(v))) * 255);

/** Rewrites each `color(srgb …)` in a computed value (a paint, a shadow list …) as rgb()/rgba(). */
export function plainColor(value: string): string {
  return value.replace(SRGB, (_m, r: string, g: string, b: string, a: string | undefined) => {
    const alpha = a === undefined ? 1 : a.endsWith('%') ? Number(a.slice(0, -1)) / 100 : Number(a);
    const rgb = `${channel(r)}, ${channel(g)}, ${channel(b)}`;
    return alpha >= 1 ? `rgb(${rgb})` : `rgba(${rgb}, ${Math.round(alpha * 1000) / 1000})`;
  });
}
