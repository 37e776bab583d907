import { describe, expect, it } from 'vitest';
import type { Endpoints, Pod, Service } from '../../shared/api-types';
import { EndpointSliceController } from '../controllers/endpointslice-controller';
import { EndpointSliceMirroringController } from '../controllers/endpointslice-mirroring-controller';
import { GarbageCollector } from '../controllers/garbage-collector';
import { Kubelet } from '../controllers/kubelet';
import { Scheduler } from '../controllers/scheduler';
import { ServiceLoadBalancerController } from '../controllers/service-lb-controller';
import { clusterFixture, pendingPod, svc, withControllers } from '../controllers/test-support/cluster-fixture';
import { cloneObject } from '../store/clone';
import { DEFAULT_WORLD } from '../world/world';
import { KubeProxy, type ConnectSource } from './kube-proxy';

function cluster(opts: { cloudProvider?: boolean } = {}) {
  const fx = clusterFixture({ cloudProvider: opts.cloudProvider ?? false });
  withControllers(
    fx,
    new Scheduler({ store: fx.store, clock: fx.clock }),
    new Kubelet({ store: fx.store, clock: fx.clock, timers: fx.timers, random: fx.random, config: fx.config }),
    new EndpointSliceController({ store: fx.store, random: fx.random }),
    new EndpointSliceMirroringController({ store: fx.store, random: fx.random }),
    new ServiceLoadBalancerController({ store: fx.store, config: fx.config, random: fx.random }),
    new GarbageCollector({ store: fx.store }),
  );
  const proxy = new KubeProxy({ store: fx.store, world: DEFAULT_WORLD, config: fx.config });
  const pod = (name: string) => fx.store.get<Pod>('Pod', 'default', name)!;
  const fromPod = (name: string): ConnectSource => ({ kind: 'pod', id: `default/${name}`, ip: pod(name).status?.podIP, node: pod(name).spec.nodeName });
  return { fx, proxy, pod, fromPod };
}

const outsider: ConnectSource = { kind: 'host', id: 'user1.lab.internal', ip: '192.168.0.21' };

