/**
 * One terminal session's state: the prompt, the line being edited, the history (kept per session
 * id, so it outlives a remount) and whether a command is running. Holds no xterm object: the
 * Terminal component feeds it keys and writes what it returns.
 */
import type { EngineClient } from '../../../../shared/engine-protocol';
import type { TraceState } from '../../state/trace-state.svelte';
import { applyCompletion, completionEdit } from './completion';
import { editLine, emptyLine, remember, type LineState } from './line-editor';
import type { EditKey } from './terminal-keys';
import { formatOutput } from './terminal-render';

/** Histories by session id (module-wide: a remounted terminal keeps its session's history). */
const histories = new Map<string, readonly string[]>();

/** What the component does after a key. */
export type KeyEffect =
  | { kind: 'redraw' }
  | { kind: 'submit'; line: string }
  | { kind: 'cancel' }
  | { kind: 'clear' }
  | { kind: 'candidates'; candidates: string[] }
  | { kind: 'none' };

export class TerminalSession {
  readonly id: string;
  #client: EngineClient;
  #trace: TraceState | undefined;
  #prompt = $state('');
  #edit = $state.raw<LineState>(emptyLine());
  #busy = $state(false);

  constructor(client: EngineClient, id: string, trace?: TraceState) {
    this.#client = client;
    this.id = id;
    this.#trace = trace;
    this.#edit = emptyLine(histories.get(id) ?? []);
  }

  get prompt(): string {
    return this.#prompt;
  }
  get line(): string {
    return this.#edit.line;
  }
  get cursor(): number {
    return this.#edit.cursor;
  }
  get history(): readonly string[] {
    return this.#edit.history;
  }
  get busy(): boolean {
    return this.#busy;
  }

  /** Reads the session's prompt (the host's, or a container's if the session is inside one). */
  async start(): Promise<void> {
    this.#prompt = (await this.#client.request('shellPrompt', { session: this.id })).prompt;
  }

  /**
   * Applies one key. Tab asks the engine (`shellComplete`) which words fit, with the editor's file
   * names for `-f`; everything else is synchronous (state changes before the first await, so keys
   * applied one after another see each other's edits).
   */
  async key(key: EditKey, files: () => readonly string[] = () => []): Promise<KeyEffect> {
    const before = this.#edit;
    const { state, action } = editLine(before, key);
    this.#edit = state;
    histories.set(this.id, state.history);
    switch (action) {
      case 'submit':
        return { kind: 'submit', line: before.line };
      case 'eof':
        return { kind: 'submit', line: 'exit' };
      case 'cancel':
        return { kind: 'cancel' };
      case 'clear':
        return { kind: 'clear' };
      case 'complete':
        return this.#complete(state, files());
      default:
        return state === before ? { kind: 'none' } : { kind: 'redraw' };
    }
  }

  async #complete(before: LineState, files: readonly string[]): Promise<KeyEffect> {
    let answer: { candidates: string[]; replaceFrom: number };
    try {
      answer = await this.#client.request('shellComplete', { session: this.id, line: before.line, cursor: before.cursor, files: [...files] });
    } catch {
      return { kind: 'none' }; // no completion is better than a broken line; the next command reports the engine's state
    }
    // A key applied meanwhile wins over a late answer.
    if (this.#edit !== before) return { kind: 'none' };
    const completion = completionEdit(before.line, before.cursor, answer);
    const next = applyCompletion(before.line, completion);
    if (next) this.#edit = { ...before, ...next };
    if (completion.candidates.length > 1 && !next) return { kind: 'candidates', candidates: completion.candidates };
    return next ? { kind: 'redraw' } : { kind: 'none' };
  }

  /**
   * Runs a line in the engine: returns the text to print (stdout, then stderr, CRLF) and updates
   * the prompt; a non-empty trace goes to TraceState for the topology to animate.
   */
  async run(line: string, files: Record<string, string>, engineError: (message: string) => string): Promise<string> {
    this.#busy = true;
    try {
      const { output, prompt } = await this.#client.request('shellRun', { session: this.id, line, files });
      this.#prompt = prompt;
      if (output.hops && output.hops.length > 0) this.#trace?.show(output.hops, line);
      return formatOutput(output.stdout, output.stderr);
    } catch (error) {
      return formatOutput('', `${engineError(error instanceof Error ? error.message : String(error))}\n`);
    } finally {
      this.#busy = false;
    }
  }

  /** A line sent from another panel (a lab's command button) joins the history as if typed. */
  remember(line: string): void {
    const before = this.#edit;
    const history = remember(before.history, line);
    const atEnd = before.historyIndex === before.history.length;
    this.#edit = { ...before, history, historyIndex: atEnd ? history.length : before.historyIndex };
    histories.set(this.id, history);
  }
}
