/** Topology transitions (Svelte). Neither reads computed style: svelte/transition's fade does, forcing a style recalc per edge. */

/** Fade and scale a topology box in or out around its centre. */
import { cubicOut } from 'svelte/easing';
import type { TransitionConfig } from 'svelte/transition';

export function pop(_node: Element, { w, h, duration = 260 }: { w: number; h: number; duration?: number }): TransitionConfig {
  return {
    duration,
    easing: cubicOut,
    css: (t) => `opacity: ${t}; transform-origin: ${w / 2}px ${h / 2}px; transform: scale(${0.7 + 0.3 * t});`,
  };
}

/** Fade an edge in or out (from/to fully opaque, which edges always are). */
export function fadeEdge(_node: Element, { duration = 250 }: { duration?: number } = {}): TransitionConfig {
  return { duration, css: (t) => `opacity: ${t}` };
}
