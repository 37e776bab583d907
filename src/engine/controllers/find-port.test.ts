import { describe, expect, it } from 'vitest';
import type { ContainerPort, ServicePort } from '../../shared/api-types';
import { findPort } from './find-port';
import { pendingPod } from './test-support/cluster-fixture';

const podWith = (ports: ContainerPort[]) => pendingPod('p', {}, { containers: [{ name: 'c', image: 'kubetm/app', ports }] });

describe('findPort (podutil.FindPort)', () => {
  it.each<{ name: string; ports: ContainerPort[]; sp: ServicePort; expected: number | undefined }>([
    { name: 'a numeric targetPort is used as is, declared or not', ports: [], sp: { port: 80, targetPort: 8080, protocol: 'TCP' }, expected: 8080 },
    { name: 'a name finds the matching container port', ports: [{ name: 'metrics', containerPort: 9090 }, { name: 'web', containerPort: 8080 }], sp: { port: 80, targetPort: 'web', protocol: 'TCP' }, expected: 8080 },
    { name: 'a name the Pod lacks finds nothing', ports: [{ name: 'other', containerPort: 8080 }], sp: { port: 80, targetPort: 'web', protocol: 'TCP' }, expected: undefined },
    { name: 'the protocol must match too', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }], sp: { port: 53, targetPort: 'dns', protocol: 'TCP' }, expected: undefined },
    { name: 'no targetPort means the port itself', ports: [], sp: { port: 8080, protocol: 'TCP' }, expected: 8080 },
  ])('$name', ({ ports, sp, expected }) => {
    expect(findPort(podWith(ports), sp)).toBe(expected);
  });
});
