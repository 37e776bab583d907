/**
 * podLister.Pods(namespace).List(selector) for a Service's equality selector, served from the
 * pods-by-label index: the smallest bucket among the selector's pairs is filtered by the rest, so
 * a sync costs O(Pods carrying the rarest selected label), not O(all Pods).
 */

import type { Pod } from '../../shared/api-types';
import { matchesMap } from '../store/label-selector';
import type { ObjectStore } from '../store/object-store';
import { INDEX, labelIndexValue } from './indexes';

/**
 * The last answer per selector object. The endpoints and EndpointSlice controllers sync the same
 * Service in the same round and ask with the same (shared, immutable) selector object; the answer
 * holds until any Pod is written.
 */
const answers = new WeakMap<object, { store: ObjectStore; namespace: string; podVersion: number; pods: readonly Pod[] }>();

/** Pods in `namespace` whose labels contain every pair of `selector`, sorted by name. */
export function podsForSelector(store: ObjectStore, namespace: string, selector: Readonly<Record<string, string>>): readonly Pod[] {
  const podVersion = store.kindVersion('Pod');
  const last = answers.get(selector);
  if (last && last.store === store && last.namespace === namespace && last.podVersion === podVersion) return last.pods;
  const pods = selectPods(store, namespace, selector);
  answers.set(selector, { store, namespace, podVersion, pods });
  return pods;
}

function selectPods(store: ObjectStore, namespace: string, selector: Readonly<Record<string, string>>): readonly Pod[] {
  const keys = Object.keys(selector);
  if (keys.length === 0) return [];
  let smallest: Pod[] | undefined;
  for (const key of keys) {
    const bucket = store.byIndex<Pod>(INDEX.podsByLabel, labelIndexValue(namespace, key, selector[key]));
    if (!smallest || bucket.length < smallest.length) smallest = bucket;
    if (bucket.length === 0) return [];
  }
  return smallest!.filter((pod) => matchesMap(selector, pod.metadata.labels));
}
