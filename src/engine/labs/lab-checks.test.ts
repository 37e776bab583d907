import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabCheck, TranscriptEntry } from '../../shared/lab-types';
import { createEngine, type Engine } from '../engine';
import { ShellSession } from '../shell/shell-session';
import { evaluateChecks, subject } from './lab-checks';

/** The chapter's Headless lab, from its files (one copy of each manifest). */
const lab = (file: string): string => readFileSync(join(import.meta.dirname, '../../../resources/labs/headless', file), 'utf8');
const HEADLESS_SERVICE = lab('headless-service.yaml');
const HEADLESS_PODS = lab('pods.yaml');
const OTHERS = `apiVersion: v1
kind: Service
metadata:
  name: endpoint2
spec:
  ports:
  - port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: externalname1
spec:
  type: ExternalName
  externalName: github.github.io
---
apiVersion: v1
kind: Service
metadata:
  name: svc3
spec:
  type: LoadBalancer
  selector:
    app: none
  ports:
  - port: 9000
`;

function cluster(withPods: boolean): Engine {
  const engine = createEngine();
  engine.apply(HEADLESS_SERVICE);
  engine.apply(OTHERS);
  if (withPods) engine.apply(HEADLESS_PODS);
  engine.settle();
  return engine;
}

const ready = cluster(true);
const empty = cluster(false);

const TRANSCRIPT: TranscriptEntry[] = [
  { session: 'admin', line: 'kubectl exec pod4 -- nslookup headless1', output: 'Server:\t\t10.96.0.10\n\n** server can\'t find headless1: NXDOMAIN\n', exitCode: 1 },
  { session: 'admin', line: 'kubectl exec pod4 -- nslookup headless1', output: 'Name:\theadless1.default.svc.cluster.local\nAddress: 20.100.241.66\nName:\theadless1.default.svc.cluster.local\nAddress: 20.104.236.65\n', exitCode: 0 },
  { session: 'admin', line: '  kubectl get svc  ', output: 'svc3   LoadBalancer   10.103.95.152   <pending>   9000:31636/TCP   2s\n', exitCode: 0 },
];

