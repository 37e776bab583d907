/** The cluster states and command lines capture.mts records (the chapter's labs and a few edges). */
import type { Engine } from '../../../../engine';
import type { Pod } from '../../../../../shared/api-types';
import { ENDPOINT1, ENDPOINT2, EXTERNALNAME, HEADLESS, manualEndpoints } from '../../../tools/testing/chapter-scenario';

// The chapter's manifests are the tools' test cluster's (one copy); EXTRAS below are this capture's own.
export { ENDPOINT1, ENDPOINT2, EXTERNALNAME, HEADLESS, manualEndpoints };

export const EXTRAS = `apiVersion: v1
kind: Service
metadata:
  name: nodeport1
  labels:
    app: web
spec:
  type: NodePort
  selector:
    svc: endpoint
  ports:
  - name: http
    port: 80
    targetPort: 8080
    nodePort: 30000
  - name: metrics
    port: 9090
    protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: lb1
spec:
  type: LoadBalancer
  selector:
    svc: headless
  ports:
  - port: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: multi
  labels:
    app: web
    tier: front
  annotations:
    note: two containers
spec:
  containers:
  - name: app
    image: kubetm/app
    ports:
    - containerPort: 8080
  - name: tools
    image: busybox
    command: ["sleep", "3600"]
`;

export interface Scenario {
  name: string;
  setup(engine: Engine): void;
  commands: string[][];
}

const apply = (engine: Engine, text: string): void => {
  const report = engine.apply(text);
  const failed = report.outcomes.filter((o) => o.action === 'failed');
  if (failed.length) throw new Error(failed.map((o) => o.error?.message).join('\n'));
  engine.settle();
};

const cmd = (line: string): string[] => line.split(' ');

