import { describe, expect, it } from 'vitest';
import { defaultCorefile } from './corefile';
import { ask, chapterObjects, lines, service, slice, stackWith, zone } from './testing/cluster-fixtures';

const base = defaultCorefile('cluster.local');
const kube = (extra: string): string => base.replace('       ttl 30\n', `       ttl 30\n       ${extra}\n`);
const objects = [
  ...chapterObjects(),
  service('empty', { clusterIP: '10.96.200.1', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
  slice('empty', [{ ip: '20.109.7.1', ready: false }], { ports: [{ name: 'http', port: 8080 }] }),
];
const queried = (ex: { hops: { type: string; to?: { id: string } }[] }): string[] => ex.hops.flatMap((h) => (h.type === 'dns-query' ? [h.to!.id] : []));

describe('Corefile options change the answers', () => {
  it.each([
    { corefile: base.replace('ttl 30', 'ttl 10'), ttl: 10, why: 'ttl 10' },
    { corefile: base.replace('ttl 30', 'ttl 60'), ttl: 30, why: 'ttl 60, but cache 30 caps every reply' },
    { corefile: base.replace('ttl 30', 'ttl 0'), ttl: 5, why: 'ttl 0: the cache clamps to its 5s minimum' },
    { corefile: base.replace(/ {4}cache 30 \{[^}]*\}\n/, '').replace('ttl 30', 'ttl 0'), ttl: 0, why: 'ttl 0 without cache' },
    { corefile: base.replace('       ttl 30\n', ''), ttl: 5, why: 'no ttl: the plugin default 5' },
  ])('TTL: $why', ({ corefile, ttl }) => {
    const { stack } = stackWith(objects, corefile);
    expect(lines(ask(stack, 'service1.default.svc.cluster.local.', 'A').answer)).toEqual(zone(`service1.default.svc.cluster.local. ${ttl} IN A 10.103.83.21`));
  });

  it('zones: the plugin answers only its zones; the rest goes to forward', () => {
    const { stack } = stackWith(objects, base.replace('kubernetes cluster.local', 'kubernetes example.local'));
    expect(lines(ask(stack, 'service1.default.svc.example.local.', 'A').answer)).toEqual(zone('service1.default.svc.example.local. 30 IN A 10.103.83.21'));
    const ex = stack.query({ kind: 'pod', id: 'default/pod4' }, '10.96.0.10', 'service1.default.svc.cluster.local', 'A');
    expect(ex.message.rcode).toBe('NXDOMAIN');
    expect(queried(ex)).toEqual(['coredns', 'ns.lab.internal', 'dns.google', 'a.root-servers.net']);
  });

  it('namespaces: other namespaces do not exist, by name or by address', () => {
    const { stack } = stackWith(objects, kube('namespaces kube-system'));
    expect(ask(stack, 'service1.default.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
    expect(ask(stack, 'kube-dns.kube-system.svc.cluster.local.', 'A').rcode).toBe('NOERROR');
    const ptr = stack.query({ kind: 'pod', id: 'default/pod4' }, '10.96.0.10', '21.83.103.10.in-addr.arpa', 'PTR');
    expect(queried(ptr)).toContain('ns.lab.internal');
    expect(ptr.message.answer).toEqual([]);
  });

  it('ignore empty_service: a ClusterIP service without ready endpoints becomes NXDOMAIN', () => {
    expect(ask(stackWith(objects).stack, 'empty.default.svc.cluster.local.', 'A').rcode).toBe('NOERROR');
    const { stack } = stackWith(objects, kube('ignore empty_service'));
    expect(ask(stack, 'empty.default.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
    expect(ask(stack, 'service1.default.svc.cluster.local.', 'A').rcode).toBe('NOERROR');
  });

  it('fallthrough for every zone: an unknown cluster name is asked upstream', () => {
    const without = stackWith(objects).stack.query({ kind: 'pod', id: 'default/pod4' }, '10.96.0.10', 'nope.default.svc.cluster.local', 'A');
    expect(queried(without)).toEqual(['coredns']);
    const { stack } = stackWith(objects, base.replace('fallthrough in-addr.arpa ip6.arpa', 'fallthrough'));
    const ex = stack.query({ kind: 'pod', id: 'default/pod4' }, '10.96.0.10', 'nope.default.svc.cluster.local', 'A');
    expect(queried(ex)).toEqual(['coredns', 'ns.lab.internal', 'dns.google', 'a.root-servers.net']);
    expect(ex.message.authority.map((r) => r.name)).toEqual(['.']);
  });

  it('endpoint_pod_names: endpoints without hostname are named after their pod', () => {
    const { stack } = stackWith(objects, kube('endpoint_pod_names'));
    expect(lines(ask(stack, 'pod-d.headless1.default.svc.cluster.local.', 'A').answer)).toEqual(zone('pod-d.headless1.default.svc.cluster.local. 30 IN A 20.109.5.13'));
    expect(ask(stack, '20-109-5-13.headless1.default.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
  });

  it('noendpoints: headless names stop resolving, ClusterIP ones keep working', () => {
    const { stack } = stackWith(objects, kube('noendpoints'));
    expect(ask(stack, 'headless1.default.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
    expect(ask(stack, 'service1.default.svc.cluster.local.', 'A').rcode).toBe('NOERROR');
  });

  it('hosts: inline entries answer before kubernetes and forward', () => {
    const corefile = base.replace('    loop\n', '    loop\n    hosts {\n       192.168.0.99 legacy.lab.internal\n       fallthrough\n    }\n');
    const { stack } = stackWith(objects, corefile);
    expect(lines(ask(stack, 'legacy.lab.internal.', 'A').answer)).toEqual(zone('legacy.lab.internal. 30 IN A 192.168.0.99'));
    expect(lines(ask(stack, 'user1.lab.internal.', 'A').answer)).toEqual(zone('user1.lab.internal. 5 IN A 192.168.0.21'));
  });

  it('a server block that does not cover a zone refuses it', () => {
    const { stack } = stackWith(objects, 'cluster.local:53 {\n    kubernetes\n}\n');
    expect(ask(stack, 'service1.default.svc.cluster.local.', 'A').rcode).toBe('NOERROR');
    expect(ask(stack, 'google.com.', 'A').rcode).toBe('REFUSED');
  });

  it('a server on another port is not reached by pods (they time out)', () => {
    const { stack } = stackWith(objects, '.:5353 {\n    kubernetes cluster.local\n}\n');
    const ex = stack.query({ kind: 'pod', id: 'default/pod4' }, '10.96.0.10', 'service1.default.svc.cluster.local', 'A');
    expect(ex.timedOut).toBe(true);
  });

  it('a reloaded Corefile takes effect, a broken one is ignored', () => {
    const { stack } = stackWith(objects);
    expect(stack.coredns.reload(base.replace('ttl 30', 'ttl')).applied).toBe(false);
    expect(ask(stack, 'service1.default.svc.cluster.local.', 'A').answer[0].ttl).toBe(30);
    expect(stack.coredns.reload(base.replace('ttl 30', 'ttl 12')).applied).toBe(true);
    expect(ask(stack, 'service1.default.svc.cluster.local.', 'A').answer[0].ttl).toBe(12);
  });
});
