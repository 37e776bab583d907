/**
 * F6 / Shift+F6 move keyboard focus between the app's panes (VS Code's "Focus Next Part"): every
 * element with a `data-pane` attribute is a pane, in document order (editor, views, terminal, and
 * the lab column when it is there), so a new pane joins the cycle by carrying the attribute. Inside
 * a pane focus goes to its `[data-pane-focus]` element, else to its first focusable element, else
 * to the pane itself.
 */
import type { KeyLike } from '../features/terminal/tab-focus-keys';

/** +1 for F6, -1 for Shift+F6, undefined for any other key. */
export function paneStep(event: KeyLike): 1 | -1 | undefined {
  if (event.key !== 'F6' || event.ctrlKey || event.altKey || event.metaKey) return undefined;
  return event.shiftKey ? -1 : 1;
}

/** The pane to focus next: from `current` (-1: focus is in no pane) by `step`, wrapping around. */
export function nextPaneIndex(count: number, current: number, step: 1 | -1): number {
  if (count <= 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}

const FOCUSABLE = 'textarea, input:not([type=hidden]), select, button, [href], [tabindex]:not([tabindex="-1"])';

/** Moves focus to the next or previous pane of `root`; returns the pane's name. */
export function focusPane(root: ParentNode, step: 1 | -1, active: Element | null = document.activeElement): string | undefined {
  const panes = [...root.querySelectorAll<HTMLElement>('[data-pane]')].filter((p) => p.getClientRects().length > 0);
  const current = panes.findIndex((p) => active !== null && p.contains(active));
  const pane = panes[nextPaneIndex(panes.length, current, step)];
  if (!pane) return undefined;
  const target = pane.querySelector<HTMLElement>('[data-pane-focus]') ?? pane.querySelector<HTMLElement>(FOCUSABLE);
  if (target) target.focus();
  else {
    if (!pane.hasAttribute('tabindex')) pane.tabIndex = -1;
    pane.focus();
  }
  return pane.dataset.pane;
}
