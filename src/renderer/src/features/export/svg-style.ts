/**
 * Which computed properties an exported SVG element carries inline. The topology is styled by
 * the app's stylesheet and CSS variables; a standalone file has neither, so each element gets the
 * resolved values — only where they differ from what it inherits or from the initial value, to
 * keep the file small.
 */
import { plainColor } from './css-color';

/** Inherited SVG/CSS properties: written only where they differ from the parent's. */
export const INHERITED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'paint-order',
  'marker-start',
  'marker-mid',
  'marker-end',
] as const;

/** Not inherited: written only where they differ from the initial value. */
export const OWN_PROPERTIES: Readonly<Record<string, string>> = {
  opacity: '1',
  display: 'inline',
  'clip-path': 'none',
  mask: 'none',
  filter: 'none',
  'mix-blend-mode': 'normal',
};

export type ComputedLookup = (property: string) => string;

/** The inline `style` text for an element from its computed style and its parent's (none for the root). */
export function inlineStyle(own: ComputedLookup, parent: ComputedLookup | undefined): string {
  const parts: string[] = [];
  for (const property of INHERITED_PROPERTIES) {
    const value = own(property).trim();
    if (value && (!parent || value !== parent(property).trim())) parts.push(`${property}:${plainColor(value)}`);
  }
  for (const [property, initial] of Object.entries(OWN_PROPERTIES)) {
    const value = own(property).trim();
    if (value && value !== initial && !(property === 'display' && value === 'block')) parts.push(`${property}:${plainColor(value)}`);
  }
  return parts.join(';');
}

/** A DOMMatrix-like transform as an SVG `transform` attribute (identity → undefined). */
export function matrixAttribute(m: { a: number; b: number; c: number; d: number; e: number; f: number }): string | undefined {
  const r = (n: number): number => Math.round(n * 10_000) / 10_000;
  if (m.a === 1 && m.b === 0 && m.c === 0 && m.d === 1 && m.e === 0 && m.f === 0) return undefined;
  return `matrix(${[m.a, m.b, m.c, m.d, m.e, m.f].map(r).join(' ')})`;
}
