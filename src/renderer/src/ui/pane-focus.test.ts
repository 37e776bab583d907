import { describe, expect, it } from 'vitest';
import { nextPaneIndex, paneStep } from './pane-focus';

const key = (k: string, shiftKey = false, ctrlKey = false) => ({ key: k, shiftKey, ctrlKey, altKey: false, metaKey: false });

describe('pane cycling', () => {
  it.each([
    { name: 'F6 steps forward', event: key('F6'), expected: 1 },
    { name: 'Shift+F6 steps back', event: key('F6', true), expected: -1 },
    { name: 'Ctrl+F6 is not pane cycling', event: key('F6', false, true), expected: undefined },
    { name: 'F5 is not pane cycling', event: key('F5'), expected: undefined },
  ])('$name', ({ event, expected }) => expect(paneStep(event)).toBe(expected));

  it.each([
    { name: 'editor → views', count: 3, current: 0, step: 1 as const, expected: 1 },
    { name: 'views → terminal', count: 3, current: 1, step: 1 as const, expected: 2 },
    { name: 'terminal wraps to the editor', count: 3, current: 2, step: 1 as const, expected: 0 },
    { name: 'back from the editor wraps to the last pane', count: 4, current: 0, step: -1 as const, expected: 3 },
    { name: 'from outside every pane, forward starts at the first', count: 3, current: -1, step: 1 as const, expected: 0 },
    { name: 'from outside every pane, back starts at the last', count: 3, current: -1, step: -1 as const, expected: 2 },
    { name: 'no panes', count: 0, current: -1, step: 1 as const, expected: -1 },
  ])('$name', ({ count, current, step, expected }) => expect(nextPaneIndex(count, current, step)).toBe(expected));
});
