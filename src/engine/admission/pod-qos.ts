/**
 * The Pod QoS class the apiserver records on create (pkg/apis/core/helper/qos GetPodQOS, reduced
 * to cpu and memory): BestEffort without requests or limits, Guaranteed when every container
 * limits both cpu and memory and requests (if any) equal limits, Burstable otherwise.
 */

type Obj = Record<string, unknown>;

/** The QoS class of a pod spec. */
export function podQOSClass(spec: Obj): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers = [...(Array.isArray(spec.containers) ? spec.containers : []), ...(Array.isArray(spec.initContainers) ? spec.initContainers : [])] as Obj[];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const res = (c?.resources ?? {}) as { limits?: Obj; requests?: Obj };
    const limits = res.limits ?? {};
    const requests = res.requests ?? {};
    if (Object.keys(limits).length > 0 || Object.keys(requests).length > 0) any = true;
    for (const r of ['cpu', 'memory']) {
      if (limits[r] === undefined) guaranteed = false;
      else if (requests[r] !== undefined && String(requests[r]) !== String(limits[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
