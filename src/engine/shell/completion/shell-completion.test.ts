/**
 * Tab completion over the chapter's cluster (headless1 with pod4/pod-a and pod5/pod-b, endpoint1,
 * endpoint2, externalname1, nodeport1, empty1; a busybox pod `bb` and a netshoot pod `tools`) plus
 * a Service and a Pod in namespace `other`: which words each place and each position offers.
 */

import { describe, expect, it } from 'vitest';
import type { ExecTarget } from '../shell-types';
import { chapterEngine } from '../tools/testing/chapter-scenario';
import { completeShellLine } from './shell-completion';

const OTHER = `apiVersion: v1
kind: Namespace
metadata:
  name: other
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: other
spec:
  selector:
    app: api
  ports:
  - port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: worker
  namespace: other
spec:
  containers:
  - name: worker
    image: busybox
    command: ["sleep", "3600"]
`;

const engine = chapterEngine();
engine.apply(OTHER);
engine.settle();

const HOST: ExecTarget = { kind: 'host' };
const inPod = (pod: string, container: string): ExecTarget => ({ kind: 'pod', namespace: 'default', pod, container });

describe('completeShellLine', () => {
  it.each([
    { name: 'host commands include kubectl and the DNS tools', target: HOST, line: 'k', expected: ['kubectl'] },
    { name: 'the host has dig', target: HOST, line: 'di', expected: ['dig'] },
    { name: 'kubectl subcommands', target: HOST, line: 'kubectl ge', expected: ['get'] },
    { name: 'subcommands are the simulated ones', target: HOST, line: 'kubectl e', expected: ['exec', 'explain'] },
    { name: 'resource types by plural and short name', target: HOST, line: 'kubectl get s', expected: ['services', 'svc'] },
    { name: 'short names of endpoints and pods', target: HOST, line: 'kubectl get e', expected: ['endpoints', 'endpointslices', 'ep'] },
    { name: 'service names after svc', target: HOST, line: 'kubectl get svc head', expected: ['headless1'] },
    { name: 'names of the default namespace only', target: HOST, line: 'kubectl get svc a', expected: [] },
    { name: 'names of the -n namespace', target: HOST, line: 'kubectl get svc -n other a', expected: ['api'] },
    { name: 'names of the --namespace= namespace', target: HOST, line: 'kubectl get svc --namespace=other ', expected: ['api'] },
    { name: 'names across namespaces with -A', target: HOST, line: 'kubectl get -A svc a', expected: ['api'] },
    { name: 'TYPE/NAME', target: HOST, line: 'kubectl describe pod/pod', expected: ['pod/pod4', 'pod/pod5', 'pod/pod7', 'pod/pod9'] },
    { name: 'a name already typed is not offered again', target: HOST, line: 'kubectl delete pod pod4 pod', expected: ['pod5', 'pod7', 'pod9'] },
    { name: 'namespaces after -n', target: HOST, line: 'kubectl get pods -n ', expected: ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'other'] },
    { name: 'output formats after -o', target: HOST, line: 'kubectl get svc -o w', expected: ['wide'] },
    { name: 'the editor files after -f', target: HOST, line: 'kubectl apply -f h', files: ['headless.yaml', 'pods.yaml'], expected: ['headless.yaml'] },
    { name: 'flags of the subcommand', target: HOST, line: 'kubectl get --show-l', expected: ['--show-labels'] },
    { name: 'flags the subcommand does not take are not offered', target: HOST, line: 'kubectl exec --show', expected: [] },
    { name: 'pod names after exec', target: HOST, line: 'kubectl exec -it pod', expected: ['pod4', 'pod5', 'pod7', 'pod9'] },
    { name: 'the tools of the pod named after exec --', target: HOST, line: 'kubectl exec -it bb -- cu', expected: [] },
    { name: 'netshoot has curl', target: HOST, line: 'kubectl exec -it tools -- cu', expected: ['curl'] },
    { name: 'DNS names after exec -- nslookup', target: HOST, line: 'kubectl exec pod4 -- nslookup pod-', expected: ['pod-a.headless1', 'pod-b.headless1'] },
    { name: 'flag values', target: HOST, line: 'kubectl run x --image=busybox --restart ', expected: ['Always', 'Never', 'OnFailure'] },
    { name: 'busybox has wget, not curl', target: inPod('bb', 'bb'), line: 'wg', expected: ['wget'] },
    { name: 'busybox has no curl', target: inPod('bb', 'bb'), line: 'cu', expected: [] },
    { name: 'no kubectl in a container', target: inPod('pod4', 'container'), line: 'kube', expected: [] },
    { name: 'kubetm/app has curl and nslookup', target: inPod('pod4', 'container'), line: 'c', expected: ['cat', 'cd', 'clear', 'curl'] },
    { name: 'in a container, DNS names by their short forms', target: inPod('pod4', 'container'), line: 'nslookup head', expected: ['headless1'] },
    { name: 'other namespaces by name.namespace', target: inPod('pod4', 'container'), line: 'curl ap', expected: ['api.other'] },
    { name: 'no names after a non-DNS tool', target: inPod('pod4', 'container'), line: 'cat head', expected: [] },
  ])('$name: $line', ({ target, line, files, expected }) => {
    expect(completeShellLine(engine, target, { line, cursor: line.length, files }).candidates).toEqual(expected);
  });

  it.each([
    { line: 'kubectl get svc head', cursor: 20, replaceFrom: 16 },
    { line: 'kubectl get svc ', cursor: 16, replaceFrom: 16 },
    { line: 'kubectl ge svc', cursor: 10, replaceFrom: 8 },
  ])('replaces the word before the cursor: "$line" at $cursor from $replaceFrom', ({ line, cursor, replaceFrom }) => {
    expect(completeShellLine(engine, HOST, { line, cursor }).replaceFrom).toBe(replaceFrom);
  });

  it.each([
    { name: 'a cursor past the end', line: 'kubectl g', cursor: 99 },
    { name: 'a negative cursor', line: 'kubectl g', cursor: -3 },
    { name: 'an empty line', line: '', cursor: 0 },
    { name: 'a flag without its value at the end', line: 'kubectl get -n', cursor: 14 },
  ])('never throws on $name', ({ line, cursor }) => {
    expect(() => completeShellLine(engine, HOST, { line, cursor })).not.toThrow();
  });

  it('a container whose pod was deleted offers nothing', () => {
    expect(completeShellLine(engine, inPod('gone', 'x'), { line: '', cursor: 0 }).candidates).toEqual([]);
  });
});
