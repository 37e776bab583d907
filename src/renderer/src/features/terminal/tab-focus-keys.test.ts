import { describe, expect, it } from 'vitest';
import { terminalKeyAction, type KeyLike } from './tab-focus-keys';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, shiftKey: false, altKey: false, metaKey: false, ...mods });

describe('terminal focus keys', () => {
  it.each([
    { name: 'Ctrl+M toggles the mode', event: key('m', { ctrlKey: true }), mode: false, expected: 'toggle-tab-focus' },
    { name: 'Ctrl+M toggles it back off', event: key('m', { ctrlKey: true }), mode: true, expected: 'toggle-tab-focus' },
    { name: 'Ctrl+M with Caps Lock', event: key('M', { ctrlKey: true }), mode: false, expected: 'toggle-tab-focus' },
    { name: 'Ctrl+Shift+M stays with the shell', event: key('M', { ctrlKey: true, shiftKey: true }), mode: false, expected: 'to-shell' },
    { name: 'Tab completes while the mode is off', event: key('Tab'), mode: false, expected: 'to-shell' },
    { name: 'Tab moves focus while the mode is on', event: key('Tab'), mode: true, expected: 'leave-to-browser' },
    { name: 'Shift+Tab moves focus back while the mode is on', event: key('Tab', { shiftKey: true }), mode: true, expected: 'leave-to-browser' },
    { name: 'Ctrl+Tab is not a focus key', event: key('Tab', { ctrlKey: true }), mode: true, expected: 'to-shell' },
    { name: 'F6 cycles panes, never the shell', event: key('F6'), mode: false, expected: 'leave-to-browser' },
    { name: 'Shift+F6 cycles panes back', event: key('F6', { shiftKey: true }), mode: false, expected: 'leave-to-browser' },
    { name: 'letters go to the shell', event: key('m'), mode: true, expected: 'to-shell' },
    { name: 'Enter goes to the shell', event: key('Enter'), mode: true, expected: 'to-shell' },
  ])('$name', ({ event, mode, expected }) => expect(terminalKeyAction(event, mode)).toBe(expected));
});
