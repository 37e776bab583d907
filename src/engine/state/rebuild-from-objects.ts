/**
 * The fallback when a saved journal no longer replays to the saved objects (the snapshot was made
 * by a Service Lab whose simulator behaves differently): rebuild the cluster from the saved
 * objects themselves, as a person would re-create them with kubectl on a new cluster. Objects that
 * were applied are applied again from their last-applied-configuration (`kubectl apply`); objects
 * made otherwise (`kubectl run`, `create`) are created again without their server-set fields;
 * what controllers and the bootstrap make (EndpointSlices, the Endpoints of selector Services,
 * kube-system) is left to them. Addresses may differ from the saved ones; the caller says so.
 *
 * Every step runs as a recorded terminal line, so the rebuilt cluster replays exactly afterwards.
 */

import type { KubeObject, Service } from '../../shared/api-types';
import type { ClusterSnapshot } from '../../shared/cluster-snapshot';
import { LAST_APPLIED_ANNOTATION } from '../admission/last-applied';
import { createEngine, type Engine, type EngineOptions } from '../engine';
import { ShellSession } from '../shell/shell-session';
import type { World } from '../world/world';
import { allObjects } from './all-objects';
import { recordAndRun } from './engine-journal';

/** Creation order: what others refer to first. */
const ORDER = ['Namespace', 'ConfigMap', 'Service', 'Endpoints', 'Pod'];
const SESSION = 'restore';

/** Server-set fields a client never sends. */
function asClientObject(o: KubeObject): KubeObject {
  const { uid: _u, resourceVersion: _r, creationTimestamp: _c, generation: _g, managedFields: _m, ...metadata } = o.metadata as KubeObject['metadata'] & Record<string, unknown>;
  const { status: _s, ...rest } = o as KubeObject & { status?: unknown };
  return { ...rest, metadata } as KubeObject;
}

/** True for what the cluster makes by itself (bootstrap, controllers). */
function madeByCluster(o: KubeObject, saved: readonly KubeObject[], fresh: ReadonlySet<string>): boolean {
  if (fresh.has(`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`)) return true;
  if (o.kind === 'EndpointSlice' || o.kind === 'Node') return true;
  if (o.kind === 'Endpoints') {
    const svc = saved.find((s) => s.kind === 'Service' && s.metadata.namespace === o.metadata.namespace && s.metadata.name === o.metadata.name) as Service | undefined;
    // The endpoints controller owns the Endpoints of a Service with a selector.
    return !!svc?.spec?.selector && Object.keys(svc.spec.selector).length > 0;
  }
  return false;
}

/** A fresh engine holding the snapshot's user objects, and how many could not be re-created. */
export function rebuildFromObjects(snapshot: ClusterSnapshot, world: World | undefined, options: EngineOptions): { engine: Engine; failed: string[] } {
  const engine = createEngine(snapshot.config, world, options);
  const fresh = new Set(allObjects(engine).map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`));
  const rank = (o: KubeObject) => (ORDER.includes(o.kind) ? ORDER.indexOf(o.kind) : ORDER.length);
  const wanted = snapshot.objects.filter((o) => !madeByCluster(o, snapshot.objects, fresh)).sort((a, b) => rank(a) - rank(b));
  // Each line carries only its own file (as the journal records it, so a replay reads the same).
  let files: Record<string, string> = {};
  const session = new ShellSession(engine, { read: (path) => files[path] });
  const failed: string[] = [];
  for (const o of wanted) {
    const lastApplied = o.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
    const file = `${o.kind.toLowerCase()}-${o.metadata.namespace ?? 'cluster'}-${o.metadata.name}.json`;
    files = { [file]: lastApplied ?? JSON.stringify(asClientObject(o)) };
    const line = `kubectl ${lastApplied ? 'apply' : 'create'} -f ${file}`;
    const result = recordAndRun(engine, { op: 'shell', session: SESSION, line, files }, () => session.run(line));
    if (result.exitCode !== 0) failed.push(`${o.kind} ${o.metadata.name}: ${result.stderr.trim()}`);
  }
  // As the saved cluster had: pods started, then the same virtual time.
  engine.settle();
  if (snapshot.now > engine.now()) engine.advance(snapshot.now - engine.now());
  return { engine, failed };
}
