/**
 * The chapter's labs ("Service — Headless, Endpoint, ExternalName"), end to end through the whole
 * engine: YAML in, controllers, DNS and kube-proxy out. Manifests are the course's own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigMap, Endpoints, EndpointSlice, Pod, Service } from '../shared/api-types';
import { createEngine, type Engine } from './engine';

/** The chapter's manifests, from the labs (resources/labs) so there is one copy of each. */
const lab = (path: string): string => readFileSync(join(import.meta.dirname, '../../resources/labs', path), 'utf8');
const HEADLESS = `${lab('headless/headless-service.yaml')}---\n${lab('headless/pods.yaml')}`;
const ENDPOINT_BY_CONTROLLER = lab('endpoint/service-and-pod.yaml');
const SELECTORLESS = lab('endpoint/selectorless.yaml');
const manualEndpoints = (ip: string): string => lab('endpoint/endpoints-for-2.yaml').replace(/ip: .*/, `ip: ${ip}`);
const externalName = (target: string): string => lab('externalname/external-service.yaml').replace('externalName: github.github.io', `externalName: ${target}`);

function applyAll(engine: Engine, ...texts: string[]): void {
  for (const text of texts) {
    const report = engine.apply(text);
    const failed = report.outcomes.filter((o) => o.action === 'failed');
    expect(failed.map((o) => o.error?.message)).toEqual([]);
    engine.settle();
  }
}

const pod = (engine: Engine, name: string): Pod => engine.store.get<Pod>('Pod', 'default', name)!;
const from = (name: string) => ({ kind: 'Pod', namespace: 'default', name });

describe('headless lab', () => {
  const engine = createEngine();
  applyAll(engine, HEADLESS);
  const ipA = pod(engine, 'pod4').status!.podIP!;
  const ipB = pod(engine, 'pod5').status!.podIP!;

  it('gives the headless Service no cluster IP', () => {
    expect(engine.store.get<Service>('Service', 'default', 'headless1')!.spec.clusterIP).toBe('None');
  });

  it.each([
    { name: 'headless1', expected: () => [ipA, ipB].sort() },
    { name: 'pod-a.headless1', expected: () => [ipA] },
    { name: 'pod-b.headless1', expected: () => [ipB] },
    { name: 'headless1.default.svc.cluster.local', expected: () => [ipA, ipB].sort() },
  ])('nslookup $name from a pod answers the pod IPs', ({ name, expected }) => {
    const result = engine.lookup(from('pod4'), name, 'A');
    if ('error' in result) throw new Error(result.error);
    expect(result.outcome).toBe('found');
    expect([...result.addresses].sort()).toEqual(expected());
  });

  it('lists both pods and their hostname records in the DNS table', () => {
    const rows = engine.dnsTable().filter((r) => r.name.includes('headless1') && r.type === 'A');
    expect(rows.map((r) => `${r.name} ${r.data} ${r.owner?.kind}/${r.owner?.name}`).sort()).toEqual(
      [`headless1.default.svc.cluster.local. ${ipA} Pod/pod4`, `headless1.default.svc.cluster.local. ${ipB} Pod/pod5`, `pod-a.headless1.default.svc.cluster.local. ${ipA} Pod/pod4`, `pod-b.headless1.default.svc.cluster.local. ${ipB} Pod/pod5`].sort(),
    );
  });

  it('curl pod-a.headless1:8080/hostname reaches pod4 and prints its hostname', () => {
    const result = engine.request(from('pod5'), 'pod-a.headless1:8080/hostname');
    if ('error' in result) throw new Error(result.error);
    expect(result.connection?.target?.pod?.metadata.name).toBe('pod4');
    expect(result.response?.status).toBe(200);
    expect(result.response?.body).toContain('pod-a');
  });
});

