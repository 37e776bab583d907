/** Maps the protocol's requests onto an Engine: the handler object serve-engine checks for exhaustiveness. */

import { ENGINE_PROTOCOL_VERSION, type EngineHandlers } from '../../shared/engine-protocol';
import type { Engine } from '../engine';
import { ShellSession } from '../shell/shell-session';
import { labCluster } from '../labs/lab-cluster';
import { evaluateChecks } from '../labs/lab-checks';
import { parseLab } from '../labs/parse-lab';
import { exportLabForRealCluster } from '../labs/real-cluster-export';
import { objectTables, objectYaml } from '../views/object-tables';
import { completeShellLine } from '../shell/completion/shell-completion';
import { withClusterHistory } from '../state/cluster-history';
import { switchableEngine } from '../state/switchable-engine';

/** The kinds the views show (snapshot and change events). */
export const VIEW_KINDS = ['Namespace', 'Node', 'Pod', 'Service', 'Endpoints', 'EndpointSlice', 'ConfigMap'] as const;

export function createEngineHandlers(given: Engine): EngineHandlers {
  // Load, undo and reset replace the cluster behind this facade (src/engine/state/cluster-history.ts).
  const engine = switchableEngine(given);
  // Terminal sessions by id; each reads `kubectl apply -f NAME` from the files sent with its last line.
  const sessions = new Map<string, { session: ShellSession; files: Record<string, string> }>();
  const sessionFor = (id: string) => {
    let entry = sessions.get(id);
    if (!entry) {
      const files: Record<string, string> = {};
      entry = { files, session: new ShellSession(engine, { read: (path) => entry!.files[path.replace(/^\.\//, '')] }) };
      sessions.set(id, entry);
    }
    return entry;
  };
  return withClusterHistory(engine, {
    hello: () => ({ protocolVersion: ENGINE_PROTOCOL_VERSION, config: engine.config, now: engine.now() }),
    apply: ({ text, fileName }) => engine.apply(text, { fileName }),
    deleteManifest: ({ text, fileName }) => engine.deleteManifest(text, { fileName }),
    get: ({ kind, namespace, name }) => engine.store.get(kind, namespace, name) ?? null,
    list: ({ kind, namespace, labelSelector }) => engine.list(kind, namespace, labelSelector),
    advance: ({ ms }) => {
      engine.advance(ms);
      return { now: engine.now() };
    },
    settle: () => {
      engine.settle();
      return { now: engine.now() };
    },
    dnsTable: () => engine.dnsTable(),
    lookup: ({ pod, name, type }) => engine.lookup(pod, name, type),
    snapshot: () => ({
      resourceVersion: engine.store.resourceVersion,
      now: engine.now(),
      objects: VIEW_KINDS.flatMap((kind) => engine.store.list(kind)),
      dns: engine.dnsTable(),
    }),
    shellRun: ({ session, line, files }) => {
      const entry = sessionFor(session);
      if (files) entry.files = files;
      const { stdout, stderr, exitCode, hops } = entry.session.run(line);
      return { output: { stdout, stderr, exitCode, ...(hops ? { hops } : {}) }, prompt: entry.session.prompt() };
    },
    shellPrompt: ({ session }) => ({ prompt: sessionFor(session).session.prompt() }),
    objectTables: ({ namespace }) => objectTables(engine, namespace),
    objectYaml: (ref) => objectYaml(engine, ref),
    shellComplete: ({ session, line, cursor, files }) => completeShellLine(engine, sessionFor(session).session.target, { line, cursor, files }),
    labLoad: ({ files, id, source }) => parseLab({ files, id, source }),
    labCheck: ({ checks, transcript }) => evaluateChecks(engine, checks, transcript),
    labExport: ({ lab }) => ({ files: exportLabForRealCluster(lab) }),
    labStart: ({ lab }) => {
      const next = labCluster(lab, engine.current);
      if ('error' in next) return next;
      sessions.clear();
      engine.switchTo(next.engine);
      return { now: engine.now() };
    },
  }, () => sessions.clear());
}