describe('kube-proxy: ClusterIP', () => {
  it('rotates round-robin over the ready endpoints and shows the choice in the trace', () => {
    const { fx, proxy, fromPod } = cluster();
    for (const n of ['pod1', 'pod2', 'client']) fx.store.create(pendingPod(n, n === 'client' ? {} : { app: 'a' }));
    fx.store.create(svc('svc1', { clusterIP: '10.96.0.100', selector: { app: 'a' }, ports: [{ port: 9000, targetPort: 8080 }] }));
    fx.advance(3000);
    const results = [0, 1, 2].map(() => proxy.connect(fromPod('client'), '10.96.0.100', 9000));
    const chosen = results.map((r) => r.target?.pod?.metadata.name);
    expect(results.every((r) => r.outcome === 'pod')).toBe(true);
    expect(new Set(chosen.slice(0, 2))).toEqual(new Set(['pod1', 'pod2']));
    expect(chosen[2]).toBe(chosen[0]);
    const proxyHop = results[0].hops.find((h) => h.type === 'proxy');
    expect(proxyHop).toMatchObject({ type: 'proxy', service: 'default/svc1', vip: '10.96.0.100', port: 9000, candidates: 2, via: { kind: 'kube-proxy', id: 'node1' } });
    expect(results[0].target?.port).toBe(8080);
  });

  it.each([
    { name: 'a port the Service does not expose matches no rule: timeout', port: 80, podsReady: true, outcome: 'timeout' },
    { name: 'no ready endpoint: REJECT, connection refused', port: 9000, podsReady: false, outcome: 'no-endpoints' },
  ])('$name', ({ port, podsReady, outcome }) => {
    const { fx, proxy, fromPod } = cluster();
    fx.store.create(pendingPod('client'));
    if (podsReady) fx.store.create(pendingPod('pod1', { app: 'a' }));
    else fx.store.create(pendingPod('pod1', { app: 'a' }, { containers: [{ name: 'c', image: 'kubetm/app', readinessProbe: { httpGet: { path: '/nope', port: 8080 } } }] }));
    fx.store.create(svc('svc1', { clusterIP: '10.96.0.100', selector: { app: 'a' }, ports: [{ port: 9000, targetPort: 8080 }] }));
    fx.advance(3000);
    expect(proxy.connect(fromPod('client'), '10.96.0.100', port).outcome).toBe(outcome);
  });

  it('is unreachable from outside the cluster', () => {
    const { fx, proxy } = cluster();
    fx.store.create(pendingPod('pod1', { app: 'a' }));
    fx.store.create(svc('svc1', { clusterIP: '10.96.0.100', selector: { app: 'a' }, ports: [{ port: 9000, targetPort: 8080 }] }));
    fx.advance(3000);
    expect(proxy.connect(outsider, '10.96.0.100', 9000).outcome).toBe('timeout');
  });

  it('reaches a targetPort nothing listens on: connection refused by the Pod', () => {
    const { fx, proxy, fromPod } = cluster();
    fx.store.create(pendingPod('client'));
    fx.store.create(pendingPod('pod1', { app: 'a' }));
    fx.store.create(svc('svc1', { clusterIP: '10.96.0.100', selector: { app: 'a' }, ports: [{ port: 9000, targetPort: 9999 }] }));
    fx.advance(3000);
    expect(proxy.connect(fromPod('client'), '10.96.0.100', 9000).outcome).toBe('refused');
  });

  it('falls back to serving terminating endpoints when none is ready', () => {
    const { fx, proxy, fromPod, pod } = cluster();
    fx.store.create(pendingPod('client'));
    fx.store.create(pendingPod('pod1', { app: 'a' }));
    fx.store.create(svc('svc1', { clusterIP: '10.96.0.100', selector: { app: 'a' }, ports: [{ port: 9000, targetPort: 8080 }] }));
    fx.advance(3000);
    const p = cloneObject(pod('pod1'));
    p.metadata.deletionTimestamp = fx.clock.timestamp();
    fx.store.update(p);
    fx.settle();
    const r = proxy.connect(fromPod('client'), '10.96.0.100', 9000);
    expect(r.outcome).toBe('pod');
    expect(r.hops.find((h) => h.type === 'proxy')?.note).toMatch(/terminating/);
  });

  it('keeps internalTrafficPolicy Local traffic on the client node and drops it when there is no local endpoint', () => {
    const { fx, proxy, fromPod } = cluster();
    fx.store.create(pendingPod('client', {}, { nodeName: 'node1' }));
    fx.store.create(pendingPod('pod1', { app: 'a' }, { nodeName: 'node2' }));
    fx.store.create(svc('svc1', { clusterIP: '10.96.0.100', internalTrafficPolicy: 'Local', selector: { app: 'a' }, ports: [{ port: 9000, targetPort: 8080 }] }));
    fx.advance(3000);
    expect(proxy.connect(fromPod('client'), '10.96.0.100', 9000).outcome).toBe('timeout');
  });

  it('pins a client with sessionAffinity ClientIP', () => {
    const { fx, proxy, fromPod } = cluster();
    for (const n of ['pod1', 'pod2']) fx.store.create(pendingPod(n, { app: 'a' }));
    fx.store.create(pendingPod('client'));
    fx.store.create(svc('svc1', { clusterIP: '10.96.0.100', sessionAffinity: 'ClientIP', selector: { app: 'a' }, ports: [{ port: 9000, targetPort: 8080 }] }));
    fx.advance(3000);
    const chosen = [0, 1, 2].map(() => proxy.connect(fromPod('client'), '10.96.0.100', 9000).target?.pod?.metadata.name);
    expect(new Set(chosen).size).toBe(1);
  });
});

describe('kube-proxy: NodePort, LoadBalancer, manual endpoints', () => {
  it.each(['192.168.0.30', '192.168.0.31', '192.168.0.32'])('opens the NodePort on every node, from outside the cluster (%s)', (nodeIP) => {
    const { fx, proxy } = cluster();
    fx.store.create(pendingPod('pod1', { app: 'a' }));
    fx.store.create(svc('np', { type: 'NodePort', clusterIP: '10.96.0.101', selector: { app: 'a' }, ports: [{ port: 9000, targetPort: 8080, nodePort: 30000 }] }));
    fx.advance(3000);
    const r = proxy.connect(outsider, nodeIP, 30000);
    expect(r.outcome).toBe('pod');
    expect(r.target?.pod?.metadata.name).toBe('pod1');
  });

  it('answers on the load balancer IP once a cloud provider assigned it', () => {
    const { fx, proxy } = cluster({ cloudProvider: true });
    fx.store.create(pendingPod('pod1', { app: 'a' }));
    fx.store.create(svc('lb', { type: 'LoadBalancer', clusterIP: '10.96.0.102', selector: { app: 'a' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30001 }] }));
    fx.advance(3000);
    const ip = fx.store.get<Service>('Service', 'default', 'lb')!.status!.loadBalancer!.ingress![0].ip!;
    expect(proxy.connect(outsider, ip, 80).outcome).toBe('pod');
  });

  it('follows hand-made Endpoints (mirrored to a slice) to an address outside the cluster', () => {
    const { fx, proxy, fromPod } = cluster();
    fx.store.create(pendingPod('client'));
    fx.store.create(svc('endpoint3', { clusterIP: '10.96.0.103', ports: [{ port: 8080, targetPort: 80 }] }));
    fx.store.create<Endpoints>({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'endpoint3', namespace: 'default' }, subsets: [{ addresses: [{ ip: '185.199.110.153' }], ports: [{ port: 80, protocol: 'TCP' }] }] });
    fx.advance(3000);
    const r = proxy.connect(fromPod('client'), '10.96.0.103', 8080);
    expect(r.outcome).toBe('external');
    expect(r.target).toMatchObject({ ip: '185.199.110.153', port: 80, site: 'github-pages' });
  });

  it('sends the kubernetes Service to the apiserver on the control plane', () => {
    const { fx, proxy, fromPod } = cluster();
    fx.store.create(pendingPod('client'));
    fx.store.create(svc('kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }] }, { labels: { component: 'apiserver', provider: 'kubernetes' } }));
    fx.store.create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['192.168.0.30'], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    });
    fx.advance(3000);
    const r = proxy.connect(fromPod('client'), '10.96.0.1', 443);
    expect(r.outcome).toBe('host');
    expect(r.target).toMatchObject({ node: 'master', port: 6443 });
  });
});

