import { describe, expect, it } from 'vitest';
import type { Endpoints, Pod, Service } from '../../shared/api-types';
import { cloneObject } from '../store/clone';
import { EndpointsController } from './endpoints-controller';
import { clusterFixture, runningPod, svc, withControllers } from './test-support/cluster-fixture';

function setup() {
  const fx = clusterFixture();
  const [ctl] = withControllers(fx, new EndpointsController({ store: fx.store }));
  return { fx, ctl, ep: (name: string, ns = 'default') => fx.store.get<Endpoints>('Endpoints', ns, name) };
}

const ref = (p: Pod) => ({ kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid });

describe('EndpointsController subsets', () => {
  const cases: { name: string; service: Service; pods: Pod[]; expect: (pods: Pod[]) => Endpoints['subsets'] }[] = [
    {
      name: 'selector puts ready Pods in addresses and unready ones in notReadyAddresses',
      service: svc('svc1', { selector: { app: 'a' }, ports: [{ port: 80, targetPort: 8080 }] }),
      pods: [runningPod('pod1', '20.109.5.11', { app: 'a' }), runningPod('pod2', '20.109.5.12', { app: 'a' }, { ready: false, node: 'node2' }), runningPod('other', '20.109.5.13', { app: 'b' })],
      expect: (p) => [
        {
          addresses: [{ ip: '20.109.5.11', nodeName: 'node1', targetRef: ref(p[0]) }],
          notReadyAddresses: [{ ip: '20.109.5.12', nodeName: 'node2', targetRef: ref(p[1]) }],
          ports: [{ port: 8080, protocol: 'TCP' }],
        },
      ],
    },
    {
      name: 'publishNotReadyAddresses lists unready Pods as addresses',
      service: svc('svc1', { selector: { app: 'a' }, publishNotReadyAddresses: true, ports: [{ port: 80 }] }),
      pods: [runningPod('pod1', '20.109.5.11', { app: 'a' }, { ready: false })],
      expect: (p) => [{ addresses: [{ ip: '20.109.5.11', nodeName: 'node1', targetRef: ref(p[0]) }], ports: [{ port: 80, protocol: 'TCP' }] }],
    },
    {
      name: 'named targetPort resolves per Pod and a Pod lacking the name is left out',
      service: svc('svc1', { selector: { app: 'a' }, ports: [{ name: 'http', port: 80, targetPort: 'web' }] }),
      pods: [
        runningPod('pod1', '20.109.5.11', { app: 'a' }, { spec: { containers: [{ name: 'c', image: 'kubetm/app', ports: [{ name: 'web', containerPort: 8080, protocol: 'TCP' }] }] } }),
        runningPod('pod2', '20.109.5.12', { app: 'a' }, { spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }] }] } }),
        runningPod('pod3', '20.109.5.13', { app: 'a' }),
      ],
      expect: (p) => [
        { addresses: [{ ip: '20.109.5.11', nodeName: 'node1', targetRef: ref(p[0]) }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
        { addresses: [{ ip: '20.109.5.12', nodeName: 'node1', targetRef: ref(p[1]) }], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
      ],
    },
    {
      name: 'hostname is set only when the Pod subdomain names this Service',
      service: svc('headless1', { selector: { svc: 'headless' }, clusterIP: 'None', ports: [{ port: 80, targetPort: 8080 }] }),
      pods: [
        runningPod('pod4', '20.109.5.14', { svc: 'headless' }, { spec: { hostname: 'pod-a', subdomain: 'headless1' } }),
        runningPod('pod5', '20.109.5.15', { svc: 'headless' }, { spec: { hostname: 'pod-b', subdomain: 'other' } }),
        runningPod('pod6', '20.109.5.16', { svc: 'headless' }, { spec: { subdomain: 'headless1' } }),
      ],
      expect: (p) => [
        {
          addresses: [
            { ip: '20.109.5.14', hostname: 'pod-a', nodeName: 'node1', targetRef: ref(p[0]) },
            { ip: '20.109.5.15', nodeName: 'node1', targetRef: ref(p[1]) },
            { ip: '20.109.5.16', nodeName: 'node1', targetRef: ref(p[2]) },
          ],
          ports: [{ port: 8080, protocol: 'TCP' }],
        },
      ],
    },
    {
      name: 'a headless Service without ports gets port-less addresses',
      service: svc('headless2', { selector: { app: 'a' }, clusterIP: 'None' }),
      pods: [runningPod('pod1', '20.109.5.11', { app: 'a' })],
      expect: (p) => [{ addresses: [{ ip: '20.109.5.11', nodeName: 'node1', targetRef: ref(p[0]) }] }],
    },
    {
      name: 'terminating Pods, Pods without IP and Pods of other namespaces are left out',
      service: svc('svc1', { selector: { app: 'a' }, ports: [{ port: 80 }] }),
      pods: [
        { ...runningPod('gone', '20.109.5.11', { app: 'a' }), metadata: { name: 'gone', namespace: 'default', labels: { app: 'a' }, deletionTimestamp: '2026-03-02T09:00:03Z' } },
        { ...runningPod('noip', '20.109.5.12', { app: 'a' }), status: { phase: 'Pending' } },
        runningPod('elsewhere', '20.109.5.13', { app: 'a' }, { namespace: 'other' }),
      ],
      expect: () => undefined,
    },
    {
      name: 'addresses sort by the IP string, as upstream does (.11 before .9)',
      service: svc('svc1', { selector: { app: 'a' }, ports: [{ port: 80 }] }),
      pods: [runningPod('a9', '20.109.5.9', { app: 'a' }), runningPod('a11', '20.109.5.11', { app: 'a' })],
      expect: (p) => [
        {
          addresses: [
            { ip: '20.109.5.11', nodeName: 'node1', targetRef: ref(p[1]) },
            { ip: '20.109.5.9', nodeName: 'node1', targetRef: ref(p[0]) },
          ],
          ports: [{ port: 80, protocol: 'TCP' }],
        },
      ],
    },
    {
      name: 'an IPv6 Service takes each Pod\'s IPv6 address',
      service: svc('v6', { selector: { app: 'a' }, clusterIP: 'fd00:10::20', clusterIPs: ['fd00:10::20'], ipFamilies: ['IPv6'], ports: [{ port: 80 }] }),
      pods: [runningPod('pod1', '20.109.5.11', { app: 'a' }, { ipv6: 'fd00:20::b' })],
      expect: (p) => [{ addresses: [{ ip: 'fd00:20::b', nodeName: 'node1', targetRef: ref(p[0]) }], ports: [{ port: 80, protocol: 'TCP' }] }],
    },
  ];

  it.each(cases)('$name', ({ service, pods, expect: expected }) => {
    const { fx, ep } = setup();
    const stored = pods.map((p) => fx.store.create(p));
    fx.store.create(service);
    fx.settle();
    expect(ep(service.metadata.name!)?.subsets).toEqual(expected(stored));
  });
});

