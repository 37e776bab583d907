import { describe, expect, it } from 'vitest';
import { explainEndpoints, podDnsNames, type EndpointsExplanation } from './explain-endpoints';
import { pod, service } from './topology-test-objects';
import type { Pod, Service } from '../../../../shared/api-types';

const headless = service('headless1', { clusterIP: 'None', selector: { svc: 'headless' } });
const pod4 = pod('pod4', { labels: { svc: 'headless' }, ports: [{ name: 'http', containerPort: 8080 }] });

interface Case {
  name: string;
  svc: Service;
  pods: Pod[];
  expected: Partial<EndpointsExplanation> & { pod0?: Partial<EndpointsExplanation['pods'][number]> };
}

const cases: Case[] = [
  {
    name: 'all good: labels match, port resolves, pod ready',
    svc: headless,
    pods: [pod4],
    expected: { verdict: 'ok', readyCount: 1, pod0: { selected: true, outcome: 'ready', readiness: 'ready' } },
  },
  {
    name: 'label mismatch, key by key (svc: headless ≠ svc: headles)',
    svc: service('s', { selector: { svc: 'headles', tier: 'web' } }),
    pods: [pod('pod4', { labels: { svc: 'headless', tier: 'web' } })],
    expected: { verdict: 'no-pods-match', pod0: { selected: false, outcome: 'excluded', labels: [{ key: 'svc', want: 'headles', got: 'headless', ok: false }, { key: 'tier', want: 'web', got: 'web', ok: true }] } },
  },
  {
    name: 'missing label key',
    svc: headless,
    pods: [pod('pod9')],
    expected: { verdict: 'no-pods-match', pod0: { labels: [{ key: 'svc', want: 'headless', got: undefined, ok: false }] } },
  },
  {
    name: 'named targetPort the pod does not declare',
    svc: service('s', { selector: { svc: 'headless' }, ports: [{ name: 'web', port: 80, targetPort: 'https' }] }),
    pods: [pod4],
    expected: { verdict: 'no-ports-resolve', pod0: { outcome: 'excluded', ports: [{ port: 'web', targetPort: 'https', ok: false, problem: 'named-port-missing' }] } },
  },
  {
    name: 'named targetPort found: resolved per pod',
    svc: service('s', { selector: { svc: 'headless' }, ports: [{ port: 80, targetPort: 'http' }] }),
    pods: [pod4],
    expected: { verdict: 'ok', pod0: { ports: [{ port: '80', targetPort: 'http', resolved: 8080, ok: true }] } },
  },
  {
    name: 'numeric targetPort not declared: still used, flagged',
    svc: service('s', { selector: { svc: 'headless' }, ports: [{ port: 80, targetPort: 9090 }] }),
    pods: [pod4],
    expected: { verdict: 'ok', pod0: { ports: [{ port: '80', targetPort: 9090, resolved: 9090, ok: true, problem: 'number-not-declared' }] } },
  },
  {
    name: 'not ready: Ready condition False',
    svc: headless,
    pods: [pod('pod4', { labels: { svc: 'headless' }, ready: false })],
    expected: { verdict: 'no-ready-pods', readyCount: 0, pod0: { readiness: 'not-ready', outcome: 'not-ready' } },
  },
  {
    name: 'not ready: still Pending, no node',
    svc: headless,
    pods: [{ ...pod('pod4', { labels: { svc: 'headless' }, ready: false, phase: 'Pending' }), spec: { containers: [] }, status: { phase: 'Pending' } } as Pod],
    expected: { verdict: 'no-ready-pods', pod0: { readiness: 'pending', outcome: 'excluded' } },
  },
  {
    name: 'publishNotReadyAddresses counts a not-ready pod',
    svc: { ...headless, spec: { ...headless.spec, publishNotReadyAddresses: true } },
    pods: [pod('pod4', { labels: { svc: 'headless' }, ready: false })],
    expected: { verdict: 'ok', readyCount: 1 },
  },
  {
    name: 'selector-less: Endpoints are written by hand',
    svc: service('endpoint2', { ports: [{ port: 8080 }] }),
    pods: [pod4],
    expected: { verdict: 'selectorless', pods: [] },
  },
  {
    name: 'ExternalName: a CNAME, no endpoints',
    svc: service('externalname1', { type: 'ExternalName', externalName: 'github.github.io' }),
    pods: [pod4],
    expected: { verdict: 'external-name', externalName: 'github.github.io' },
  },
  {
    name: 'pods of other namespaces are ignored',
    svc: headless,
    pods: [{ ...pod4, metadata: { ...pod4.metadata, namespace: 'other' } }],
    expected: { verdict: 'no-pods-match', pods: [] },
  },
];

describe('explainEndpoints', () => {
  it.each(cases)('$name', ({ svc, pods, expected }) => {
    const { pod0, ...rest } = expected;
    const got = explainEndpoints(svc, pods);
    expect(got).toMatchObject(rest);
    if (pod0) expect(got.pods[0]).toMatchObject(pod0);
  });
});

describe('podDnsNames', () => {
  it('gives the dashed-IP name, and hostname.subdomain under a headless Service of that name', () => {
    const p = pod('pod4', { hostname: 'pod-a', subdomain: 'headless1', ip: '20.109.5.11' });
    expect(podDnsNames(p, new Set(['default/headless1']))).toEqual(['20-109-5-11.default.pod.cluster.local', 'pod-a.headless1.default.svc.cluster.local']);
    expect(podDnsNames(p, new Set())).toEqual(['20-109-5-11.default.pod.cluster.local']);
  });
});
