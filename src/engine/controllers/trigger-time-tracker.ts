/**
 * endpointsliceutil.TriggerTimeTracker (staging/src/k8s.io/endpointslice/util/trigger_time_tracker.go):
 * computes the `endpoints.kubernetes.io/last-change-trigger-time` annotation — the earliest
 * change (a Pod's Ready transition, or the Service's creation) not yet reflected by the previous
 * sync. Stateful by design, exactly as upstream: a sync with no new trigger clears the annotation.
 */

import type { Pod, Service } from '../../shared/api-types';

/** Annotation key (v1.EndpointsLastChangeTriggerTime). */
export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

interface ServiceState {
  lastServiceTriggerTime: string;
  lastPodTriggerTimes: Map<string, string>;
}

/** Tracks, per Service, the trigger times seen at the last sync. */
export class TriggerTimeTracker {
  #states = new Map<string, ServiceState>();

  /**
   * Returns the trigger time to export (RFC 3339; times here have second precision, which is how
   * RFC3339Nano prints them too), or undefined when the annotation should be cleared.
   */
  compute(service: Service, pods: readonly Pod[]): string | undefined {
    const key = `${service.metadata.namespace}/${service.metadata.name}`;
    const state = this.#states.get(key);
    let minChanged: string | undefined;
    const podTimes = new Map<string, string>();
    for (const pod of pods) {
      const t = podTriggerTime(pod);
      if (!t) continue;
      podTimes.set(pod.metadata.name ?? '', t);
      const last = state?.lastPodTriggerTimes.get(pod.metadata.name ?? '');
      if (last === undefined || after(t, last)) minChanged = earliest(minChanged, t);
    }
    const serviceTime = service.metadata.creationTimestamp ?? '';
    if (state === undefined || after(serviceTime, state.lastServiceTriggerTime)) minChanged = earliest(minChanged, serviceTime);
    this.#states.set(key, { lastServiceTriggerTime: serviceTime, lastPodTriggerTimes: podTimes });
    if (!state) return serviceTime || undefined; // New Service: use its creationTimestamp.
    return minChanged || undefined;
  }

  /** Forgets a deleted Service. */
  deleteService(namespace: string, name: string): void {
    this.#states.delete(`${namespace}/${name}`);
  }
}

/** getPodTriggerTime: the Ready condition's lastTransitionTime. */
function podTriggerTime(pod: Pod): string | undefined {
  return (pod.status?.conditions ?? []).find((c) => c.type === 'Ready')?.lastTransitionTime;
}

function after(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

function earliest(current: string | undefined, t: string): string {
  return current === undefined || Date.parse(t) < Date.parse(current) ? t : current;
}