describe('evaluateChecks', () => {
  it.each<{ name: string; engine: Engine; check: LabCheck; ok: boolean; en: string; ko: string }>([
    { name: 'an object that exists', engine: ready, check: { kind: 'object', ref: { kind: 'Service', name: 'headless1' } }, ok: true, en: 'Service headless1 exists', ko: 'headless1 서비스가 있습니다' },
    { name: 'an object that does not exist', engine: ready, check: { kind: 'object', ref: { kind: 'Pod', name: 'pod9' } }, ok: false, en: 'There is no Pod pod9 yet', ko: 'pod9 파드가 아직 없습니다' },
    { name: 'an object in another namespace', engine: ready, check: { kind: 'object', ref: { kind: 'Service', namespace: 'kube-system', name: 'kube-dns' } }, ok: true, en: 'Service kube-dns in namespace kube-system exists', ko: 'kube-system 네임스페이스의 kube-dns 서비스가 있습니다' },
    { name: 'a cluster-scoped object', engine: ready, check: { kind: 'object', ref: { kind: 'Node', name: 'node1' }, jsonpath: '{.metadata.name}', equals: 'node1' }, ok: true, en: 'Node node1 {.metadata.name} is "node1"', ko: 'node1 노드의 {.metadata.name} 값은 "node1"입니다' },
    { name: 'absent, and gone', engine: ready, check: { kind: 'object', ref: { kind: 'Endpoints', name: 'endpoint2' }, absent: true }, ok: true, en: 'Endpoints endpoint2 is gone', ko: 'endpoint2 엔드포인트가 없습니다' },
    { name: 'absent, but still there', engine: ready, check: { kind: 'object', ref: { kind: 'Service', name: 'svc3' }, absent: true }, ok: false, en: 'Service svc3 still exists', ko: 'svc3 서비스가 아직 있습니다' },
    { name: 'jsonpath equals', engine: ready, check: { kind: 'object', ref: { kind: 'Service', name: 'headless1' }, jsonpath: '{.spec.clusterIP}', equals: 'None' }, ok: true, en: 'Service headless1 {.spec.clusterIP} is "None"', ko: 'headless1 서비스의 {.spec.clusterIP} 값은 "None"입니다' },
    { name: 'jsonpath differs', engine: ready, check: { kind: 'object', ref: { kind: 'Service', name: 'externalname1' }, jsonpath: '{.spec.externalName}', equals: 'kubetm.github.io' }, ok: false, en: 'Service externalname1 {.spec.externalName} is "github.github.io", expected "kubetm.github.io"', ko: 'externalname1 서비스의 {.spec.externalName} 값은 "github.github.io"입니다 (기대한 값: "kubetm.github.io")' },
    { name: 'jsonpath matches a regular expression', engine: ready, check: { kind: 'object', ref: { kind: 'Endpoints', name: 'headless1' }, jsonpath: '{.subsets[*].addresses[*].hostname}', matches: '\\bpod-a\\b' }, ok: true, en: 'Endpoints headless1 {.subsets[*].addresses[*].hostname} is "pod-b pod-a"', ko: 'headless1 엔드포인트의 {.subsets[*].addresses[*].hostname} 값은 "pod-b pod-a"입니다' },
    { name: 'Endpoints without addresses yet', engine: empty, check: { kind: 'object', ref: { kind: 'Endpoints', name: 'headless1' }, jsonpath: '{.subsets[*].addresses[*].hostname}', matches: 'pod-a' }, ok: false, en: 'Service headless1 has no endpoints yet', ko: 'headless1 서비스에 아직 엔드포인트가 없습니다' },
    { name: 'no Endpoints for a selector-less Service', engine: ready, check: { kind: 'object', ref: { kind: 'Endpoints', name: 'endpoint2' } }, ok: false, en: 'Service endpoint2 has no selector, so the endpoints controller makes no Endpoints for it: write an Endpoints object named endpoint2', ko: 'endpoint2 서비스에는 셀렉터가 없어서 엔드포인트 컨트롤러가 엔드포인트를 만들지 않습니다. 이름이 endpoint2인 엔드포인트를 직접 만들어 주세요' },
    { name: 'no Endpoints for an ExternalName Service', engine: ready, check: { kind: 'object', ref: { kind: 'Endpoints', name: 'externalname1' } }, ok: false, en: 'Service externalname1 is an ExternalName Service: it gets no Endpoints', ko: 'externalname1 서비스는 ExternalName 서비스라서 엔드포인트가 만들어지지 않습니다' },
    { name: 'jsonpath alone: any value passes', engine: ready, check: { kind: 'object', ref: { kind: 'Pod', name: 'pod4' }, jsonpath: '{.spec.hostname}' }, ok: true, en: 'Pod pod4 {.spec.hostname} is "pod-a"', ko: 'pod4 파드의 {.spec.hostname} 값은 "pod-a"입니다' },
    { name: 'a LoadBalancer without an address', engine: ready, check: { kind: 'object', ref: { kind: 'Service', name: 'svc3' }, jsonpath: '{.status.loadBalancer.ingress[0].ip}' }, ok: false, en: 'Service svc3 has no load balancer address yet (EXTERNAL-IP <pending>)', ko: 'svc3 서비스에 아직 로드밸런서 주소가 없습니다 (EXTERNAL-IP <pending>)' },
    { name: 'a jsonpath kubectl rejects at run time', engine: ready, check: { kind: 'object', ref: { kind: 'Service', name: 'svc3' }, jsonpath: '{.spec.ports[9].port}', equals: '1' }, ok: false, en: 'kubectl cannot print {.spec.ports[9].port} of Service svc3: error executing jsonpath "{.spec.ports[9].port}": Error executing template: array index out of bounds: index 9, length 1. Printing more information for debugging the template:', ko: 'svc3 서비스의 {.spec.ports[9].port}을(를) 출력할 수 없습니다: error executing jsonpath "{.spec.ports[9].port}": Error executing template: array index out of bounds: index 9, length 1. Printing more information for debugging the template:' },
    { name: 'DNS: a headless Service answers every pod', engine: ready, check: { kind: 'dns', name: 'headless1.default.svc.cluster.local', type: 'A', count: 2 }, ok: true, en: 'The cluster DNS answers headless1.default.svc.cluster.local A: 20.100.241.66, 20.104.236.65', ko: '클러스터 DNS의 headless1.default.svc.cluster.local A 응답: 20.100.241.66, 20.104.236.65' },
    { name: 'DNS: a headless Service without pods', engine: empty, check: { kind: 'dns', name: 'headless1.default.svc.cluster.local.', type: 'A', count: 2 }, ok: false, en: 'The cluster DNS answers NXDOMAIN for headless1.default.svc.cluster.local A: no such name (yet)', ko: '클러스터 DNS가 headless1.default.svc.cluster.local A에 NXDOMAIN으로 답합니다: 그런 이름이 (아직) 없습니다' },
    { name: 'DNS: the wrong number of answers', engine: ready, check: { kind: 'dns', name: 'pod-a.headless1.default.svc.cluster.local', type: 'A', count: 2 }, ok: false, en: 'The cluster DNS answers pod-a.headless1.default.svc.cluster.local A with 1 record(s) (20.104.236.65), expected 2', ko: '클러스터 DNS가 pod-a.headless1.default.svc.cluster.local A에 레코드 1개로 답합니다 (20.104.236.65). 기대한 개수: 2개' },
    { name: 'DNS: NXDOMAIN expected', engine: ready, check: { kind: 'dns', name: 'pod-c.headless1.default.svc.cluster.local', type: 'A', rcode: 'NXDOMAIN' }, ok: true, en: 'The cluster DNS answers NXDOMAIN for pod-c.headless1.default.svc.cluster.local A', ko: '클러스터 DNS가 pod-c.headless1.default.svc.cluster.local A에 NXDOMAIN으로 답합니다' },
    { name: 'DNS: an ExternalName CNAME', engine: ready, check: { kind: 'dns', name: 'externalname1.default.svc.cluster.local', type: 'CNAME', contains: 'github.github.io' }, ok: true, en: 'The cluster DNS answers externalname1.default.svc.cluster.local CNAME: github.github.io.', ko: '클러스터 DNS의 externalname1.default.svc.cluster.local CNAME 응답: github.github.io.' },
    { name: 'DNS: a CNAME to somewhere else', engine: ready, check: { kind: 'dns', name: 'externalname1.default.svc.cluster.local', type: 'CNAME', contains: 'kubetm.github.io' }, ok: false, en: 'The cluster DNS answers externalname1.default.svc.cluster.local CNAME with github.github.io., not kubetm.github.io', ko: '클러스터 DNS가 externalname1.default.svc.cluster.local CNAME에 github.github.io.(으)로 답합니다. kubetm.github.io은(는) 없습니다' },
    { name: 'DNS: an internal network name, through the forward chain', engine: ready, check: { kind: 'dns', name: 'user1.lab.internal', type: 'A', contains: '192.168.0.21' }, ok: true, en: 'The cluster DNS answers user1.lab.internal A: 192.168.0.21', ko: '클러스터 DNS의 user1.lab.internal A 응답: 192.168.0.21' },
    { name: 'DNS: a reverse (PTR) name', engine: ready, check: { kind: 'dns', name: '10.0.96.10.in-addr.arpa', type: 'PTR', contains: 'kube-dns.kube-system.svc.cluster.local' }, ok: true, en: 'The cluster DNS answers 10.0.96.10.in-addr.arpa PTR: kube-dns.kube-system.svc.cluster.local.', ko: '클러스터 DNS의 10.0.96.10.in-addr.arpa PTR 응답: kube-dns.kube-system.svc.cluster.local.' },
    { name: 'DNS: a name with no record of the type', engine: ready, check: { kind: 'dns', name: 'kubernetes.default.svc.cluster.local', type: 'TXT' }, ok: false, en: 'The cluster DNS has no TXT record for kubernetes.default.svc.cluster.local', ko: '클러스터 DNS에 kubernetes.default.svc.cluster.local의 TXT 레코드가 없습니다' },
    { name: 'output: the latest matching run counts', engine: ready, check: { kind: 'output', command: 'nslookup\\s+headless1$', matches: '(Address: 20\\.\\S+\\s+(Name:\\s+\\S+\\s+)?){2}' }, ok: true, en: 'kubectl exec pod4 -- nslookup headless1 printed what was expected', ko: 'kubectl exec pod4 -- nslookup headless1 명령이 기대한 내용을 출력했습니다' },
    { name: 'output: ran, printed something else', engine: ready, check: { kind: 'output', command: 'nslookup\\s+headless1$', matches: 'pod-a' }, ok: false, en: 'kubectl exec pod4 -- nslookup headless1 ran, but its output does not match /pod-a/ (it printed: Name:\theadless1.default.svc.cluster.local)', ko: 'kubectl exec pod4 -- nslookup headless1 명령을 실행했지만 출력이 /pod-a/에 맞지 않습니다 (출력: Name:\theadless1.default.svc.cluster.local)' },
    { name: 'output: never ran', engine: ready, check: { kind: 'output', command: 'curl .*pod-b' }, ok: false, en: 'No command matching /curl .*pod-b/ has run yet', ko: '아직 /curl .*pod-b/에 맞는 명령을 실행하지 않았습니다' },
    { name: 'output: having run is enough, line trimmed', engine: ready, check: { kind: 'output', command: '^kubectl get svc$' }, ok: true, en: 'Ran: kubectl get svc', ko: '실행함: kubectl get svc' },
    { name: 'output: ^ and $ match at line ends', engine: ready, check: { kind: 'output', command: 'get svc', matches: '^svc3\\s+LoadBalancer\\s+\\S+\\s+<pending>' }, ok: true, en: 'kubectl get svc printed what was expected', ko: 'kubectl get svc 명령이 기대한 내용을 출력했습니다' },
    { name: 'a regular expression that does not compile', engine: ready, check: { kind: 'output', command: '(' }, ok: false, en: 'This check could not be evaluated: Invalid regular expression: /(/: Unterminated group', ko: '이 확인은 평가할 수 없습니다: Invalid regular expression: /(/: Unterminated group' },
  ])('$name', ({ engine, check, ok, en, ko }) => {
    const [result] = evaluateChecks(engine, [check], TRANSCRIPT);
    expect(result.ok).toBe(ok);
    expect(result.detail.en.startsWith(en), result.detail.en).toBe(true);
    expect(result.detail.ko.startsWith(ko), result.detail.ko).toBe(true);
  });

  it('leaves no trace in the cluster: the learner sees the same answers, TTLs and cache hits whether checks ran or not', () => {
    const run = (withChecks: boolean): string[] => {
      const engine = cluster(true);
      const session = new ShellSession(engine, { read: () => undefined });
      const out: string[] = [];
      for (let i = 0; i < 3; i++) {
        if (withChecks)
          evaluateChecks(engine, [
            { kind: 'dns', name: 'headless1.default.svc.cluster.local', type: 'A', count: 2 },
            { kind: 'dns', name: 'google.com', type: 'A' },
          ], []);
        // A probe through the cluster's own CoreDNS would leave the answers cached: the learner's
        // lookup 10 s later would hit the cache with a TTL 10 s lower.
        engine.advance(10_000);
        for (const name of ['headless1.default.svc.cluster.local.', 'google.com.']) {
          const result = engine.lookup({ kind: 'Pod', namespace: 'default', name: 'pod4' }, name, 'A');
          if ('error' in result) throw new Error(result.error);
          out.push(JSON.stringify({ answers: result.attempts.map((a) => a.message?.answer), cache: result.hops.map((h) => (h.type === 'dns-query' ? h.cache : h.type)) }));
        }
        out.push(session.run('kubectl exec pod4 -- nslookup headless1').stdout);
        engine.advance(40_000);
      }
      return out;
    };
    expect(run(true)).toEqual(run(false));
  });

  it('returns one result per check, in order', () => {
    const results = evaluateChecks(ready, [
      { kind: 'object', ref: { kind: 'Service', name: 'nope' } },
      { kind: 'object', ref: { kind: 'Service', name: 'headless1' } },
    ], []);
    expect(results.map((r) => r.ok)).toEqual([false, true]);
  });
});

describe('subject', () => {
  it.each([
    { word: 'headless1 서비스', expected: 'headless1 서비스가' },
    { word: 'pod9 파드', expected: 'pod9 파드가' },
    { word: 'kube-system 네임스페이스의 kube-dns 엔드포인트', expected: 'kube-system 네임스페이스의 kube-dns 엔드포인트가' },
    { word: '컨피그맵', expected: '컨피그맵이' },
    { word: 'svc3', expected: 'svc3이(가)' },
  ])('$word → $expected', ({ word, expected }) => {
    expect(subject(word)).toBe(expected);
  });
});
