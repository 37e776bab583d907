import { describe, expect, it } from 'vitest';
import type { TraceActor, TraceHop } from '../../../../shared/dns-types';
import { traceMessages } from './trace-messages';
import { actorLabel, traceSteps, type Translate } from './trace-steps';

/** English wording with parameters filled, as i18n.t does. */
const t: Translate = (key, params = {}) => traceMessages.en[key].replace(/\{(\w+)\}/g, (_, n: string) => String(params[n]));

const pod4: TraceActor = { kind: 'pod', id: 'default/pod4', ip: '20.104.236.65' };
const coredns: TraceActor = { kind: 'coredns', id: 'coredns', ip: '10.96.0.10' };
const internal: TraceActor = { kind: 'internal-dns', id: 'ns.lab.internal', ip: '192.168.0.2' };

describe('traceSteps', () => {
  it.each<{ what: string; hop: TraceHop; title: string; details: string[]; failed: boolean }>([
    {
      what: 'an answered query lists its records and the cache',
      hop: { type: 'dns-query', from: pod4, to: coredns, name: 'headless1.default.svc.cluster.local.', qtype: 'A', rcode: 'NOERROR', cache: 'miss', answers: [{ name: 'headless1.default.svc.cluster.local.', type: 'A', ttl: 30, data: '20.100.241.66' }] },
      title: 'pod4 (20.104.236.65) → CoreDNS (10.96.0.10): A? headless1.default.svc.cluster.local. → 1 record',
      details: ['headless1.default.svc.cluster.local. 30 IN A 20.100.241.66', 'cache miss'],
      failed: false,
    },
    {
      what: 'NXDOMAIN says no such name, with the server note',
      hop: { type: 'dns-query', from: coredns, to: internal, name: 'google.com.lab.internal.', qtype: 'A', rcode: 'NXDOMAIN', answers: [], note: 'local=/lab.internal/: not in /etc/hosts' },
      title: 'CoreDNS (10.96.0.10) → ns.lab.internal (192.168.0.2): A? google.com.lab.internal. → NXDOMAIN',
      details: ['no such name', 'local=/lab.internal/: not in /etc/hosts'],
      failed: true,
    },
    {
      what: 'an empty NOERROR is NODATA',
      hop: { type: 'dns-query', from: pod4, to: coredns, name: 'headless1.default.svc.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', answers: [], cache: 'hit' },
      title: 'pod4 (20.104.236.65) → CoreDNS (10.96.0.10): AAAA? headless1.default.svc.cluster.local. → NOERROR',
      details: ['the name exists, but has no record of this type (NODATA)', 'cache hit'],
      failed: false,
    },
    {
      what: 'a referral is not called NODATA',
      hop: { type: 'dns-query', from: { kind: 'external-dns', id: 'dns.google', ip: '8.8.8.8' }, to: { kind: 'external-dns', id: 'a.root-servers.net', ip: '198.41.0.4' }, name: 'google.com.', qtype: 'A', rcode: 'NOERROR', answers: [], note: 'referral to com.' },
      title: 'dns.google (8.8.8.8) → a.root-servers.net (198.41.0.4): A? google.com. → NOERROR',
      details: ['referral to com.'],
      failed: false,
    },
    {
      what: 'a query with no reply timed out',
      hop: { type: 'dns-query', from: pod4, to: coredns, name: 'x.', qtype: 'A' },
      title: 'pod4 (20.104.236.65) → CoreDNS (10.96.0.10): A? x.',
      details: ['no reply (timed out)'],
      failed: true,
    },
    {
      what: 'a search step gives the resolver reason',
      hop: { type: 'search', name: 'pod-a.headless1.default.svc.cluster.local.', reason: '1 dot < ndots:5: search domain default.svc.cluster.local' },
      title: 'Search list: pod-a.headless1.default.svc.cluster.local.',
      details: ['1 dot < ndots:5: search domain default.svc.cluster.local'],
      failed: false,
    },
    {
      what: 'kube-proxy names the chosen endpoint',
      hop: { type: 'proxy', via: { kind: 'kube-proxy', id: 'node1' }, service: 'default/endpoint1', vip: '10.96.0.20', port: 8080, candidates: 2, chosen: { ip: '20.100.241.66', port: 8080, pod: 'default/pod1' } },
      title: 'kube-proxy: default/endpoint1 (10.96.0.20:8080) → pod1 20.100.241.66:8080, one of 2 endpoints',
      details: [],
      failed: false,
    },
    {
      what: 'kube-proxy without endpoints fails',
      hop: { type: 'proxy', via: { kind: 'kube-proxy', id: 'node1' }, service: 'default/endpoint1', vip: '10.96.0.20', port: 8080, candidates: 0, note: 'connection refused' },
      title: 'kube-proxy: default/endpoint1 (10.96.0.20:8080) has no endpoints',
      details: ['connection refused'],
      failed: true,
    },
    {
      what: 'an HTTP error status fails',
      hop: { type: 'http', from: pod4, to: { kind: 'server', id: 'github.github.io', ip: '185.199.108.153' }, request: 'GET /kubetm.github.io/', status: 404 },
      title: 'HTTP: pod4 (20.104.236.65) → github.github.io (185.199.108.153): GET /kubetm.github.io/ → 404',
      details: [],
      failed: true,
    },
    {
      what: 'a connect names the address',
      hop: { type: 'connect', from: pod4, to: pod4, ip: '20.104.236.65', port: 8080 },
      title: 'Connect: pod4 (20.104.236.65) → 20.104.236.65:8080',
      details: [],
      failed: false,
    },
  ])('$what', ({ hop, title, details, failed }) => {
    expect(traceSteps([hop], t)).toEqual([{ kind: hop.type, title, details, failed }]);
  });

  it.each([
    { actor: { kind: 'host', id: 'master', ip: '192.168.0.30' } as TraceActor, want: 'master (192.168.0.30)' },
    { actor: { kind: 'server', id: '142.250.196.110', ip: '142.250.196.110' } as TraceActor, want: '142.250.196.110' },
    { actor: { kind: 'coredns', id: 'coredns' } as TraceActor, want: 'CoreDNS' },
  ])('labels $actor.kind $actor.id as $want', ({ actor, want }) => {
    expect(actorLabel(actor)).toBe(want);
  });

  it('has the same keys in Korean and English', () => {
    expect(Object.keys(traceMessages.ko).sort()).toEqual(Object.keys(traceMessages.en).sort());
  });
});