describe('kube-proxy: direct addresses', () => {
  it.each([
    { name: 'a Pod IP on a listening port', to: 'pod1', port: 8080, outcome: 'pod' },
    { name: 'a Pod IP on a closed port', to: 'pod1', port: 80, outcome: 'refused' },
    { name: 'a node\'s sshd', to: '192.168.0.31', port: 22, outcome: 'host' },
    { name: 'a node port nothing listens on', to: '192.168.0.31', port: 8080, outcome: 'refused' },
    { name: 'an unused address of the internal network', to: '192.168.0.99', port: 80, outcome: 'no-route' },
    { name: 'a web site', to: '23.192.228.80', port: 80, outcome: 'external' },
    { name: 'a web site on a filtered port', to: '23.192.228.80', port: 8080, outcome: 'timeout' },
    { name: 'an unused Service address', to: '10.96.200.200', port: 80, outcome: 'timeout' },
  ])('$name → $outcome', ({ to, port, outcome }) => {
    const { fx, proxy, fromPod, pod } = cluster();
    fx.store.create(pendingPod('client'));
    fx.store.create(pendingPod('pod1'));
    fx.advance(3000);
    const ip = to === 'pod1' ? pod('pod1').status!.podIP! : to;
    expect(proxy.connect(fromPod('client'), ip, port).outcome).toBe(outcome);
  });

  it('does not route Pod IPs from outside the cluster', () => {
    const { fx, proxy, pod } = cluster();
    fx.store.create(pendingPod('pod1'));
    fx.advance(3000);
    expect(proxy.connect(outsider, pod('pod1').status!.podIP!, 8080).outcome).toBe('timeout');
  });

  it('refuses a Pod whose containers are still being created', () => {
    const { fx, proxy, fromPod, pod } = cluster();
    fx.store.create(pendingPod('client', {}, { nodeName: 'node1' }));
    fx.advance(3000);
    fx.store.create(pendingPod('pod1', {}, { nodeName: 'node2' }));
    fx.advance(1500);
    expect(proxy.connect(fromPod('client'), pod('pod1').status!.podIP!, 8080).outcome).toBe('refused');
  });

  it('forwards a hostPort on the Pod\'s node', () => {
    const { fx, proxy } = cluster();
    fx.store.create(pendingPod('ds', {}, { nodeName: 'node1', containers: [{ name: 'c', image: 'kubetm/app', ports: [{ containerPort: 8080, hostPort: 18080 }] }] }));
    fx.advance(3000);
    expect(proxy.connect(outsider, '192.168.0.31', 18080).outcome).toBe('pod');
    expect(proxy.connect(outsider, '192.168.0.32', 18080).outcome).toBe('refused');
  });
});

describe('ping', () => {
  it.each([
    { name: 'a ClusterIP never answers', ip: '10.96.0.100', ok: false },
    { name: 'a Pod answers', ip: 'pod', ok: true },
    { name: 'a node answers', ip: '192.168.0.30', ok: true },
    { name: 'google answers', ip: '142.250.196.110', ok: true },
    { name: 'github.com drops ICMP', ip: '20.200.245.247', ok: false },
  ])('$name', ({ ip, ok }) => {
    const { fx, proxy, pod, fromPod } = cluster();
    fx.store.create(pendingPod('pod1', { app: 'a' }));
    fx.store.create(svc('svc1', { clusterIP: '10.96.0.100', selector: { app: 'a' }, ports: [{ port: 9000, targetPort: 8080 }] }));
    fx.advance(3000);
    const target = ip === 'pod' ? pod('pod1').status!.podIP! : ip;
    expect(proxy.ping(fromPod('pod1'), target).reachable).toBe(ok);
    expect(proxy.pingable(target).pingable).toBe(ok);
  });
});
