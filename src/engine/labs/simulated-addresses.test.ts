import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../../shared/api-types';
import { createEngine } from '../engine';
import { SimulatedAddresses } from './simulated-addresses';

const engine = createEngine({ cloudProvider: true });
engine.apply(`apiVersion: v1
kind: Pod
metadata:
  name: pod9
  labels: { app: web }
spec:
  containers:
  - name: c
    image: kubetm/app
---
apiVersion: v1
kind: Service
metadata:
  name: svc3
spec:
  type: LoadBalancer
  selector: { app: web }
  ports:
  - port: 9000
    targetPort: 8080
`);
engine.settle();
const podIP = engine.store.get<Pod>('Pod', 'default', 'pod9')!.status!.podIP!;
const svc = engine.store.get<Service>('Service', 'default', 'svc3')!;
const clusterIP = svc.spec.clusterIP!;
const lbIP = svc.status!.loadBalancer!.ingress![0].ip!;
const nodePort = svc.spec.ports![0].nodePort!;
const addresses = new SimulatedAddresses(engine);

const POD9 = "POD9_IP=$(kubectl get pod pod9 -o jsonpath='{.status.podIP}')";
const NODE = `NODE_IP=$(kubectl get nodes -o jsonpath='{.items[0].status.addresses[?(@.type=="InternalIP")].address}')`;

describe('SimulatedAddresses.rewrite', () => {
  it.each([
    { name: 'a pod IP', line: () => `curl -s ${podIP}:8080/hostname`, expected: 'curl -s $POD9_IP:8080/hostname', setup: [POD9] },
    { name: "a pod's IP-shaped DNS name", line: () => `kubectl exec pod9 -- nslookup ${podIP.replace(/\./g, '-')}.default.pod.cluster.local`, expected: 'kubectl exec pod9 -- nslookup $POD9_IP_DASHED.default.pod.cluster.local', setup: ["POD9_IP_DASHED=$(kubectl get pod pod9 -o jsonpath='{.status.podIP}' | tr . -)"] },
    { name: 'a cluster IP', line: () => `curl -s ${clusterIP}:9000/`, expected: 'curl -s $SVC3_CLUSTER_IP:9000/', setup: ["SVC3_CLUSTER_IP=$(kubectl get svc svc3 -o jsonpath='{.spec.clusterIP}')"] },
    { name: 'a load-balancer IP', line: () => `curl -s ${lbIP}:9000/`, expected: 'curl -s $SVC3_EXTERNAL_IP:9000/', setup: ["SVC3_EXTERNAL_IP=$(kubectl get svc svc3 -o jsonpath='{.status.loadBalancer.ingress[0].ip}')"] },
    { name: "a node's IP and a node port", line: () => `curl -s 192.168.0.31:${nodePort}/hostname`, expected: 'curl -s $NODE_IP:$SVC3_NODE_PORT/hostname', setup: [NODE, "SVC3_NODE_PORT=$(kubectl get svc svc3 -o jsonpath='{.spec.ports[0].nodePort}')"] },
    { name: "a node's IP and another port", line: () => 'ping -c 1 192.168.0.30', expected: 'ping -c 1 $NODE_IP', setup: [NODE] },
    { name: 'the same address twice, set once', line: () => `curl ${podIP}:8080/a ${podIP}:8080/b`, expected: 'curl $POD9_IP:8080/a $POD9_IP:8080/b', setup: [POD9] },
    { name: 'kube-dns keeps its address (kubeadm, kind and minikube give it the same)', line: () => 'dig @10.96.0.10 kubernetes.default.svc.cluster.local', expected: 'dig @10.96.0.10 kubernetes.default.svc.cluster.local', setup: [] },
    { name: 'an address outside the cluster stays', line: () => 'curl -sI 185.199.110.153', expected: 'curl -sI 185.199.110.153', setup: [] },
    { name: 'a longer dotted number is not an address', line: () => `echo 1.${podIP}.9`, expected: `echo 1.${podIP}.9`, setup: [] },
  ])('$name', ({ line, expected, setup }) => {
    const out = addresses.rewrite(line());
    expect(out.line).toBe(expected);
    expect(out.setup.map((s) => `${s.variable}=${s.command}`)).toEqual(setup);
  });

  it('finds the pod IPs a manifest names', () => {
    expect(addresses.podIpsIn(`subsets:\n- addresses:\n  - ip: ${podIP}\n  - ip: 185.199.110.153\n  - ip: ${podIP}\n`)).toEqual([{ ip: podIP, lookup: { variable: 'POD9_IP', command: "$(kubectl get pod pod9 -o jsonpath='{.status.podIP}')" } }]);
  });
});
