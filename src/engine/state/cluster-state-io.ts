/**
 * exportState / restoreState: an engine to a plain-JSON ClusterSnapshot and back. A restored
 * engine continues exactly as the saved one would have: same objects and resourceVersions, same
 * next pod IP, ClusterIP, NodePort and uid, same DNS caches and round-robin positions (it is
 * rebuilt by replaying the saved journal on a fresh engine with the same config, and then checked
 * against the saved objects).
 */

import type { KubeObject } from '../../shared/api-types';
import { CLUSTER_SNAPSHOT_FORMAT, CLUSTER_SNAPSHOT_VERSION, type ClusterSnapshot, type JournalEntry } from '../../shared/cluster-snapshot';
import { createEngine, type Engine, type EngineOptions } from '../engine';
import { jsonEqual } from '../store/clone';
import type { World } from '../world/world';
import { allObjects } from './all-objects';
import { advanceTo, journalOf, replayJournal, setJournal } from './engine-journal';
import { rebuildFromObjects } from './rebuild-from-objects';
import { parseSnapshot } from './parse-snapshot';

/** The engine behind a facade (a SwitchableEngine), or the engine itself. */
function inner(engine: Engine): Engine {
  return (engine as Partial<{ current: Engine }>).current ?? engine;
}

export { allObjects };

/** The engine's state as plain JSON. */
export function exportState(engine: Engine): ClusterSnapshot {
  const target = inner(engine);
  const journal = journalOf(target);
  return {
    format: CLUSTER_SNAPSHOT_FORMAT,
    version: CLUSTER_SNAPSHOT_VERSION,
    config: structuredCopy(target.config),
    now: target.now(),
    resourceVersion: target.store.resourceVersion,
    journal: journal.entries.map(structuredCopy),
    undoPoints: [...journal.undoPoints],
    objects: allObjects(target).map(structuredCopy),
  };
}

/**
 * A new engine in the saved state, or why the snapshot cannot be restored (malformed, another
 * format version, or a journal that no longer replays to the saved objects — e.g. saved by a
 * Service Lab whose simulator behaves differently). Nothing outside the new engine is touched.
 */
export function restoreState(value: unknown, world?: World, options: EngineOptions = {}): { engine: Engine; warning?: string } | { error: string } {
  const parsed = parseSnapshot(value);
  if ('error' in parsed) return parsed;
  const { snapshot } = parsed;
  const built = replayed(snapshot.config, snapshot.journal, snapshot.now, world, options);
  if ('error' in built) return built;
  const mismatch = firstMismatch(allObjects(built.engine), snapshot.objects) ?? (built.engine.store.resourceVersion !== snapshot.resourceVersion ? `resourceVersion ${built.engine.store.resourceVersion}, saved ${snapshot.resourceVersion}` : undefined);
  if (mismatch) {
    // Saved by a simulator that behaves differently: keep the learner's objects, not the history.
    const rebuilt = rebuildFromObjects(snapshot, world, options);
    const failed = rebuilt.failed.length > 0 ? `; could not re-create ${rebuilt.failed.join(', ')}` : '';
    return { engine: rebuilt.engine, warning: `the saved history does not replay here (${mismatch}), so the cluster was rebuilt from its saved objects: addresses may differ and undo starts afresh${failed}` };
  }
  setJournal(built.engine, withRestart(snapshot.journal, snapshot.now), snapshot.undoPoints);
  return built;
}

/**
 * The engine as it was just before journal entry `index` ran, then left to run on to `now` — the
 * cluster as if that request (and what followed it) had never been made.
 */
export function rewind(engine: Engine, index: number, now: number, options: EngineOptions = {}): { engine: Engine } | { error: string } {
  const target = inner(engine);
  const journal = journalOf(target);
  const entry = journal.entries[index];
  if (!entry) return { error: `no journal entry ${index}` };
  const kept = journal.entries.slice(0, index);
  const built = replayed(target.config, kept, entry.at, target.world, options);
  if ('error' in built) return built;
  advanceTo(built.engine, now);
  setJournal(built.engine, withRestart(kept, entry.at), journal.undoPoints.filter((p) => p < index));
  return built;
}

/** A freshly bootstrapped engine with the same config (and an empty journal). */
export function freshEngine(engine: Engine, options: EngineOptions = {}): Engine {
  const target = inner(engine);
  return createEngine(target.config, target.world, options);
}

function replayed(config: ClusterSnapshot['config'], entries: readonly JournalEntry[], now: number, world: World | undefined, options: EngineOptions): { engine: Engine } | { error: string } {
  let engine: Engine;
  try {
    engine = createEngine(config, world, options);
  } catch (error) {
    return { error: `cannot restore the saved cluster: its config is invalid (${error instanceof Error ? error.message : String(error)})` };
  }
  replayJournal(engine, entries);
  advanceTo(engine, now);
  return { engine };
}

/** Terminal sessions do not survive a restore: the journal says so, so a later replay agrees. */
function withRestart(entries: readonly JournalEntry[], at: number): JournalEntry[] {
  return entries.at(-1)?.op === 'restart' ? [...entries] : [...entries, { at, op: 'restart' }];
}

function firstMismatch(actual: readonly KubeObject[], saved: readonly KubeObject[]): string | undefined {
  const name = (o: KubeObject) => `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;
  const savedByName = new Map(saved.map((o) => [name(o), o]));
  for (const o of actual) {
    const s = savedByName.get(name(o));
    if (!s) return `${name(o)} was not saved`;
    if (!jsonEqual(o, s)) return `${name(o)} differs`;
    savedByName.delete(name(o));
  }
  const missing = savedByName.keys().next();
  return missing.done ? undefined : `${missing.value} is missing`;
}

/** A JSON deep copy (snapshots share nothing with live, frozen store objects). */
function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
