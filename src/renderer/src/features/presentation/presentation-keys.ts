/**
 * Presentation mode's keys: F5 toggles it (the key slide tools use to start a show; Monaco and our
 * terminal bind nothing to it, and in a browser it would reload the page and lose the lesson), Esc
 * leaves it — unless the key is closing something else first (Monaco's suggestions or find box, a dialog).
 */

export type PresentationKeyAction = 'toggle' | 'exit' | undefined;

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface KeyContext {
  presentation: boolean;
  /** Electron's menu binds F5 itself (View ▸ Presentation mode); the page must not toggle a second time. */
  menuHandlesF5: boolean;
  /** Esc belongs to an open popup (Monaco's suggestions, its find box, a modal dialog). */
  popupOpen: boolean;
}

export function presentationKeyAction(event: KeyLike, context: KeyContext): PresentationKeyAction {
  const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
  if (!plain) return undefined;
  if (event.key === 'F5') return context.menuHandlesF5 ? undefined : 'toggle';
  if (event.key === 'Escape' && context.presentation && !context.popupOpen) return 'exit';
  return undefined;
}

/** Popups that take Esc for themselves. */
const POPUPS = 'dialog[open], .monaco-editor .suggest-widget.visible, .monaco-editor .find-widget.visible, .monaco-editor .parameter-hints-widget.visible';

/**
 * `{@attach presentationKeys(...)}`: listens on the window in the capture phase (xterm and Monaco
 * stop the keys they handle from bubbling) and returns its teardown.
 */
export function presentationKeys(target: { readonly presentation: boolean; togglePresentation(): void; setPresentation(on: boolean): void }, menuHandlesF5: boolean): () => () => void {
  return () => {
    const onKey = (event: KeyboardEvent): void => {
      const action = presentationKeyAction(event, { presentation: target.presentation, menuHandlesF5, popupOpen: document.querySelector(POPUPS) !== null });
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      if (action === 'toggle') target.togglePresentation();
      else target.setPresentation(false);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  };
}