describe('endpoint lab', () => {
  it('the controller builds Endpoints named like the Service from the selector', () => {
    const engine = createEngine();
    applyAll(engine, ENDPOINT_BY_CONTROLLER);
    const ep = engine.store.get<Endpoints>('Endpoints', 'default', 'endpoint1')!;
    expect(ep.subsets).toEqual([
      {
        addresses: [{ ip: pod(engine, 'pod7').status!.podIP, nodeName: pod(engine, 'pod7').spec.nodeName, targetRef: { kind: 'Pod', namespace: 'default', name: 'pod7', uid: pod(engine, 'pod7').metadata.uid } }],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it('a selector-less Service gets no Endpoints until you write them, then load-balances to them', () => {
    const engine = createEngine();
    applyAll(engine, SELECTORLESS);
    expect(engine.store.get('Endpoints', 'default', 'endpoint2')).toBeUndefined();
    const noEndpoints = engine.request(from('pod9'), 'endpoint2:8080/hostname');
    if ('error' in noEndpoints) throw new Error(noEndpoints.error);
    expect(noEndpoints.connection?.outcome).toBe('no-endpoints');

    applyAll(engine, manualEndpoints(pod(engine, 'pod9').status!.podIP!));
    const slices = engine.store.list<EndpointSlice>('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'endpoint2');
    expect(slices).toHaveLength(1);
    expect(slices[0].metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe('endpointslicemirroring-controller.k8s.io');
    const result = engine.request(from('pod9'), 'endpoint2:8080/hostname');
    if ('error' in result) throw new Error(result.error);
    expect(result.connection?.target?.pod?.metadata.name).toBe('pod9');
    expect(result.response?.body).toContain('pod9');
    expect(result.hops.some((h) => h.type === 'proxy' && h.chosen?.ip === pod(engine, 'pod9').status!.podIP)).toBe(true);
  });

  it('manual Endpoints may point outside the cluster', () => {
    const engine = createEngine();
    applyAll(engine, SELECTORLESS, manualEndpoints('185.199.108.153'));
    const result = engine.request(from('pod9'), 'endpoint2:8080/');
    if ('error' in result) throw new Error(result.error);
    expect(result.hops.some((h) => h.type === 'proxy' && h.chosen?.ip === '185.199.108.153')).toBe(true);
  });

  it('removing the selector freezes the Endpoints; adding one hands them back to the controller', () => {
    const engine = createEngine();
    applyAll(engine, ENDPOINT_BY_CONTROLLER);
    const before = engine.store.get<Endpoints>('Endpoints', 'default', 'endpoint1')!.subsets;
    applyAll(engine, ENDPOINT_BY_CONTROLLER.replace('  selector:\n    svc: endpoint\n', ''));
    applyAll(engine, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod8\n  labels:\n    svc: endpoint\nspec:\n  containers:\n  - name: container\n    image: kubetm/app\n`);
    expect(engine.store.get<Endpoints>('Endpoints', 'default', 'endpoint1')!.subsets).toEqual(before);
    applyAll(engine, ENDPOINT_BY_CONTROLLER);
    const ips = engine.store.get<Endpoints>('Endpoints', 'default', 'endpoint1')!.subsets![0].addresses!.map((a) => a.ip);
    expect(ips.sort()).toEqual([pod(engine, 'pod7').status!.podIP, pod(engine, 'pod8').status!.podIP].sort());
  });
});

describe('externalname lab', () => {
  it('answers a CNAME to the outside domain and the chased addresses, with no cluster IP', () => {
    const engine = createEngine();
    applyAll(engine, SELECTORLESS, externalName('github.github.io'));
    const svc = engine.store.get<Service>('Service', 'default', 'externalname1')!;
    expect(svc.spec.clusterIP).toBeUndefined();
    const result = engine.lookup(from('pod9'), 'externalname1', 'A');
    if ('error' in result) throw new Error(result.error);
    expect(result.attempts.at(-1)?.message?.answer[0]).toMatchObject({ name: 'externalname1.default.svc.cluster.local.', type: 'CNAME', data: 'github.github.io.' });
    expect([...result.addresses].sort()).toEqual(['185.199.108.153', '185.199.109.153', '185.199.110.153', '185.199.111.153']);
    const servers = result.hops.flatMap((h) => (h.type === 'dns-query' ? [h.to.kind] : []));
    expect(servers).toEqual(expect.arrayContaining(['coredns', 'internal-dns', 'external-dns']));
  });

  it('changing externalName redirects pods without touching them', () => {
    const engine = createEngine();
    applyAll(engine, SELECTORLESS, externalName('github.github.io'));
    const podBefore = pod(engine, 'pod9').metadata.resourceVersion;
    applyAll(engine, externalName('google.com'));
    const result = engine.lookup(from('pod9'), 'externalname1', 'A');
    if ('error' in result) throw new Error(result.error);
    expect(result.addresses).toEqual(['142.250.196.110']);
    expect(pod(engine, 'pod9').metadata.resourceVersion).toBe(podBefore);
  });
});

describe('dns chain', () => {
  const engine = createEngine();
  applyAll(engine, SELECTORLESS);

  it.each([
    { name: 'user1', server: 'internal-dns', address: '192.168.0.21' },
    { name: 'node1', server: 'internal-dns', address: '192.168.0.31' },
    { name: 'google.com', server: 'external-dns', address: '142.250.196.110' },
  ])('$name resolves beyond the cluster through $server', ({ name, server, address }) => {
    const result = engine.lookup(from('pod9'), name, 'A');
    if ('error' in result) throw new Error(result.error);
    expect(result.addresses).toContain(address);
    expect(result.hops.some((h) => h.type === 'dns-query' && h.to.kind === server)).toBe(true);
    // The search list is tried first (ndots:5): the cluster answers NXDOMAIN for name.default.svc.cluster.local.
    expect(result.attempts[0].name).toBe(`${name}.default.svc.cluster.local.`);
    expect(result.attempts[0].message?.rcode).toBe('NXDOMAIN');
  });

  it('a second lookup of an outside name is answered from a cache', () => {
    const first = engine.lookup(from('pod9'), 'github.com', 'A');
    const second = engine.lookup(from('pod9'), 'github.com', 'A');
    if ('error' in first || 'error' in second) throw new Error('lookup failed');
    expect(second.addresses).toEqual(first.addresses);
    expect(second.hops.some((h) => h.type === 'dns-query' && h.cache === 'hit')).toBe(true);
    expect(second.hops.filter((h) => h.type === 'dns-query').length).toBeLessThan(first.hops.filter((h) => h.type === 'dns-query').length);
  });
});

describe('service types recap', () => {
  const nodePort = `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-np\nspec:\n  type: NodePort\n  selector:\n    svc: endpoint\n  ports:\n  - port: 8080\n    nodePort: 30000\n`;
  const loadBalancer = `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-lb\nspec:\n  type: LoadBalancer\n  selector:\n    svc: endpoint\n  ports:\n  - port: 8080\n`;

  it.each([
    { name: 'without a cloud provider the LoadBalancer stays pending', cloudProvider: false, expectIngress: false },
    { name: 'with a cloud provider the LoadBalancer gets an external IP', cloudProvider: true, expectIngress: true },
  ])('$name', ({ cloudProvider, expectIngress }) => {
    const engine = createEngine({ cloudProvider });
    applyAll(engine, ENDPOINT_BY_CONTROLLER, loadBalancer);
    const svc = engine.store.get<Service>('Service', 'default', 'svc-lb')!;
    expect(svc.spec.ports![0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(!!svc.status?.loadBalancer?.ingress?.length).toBe(expectIngress);
  });

  it('a NodePort answers on every node IP, from outside the cluster too', () => {
    const engine = createEngine();
    applyAll(engine, ENDPOINT_BY_CONTROLLER, nodePort);
    for (const ip of ['192.168.0.30', '192.168.0.31', '192.168.0.32']) {
      const result = engine.kubeProxy.connect({ kind: 'host', id: 'user1', ip: '192.168.0.21' }, ip, 30000);
      expect(result.target?.pod?.metadata.name).toBe('pod7');
    }
  });

  it('injects service environment variables into pods created after the Service only', () => {
    const engine = createEngine();
    applyAll(engine, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: early\nspec:\n  containers:\n  - name: c\n    image: kubetm/app\n`, ENDPOINT_BY_CONTROLLER);
    const ip = engine.store.get<Service>('Service', 'default', 'endpoint1')!.spec.clusterIP;
    const late = engine.kubelet.containerEnvironment(pod(engine, 'pod7').metadata.uid!)!;
    const early = engine.kubelet.containerEnvironment(pod(engine, 'early').metadata.uid!)!;
    expect(late).toMatchObject({ ENDPOINT1_SERVICE_HOST: ip, ENDPOINT1_SERVICE_PORT: '8080', ENDPOINT1_PORT: `tcp://${ip}:8080` });
    expect(early.ENDPOINT1_SERVICE_HOST).toBeUndefined();
    expect(early.KUBERNETES_SERVICE_HOST).toBe('10.96.0.1');
  });
});

describe('corefile', () => {
  it('an edited Corefile changes answers after the reload plugin notices; a broken one keeps the old config', () => {
    const engine = createEngine();
    applyAll(engine, ENDPOINT_BY_CONTROLLER);
    const ttlOf = (): number | undefined => {
      const r = engine.lookup(from('pod7'), 'endpoint1', 'A');
      return 'error' in r ? undefined : r.attempts.at(-1)?.message?.answer[0]?.ttl;
    };
    expect(ttlOf()).toBe(30);
    const cm = engine.store.get<ConfigMap>('ConfigMap', 'kube-system', 'coredns')!;
    const edit = (corefile: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\n  namespace: kube-system\ndata:\n  Corefile: |\n${corefile.split('\n').map((l) => (l ? `    ${l}` : '')).join('\n')}\n`;
    applyAll(engine, edit(cm.data!.Corefile.replace('ttl 30', 'ttl 10')));
    expect(ttlOf()).toBe(10);
    applyAll(engine, edit(cm.data!.Corefile.replace('ttl 30', 'ttl 10').replace('errors', 'errors\n    bogusplugin')));
    expect(ttlOf()).toBe(10);
  });
});

describe('determinism', () => {
  it('the same manifests and seed give the same IPs, uids and names every run; another seed differs', () => {
    const snapshot = (seed?: number) => {
      const engine = createEngine(seed === undefined ? {} : { seed });
      applyAll(engine, HEADLESS, ENDPOINT_BY_CONTROLLER, SELECTORLESS);
      return JSON.stringify(['Pod', 'Service', 'Endpoints', 'EndpointSlice'].flatMap((k) => engine.store.list(k)));
    };
    expect(snapshot()).toBe(snapshot());
    expect(snapshot(99)).not.toBe(snapshot());
  });
});

describe('the internet', () => {
  it.each([
    { name: 'www.naver.com', expected: ['223.130.192.247', '223.130.200.236'] },
    { name: 'www.github.com', expected: ['20.200.245.247'] },
    { name: 'kubetm.github.io', expected: ['185.199.108.153', '185.199.109.153', '185.199.110.153', '185.199.111.153'] },
  ])('$name resolves through its CNAME chain and delegations', ({ name, expected }) => {
    const engine = createEngine();
    applyAll(engine, SELECTORLESS);
    const result = engine.lookup(from('pod9'), name, 'A');
    if ('error' in result) throw new Error(result.error);
    expect([...result.addresses].sort()).toEqual(expected);
  });
});

describe('dual-stack', () => {
  const engine = createEngine({ serviceCIDRv6: 'fd00:10:96::/112', podCIDRv6: 'fd00:10:244::/56' });
  applyAll(
    engine,
    `apiVersion: v1
kind: Service
metadata: {name: ds}
spec:
  ipFamilyPolicy: PreferDualStack
  selector: {app: ds}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Pod
metadata: {name: p1, labels: {app: ds}}
spec:
  containers: [{name: c, image: nicolaka/netshoot}]
---
apiVersion: v1
kind: Service
metadata: {name: manual6}
spec:
  clusterIP: None
  ports: [{port: 80}]
---
apiVersion: v1
kind: Endpoints
metadata: {name: manual6}
subsets:
- addresses: [{ip: "2001:db8::1"}, {ip: "5678:abcd::1"}]
  ports: [{port: 80}]
`,
  );

  it('a PreferDualStack Service gets one cluster IP per family and answers A and AAAA', () => {
    const svc = engine.store.get<Service>('Service', 'default', 'ds')!;
    expect(svc.spec.ipFamilies).toEqual(['IPv4', 'IPv6']);
    for (const [type, ip] of [['A', svc.spec.clusterIPs![0]], ['AAAA', svc.spec.clusterIPs![1]]] as const) {
      const result = engine.lookup(from('p1'), 'ds', type);
      if ('error' in result) throw new Error(result.error);
      expect(result.addresses).toEqual([ip]);
    }
  });

  it('IPv6 addresses in hand-written Endpoints become AAAA records with dashed hostnames', () => {
    const rows = engine.dnsTable().filter((r) => r.name.includes('manual6') && r.type === 'AAAA').map((r) => `${r.name} ${r.data}`);
    expect(rows.sort()).toEqual(
      ['2001-db8--1.manual6.default.svc.cluster.local. 2001:db8::1', '5678-abcd--1.manual6.default.svc.cluster.local. 5678:abcd::1', 'manual6.default.svc.cluster.local. 2001:db8::1', 'manual6.default.svc.cluster.local. 5678:abcd::1'].sort(),
    );
  });

  it('a single-stack cluster refuses RequireDualStack as the apiserver does', () => {
    const single = createEngine();
    const report = single.apply(`apiVersion: v1\nkind: Service\nmetadata: {name: ds}\nspec:\n  ipFamilyPolicy: RequireDualStack\n  ports: [{port: 80}]\n`);
    expect(report.outcomes[0].action).toBe('failed');
    expect(report.outcomes[0].error?.message).toContain('spec.ipFamilyPolicy');
  });
});
