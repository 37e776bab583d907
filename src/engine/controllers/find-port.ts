/**
 * podutil.FindPort (pkg/api/v1/pod/util.go): resolves a Service port's targetPort for one Pod.
 * A number is used as is (the Pod need not declare it); a name is looked up among the Pod's
 * container ports with the same protocol (and restartable init containers', i.e. sidecars).
 * A Pod lacking the named port gets no endpoint for that Service port.
 */

import type { ContainerPort, Pod, ServicePort } from '../../shared/api-types';

/** The container port a Service port targets on this Pod, or undefined when the name is not found. */
export function findPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const fixed = fixedTargetPort(servicePort);
  if (fixed !== undefined) return fixed;
  const target = servicePort.targetPort as string;
  const protocol = servicePort.protocol ?? 'TCP';
  for (const c of pod.spec.containers ?? []) for (const p of c.ports ?? []) if (matches(p, target, protocol)) return p.containerPort;
  const inits = (pod.spec.initContainers ?? []) as { restartPolicy?: string; ports?: ContainerPort[] }[];
  for (const c of inits) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) if (matches(p, target, protocol)) return p.containerPort;
  }
  return undefined;
}

/** The target port when it is a number (the same on every Pod), else undefined (a name, looked up per Pod). */
export function fixedTargetPort(servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  // An all-digit string would be an IntOrString number after decoding JSON; accept it as one.
  if (/^\d+$/.test(target)) return Number(target);
  return undefined;
}

function matches(p: ContainerPort, name: string, protocol: string): boolean {
  return p.name === name && (p.protocol ?? 'TCP') === protocol;
}