export const SCENARIOS: Scenario[] = [
  {
    name: 'lab',
    setup(engine) {
      apply(engine, HEADLESS);
      apply(engine, ENDPOINT1);
      apply(engine, ENDPOINT2);
      const ip = engine.store.get<Pod>('Pod', 'default', 'pod9')!.status!.podIP!;
      apply(engine, manualEndpoints(ip));
      apply(engine, EXTERNALNAME);
      apply(engine, EXTRAS);
      engine.advance(5 * 60 * 1000 + 17 * 1000);
    },
    commands: [
      ...[
        'get pods',
        'get po -o wide',
        'get svc',
        'get services -o wide',
        'get ep',
        'get endpoints endpoint1',
        'get endpointslices',
        'get endpointslices -A',
        'get nodes',
        'get nodes -o wide',
        'get ns',
        'get cm -A',
        'get all',
        'get all -A',
        'get pods,svc',
        'get pods -A',
        'get svc -A -o wide',
        'get pods --show-labels',
        'get pods --no-headers',
        'get pods -l svc=headless',
        'get pods -l svc!=headless',
        'get pod pod4',
        'get pod pod4 pod5',
        'get pod/pod4 svc/headless1',
        'get pods nothere',
        'get pods pod4 nothere',
        'get pods -n nothere',
        'get pods -l app=nothing',
        'get foo',
        'get svc headless1 -o yaml',
        'get svc externalname1 -o yaml',
        'get svc nodeport1 -o json',
        'get pod pod4 -o yaml',
        'get pod multi -o yaml',
        'get ep endpoint2 -o yaml',
        'get ep endpoint1 -o json',
        'get node node1 -o yaml',
        'get ns default -o yaml',
        'get pods -o name',
        'get svc,ep -o name',
        'get pods -o yaml -l svc=headless',
        'get pod pod4 pod5 -o json',
        'get svc headless1 -o wide',
        'get pods -o foo',
        'get cm coredns -n kube-system -o yaml',
        'get endpointslices -l kubernetes.io/service-name=endpoint1 -o yaml',
        'describe svc headless1',
        'describe svc endpoint1',
        'describe svc endpoint2',
        'describe svc externalname1',
        'describe svc kubernetes',
        'describe svc nodeport1',
        'describe svc lb1',
        'describe svc kube-dns -n kube-system',
        'describe ep endpoint1',
        'describe endpoints endpoint2',
        'describe ep kubernetes',
        'describe endpointslices -l kubernetes.io/service-name=endpoint1',
        'describe endpointslice kubernetes',
        'describe pod pod4',
        'describe pod multi',
        'describe pods -l svc=headless',
        'describe node node1',
        'describe node master',
        'describe ns default',
        'describe cm coredns -n kube-system',
        'describe svc nothere',
        'describe svc',
        'describe foo',
        'version',
        'version -o yaml',
        'cluster-info',
        'api-resources',
        'api-resources --namespaced=true',
        'api-resources -o wide',
        'api-versions',
        'exec nothere -- ls',
        'wait --for=condition=Ready pod/pod4',
        'wait --for=condition=Ready pod/pod4 pod/pod5',
        'wait --for=condition=Ready pod/nothere',
        'wait --for=condition=Ready pods --all',
      ].map(cmd),
      ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'],
      ['get', 'pods', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'],
      ['get', 'pod', 'pod4', '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}'],
      ['get', 'nodes', '-o', 'jsonpath={.items[*].status.addresses[?(@.type=="InternalIP")].address}'],
      ['get', 'svc', 'headless1', '-o', 'jsonpath={.spec.clusterIP}'],
      ['get', 'svc', '-o', 'jsonpath={.items[0].metadata.name}'],
      ['get', 'pod', 'pod4', '-o', 'jsonpath={.metadata.labels}'],
      ['get', 'pod', 'pod4', '-o', 'jsonpath={.spec.containers[0]}'],
      ['get', 'pod', 'pod4', '-o', 'jsonpath={.nothere}'],
      ['get', 'pod', 'pod4', '-o', 'jsonpath={.metadata.name'],
      ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}{"\\n"}'],
      ['get', 'pods', '-o', "jsonpath='{.items[*].metadata.name}'"],
      ['get', 'pods', '-o=jsonpath={.items[-1:].metadata.name}'],
      ['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName'],
      ['get', 'svc', '-o', 'custom-columns=NAME:.metadata.name,TYPE:.spec.type,PORTS:.spec.ports[*].port'],
      ['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,MISSING:.spec.nothere', '--no-headers'],
      ['get', 'pods', '-o', 'custom-columns=bad'],
      ['get', 'ep', '-o', 'custom-columns=NAME:.metadata.name,IPS:.subsets[*].addresses[*].ip'],
      ...[
        'label pod pod4 svc=other',
        'label pod pod4 svc=headless',
        'label pod pod4 extra=yes',
        'label pod pod4 extra=yes',
        'label pod pod4 extra=no --overwrite',
        'label pod pod4 extra-',
        'label pod pod4 extra-',
        'label pod nothere a=b',
        'label svc endpoint1 tier=backend',
        'label pods -l svc=headless team=x',
        'label pods --all team=y --overwrite',
        'delete svc nothere',
        'delete pod pod9',
        'delete pod pod9',
        'delete pods -l svc=headless',
        'delete svc/nodeport1 svc/lb1',
        'get pods',
        'delete pods --all',
        'get pods',
      ].map(cmd),
    ],
  },
  {
    name: 'fresh',
    setup(engine) {
      engine.apply(ENDPOINT1);
      engine.advance(500);
    },
    commands: ['get pods', 'get pods -o wide', 'get ep', 'get endpointslices', 'describe pod pod7', 'describe ep endpoint1', 'describe svc endpoint1', 'exec pod7 -- ls', 'exec -it pod7 -- sh', 'get pod pod7 -o yaml'].map(cmd),
  },
  {
    name: 'empty',
    setup() {},
    commands: ['get pods', 'get svc', 'get ep', 'get pods -A', 'get all', 'get pods -n kube-system', 'get pods -n kube-system -o wide', 'get pods,svc', 'get pods -o name', 'get pods -o yaml', 'get pods -o json', 'describe pods', 'get svc -o wide', 'describe pod coredns-668d6bf9bc-7xkq2 -n kube-system', 'get ep -n kube-system', 'get endpointslices -n kube-system', 'describe endpointslices -n kube-system'].map(cmd),
  },
];

/** Command lines that never reach the server: help, usage errors. */
export const CLIENT_ONLY: string[][] = [
  [],
  ...['gett', 'ge', 'desc', 'xyz', 'api', 'lab', 'xec', 'GET', 'appl', 'vers'].map((c) => [c]),
  ...['get', 'describe', 'apply', 'create', 'delete', 'exec', 'label', 'run', 'explain', 'version', 'cluster-info', 'wait', 'api-resources', 'logs', 'edit'].map((c) => [c, '--help']),
  ...[
    'get',
    'get --foo',
    'get -x',
    'get -n',
    'get pods -o',
    'get pods --no-headers=maybe',
    'describe',
    'exec',
    'exec -it',
    'exec pod',
    'label',
    'label pod',
    'label pod x',
    'run',
    'run x',
    'run x --image',
    'apply',
    'create',
    'delete',
    'explain',
    'wait',
    'version --foo',
    'version --client',
    'apply -f',
    'apply -f nothere.yaml',
    'create -f nothere.yaml',
    'delete -f nothere.yaml',
    'get pods --all-namespaces=maybe',
  ].map((l) => l.split(' ')),
];
