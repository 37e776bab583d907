import { describe, expect, it } from 'vitest';
import type { Service } from '../../shared/api-types';
import { cloneObject } from '../store/clone';
import { ServiceLoadBalancerController } from './service-lb-controller';
import { clusterFixture, svc, withControllers } from './test-support/cluster-fixture';

function run(cloudProvider: boolean, services: Service[], seed = 7) {
  const fx = clusterFixture({ cloudProvider, seed });
  withControllers(fx, new ServiceLoadBalancerController({ store: fx.store, config: fx.config, random: fx.random }));
  for (const s of services) fx.store.create(s);
  fx.settle();
  return { fx, get: (name: string) => fx.store.get<Service>('Service', 'default', name)! };
}

describe('ServiceLoadBalancerController', () => {
  it.each([
    { name: 'without a cloud provider the ingress stays empty (<pending>)', cloud: false, expectIngress: false },
    { name: 'with a cloud provider the Service gets an ingress IP with ipMode VIP', cloud: true, expectIngress: true },
  ])('$name', ({ cloud, expectIngress }) => {
    const { get } = run(cloud, [svc('lb1', { type: 'LoadBalancer', selector: { app: 'a' }, ports: [{ port: 80, nodePort: 30080 }] })]);
    const ingress = get('lb1').status?.loadBalancer?.ingress ?? [];
    if (!expectIngress) expect(ingress).toEqual([]);
    else expect(ingress).toEqual([{ ip: expect.stringMatching(/^203\.0\.113\.\d+$/), ipMode: 'VIP' }]);
  });

  it('never gives a ClusterIP Service an ingress', () => {
    const { get } = run(true, [svc('c1', { selector: { app: 'a' }, ports: [{ port: 80 }] })]);
    expect(get('c1').status?.loadBalancer).toEqual({});
  });

  it('hands out distinct, seed-determined addresses', () => {
    const make = () => [svc('lb1', { type: 'LoadBalancer', ports: [{ port: 80 }] }), svc('lb2', { type: 'LoadBalancer', ports: [{ port: 80 }] })];
    const a = run(true, make());
    const b = run(true, make());
    const ips = (r: typeof a) => ['lb1', 'lb2'].map((n) => r.get(n).status?.loadBalancer?.ingress?.[0].ip);
    expect(ips(a)).toEqual(ips(b));
    expect(new Set(ips(a)).size).toBe(2);
  });

  it('honours spec.loadBalancerIP inside the pool and leaves an outside one pending', () => {
    const { get } = run(true, [
      svc('in', { type: 'LoadBalancer', loadBalancerIP: '203.0.113.77', ports: [{ port: 80 }] }),
      svc('out', { type: 'LoadBalancer', loadBalancerIP: '8.8.4.4', ports: [{ port: 80 }] }),
    ]);
    expect(get('in').status?.loadBalancer?.ingress?.[0].ip).toBe('203.0.113.77');
    expect(get('out').status?.loadBalancer?.ingress ?? []).toEqual([]);
  });

  it('clears the ingress when the Service stops being a LoadBalancer', () => {
    const { fx, get } = run(true, [svc('lb1', { type: 'LoadBalancer', ports: [{ port: 80 }] })]);
    const next = cloneObject(get('lb1'));
    next.spec.type = 'ClusterIP';
    fx.store.update(next);
    fx.settle();
    expect(get('lb1').status?.loadBalancer).toEqual({});
  });
});
