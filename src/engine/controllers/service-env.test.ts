import { describe, expect, it } from 'vitest';
import type { Service } from '../../shared/api-types';
import { envVarsFromServices, serviceEnvironment } from './service-env';
import { pendingPod } from './test-support/cluster-fixture';

function service(name: string, clusterIP: string, ports: { name?: string; port: number; protocol: 'TCP' | 'UDP' | 'SCTP' }[], namespace = 'default'): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector: { bar: 'baz' }, clusterIP, ports } };
}

describe('envVarsFromServices (the cases of envvars_test.go TestFromServices)', () => {
  it('produces the upstream variables, in order', () => {
    const vars = envVarsFromServices([
      service('foo-bar', '1.2.3.4', [{ port: 8080, protocol: 'TCP' }]),
      service('abc-123', '5.6.7.8', [
        { name: 'u-d-p', port: 8081, protocol: 'UDP' },
        { name: 't-c-p', port: 8081, protocol: 'TCP' },
      ]),
      service('q-u-u-x', '9.8.7.6', [
        { port: 8082, protocol: 'TCP' },
        { name: '8083', port: 8083, protocol: 'TCP' },
      ]),
      service('svrc-clusterip-none', 'None', [{ port: 8082, protocol: 'TCP' }]),
      service('svrc-clusterip-empty', '', [{ port: 8082, protocol: 'TCP' }]),
      service('super-ipv6', '2001:DB8::', [
        { name: 'u-d-p', port: 8084, protocol: 'UDP' },
        { name: 't-c-p', port: 8084, protocol: 'TCP' },
      ]),
      service('sctp-1', '1.2.3.4', [{ port: 777, protocol: 'SCTP' }]),
    ]);
    expect(vars).toEqual([
      ['FOO_BAR_SERVICE_HOST', '1.2.3.4'],
      ['FOO_BAR_SERVICE_PORT', '8080'],
      ['FOO_BAR_PORT', 'tcp://1.2.3.4:8080'],
      ['FOO_BAR_PORT_8080_TCP', 'tcp://1.2.3.4:8080'],
      ['FOO_BAR_PORT_8080_TCP_PROTO', 'tcp'],
      ['FOO_BAR_PORT_8080_TCP_PORT', '8080'],
      ['FOO_BAR_PORT_8080_TCP_ADDR', '1.2.3.4'],
      ['ABC_123_SERVICE_HOST', '5.6.7.8'],
      ['ABC_123_SERVICE_PORT', '8081'],
      ['ABC_123_SERVICE_PORT_U_D_P', '8081'],
      ['ABC_123_SERVICE_PORT_T_C_P', '8081'],
      ['ABC_123_PORT', 'udp://5.6.7.8:8081'],
      ['ABC_123_PORT_8081_UDP', 'udp://5.6.7.8:8081'],
      ['ABC_123_PORT_8081_UDP_PROTO', 'udp'],
      ['ABC_123_PORT_8081_UDP_PORT', '8081'],
      ['ABC_123_PORT_8081_UDP_ADDR', '5.6.7.8'],
      ['ABC_123_PORT_8081_TCP', 'tcp://5.6.7.8:8081'],
      ['ABC_123_PORT_8081_TCP_PROTO', 'tcp'],
      ['ABC_123_PORT_8081_TCP_PORT', '8081'],
      ['ABC_123_PORT_8081_TCP_ADDR', '5.6.7.8'],
      ['Q_U_U_X_SERVICE_HOST', '9.8.7.6'],
      ['Q_U_U_X_SERVICE_PORT', '8082'],
      ['Q_U_U_X_SERVICE_PORT_8083', '8083'],
      ['Q_U_U_X_PORT', 'tcp://9.8.7.6:8082'],
      ['Q_U_U_X_PORT_8082_TCP', 'tcp://9.8.7.6:8082'],
      ['Q_U_U_X_PORT_8082_TCP_PROTO', 'tcp'],
      ['Q_U_U_X_PORT_8082_TCP_PORT', '8082'],
      ['Q_U_U_X_PORT_8082_TCP_ADDR', '9.8.7.6'],
      ['Q_U_U_X_PORT_8083_TCP', 'tcp://9.8.7.6:8083'],
      ['Q_U_U_X_PORT_8083_TCP_PROTO', 'tcp'],
      ['Q_U_U_X_PORT_8083_TCP_PORT', '8083'],
      ['Q_U_U_X_PORT_8083_TCP_ADDR', '9.8.7.6'],
      ['SUPER_IPV6_SERVICE_HOST', '2001:DB8::'],
      ['SUPER_IPV6_SERVICE_PORT', '8084'],
      ['SUPER_IPV6_SERVICE_PORT_U_D_P', '8084'],
      ['SUPER_IPV6_SERVICE_PORT_T_C_P', '8084'],
      ['SUPER_IPV6_PORT', 'udp://[2001:DB8::]:8084'],
      ['SUPER_IPV6_PORT_8084_UDP', 'udp://[2001:DB8::]:8084'],
      ['SUPER_IPV6_PORT_8084_UDP_PROTO', 'udp'],
      ['SUPER_IPV6_PORT_8084_UDP_PORT', '8084'],
      ['SUPER_IPV6_PORT_8084_UDP_ADDR', '2001:DB8::'],
      ['SUPER_IPV6_PORT_8084_TCP', 'tcp://[2001:DB8::]:8084'],
      ['SUPER_IPV6_PORT_8084_TCP_PROTO', 'tcp'],
      ['SUPER_IPV6_PORT_8084_TCP_PORT', '8084'],
      ['SUPER_IPV6_PORT_8084_TCP_ADDR', '2001:DB8::'],
      ['SCTP_1_SERVICE_HOST', '1.2.3.4'],
      ['SCTP_1_SERVICE_PORT', '777'],
      ['SCTP_1_PORT', 'sctp://1.2.3.4:777'],
      ['SCTP_1_PORT_777_SCTP', 'sctp://1.2.3.4:777'],
      ['SCTP_1_PORT_777_SCTP_PROTO', 'sctp'],
      ['SCTP_1_PORT_777_SCTP_PORT', '777'],
      ['SCTP_1_PORT_777_SCTP_ADDR', '1.2.3.4'],
    ]);
  });
});

