/**
 * How the apiserver completes EndpointSlice writes, for controllers that write straight to the
 * store: generateName becomes a name (generated-name.ts), a new slice starts at generation 1, and
 * an update that changes anything but metadata bumps the generation
 * (pkg/registry/discovery/endpointslice/strategy.go PrepareForUpdate).
 */

import type { EndpointSlice } from '../../shared/api-types';
import { jsonEqualExcept } from '../store/clone';
import type { ObjectStore } from '../store/object-store';
import type { Random } from '../random';
import { generateName } from './generated-name';

/** Creates a slice, naming it from generateName when it has no name. */
export function createSlice(store: ObjectStore, slice: EndpointSlice, names: Random): EndpointSlice {
  const ns = slice.metadata.namespace;
  const name = slice.metadata.name || generateName(slice.metadata.generateName ?? '', names, (n) => !!store.get('EndpointSlice', ns, n));
  return store.create<EndpointSlice>({ ...slice, metadata: { ...slice.metadata, name, generation: 1 } });
}

/** Updates a slice, bumping generation when its content (not metadata) changed. */
export function updateSlice(store: ObjectStore, slice: EndpointSlice): void {
  const current = store.get<EndpointSlice>('EndpointSlice', slice.metadata.namespace, slice.metadata.name ?? '');
  if (!current) return;
  const generation = (current.metadata.generation ?? 1) + (jsonEqualExcept(current, slice, 'metadata') ? 0 : 1);
  store.update<EndpointSlice>({ ...slice, metadata: { ...slice.metadata, generation } });
}
