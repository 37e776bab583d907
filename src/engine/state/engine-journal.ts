/**
 * The journal of what was done to an engine (see src/shared/cluster-snapshot.ts for why a cluster
 * is saved as a journal), kept beside the engine rather than inside it so the engine stays a plain
 * simulator: whoever drives an engine on a user's behalf (the RPC handlers) records each request
 * that may change it, and `exportState` reads the record back.
 *
 * What replay relies on: the engine is deterministic, and between requests only virtual time
 * changes it. Advancing to a time T in one step runs the same timers, in the same (due, seq)
 * order, as reaching T in many small host ticks — so only the time each request ran at is
 * recorded, never the ticks.
 */

import type { JournalEntry } from '../../shared/cluster-snapshot';
import type { Engine } from '../engine';
import { ShellSession } from '../shell/shell-session';

/** What is kept per engine. */
export interface Journal {
  entries: JournalEntry[];
  /** Indexes of entries that changed objects (the undo stack). */
  undoPoints: number[];
  /** The files last recorded per terminal session (a line records its files only when they changed). */
  lastFiles: Map<string, string>;
}

const journals = new WeakMap<Engine, Journal>();

/** The engine's journal (empty for an engine nothing has been recorded on). */
export function journalOf(engine: Engine): Journal {
  let journal = journals.get(engine);
  if (!journal) journals.set(engine, (journal = { entries: [], undoPoints: [], lastFiles: new Map() }));
  return journal;
}

/** Gives a restored engine its journal. */
export function setJournal(engine: Engine, entries: readonly JournalEntry[], undoPoints: readonly number[]): void {
  const lastFiles = new Map<string, string>();
  for (const e of entries) {
    if (e.op === 'restart') lastFiles.clear();
    else if (e.op === 'shell' && e.files) lastFiles.set(e.session, JSON.stringify(e.files));
  }
  journals.set(engine, { entries: [...entries], undoPoints: [...undoPoints], lastFiles });
}

/** An entry to record, without its time (taken from the engine). */
export type JournalOp = JournalEntry extends infer E ? (E extends JournalEntry ? Omit<E, 'at'> : never) : never;

/**
 * Records `op` on `engine` and runs it; when it changed any object (the resourceVersion moved),
 * it becomes an undo point. Returns what `run` returned.
 */
export function recordAndRun<T>(engine: Engine, op: JournalOp, run: () => T): T {
  const journal = journalOf(engine);
  let entry = { ...op, at: engine.now() } as JournalEntry;
  if (entry.op === 'shell') {
    const files = entry.files ? JSON.stringify(entry.files) : undefined;
    if (files === undefined || journal.lastFiles.get(entry.session) === files) {
      const { files: _unchanged, ...rest } = entry;
      entry = rest;
    } else {
      journal.lastFiles.set(entry.session, files);
    }
  }
  if (entry.op === 'restart') journal.lastFiles.clear();
  const index = journal.entries.length;
  journal.entries.push(entry);
  const before = engine.store.resourceVersion;
  const result = run();
  if (engine.store.resourceVersion !== before) journal.undoPoints.push(index);
  return result;
}

/** Runs recorded entries on a fresh engine, in order, each at its recorded time. */
export function replayJournal(engine: Engine, entries: readonly JournalEntry[]): void {
  const sessions = new Map<string, { session: ShellSession; files: Record<string, string> }>();
  for (const entry of entries) {
    advanceTo(engine, entry.at);
    try {
      runEntry(engine, entry, sessions);
    } catch {
      // The original run failed the same way (the RPC layer turned it into an error reply); its
      // partial effects are reproduced, so replay goes on.
    }
  }
}

/** Lets virtual time pass up to `at` (never backwards). */
export function advanceTo(engine: Engine, at: number): void {
  // now and at are within a factor of two, so `at - now` is exact and now + (at - now) === at.
  if (at > engine.now()) engine.advance(at - engine.now());
}

function runEntry(engine: Engine, entry: JournalEntry, sessions: Map<string, { session: ShellSession; files: Record<string, string> }>): void {
  switch (entry.op) {
    case 'apply':
      engine.apply(entry.text, { fileName: entry.fileName });
      return;
    case 'delete':
      engine.deleteManifest(entry.text, { fileName: entry.fileName });
      return;
    case 'lookup':
      engine.lookup(entry.pod, entry.name, entry.type);
      return;
    case 'restart':
      sessions.clear();
      return;
    case 'shell': {
      let s = sessions.get(entry.session);
      if (!s) {
        // As the RPC handlers open a session: `kubectl apply -f NAME` reads the files sent with the line.
        const files: Record<string, string> = {};
        const created: { session: ShellSession; files: Record<string, string> } = { files, session: new ShellSession(engine, { read: (path) => created.files[path.replace(/^\.\//, '')] }) };
        sessions.set(entry.session, (s = created));
      }
      if (entry.files) s.files = entry.files;
      s.session.run(entry.line);
      return;
    }
  }
}
