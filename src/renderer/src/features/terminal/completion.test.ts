import { describe, expect, it } from 'vitest';
import { applyCompletion, complete, type CompletionContext } from './completion';

const ctx: CompletionContext = {
  inContainer: false,
  files: ['headless-service.yaml', 'pods.yaml'],
  objects: [
    { kind: 'Namespace', name: 'default' },
    { kind: 'Namespace', name: 'kube-system' },
    { kind: 'Node', name: 'master' },
    { kind: 'Node', name: 'node1' },
    { kind: 'Service', namespace: 'default', name: 'headless1' },
    { kind: 'Service', namespace: 'default', name: 'kubernetes' },
    { kind: 'Service', namespace: 'kube-system', name: 'kube-dns' },
    { kind: 'Endpoints', namespace: 'default', name: 'headless1' },
    { kind: 'Pod', namespace: 'default', name: 'pod4', hostname: 'pod-a', subdomain: 'headless1' },
    { kind: 'Pod', namespace: 'default', name: 'pod5', hostname: 'pod-b', subdomain: 'headless1' },
    { kind: 'Pod', namespace: 'kube-system', name: 'coredns-668d6bf9bc-xn8tv' },
  ],
};
const inPod: CompletionContext = { ...ctx, inContainer: true };

/** Tab at the end of `line`: the new line, or the candidates when it cannot choose. */
function tab(line: string, context = ctx): { line: string; candidates: string[] } {
  const c = complete(line, line.length, context);
  return { line: applyCompletion(line, c)?.line ?? line, candidates: c.candidates };
}

describe('tab completion', () => {
  it.each([
    { name: 'a host command', line: 'kub', expected: 'kubectl ' },
    { name: 'a kubectl subcommand', line: 'kubectl desc', expected: 'kubectl describe ' },
    { name: 'a service name after the type', line: 'kubectl describe svc head', expected: 'kubectl describe svc headless1 ' },
    { name: 'an object name after a long type name', line: 'kubectl get endpoints h', expected: 'kubectl get endpoints headless1 ' },
    { name: 'TYPE/NAME form', line: 'kubectl get svc/head', expected: 'kubectl get svc/headless1 ' },
    { name: 'a resource type', line: 'kubectl get endpointsl', expected: 'kubectl get endpointslices ' },
    { name: 'the common prefix of several names', line: 'kubectl get pods po', expected: 'kubectl get pods pod' },
    { name: 'names in the namespace given with -n', line: 'kubectl get pods -n kube-system core', expected: 'kubectl get pods -n kube-system coredns-668d6bf9bc-xn8tv ' },
    { name: 'no names from another namespace', line: 'kubectl get pods core', expected: 'kubectl get pods core' },
    { name: 'names in every namespace with -A', line: 'kubectl get svc -A kube-d', expected: 'kubectl get svc -A kube-dns ' },
    { name: 'a namespace after -n', line: 'kubectl get pods -n kube-s', expected: 'kubectl get pods -n kube-system ' },
    { name: 'an output format after -o', line: 'kubectl get pods -o wi', expected: 'kubectl get pods -o wide ' },
    { name: 'a file after -f (the editor’s files)', line: 'kubectl apply -f head', expected: 'kubectl apply -f headless-service.yaml ' },
    { name: 'a flag of the subcommand', line: 'kubectl get pods --show', expected: 'kubectl get pods --show-labels ' },
    { name: 'a pod to exec into', line: 'kubectl exec -it pod4 -- s', expected: 'kubectl exec -it pod4 -- sh ' },
    { name: 'a singular type still finds names', line: 'kubectl get service kube', expected: 'kubectl get service kubernetes ' },
    { name: 'cluster-scoped names ignore the namespace', line: 'kubectl describe node node', expected: 'kubectl describe node node1 ' },
    { name: 'a container tool inside a pod', line: 'nsl', context: inPod, expected: 'nslookup ' },
    { name: 'a hostname.subdomain name for a DNS tool', line: 'nslookup pod-a', context: inPod, expected: 'nslookup pod-a.headless1 ' },
    { name: 'a service short name for curl', line: 'curl head', context: inPod, expected: 'curl headless1 ' },
    { name: 'no kubectl inside a pod', line: 'kub', context: inPod, expected: 'kub' },
    { name: 'nothing after an unknown command', line: 'frobnicate x', expected: 'frobnicate x' },
  ])('$name', ({ line, context, expected }) => expect(tab(line, context).line).toBe(expected));

  it.each([
    { name: 'pods sharing a prefix', line: 'kubectl exec pod', expected: ['pod4', 'pod5'] },
    { name: 'types starting with the same letters', line: 'kubectl get s', expected: ['services', 'svc'] },
    { name: 'plural and short type names, not singulars', line: 'kubectl get po', expected: ['po', 'pods'] },
    { name: 'every subcommand on an empty word', line: 'kubectl ', expected: ['api-resources', 'api-versions', 'apply', 'cluster-info', 'create', 'delete', 'describe', 'exec', 'explain', 'get', 'help', 'label', 'run', 'version', 'wait'] },
    { name: 'DNS names from a pod', line: 'nslookup ', context: inPod, expected: ['headless1', 'kube-dns.kube-system', 'kubernetes', 'pod-a.headless1', 'pod-b.headless1'] },
  ])('lists $name', ({ line, context, expected }) => {
    const r = tab(line, context);
    expect(r.candidates).toEqual(expected);
  });

  it('completes the word at the cursor and keeps the rest of the line', () => {
    const line = 'kubectl describe svc head -o wide';
    const c = complete(line, 'kubectl describe svc head'.length, ctx);
    expect(applyCompletion(line, c)).toEqual({ line: 'kubectl describe svc headless1 -o wide', cursor: 'kubectl describe svc headless1'.length });
  });

  it('leaves no space after an open TYPE/ or FLAG= candidate', () => {
    expect(tab('kubectl get pods -o jsonp').line).toBe('kubectl get pods -o jsonpath=');
  });
});