describe('EndpointsController ownership', () => {
  it.each([
    { name: 'an ExternalName Service gets no Endpoints', service: svc('ext', { type: 'ExternalName', externalName: 'github.github.io', selector: { app: 'a' } }) },
    { name: 'a Service without selector gets no Endpoints', service: svc('manual', { ports: [{ port: 8080 }] }) },
    { name: 'an empty selector counts as no selector', service: svc('empty', { selector: {}, ports: [{ port: 8080 }] }) },
  ])('$name', ({ service }) => {
    const { fx, ep } = setup();
    fx.store.create(runningPod('pod1', '20.109.5.11', { app: 'a' }));
    fx.store.create(service);
    fx.settle();
    expect(ep(service.metadata.name!)).toBeUndefined();
  });

  it('copies the Service labels, marks headless Services and stamps the trigger time', () => {
    const { fx, ep } = setup();
    fx.store.create(svc('headless1', { selector: { app: 'a' }, clusterIP: 'None', ports: [{ port: 80 }] }, { labels: { team: 'x' } }));
    fx.settle();
    const e = ep('headless1')!;
    expect(e.metadata.labels).toEqual({ team: 'x', 'service.kubernetes.io/headless': '' });
    expect(e.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/last-change-trigger-time': '2026-03-02T09:00:00Z' });
    expect(e.subsets).toBeUndefined();
  });

  it('freezes the Endpoints when the selector is removed', () => {
    const { fx, ep } = setup();
    fx.store.create(runningPod('pod1', '20.109.5.11', { app: 'a' }));
    const s = fx.store.create(svc('svc1', { selector: { app: 'a' }, ports: [{ port: 80 }] }));
    fx.settle();
    const before = ep('svc1')!;
    const noSelector = cloneObject(s);
    delete noSelector.spec.selector;
    fx.store.update(noSelector);
    fx.store.create(runningPod('pod2', '20.109.5.12', { app: 'a' }));
    fx.store.delete('Pod', 'default', 'pod1');
    fx.settle();
    expect(ep('svc1')).toEqual(before);
  });

  it('takes over hand-made Endpoints when a selector is added, keeping foreign annotations', () => {
    const { fx, ep } = setup();
    const s = fx.store.create(svc('svc1', { ports: [{ port: 80 }] }));
    fx.store.create<Endpoints>({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'svc1', namespace: 'default', annotations: { note: 'mine' } },
      subsets: [{ addresses: [{ ip: '192.168.0.21' }], ports: [{ port: 80, protocol: 'TCP' }] }],
    });
    const pod = fx.store.create(runningPod('pod1', '20.109.5.11', { app: 'a' }));
    fx.settle();
    expect(ep('svc1')!.subsets![0].addresses![0].ip).toBe('192.168.0.21');
    const withSelector = cloneObject(s);
    withSelector.spec.selector = { app: 'a' };
    fx.store.update(withSelector);
    fx.settle();
    const e = ep('svc1')!;
    expect(e.subsets).toEqual([{ addresses: [{ ip: '20.109.5.11', nodeName: 'node1', targetRef: ref(pod) }], ports: [{ port: 80, protocol: 'TCP' }] }]);
    expect(e.metadata.annotations?.note).toBe('mine');
  });

  it.each([
    { name: 'controller-made Endpoints go with their Service', selector: { app: 'a' } as Record<string, string> | undefined, handMade: false },
    { name: 'hand-made Endpoints of a selector-less Service go with it too (upstream deletes by name)', selector: undefined, handMade: true },
  ])('$name', ({ selector, handMade }) => {
    const { fx, ep } = setup();
    fx.store.create(runningPod('pod1', '20.109.5.11', { app: 'a' }));
    fx.store.create(svc('svc1', { ...(selector ? { selector } : {}), ports: [{ port: 80 }] }));
    if (handMade) fx.store.create<Endpoints>({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'svc1', namespace: 'default' }, subsets: [{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 80 }] }] });
    fx.settle();
    expect(ep('svc1')).toBeDefined();
    fx.store.delete('Service', 'default', 'svc1');
    fx.settle();
    expect(ep('svc1')).toBeUndefined();
  });

  it('recreates Endpoints a user deleted', () => {
    const { fx, ep } = setup();
    fx.store.create(runningPod('pod1', '20.109.5.11', { app: 'a' }));
    fx.store.create(svc('svc1', { selector: { app: 'a' }, ports: [{ port: 80 }] }));
    fx.settle();
    fx.store.delete('Endpoints', 'default', 'svc1');
    fx.settle();
    expect(ep('svc1')?.subsets?.[0].addresses?.[0].ip).toBe('20.109.5.11');
  });

  it('skips no-op writes: an unrelated Pod update bumps no resourceVersion', () => {
    const { fx, ep } = setup();
    const pod = fx.store.create(runningPod('pod1', '20.109.5.11', { app: 'a' }));
    fx.store.create(svc('svc1', { selector: { app: 'a' }, ports: [{ port: 80 }] }));
    fx.settle();
    const rv = ep('svc1')!.metadata.resourceVersion;
    const touched = cloneObject(pod);
    touched.metadata.annotations = { x: 'y' };
    fx.store.update(touched);
    fx.settle();
    expect(ep('svc1')!.metadata.resourceVersion).toBe(rv);
  });

  it('moves a Pod from notReadyAddresses to addresses when it turns Ready, with its trigger time', () => {
    const { fx, ep } = setup();
    const pod = fx.store.create(runningPod('pod1', '20.109.5.11', { app: 'a' }, { ready: false }));
    fx.store.create(svc('svc1', { selector: { app: 'a' }, ports: [{ port: 80 }] }));
    fx.settle();
    expect(ep('svc1')!.subsets![0].notReadyAddresses).toHaveLength(1);
    const ready = runningPod('pod1', '20.109.5.11', { app: 'a' }, { readySince: '2026-03-02T09:00:10Z' });
    fx.store.update({ ...ready, metadata: pod.metadata });
    fx.settle();
    const e = ep('svc1')!;
    expect(e.subsets![0].addresses).toHaveLength(1);
    expect(e.subsets![0].notReadyAddresses).toBeUndefined();
    expect(e.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBe('2026-03-02T09:00:10Z');
  });
});

