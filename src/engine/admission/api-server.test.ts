import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod, Service } from '../../shared/api-types';
import { newTestCluster } from './test-api-server';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tweaks reach into arbitrary fields of test objects
type Obj = Record<string, any>;
const svc = (spec: Obj = {}, meta: Obj = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', ...meta }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }], ...spec } }) as KubeObject;
const pod = (spec: Obj = {}, meta: Obj = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' }, ...meta }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec } }) as KubeObject;
const ipOf = (o: KubeObject | undefined): string | undefined => (o as Service | undefined)?.spec.clusterIP;

describe('apply', () => {
  it('creates, then reports the same YAML as unchanged, then a change as configured', () => {
    const { api } = newTestCluster();
    expect(api.apply(svc()).action).toBe('created');
    expect(api.apply(svc()).action).toBe('unchanged');
    expect(api.apply(svc({ ports: [{ port: 81, targetPort: 8080 }] })).action).toBe('configured');
  });

  it('keeps the allocated cluster IP when the YAML does not mention it', () => {
    const { api } = newTestCluster();
    const first = api.apply(svc()).object;
    const second = api.apply(svc({}, { labels: { tier: 'front' } }));
    expect(second.action).toBe('configured');
    expect(ipOf(second.object)).toBe(ipOf(first));
    expect((second.object as Service).spec.clusterIPs).toEqual([ipOf(first)]);
  });

  it('keeps allocated node ports on re-apply', () => {
    const { api } = newTestCluster();
    const first = api.apply(svc({ type: 'NodePort' })).object as Service;
    const again = api.apply(svc({ type: 'NodePort' }));
    expect(again.action).toBe('unchanged');
    expect((again.object as Service).spec.ports![0].nodePort).toBe(first.spec.ports![0].nodePort);
  });

  it('writes the last-applied-configuration annotation as kubectl does', () => {
    const { api } = newTestCluster();
    const created = api.apply(svc()).object!;
    expect(created.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80,"targetPort":8080}],"selector":{"app":"web"}}}\n',
    );
  });

  it('removes a field that was applied before and is gone now', () => {
    const { api } = newTestCluster();
    api.apply(svc({}, { labels: { tier: 'front', app: 'web' } }));
    const r = api.apply(svc({}, { labels: { app: 'web' } }));
    expect(r.object!.metadata.labels).toEqual({ app: 'web' });
  });

  it('refuses to change the cluster IP', () => {
    const { api } = newTestCluster();
    api.apply(svc({ clusterIP: '10.96.0.50' }));
    const r = api.apply(svc({ clusterIP: '10.96.0.51' }));
    expect(r.action).toBe('configured');
    expect(r.error?.message).toBe('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.51"}: may not change once set');
    // The failed update must not leak its tentative allocation.
    expect(api.clusterIPs.isAllocated('10.96.0.51')).toBe(false);
  });

  it('warns when applying over an object created without apply', () => {
    const { api } = newTestCluster();
    api.create(svc());
    expect(api.apply(svc()).warnings[0]).toBe(
      'resource services/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.',
    );
  });

  it('reports unknown fields on an existing object as an invalid patch', () => {
    const { api } = newTestCluster();
    api.apply(svc());
    const r = api.apply(svc({ foo: 'bar' }));
    expect(r.error?.reason).toBe('Invalid');
    expect(r.error?.message.startsWith(' "" is invalid: patch: Invalid value: "map[')).toBe(true);
    expect(r.error?.message.endsWith('strict decoding error: unknown field "spec.foo"')).toBe(true);
  });

  it('refuses generateName and a missing name, like kubectl apply', () => {
    const { api } = newTestCluster();
    expect(api.apply(pod({}, { name: undefined, generateName: 'web-' })).error?.message).toBe('cannot use generate name with apply');
    expect(api.apply(pod({}, { name: undefined })).error?.message).toBe('resource name may not be empty');
  });

  it('lets Pod labels and images change but not the rest of the spec', () => {
    const { api } = newTestCluster();
    api.apply(pod());
    expect(api.apply(pod({}, { labels: { app: 'web', v: '2' } })).action).toBe('configured');
    expect(api.apply(pod({ containers: [{ name: 'app', image: 'nginx:1.28' }] }, { labels: { app: 'web', v: '2' } })).error).toBeUndefined();
    const r = api.apply(pod({ containers: [{ name: 'app', image: 'nginx:1.28' }], restartPolicy: 'Never' }, { labels: { app: 'web', v: '2' } }));
    expect(r.error?.message).toMatch(
      /^Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,`spec.initContainers\[\*\].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` \(only additions to existing tolerations\),`spec.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n/,
    );
    expect(r.error?.message).toContain('- \tRestartPolicy: "Always",\n+ \tRestartPolicy: "Never",');
  });

  it('keeps fields controllers set (a scheduled pod keeps its nodeName)', () => {
    const { api, store } = newTestCluster();
    const created = api.apply(pod()).object as Pod;
    store.update({ ...created, spec: { ...created.spec, nodeName: 'node1' } });
    const r = api.apply(pod());
    expect(r.action).toBe('unchanged');
    expect((r.object as Pod).spec.nodeName).toBe('node1');
  });
});

describe('allocation', () => {
  it('allocates from the dynamic band (above the first 256 addresses) and never the bootstrap IPs', () => {
    const { api } = newTestCluster();
    for (let i = 0; i < 20; i++) {
      const ip = ipOf(api.create(svc({}, { name: `s${i}` })).object)!;
      const [, , c, d] = ip.split('.').map(Number);
      const offset = (Number(ip.split('.')[1]) - 96) * 65536 + c * 256 + d;
      expect(offset).toBeGreaterThan(256);
    }
  });

  it('marks IPs written straight to the store, and frees them when they go', () => {
    const { api, store } = newTestCluster();
    store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ctl', namespace: 'default' }, spec: { clusterIP: '10.96.0.99', clusterIPs: ['10.96.0.99'], ports: [{ port: 1, protocol: 'TCP' }] } });
    expect(api.create(svc({ clusterIP: '10.96.0.99' })).error?.message).toContain('provided IP is already allocated');
    store.delete('Service', 'default', 'ctl');
    expect(ipOf(api.create(svc({ clusterIP: '10.96.0.99' })).object)).toBe('10.96.0.99');
  });

  it('releases the cluster IP on delete so it can be reused', () => {
    const { api } = newTestCluster();
    api.create(svc({ clusterIP: '10.96.0.50' }));
    expect(api.delete('Service', 'default', 'web').error).toBeUndefined();
    expect(api.clusterIPs.isAllocated('10.96.0.50')).toBe(false);
    expect(ipOf(api.create(svc({ clusterIP: '10.96.0.50' }, { name: 'other' })).object)).toBe('10.96.0.50');
  });

  it('releases node ports when the type changes back to ClusterIP', () => {
    const { api } = newTestCluster();
    const np = (api.apply(svc({ type: 'NodePort' })).object as Service).spec.ports![0].nodePort!;
    expect(api.nodePorts.has(np)).toBe(true);
    const back = api.apply(svc()).object as Service;
    expect(back.spec.ports![0].nodePort).toBeUndefined();
    expect(back.spec.externalTrafficPolicy).toBeUndefined();
    expect(api.nodePorts.has(np)).toBe(false);
  });

  it('gives TCP and UDP ports with the same number one node port', () => {
    const { api } = newTestCluster();
    const s = api.create(svc({ type: 'NodePort', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }] })).object as Service;
    expect(s.spec.ports![0].nodePort).toBe(s.spec.ports![1].nodePort);
  });

  it('releases what it reserved when validation fails', () => {
    const { api } = newTestCluster();
    const r = api.create(svc({ type: 'NodePort', clusterIP: '10.96.0.60', ports: [{ port: 80, nodePort: 30100, protocol: 'HTTP' }] }));
    expect(r.error?.reason).toBe('Invalid');
    expect(api.clusterIPs.isAllocated('10.96.0.60')).toBe(false);
    expect(api.nodePorts.has(30100)).toBe(false);
  });

  it.each([
    [1, 1, true],
    [1, 2, false],
  ])('is deterministic: seeds %i and %i give the same IPs: %s', (a, b, same) => {
    const ips = (seed: number): string[] => {
      const { api } = newTestCluster({ seed });
      return [0, 1, 2, 3].map((i) => ipOf(api.create(svc({}, { name: `s${i}` })).object)!);
    };
    expect(ips(a)).toEqual(same ? ips(b) : expect.not.arrayContaining(ips(b)));
  });

  it('allocates an IPv6 address too for PreferDualStack on a dual-stack cluster', () => {
    const { api } = newTestCluster({ serviceCIDRv6: 'fd00:10:96::/112' });
    const s = api.create(svc({ ipFamilyPolicy: 'PreferDualStack' })).object as Service;
    expect(s.spec.ipFamilies).toEqual(['IPv4', 'IPv6']);
    expect(s.spec.clusterIPs![1]).toMatch(/^fd00:10:96::/);
  });
});

describe('names, namespaces and deletion', () => {
  it('generates names from generateName with five characters of the upstream alphabet', () => {
    const { api } = newTestCluster();
    const r = api.create(pod({}, { name: undefined, generateName: 'web-' }));
    expect(r.object?.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('answers NotFound for a namespace that does not exist and stores nothing', () => {
    const { api, store } = newTestCluster();
    expect(api.create(svc({}, { namespace: 'shop' })).error?.message).toBe('namespaces "shop" not found');
    expect(store.list('Service', 'shop')).toEqual([]);
  });

  it('deletes the objects of a deleted namespace', () => {
    const { api, store } = newTestCluster();
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } } as KubeObject);
    api.create(svc({}, { namespace: 'shop' }));
    expect(api.delete('Namespace', undefined, 'shop').error).toBeUndefined();
    expect(store.list('Service', 'shop')).toEqual([]);
  });

  it.each(['default', 'kube-system'])('refuses to delete namespace %s', (ns) => {
    const { api } = newTestCluster();
    expect(api.delete('Namespace', undefined, ns).error?.message).toBe(`namespaces "${ns}" is forbidden: this namespace may not be deleted`);
  });

  it('answers NotFound when deleting a missing object', () => {
    const { api } = newTestCluster();
    expect(api.delete('Service', 'default', 'nope').error).toEqual({ reason: 'NotFound', code: 404, message: 'services "nope" not found', causes: [] });
  });

  it('answers AlreadyExists on a second create', () => {
    const { api } = newTestCluster();
    api.create(svc());
    expect(api.create(svc()).error?.message).toBe('services "web" already exists');
  });

  it('answers Conflict for a stale resourceVersion', () => {
    const { api } = newTestCluster();
    const created = api.create(svc()).object!;
    api.apply(svc({}, { labels: { a: 'b' } }));
    const r = api.update({ ...created, metadata: { ...created.metadata } } as KubeObject);
    expect(r.error?.message).toBe('Operation cannot be fulfilled on services "web": the object has been modified; please apply your changes to the latest version and try again');
  });

  it('defaults a Namespace with its metadata.name label, the kubernetes finalizer and Active phase', () => {
    const { api } = newTestCluster();
    const ns = api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } } as KubeObject).object!;
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'shop' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
  });
});

describe('defaults', () => {
  it('defaults a Service like the apiserver', () => {
    const { api } = newTestCluster();
    const s = api.create(svc({ type: 'NodePort' })).object as Service;
    expect(s.spec).toMatchObject({
      type: 'NodePort',
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
    });
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['nginx@sha256:abc', 'IfNotPresent'],
  ])('defaults imagePullPolicy for %s to %s', (image, policy) => {
    const { api } = newTestCluster();
    const p = api.create(pod({ containers: [{ name: 'app', image, ports: [{ containerPort: 80 }] }] })).object as Pod;
    expect(p.spec.containers[0].imagePullPolicy).toBe(policy);
    expect(p.spec.containers[0].ports![0].protocol).toBe('TCP');
    expect(p.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, enableServiceLinks: true, schedulerName: 'default-scheduler', serviceAccountName: 'default' });
  });
});

describe('robustness', () => {
  it('never throws, whatever it is given', () => {
    const { api } = newTestCluster();
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ apiVersion: fc.constantFrom('v1', 'discovery.k8s.io/v1'), kind: fc.constantFrom('Service', 'Pod', 'Endpoints', 'EndpointSlice', 'Namespace', 'ConfigMap', 'Node'), metadata: fc.anything(), spec: fc.anything(), subsets: fc.anything(), endpoints: fc.anything() })), (input) => {
        for (const call of [() => api.create(input), () => api.apply(input), () => api.update(input)]) {
          const r = call();
          expect(r.object !== undefined || r.error !== undefined).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
