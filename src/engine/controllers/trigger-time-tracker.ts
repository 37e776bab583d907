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
    const lastTimes = state?.lastPodTriggerTimes;
    let minChanged: string | undefined;
    let withTime = 0;
    let unchanged = lastTimes !== undefined;
    for (const pod of pods) {
      const t = podTriggerTime(pod);
      if (!t) continue;
      withTime++;
      const last = lastTimes?.get(pod.metadata.name ?? '');
      if (last === t) continue; // the same instant is not after itself
      unchanged = false;
      if (last === undefined || after(t, last)) minChanged = earliest(minChanged, t);
    }
    // Most syncs see the same trigger times as the last one: keep that record instead of a copy.
    let podTimes = lastTimes;
    if (!unchanged || withTime !== lastTimes!.size) {
      podTimes = new Map<string, string>();
      for (const pod of pods) {
        const t = podTriggerTime(pod);
        if (t) podTimes.set(pod.metadata.name ?? '', t);
      }
    }
    const serviceTime = service.metadata.creationTimestamp ?? '';
    if (state === undefined || (serviceTime !== state.lastServiceTriggerTime && after(serviceTime, state.lastServiceTriggerTime))) minChanged = earliest(minChanged, serviceTime);
    if (!state || podTimes !== lastTimes || state.lastServiceTriggerTime !== serviceTime) {
      this.#states.set(key, { lastServiceTriggerTime: serviceTime, lastPodTriggerTimes: podTimes! });
    }
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
  for (const c of pod.status?.conditions ?? []) if (c.type === 'Ready') return c.lastTransitionTime;
  return undefined;
}

function after(a: string, b: string): boolean {
  return parseTime(a) > parseTime(b);
}

function earliest(current: string | undefined, t: string): string {
  return current === undefined || parseTime(t) < parseTime(current) ? t : current;
}

// Trigger times repeat (every Pod that turned Ready in the same second shares one): parse each once.
const MAX_PARSED = 512;
const parsed = new Map<string, number>();

/** Date.parse, memoized (NaN for text that is not a time, as Date.parse gives). */
function parseTime(text: string): number {
  let ms = parsed.get(text);
  if (ms === undefined) {
    ms = Date.parse(text);
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(text, ms);
  }
  return ms;
}
