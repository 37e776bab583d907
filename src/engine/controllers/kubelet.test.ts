import { describe, expect, it } from 'vitest';
import type { Container, Pod, Probe } from '../../shared/api-types';
import { cloneObject } from '../store/clone';
import { Kubelet, podFqdn, podHostname } from './kubelet';
import { Scheduler } from './scheduler';
import { clusterFixture, pendingPod, svc, withControllers } from './test-support/cluster-fixture';

function setup(seed?: number) {
  const fx = clusterFixture(seed === undefined ? {} : { seed });
  const [, kubelet] = withControllers(
    fx,
    new Scheduler({ store: fx.store, clock: fx.clock }),
    new Kubelet({ store: fx.store, clock: fx.clock, timers: fx.timers, random: fx.random, config: fx.config }),
  );
  const pod = (name: string) => fx.store.get<Pod>('Pod', 'default', name);
  return { fx, kubelet, pod };
}

const condition = (p: Pod | undefined, type: string) => p?.status?.conditions?.find((c) => c.type === type);

describe('Kubelet lifecycle', () => {
  it.each([
    { at: 0, phase: 'Pending', podIP: undefined, sandbox: 'False', ready: 'False', state: { waiting: { reason: 'ContainerCreating' } } },
    { at: 999, phase: 'Pending', podIP: undefined, sandbox: 'False', ready: 'False', state: { waiting: { reason: 'ContainerCreating' } } },
    { at: 1000, phase: 'Pending', podIP: 'ip', sandbox: 'True', ready: 'False', state: { waiting: { reason: 'ContainerCreating' } } },
    { at: 2000, phase: 'Running', podIP: 'ip', sandbox: 'True', ready: 'True', state: { running: { startedAt: '2026-03-02T09:00:02Z' } } },
  ])('at +$at ms: $phase, sandbox $sandbox, ready $ready', ({ at, phase, podIP, sandbox, ready, state }) => {
    const { fx, pod } = setup();
    fx.store.create(pendingPod('pod1'));
    fx.advance(at);
    const p = pod('pod1')!;
    expect(p.status?.phase).toBe(phase);
    expect(p.status?.hostIP).toBe('192.168.0.31');
    expect(p.status?.startTime).toBe('2026-03-02T09:00:00Z');
    expect(p.status?.podIP === undefined ? undefined : 'ip').toBe(podIP);
    expect(condition(p, 'PodReadyToStartContainers')?.status).toBe(sandbox);
    expect(condition(p, 'Ready')?.status).toBe(ready);
    expect(p.status?.containerStatuses?.[0].state).toEqual(state);
    expect(p.status?.qosClass).toBe('BestEffort');
  });

  it('posts the status shape a real kubelet posts once running', () => {
    const { fx, pod } = setup();
    fx.store.create(pendingPod('pod1'));
    fx.advance(5000);
    const s = pod('pod1')!.status!;
    expect(s.conditions?.map((c) => [c.type, c.status, c.lastTransitionTime])).toEqual([
      ['PodReadyToStartContainers', 'True', '2026-03-02T09:00:01Z'],
      ['Initialized', 'True', '2026-03-02T09:00:00Z'],
      ['Ready', 'True', '2026-03-02T09:00:02Z'],
      ['ContainersReady', 'True', '2026-03-02T09:00:02Z'],
      ['PodScheduled', 'True', '2026-03-02T09:00:00Z'],
    ]);
    const c = s.containerStatuses![0] as unknown as Record<string, unknown>;
    expect(c.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(c.image).toBe('docker.io/kubetm/app:latest');
    expect(c.imageID).toMatch(/^docker\.io\/kubetm\/app@sha256:[0-9a-f]{64}$/);
    expect([c.ready, c.started, c.restartCount, c.lastState]).toEqual([true, true, 0, {}]);
    expect(s.podIPs).toEqual([{ ip: s.podIP }]);
  });

  it('shows ContainersNotReady while the container is being created', () => {
    const { fx, pod } = setup();
    fx.store.create(pendingPod('pod1'));
    fx.settle();
    expect(condition(pod('pod1'), 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [container]' });
  });

  it('stays Pending on a node that does not exist', () => {
    const { fx, pod } = setup();
    fx.store.create(pendingPod('pod1', {}, { nodeName: 'node9' }));
    fx.advance(10_000);
    expect(pod('pod1')!.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });
});

describe('Pod IPs', () => {
  const ips = (seed: number) => {
    const { fx, pod } = setup(seed);
    for (const n of ['a', 'b', 'c', 'd']) fx.store.create(pendingPod(n));
    fx.advance(3000);
    return ['a', 'b', 'c', 'd'].map((n): [string, string] => [pod(n)!.spec.nodeName!, pod(n)!.status!.podIP!]);
  };

  it('are the same for the same seed and come from one /26 per node, in order, starting after the tunnel address', () => {
    const first = ips(42);
    expect(ips(42)).toEqual(first);
    const byNode = new Map<string, string[]>();
    for (const [node, ip] of first) byNode.set(node, [...(byNode.get(node) ?? []), ip]);
    for (const list of byNode.values()) {
      const last = list.map((ip) => Number(ip.split('.')[3]));
      expect(last[0] % 64).toBe(1);
      expect(last[1]).toBe(last[0] + 1);
      expect(list.every((ip) => ip.startsWith(list[0].split('.').slice(0, 3).join('.')))).toBe(true);
    }
    expect(first.every(([, ip]) => /^20\.(9[6-9]|10[0-9]|11[01])\./.test(ip))).toBe(true);
  });

  it('differ for another seed', () => {
    expect(ips(43)).not.toEqual(ips(42));
  });

  it('are released on delete and not handed out again at once', () => {
    const { fx, pod } = setup();
    fx.store.create(pendingPod('a', {}, { nodeName: 'node1' }));
    fx.store.create(pendingPod('b', {}, { nodeName: 'node1' }));
    fx.advance(3000);
    const a = pod('a')!.status!.podIP!;
    const b = pod('b')!.status!.podIP!;
    fx.store.delete('Pod', 'default', 'a');
    fx.store.create(pendingPod('c', {}, { nodeName: 'node1' }));
    fx.advance(3000);
    const c = pod('c')!.status!.podIP!;
    expect([a, b, c].map((ip) => Number(ip.split('.')[3]) % 64)).toEqual([1, 2, 3]);
  });

  it('of a host-network Pod are the node IP', () => {
    const { fx, pod } = setup();
    fx.store.create(pendingPod('h', {}, { nodeName: 'node2', hostNetwork: true }));
    fx.advance(3000);
    expect(pod('h')!.status!.podIP).toBe('192.168.0.32');
  });
});

describe('Readiness probes', () => {
  const probePod = (probe: Probe, container: Partial<Container> = {}) =>
    pendingPod('pod1', {}, { containers: [{ name: 'container', image: 'kubetm/app', readinessProbe: probe, ...container }] });

  it.each([
    { name: 'httpGet on a served path: Ready at the first period tick after initialDelaySeconds', probe: { httpGet: { path: '/hostname', port: 8080 }, initialDelaySeconds: 5, periodSeconds: 10 }, readyAt: 10_000 },
    { name: 'no initial delay: Ready when the container starts (the status manager probes at once)', probe: { httpGet: { path: '/', port: 8080 } }, readyAt: 2000 },
    { name: 'successThreshold 3 needs two more period ticks', probe: { tcpSocket: { port: 8080 }, periodSeconds: 5, successThreshold: 3 }, readyAt: 10_000 },
    { name: 'a named port resolved from the container ports', probe: { httpGet: { path: '/health', port: 'http' } }, container: { ports: [{ name: 'http', containerPort: 8080 }] }, readyAt: 2000 },
    { name: 'a path the app does not serve: never Ready', probe: { httpGet: { path: '/ready', port: 8080 } }, readyAt: undefined },
    { name: 'a port nothing listens on: never Ready', probe: { tcpSocket: { port: 80 } }, readyAt: undefined },
    { name: 'a port name the container does not declare: never Ready', probe: { httpGet: { path: '/', port: 'web' } }, readyAt: undefined },
  ])('$name', ({ probe, container, readyAt }) => {
    const { fx, pod } = setup();
    fx.store.create(probePod(probe as Probe, container as Partial<Container>));
    if (readyAt !== undefined) {
      fx.advance(readyAt - 1);
      expect(condition(pod('pod1'), 'Ready')?.status).toBe('False');
      fx.advance(1);
      expect(condition(pod('pod1'), 'Ready')?.status).toBe('True');
    } else {
      fx.advance(120_000);
      expect(pod('pod1')!.status?.phase).toBe('Running');
      expect(condition(pod('pod1'), 'Ready')?.status).toBe('False');
      expect(pod('pod1')!.status?.containerStatuses?.[0]).toMatchObject({ ready: false, started: true });
    }
  });
});

describe('Service environment recorded at container start', () => {
  it('includes Services that existed at start and never those created later', () => {
    const { fx, kubelet, pod } = setup();
    fx.store.create(svc('kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }] }));
    fx.store.create(svc('before', { clusterIP: '10.96.0.20', selector: { a: 'b' }, ports: [{ port: 80 }] }));
    fx.store.create(pendingPod('pod1', {}, { containers: [{ name: 'container', image: 'kubetm/app', env: [{ name: 'MY', value: 'x' }] }] }));
    fx.advance(3000);
    fx.store.create(svc('after', { clusterIP: '10.96.0.21', selector: { a: 'b' }, ports: [{ port: 80 }] }));
    fx.advance(1000);
    const env = kubelet.containerEnvironment(pod('pod1')!.metadata.uid!, 'container')!;
    expect(env.BEFORE_SERVICE_HOST).toBe('10.96.0.20');
    expect(env.AFTER_SERVICE_HOST).toBeUndefined();
    expect(env.KUBERNETES_SERVICE_HOST).toBe('10.96.0.1');
    expect(env.HOSTNAME).toBe('pod1');
    expect(env.MY).toBe('x');
    expect(pod('pod1')!.metadata.annotations).toBeUndefined();
  });

  it('is undefined before the container starts', () => {
    const { fx, kubelet, pod } = setup();
    fx.store.create(pendingPod('pod1'));
    fx.advance(1000);
    expect(kubelet.containerEnvironment(pod('pod1')!.metadata.uid!)).toBeUndefined();
  });
});

describe('Graceful deletion', () => {
  it.each([
    { name: 'kubetm/app ignores SIGTERM: removed when the 30 s grace period ends', image: 'kubetm/app', grace: 30, goneAfter: 30_000 },
    { name: 'nginx exits on SIGTERM: removed within a second', image: 'nginx', grace: 30, goneAfter: 1000 },
    { name: 'terminationGracePeriodSeconds 0: removed at once', image: 'kubetm/app', grace: 0, goneAfter: 0 },
  ])('$name', ({ image, grace, goneAfter }) => {
    const { fx, pod } = setup();
    fx.store.create(pendingPod('pod1', {}, { containers: [{ name: 'c', image }], terminationGracePeriodSeconds: grace }));
    fx.advance(5000);
    const p = cloneObject(pod('pod1')!);
    p.metadata.deletionTimestamp = fx.clock.timestamp();
    fx.store.update(p);
    if (goneAfter > 0) {
      fx.advance(goneAfter - 1);
      expect(pod('pod1')).toBeDefined();
      fx.advance(1);
    } else {
      fx.settle();
    }
    expect(pod('pod1')).toBeUndefined();
  });
});

describe('podHostname / podFqdn', () => {
  it.each([
    { name: 'pod name by default', spec: {}, podName: 'pod1', hostname: 'pod1', fqdn: 'pod1' },
    { name: 'spec.hostname wins', spec: { hostname: 'pod-a' }, podName: 'pod4', hostname: 'pod-a', fqdn: 'pod-a' },
    { name: 'subdomain adds the domain', spec: { hostname: 'pod-a', subdomain: 'headless1' }, podName: 'pod4', hostname: 'pod-a', fqdn: 'pod-a.headless1.default.svc.cluster.local' },
    { name: 'truncated to 63 without a trailing dash', spec: {}, podName: `${'a'.repeat(62)}-b`, hostname: 'a'.repeat(62), fqdn: 'a'.repeat(62) },
  ])('$name', ({ spec, podName, hostname, fqdn }) => {
    const p = pendingPod(podName, {}, spec);
    expect(podHostname(p)).toBe(hostname);
    expect(podFqdn(p, 'cluster.local')).toBe(fqdn);
  });
});

describe('Adopting Pods that were already running', () => {
  it('keeps their IP, reserves it, and keeps them Running and Ready', () => {
    const fx = clusterFixture();
    const running = pendingPod('coredns-1', {}, { nodeName: 'node1' });
    fx.store.create(svc('kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443 }] }));
    const stored = fx.store.create({
      ...running,
      status: {
        phase: 'Running',
        podIP: '20.100.241.66',
        podIPs: [{ ip: '20.100.241.66' }],
        startTime: '2026-03-01T09:00:00Z',
        qosClass: 'BestEffort',
        conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-03-01T09:00:05Z' }],
        containerStatuses: [{ name: 'container', image: 'kubetm/app', ready: true, restartCount: 0, containerID: `containerd://${'a'.repeat(64)}`, state: { running: { startedAt: '2026-03-01T09:00:03Z' } } }],
      },
    } as Pod);
    const [kubelet] = withControllers(fx, new Kubelet({ store: fx.store, clock: fx.clock, timers: fx.timers, random: fx.random, config: fx.config }));
    fx.store.create(pendingPod('next', {}, { nodeName: 'node1' }));
    fx.advance(3000);
    const adopted = fx.store.get<Pod>('Pod', 'default', 'coredns-1')!;
    expect(adopted.status).toMatchObject({ phase: 'Running', podIP: '20.100.241.66', startTime: '2026-03-01T09:00:00Z' });
    expect(condition(adopted, 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: '2026-03-01T09:00:05Z' });
    expect(adopted.status?.containerStatuses?.[0].containerID).toBe(`containerd://${'a'.repeat(64)}`);
    expect(fx.store.get<Pod>('Pod', 'default', 'next')!.status?.podIP).toBe('20.100.241.65');
    expect(kubelet.containerEnvironment(stored.metadata.uid!)?.KUBERNETES_SERVICE_HOST).toBe('10.96.0.1');
  });
});

describe('Dual-stack Pod IPs', () => {
  it('gives each Pod an IPv4 and an IPv6 address, IPv4 first', () => {
    const fx = clusterFixture({ podCIDRv6: 'fd00:20::/56' });
    withControllers(fx, new Kubelet({ store: fx.store, clock: fx.clock, timers: fx.timers, random: fx.random, config: fx.config }));
    fx.store.create(pendingPod('p', {}, { nodeName: 'node1' }));
    fx.advance(3000);
    const ips = fx.store.get<Pod>('Pod', 'default', 'p')!.status!.podIPs!.map((x) => x.ip);
    expect(ips).toHaveLength(2);
    expect(ips[0]).toMatch(/^20\./);
    expect(ips[1]).toMatch(/^fd00:20:0:[0-9a-f]{1,2}:/);
  });
});

describe('Kubelet writes', () => {
  it('keeps one timer per stage instant, however many Pods reach it', () => {
    const { fx, pod } = setup();
    for (let i = 0; i < 20; i++) fx.store.create(pendingPod(`p${i}`));
    fx.settle();
    expect(fx.timers.size).toBe(2); // sandbox at +1 s, containers at +2 s
    fx.advance(2000);
    expect(fx.timers.size).toBe(0);
    for (let i = 0; i < 20; i++) expect(pod(`p${i}`)!.status?.phase).toBe('Running');
  });

  it('queues Pods at a shared instant in the order they were scheduled', () => {
    const { fx, kubelet } = setup();
    for (const n of ['c', 'a', 'b']) {
      fx.store.create(pendingPod(n));
      fx.settle();
    }
    fx.clock.advanceTo(fx.clock.now() + 1000);
    fx.timers.runDue(fx.clock.now());
    expect(kubelet.pendingKeys()).toEqual(['default/c', 'default/a', 'default/b']);
  });

  it('shares the unchanged parts of the status with the previous version', () => {
    const { fx, pod } = setup();
    fx.store.create(pendingPod('pod1'));
    fx.settle();
    const pending = pod('pod1')!;
    fx.advance(1000);
    const sandbox = pod('pod1')!;
    fx.advance(1000);
    const running = pod('pod1')!;
    const cond = (p: Pod, type: string) => p.status!.conditions!.find((c) => c.type === type);
    // Only what changed is new: the spec, the Initialized and PodScheduled conditions and the
    // waiting container status carry over (and remain frozen, shared by both versions).
    expect(sandbox.spec).toBe(pending.spec);
    expect(cond(sandbox, 'Initialized')).toBe(cond(pending, 'Initialized'));
    expect(cond(sandbox, 'PodScheduled')).toBe(cond(pending, 'PodScheduled'));
    expect(cond(sandbox, 'PodReadyToStartContainers')).not.toBe(cond(pending, 'PodReadyToStartContainers'));
    expect(sandbox.status!.containerStatuses![0]).toBe(pending.status!.containerStatuses![0]);
    expect(running.status!.podIPs).toBe(sandbox.status!.podIPs);
    expect(running.status!.hostIPs).toBe(pending.status!.hostIPs);
    expect(Object.isFrozen(running.status!.podIPs)).toBe(true);
  });

  it('makes no write when a re-sync finds nothing to change', () => {
    const { fx, pod } = setup();
    fx.store.create(pendingPod('pod1'));
    fx.advance(5000);
    const before = pod('pod1')!;
    const version = fx.store.resourceVersion;
    // Someone else touches the Pod (an annotation): the kubelet re-syncs and leaves its status alone.
    fx.store.update({ ...before, metadata: { ...before.metadata, annotations: { note: 'x' } } });
    fx.settle();
    expect(Number(fx.store.resourceVersion)).toBe(Number(version) + 1);
    expect(pod('pod1')!.status).toBe(before.status);
  });
});