describe('Endpoints no-op detection', () => {
  it('rewrites the labels when they differ from the Service\'s, the headless marker aside, and not otherwise', () => {
    const fx = clusterFixture();
    withControllers(fx, new EndpointsController({ store: fx.store }));
    fx.store.create(svc('hl', { clusterIP: 'None', selector: { app: 'a' }, ports: [{ port: 80 }] }, { labels: { team: 'x' } }));
    fx.settle();
    const first = fx.store.get<Endpoints>('Endpoints', 'default', 'hl')!;
    expect(first.metadata.labels).toEqual({ team: 'x', 'service.kubernetes.io/headless': '' });
    fx.store.create(runningPod('p', '10.0.0.1', { other: 'y' }));
    fx.settle();
    expect(fx.store.get<Endpoints>('Endpoints', 'default', 'hl')!.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
    // A label someone added by hand stays until the next sync (edits do not queue one), which removes it.
    fx.store.update({ ...first, metadata: { ...first.metadata, labels: { ...first.metadata.labels, extra: '1' } } });
    fx.settle();
    expect(fx.store.get<Endpoints>('Endpoints', 'default', 'hl')!.metadata.labels?.extra).toBe('1');
    const s = fx.store.get<Service>('Service', 'default', 'hl')!;
    fx.store.update({ ...s, metadata: { ...s.metadata, labels: { team: 'x', tier: 'db' } } });
    fx.settle();
    expect(fx.store.get<Endpoints>('Endpoints', 'default', 'hl')!.metadata.labels).toEqual({ team: 'x', tier: 'db', 'service.kubernetes.io/headless': '' });
  });
});
