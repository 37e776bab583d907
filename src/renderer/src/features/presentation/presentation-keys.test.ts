import { describe, expect, it } from 'vitest';
import { presentationKeyAction, type KeyContext, type KeyLike } from './presentation-keys';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
const ctx = (over: Partial<KeyContext> = {}): KeyContext => ({ presentation: false, menuHandlesF5: false, popupOpen: false, ...over });

describe('presentation mode keys', () => {
  it.each([
    { name: 'F5 in web mode toggles', event: key('F5'), context: ctx(), expected: 'toggle' },
    { name: 'F5 while presenting toggles (leaves)', event: key('F5'), context: ctx({ presentation: true }), expected: 'toggle' },
    { name: 'F5 in Electron is the menu’s (no double toggle)', event: key('F5'), context: ctx({ menuHandlesF5: true }), expected: undefined },
    { name: 'Ctrl+F5 is not ours', event: key('F5', { ctrlKey: true }), context: ctx(), expected: undefined },
    { name: 'Esc while presenting leaves', event: key('Escape'), context: ctx({ presentation: true }), expected: 'exit' },
    { name: 'Esc when not presenting does nothing', event: key('Escape'), context: ctx(), expected: undefined },
    { name: 'Esc closing Monaco’s suggestions stays', event: key('Escape'), context: ctx({ presentation: true, popupOpen: true }), expected: undefined },
    { name: 'Shift+Esc is not ours', event: key('Escape', { shiftKey: true }), context: ctx({ presentation: true }), expected: undefined },
    { name: 'other keys pass', event: key('a'), context: ctx({ presentation: true }), expected: undefined },
  ])('$name', ({ event, context, expected }) => {
    expect(presentationKeyAction(event, context)).toBe(expected);
  });
});
