/**
 * The terminal's keyboard escape, as VS Code does it: Tab completes in a shell, so Tab alone would
 * trap keyboard users in the terminal. Ctrl+M toggles "Tab moves focus" mode (VS Code's
 * `editor.action.toggleTabFocusMode`, which its terminal keeps from the shell); while it is on,
 * Tab and Shift+Tab go to the browser and move focus. F6 / Shift+F6 (the app's pane cycling) never
 * reach the shell either.
 */

/** The fields of a KeyboardEvent the mapping reads. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** What the terminal does with a key before xterm sees it. */
export type TerminalKeyAction = 'toggle-tab-focus' | 'leave-to-browser' | 'to-shell';

export function terminalKeyAction(event: KeyLike, tabMovesFocus: boolean): TerminalKeyAction {
  const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
  if (event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey && event.key.toLowerCase() === 'm') return 'toggle-tab-focus';
  if (event.key === 'F6' && plain) return 'leave-to-browser';
  if (event.key === 'Tab' && plain && tabMovesFocus) return 'leave-to-browser';
  return 'to-shell';
}
