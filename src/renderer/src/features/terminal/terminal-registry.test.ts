import { describe, expect, it } from 'vitest';
import { registerTerminal, terminalInput, type TerminalInput } from './terminal-registry';

const input = (): TerminalInput => ({ submit: () => Promise.resolve() });

describe('terminal registry', () => {
  it('finds a mounted terminal by session and forgets it on unmount', () => {
    const a = input();
    const unregister = registerTerminal('lab-1', a);
    expect(terminalInput('lab-1')).toBe(a);
    unregister();
    expect(terminalInput('lab-1')).toBeUndefined();
  });

  it('keeps a remounted terminal when the old one unmounts after it', () => {
    const old = input();
    const fresh = input();
    const unregisterOld = registerTerminal('lab-2', old);
    registerTerminal('lab-2', fresh);
    unregisterOld();
    expect(terminalInput('lab-2')).toBe(fresh);
  });
});
