/**
 * Mounted terminals by session id, so another panel (a lab's command buttons) can type a line into
 * one: it shows after the prompt as if typed, runs, prints, and animates its trace like any line.
 */

/** What a mounted terminal offers other panels. */
export interface TerminalInput {
  /** Types `line` and runs it (queued after any key being handled); resolves once it printed. */
  submit(line: string): Promise<void>;
}

const terminals = new Map<string, TerminalInput>();

/** Called by Terminal.svelte on mount; returns the unregister for its teardown. */
export function registerTerminal(session: string, input: TerminalInput): () => void {
  terminals.set(session, input);
  // A remount registers anew before the old teardown runs: only the owner removes its entry.
  return () => {
    if (terminals.get(session) === input) terminals.delete(session);
  };
}

/** The mounted terminal of a session, if any. */
export function terminalInput(session: string): TerminalInput | undefined {
  return terminals.get(session);
}
