/**
 * podutil.FindPort (pkg/api/v1/pod/util.go): resolves a Service port's targetPort for one Pod.
 * A number is used as is (the Pod need not declare it); a name is looked up among the Pod's
 * container ports with the same protocol (and restartable init containers', i.e. sidecars).
 * A Pod lacking the named port gets no endpoint for that Service port.
 */

import type { ContainerPort, Pod, ServicePort } from '../../shared/api-types';

/** The container port a Service port targets on this Pod, or undefined when the name is not found. */
export function findPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  // An all-digit string would be an IntOrString number after decoding JSON; accept it as one.
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = servicePort.protocol ?? 'TCP';
  const matches = (p: ContainerPort): boolean => p.name === target && (p.protocol ?? 'TCP') === protocol;
  for (const c of pod.spec.containers ?? []) for (const p of c.ports ?? []) if (matches(p)) return p.containerPort;
  const inits = (pod.spec.initContainers ?? []) as { restartPolicy?: string; ports?: ContainerPort[] }[];
  for (const c of inits) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) if (matches(p)) return p.containerPort;
  }
  return undefined;
}
