import { describe, expect, it } from 'vitest';
import { editLine, emptyLine, remember, type LineAction, type LineState } from './line-editor';
import { parseKeys } from './terminal-keys';

/** Types `data` (what xterm's onData delivers) into an empty line: `|` in the result marks the cursor. */
function type(data: string, start: LineState = emptyLine()): { shown: string; actions: LineAction[]; state: LineState } {
  let state = start;
  const actions: LineAction[] = [];
  for (const key of parseKeys(data)) {
    const r = editLine(state, key);
    state = r.state;
    if (r.action) actions.push(r.action);
  }
  return { shown: `${state.line.slice(0, state.cursor)}|${state.line.slice(state.cursor)}`, actions, state };
}

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';

describe('xterm input as keys', () => {
  it.each([
    { name: 'typed text is one run', data: 'kubectl', expected: [{ type: 'text', text: 'kubectl' }] },
    { name: 'CSI and SS3 arrows', data: '\x1b[A\x1bOB\x1b[C\x1bOD', expected: [{ type: 'up' }, { type: 'down' }, { type: 'right' }, { type: 'left' }] },
    { name: 'Home/End in their several forms', data: '\x1b[H\x1b[1~\x1bOF\x1b[4~', expected: [{ type: 'home' }, { type: 'home' }, { type: 'end' }, { type: 'end' }] },
    { name: 'a pasted line ends in Enter', data: 'ls\r\n', expected: [{ type: 'text', text: 'ls' }, { type: 'enter' }] },
    { name: 'control keys', data: '\x7f\x03\x0c\t\x15\x17', expected: [{ type: 'backspace' }, { type: 'cancel' }, { type: 'clear' }, { type: 'tab' }, { type: 'kill-before' }, { type: 'kill-word' }] },
    { name: 'unknown sequences are dropped', data: 'a\x1b[15~b', expected: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] },
  ])('$name', ({ data, expected }) => expect(parseKeys(data)).toEqual(expected));
});

describe('line editing', () => {
  it.each([
    { name: 'typing appends at the cursor', data: 'nslookup', shown: 'nslookup|' },
    { name: 'Backspace deletes before the cursor', data: 'digg\x7f', shown: 'dig|' },
    { name: 'Backspace at the start does nothing', data: `a${LEFT}\x7f`, shown: '|a' },
    { name: 'Left then typing inserts mid-line', data: `curl pod${LEFT}${LEFT}${LEFT}-s `, shown: 'curl -s |pod' },
    { name: 'Right stops at the end', data: `ab${RIGHT}${RIGHT}`, shown: 'ab|' },
    { name: 'Home and End jump', data: `get\x1b[Hkubectl \x1b[F pods`, shown: 'kubectl get pods|' },
    { name: 'Ctrl+A and Ctrl+E are Home and End', data: `b\x01a\x05c`, shown: 'abc|' },
    { name: 'Delete removes under the cursor', data: `abc\x01\x1b[3~`, shown: '|bc' },
    { name: 'Ctrl+U kills to the start', data: `kubectl get${LEFT}${LEFT}${LEFT}\x15`, shown: '|get' },
    { name: 'Ctrl+K kills to the end', data: `kubectl get\x01\x0b`, shown: '|' },
    { name: 'Ctrl+W kills the word before the cursor', data: 'kubectl get pods  \x17', shown: 'kubectl get |' },
    { name: 'a Hangul syllable is one character', data: `한글${LEFT}\x7f`, shown: '|글' },
    { name: 'an astral character is deleted whole', data: 'a😀\x7f', shown: 'a|' },
  ])('$name', ({ data, shown }) => expect(type(data).shown).toBe(shown));

  it.each([
    { name: 'Enter submits and starts an empty line', data: 'ls\r', actions: ['submit'], shown: '|' },
    { name: 'Ctrl+C cancels the line', data: 'kubectl get\x03', actions: ['cancel'], shown: '|' },
    { name: 'Ctrl+L clears the screen and keeps the line', data: 'dig\x0c', actions: ['clear'], shown: 'dig|' },
    { name: 'Tab asks for completion', data: 'kub\t', actions: ['complete'], shown: 'kub|' },
    { name: 'Ctrl+D on an empty line is end of input', data: '\x04', actions: ['eof'], shown: '|' },
    { name: 'Ctrl+D on a line deletes forward', data: `ab\x01\x04`, actions: [], shown: '|b' },
  ])('$name', ({ data, actions, shown }) => {
    const r = type(data);
    expect(r.actions).toEqual(actions);
    expect(r.shown).toBe(shown);
  });
});

describe('history', () => {
  const withHistory = type('kubectl get pods\rnslookup headless1\r').state;

  it.each([
    { name: 'Up recalls the last line', data: UP, shown: 'nslookup headless1|' },
    { name: 'Up twice recalls the one before', data: UP + UP, shown: 'kubectl get pods|' },
    { name: 'Up stops at the oldest line', data: UP + UP + UP, shown: 'kubectl get pods|' },
    { name: 'Down comes back to the draft being typed', data: `dig${UP}${UP}${DOWN}${DOWN}`, shown: 'dig|' },
    { name: 'a recalled line can be edited and run', data: `${UP}\x7f2\r${UP}`, shown: 'nslookup headless2|' },
  ])('$name', ({ data, shown }) => expect(type(data, withHistory).shown).toBe(shown));

  it.each([
    { name: 'keeps a new line', history: ['a'], line: 'b', expected: ['a', 'b'] },
    { name: 'drops an immediate repeat', history: ['a', 'b'], line: 'b', expected: ['a', 'b'] },
    { name: 'drops a blank line', history: ['a'], line: '   ', expected: ['a'] },
    { name: 'drops a line typed with a leading space (ignorespace)', history: ['a'], line: ' secret', expected: ['a'] },
  ])('$name', ({ history, line, expected }) => expect(remember(history, line)).toEqual(expected));
});
