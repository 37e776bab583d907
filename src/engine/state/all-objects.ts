/** Every stored object of an engine, in a stable order (what snapshots save and diffs compare). */

import type { KubeObject } from '../../shared/api-types';
import { servedKinds } from '../admission/resource-mapping';
import type { Engine } from '../engine';

/** Every stored object, sorted by kind then namespace/name. */
export function allObjects(engine: Engine): KubeObject[] {
  const kinds = servedKinds()
    .map((k) => k.kind)
    .sort();
  return kinds.flatMap((kind) => engine.store.list(kind));
}
