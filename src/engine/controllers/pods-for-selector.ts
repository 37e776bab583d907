/**
 * podLister.Pods(namespace).List(selector) for a Service's equality selector, served from the
 * pods-by-label index: the smallest bucket among the selector's pairs is filtered by the rest, so
 * a sync costs O(Pods carrying the rarest selected label), not O(all Pods).
 */

import type { Pod } from '../../shared/api-types';
import { matchesMap } from '../store/label-selector';
import type { ObjectStore } from '../store/object-store';
import { INDEX, labelIndexValue } from './indexes';

/** Pods in `namespace` whose labels contain every pair of `selector`, sorted by name. */
export function podsForSelector(store: ObjectStore, namespace: string, selector: Readonly<Record<string, string>>): Pod[] {
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
