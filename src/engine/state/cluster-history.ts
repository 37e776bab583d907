/**
 * The requests that move a whole cluster: save, load, undo the last change, reset. They wrap the
 * RPC handlers: each request that may change the cluster is recorded in the engine's journal
 * (so it can be saved and replayed), and one that changed objects becomes an undo point. Undo,
 * load and reset build a new engine and switch the SwitchableEngine to it; terminal sessions end
 * (the journal notes it) and the host tells the views to re-read everything.
 */

import type { EngineHandlers } from '../../shared/engine-protocol';
import type { Engine, EngineOptions } from '../engine';
import { allObjects, exportState, freshEngine, restoreState, rewind } from './cluster-state-io';
import { journalOf, recordAndRun } from './engine-journal';
import { diffStates } from './state-diff';
import type { SwitchableEngine } from './switchable-engine';

/** The requests this module serves. */
export type HistoryMethods = 'saveState' | 'loadState' | 'undoLastApply' | 'reset';

/** Handlers for everything else. */
export type BaseHandlers = Omit<EngineHandlers, HistoryMethods>;

/** New engines run as the current one does (hosts turn freezing off for speed). */
function optionsLike(engine: Engine): EngineOptions {
  const sample = engine.store.list('Namespace')[0];
  return { freezeObjects: sample ? Object.isFrozen(sample) : true };
}

const observe = (engine: Engine) => ({ objects: allObjects(engine), dns: engine.dnsTable() });

/**
 * `base` with recording added to the requests that change the cluster, plus the history requests.
 * `closeSessions` ends the terminal sessions (they belong to the cluster being replaced).
 */
export function withClusterHistory(engine: SwitchableEngine, base: BaseHandlers, closeSessions: () => void): EngineHandlers {
  const switchTo = (next: Engine): void => {
    closeSessions();
    engine.switchTo(next);
  };
  return {
    ...base,
    apply: (input) => recordAndRun(engine.current, { op: 'apply', text: input.text, fileName: input.fileName }, () => base.apply(input)),
    deleteManifest: (input) => recordAndRun(engine.current, { op: 'delete', text: input.text, fileName: input.fileName }, () => base.deleteManifest(input)),
    lookup: (input) => recordAndRun(engine.current, { op: 'lookup', pod: input.pod, name: input.name, type: input.type }, () => base.lookup(input)),
    shellRun: (input) => recordAndRun(engine.current, { op: 'shell', session: input.session, line: input.line, files: input.files }, () => base.shellRun(input)),
    saveState: () => exportState(engine.current),
    loadState: ({ snapshot }) => {
      const restored = restoreState(snapshot, engine.world, optionsLike(engine.current));
      if ('error' in restored) return restored;
      switchTo(restored.engine);
      return { now: engine.now(), ...(restored.warning ? { warning: restored.warning } : {}) };
    },
    undoLastApply: () => {
      const current = engine.current;
      const points = journalOf(current).undoPoints;
      const last = points.at(-1);
      if (last === undefined) return { undone: false };
      const before = observe(current);
      const rewound = rewind(current, last, current.now(), optionsLike(current));
      if ('error' in rewound) return { undone: false };
      switchTo(rewound.engine);
      return { undone: true, diff: diffStates(before, observe(rewound.engine)), remaining: journalOf(rewound.engine).undoPoints.length };
    },
    reset: () => {
      switchTo(freshEngine(engine.current, optionsLike(engine.current)));
      return { now: engine.now() };
    },
  };
}
