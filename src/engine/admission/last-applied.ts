/**
 * kubectl client-side apply bookkeeping (k8s.io/kubectl/pkg/util/apply.go GetModifiedConfiguration):
 * the annotation holds the user's object, as kubectl sent it, without the annotation itself —
 * which leaves `"annotations":{}` when the user wrote none — JSON-encoded by Go plus "\n".
 */

import type { KubeObject } from '../../shared/api-types';
import { deepFreeze } from '../store/clone';
import { goJsonMarshal } from './go-json';
import { isPlainData } from './plain-data';

/** The annotation key. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The annotation value kubectl writes for this configuration. For plain data (`plain`, see
 * plain-data.ts) the JSON round trip changes nothing goJsonMarshal prints (it drops undefined
 * members and prints -0, NaN and ±Infinity as JSON would), so it is skipped: only the metadata
 * is replaced, and the rest is marshalled where it is.
 */
export function lastAppliedConfiguration(config: KubeObject, plain = isPlainData(config)): string {
  const given = config.metadata.annotations as unknown;
  // The annotations are spread into a new map: only a map (or nothing) spreads as its round trip would.
  const mapOrNothing = given === undefined || given === null || (typeof given === 'object' && !Array.isArray(given));
  if (!plain || !mapOrNothing) {
    const copy = JSON.parse(JSON.stringify(config)) as KubeObject;
    const annotations = { ...(copy.metadata.annotations ?? {}) };
    delete annotations[LAST_APPLIED_ANNOTATION];
    copy.metadata = { ...copy.metadata, annotations };
    return `${goJsonMarshal(copy)}\n`;
  }
  const annotations = { ...(config.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  return `${goJsonMarshal({ ...config, metadata: { ...config.metadata, annotations } })}\n`;
}

/** Parsed annotations by text (re-applying unchanged objects reads the same texts again). Deep-frozen: read only. */
const parsedCache = new Map<string, Record<string, unknown> | undefined>();
const PARSED_CACHE_MAX = 2000;

/** The configuration recorded on a live object, if any and if it parses. Deep-frozen (shared between calls). */
export function readLastApplied(live: KubeObject): Readonly<Record<string, unknown>> | undefined {
  const text = live.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
  if (!text) return undefined;
  if (parsedCache.has(text)) return parsedCache.get(text);
  let result: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    result = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? deepFreeze(parsed as Record<string, unknown>) : undefined;
  } catch {
    result = undefined;
  }
  // Full: start over (cheaper than evicting one by one, and re-applies read recent texts).
  if (parsedCache.size >= PARSED_CACHE_MAX) parsedCache.clear();
  parsedCache.set(text, result);
  return result;
}