describe('serviceEnvironment (which Services a Pod sees)', () => {
  const kubernetes = service('kubernetes', '10.96.0.1', [{ name: 'https', port: 443, protocol: 'TCP' }]);
  const mine = service('svc1', '10.96.0.11', [{ port: 80, protocol: 'TCP' }], 'ns1');
  const theirs = service('svc2', '10.96.0.12', [{ port: 80, protocol: 'TCP' }], 'ns2');
  const headless = service('headless1', 'None', [{ port: 80, protocol: 'TCP' }], 'ns1');
  const external: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'externalname1', namespace: 'ns1' }, spec: { type: 'ExternalName', externalName: 'github.github.io' } };
  const all = [kubernetes, mine, theirs, headless, external];

  it.each([
    { name: 'same-namespace Services plus the master service', links: true, services: all, keys: ['KUBERNETES_SERVICE_HOST', 'SVC1_SERVICE_HOST'] },
    { name: 'only the master service when enableServiceLinks is false', links: false, services: all, keys: ['KUBERNETES_SERVICE_HOST'] },
    { name: 'nothing for Services created after the container started', links: true, services: [kubernetes], keys: ['KUBERNETES_SERVICE_HOST'] },
  ])('$name', ({ links, services, keys }) => {
    const pod = pendingPod('p', {}, { enableServiceLinks: links }, 'ns1');
    const env = serviceEnvironment(pod, services);
    expect(Object.keys(env).filter((k) => k.endsWith('_SERVICE_HOST'))).toEqual(keys);
    expect(env.KUBERNETES_SERVICE_PORT_HTTPS).toBe('443');
    expect(env.KUBERNETES_PORT).toBe('tcp://10.96.0.1:443');
  });
});
