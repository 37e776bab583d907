/**
 * kubectl client-side apply bookkeeping (k8s.io/kubectl/pkg/util/apply.go GetModifiedConfiguration):
 * the annotation holds the user's object, as kubectl sent it, without the annotation itself —
 * which leaves `"annotations":{}` when the user wrote none — JSON-encoded by Go plus "\n".
 */

import type { KubeObject } from '../../shared/api-types';
import { goJsonMarshal } from './go-json';

/** The annotation key. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** The annotation value kubectl writes for this configuration. */
export function lastAppliedConfiguration(config: KubeObject): string {
  const copy = JSON.parse(JSON.stringify(config)) as KubeObject;
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  copy.metadata = { ...copy.metadata, annotations };
  return `${goJsonMarshal(copy)}\n`;
}

/** The configuration recorded on a live object, if any and if it parses. */
export function readLastApplied(live: KubeObject): Record<string, unknown> | undefined {
  const text = live.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
