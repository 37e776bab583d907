import { describe, expect, it } from 'vitest';
import { DEFAULT_WORLD } from '../world/world';
import { nodeResolvConf, parseResolvConf, resolvConf } from './resolv-conf';
import { pod } from './testing/cluster-fixtures';

const kubelet = { clusterDomain: 'cluster.local', clusterDNS: ['10.96.0.10'], node: nodeResolvConf(DEFAULT_WORLD) };

describe("a pod's /etc/resolv.conf, as kubelet writes it", () => {
  it.each([
    {
      name: 'ClusterFirst (the default): cluster search domains, then the node’s; the cluster DNS; ndots:5',
      pod: pod('pod4', '20.109.5.40'),
      text: 'search default.svc.cluster.local svc.cluster.local cluster.local lab.internal\nnameserver 10.96.0.10\noptions ndots:5\n',
    },
    {
      name: 'ClusterFirst in another namespace',
      pod: pod('web', '20.109.5.41', { namespace: 'prod' }),
      text: 'search prod.svc.cluster.local svc.cluster.local cluster.local lab.internal\nnameserver 10.96.0.10\noptions ndots:5\n',
    },
    { name: "Default: the node's resolv.conf", pod: pod('p', '20.109.5.42', { dnsPolicy: 'Default' }), text: 'search lab.internal\nnameserver 192.168.0.2\n' },
    { name: 'ClusterFirst on the host network falls back to Default', pod: pod('p', '192.168.0.31', { hostNetwork: true }), text: 'search lab.internal\nnameserver 192.168.0.2\n' },
    {
      name: 'ClusterFirstWithHostNet on the host network',
      pod: pod('p', '192.168.0.31', { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }),
      text: 'search default.svc.cluster.local svc.cluster.local cluster.local lab.internal\nnameserver 10.96.0.10\noptions ndots:5\n',
    },
    {
      name: 'None: only dnsConfig',
      pod: pod('p', '20.109.5.43', { dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'], searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } }),
      text: 'search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 1.1.1.1\noptions ndots:2 edns0\n',
    },
    {
      name: 'dnsConfig merged into ClusterFirst: options override by name, duplicates dropped',
      pod: pod('p', '20.109.5.44', { dnsConfig: { searches: ['lab.internal', 'extra.example'], options: [{ name: 'ndots', value: '2' }] } }),
      text: 'search default.svc.cluster.local svc.cluster.local cluster.local lab.internal extra.example\nnameserver 10.96.0.10\noptions ndots:2\n',
    },
  ])('$name', ({ pod: p, text }) => {
    expect(resolvConf(p, kubelet)).toBe(text);
  });

  it('keeps only three nameservers', () => {
    const p = pod('p', '20.109.5.45', { dnsConfig: { nameservers: ['1.1.1.1', '8.8.8.8', '9.9.9.9'] } });
    expect(resolvConf(p, kubelet)).toContain('nameserver 10.96.0.10\nnameserver 1.1.1.1\nnameserver 8.8.8.8\noptions');
  });

  it('parses as glibc does: nameservers accumulate, the last search line wins', () => {
    expect(parseResolvConf('# c\nnameserver 10.0.0.1\nsearch a.example\nsearch b.example.\nnameserver 10.0.0.2\noptions ndots:3 timeout:1\n')).toEqual({
      nameservers: ['10.0.0.1', '10.0.0.2'],
      search: ['b.example'],
      options: ['ndots:3', 'timeout:1'],
    });
  });
});
