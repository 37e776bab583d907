/**
 * The chapter's cluster, as the tools' tests and the capture scripts (testdata/capture) build it:
 * the headless lab (pod4/pod-a, pod5/pod-b), the Endpoints labs (endpoint1 + pod7, selector-less
 * endpoint2 + pod9 with hand-written Endpoints), the ExternalName lab (externalname1 →
 * github.github.io), a NodePort, and two tool pods: busybox (`bb`) and nicolaka/netshoot (`tools`).
 * Pure: tests and the capture oracle both build it with `createEngine`, so the same seed gives the
 * same IPs, shuffles and round-robin choices on both sides.
 */

import type { Pod, Service } from '../../../../shared/api-types';
import { createEngine, type Engine } from '../../../engine';

export const HEADLESS = `apiVersion: v1
kind: Service
metadata:
  name: headless1
spec:
  selector:
    svc: headless
  ports:
    - port: 80
      targetPort: 8080
  clusterIP: None
---
apiVersion: v1
kind: Pod
metadata:
  name: pod4
  labels:
    svc: headless
spec:
  hostname: pod-a
  subdomain: headless1
  containers:
  - name: container
    image: kubetm/app
---
apiVersion: v1
kind: Pod
metadata:
  name: pod5
  labels:
    svc: headless
spec:
  hostname: pod-b
  subdomain: headless1
  containers:
  - name: container
    image: kubetm/app
`;

export const ENDPOINT1 = `apiVersion: v1
kind: Service
metadata:
  name: endpoint1
spec:
  selector:
    svc: endpoint
  ports:
  - port: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: pod7
  labels:
    svc: endpoint
spec:
  containers:
  - name: container
    image: kubetm/app
`;

export const ENDPOINT2 = `apiVersion: v1
kind: Service
metadata:
  name: endpoint2
spec:
  ports:
  - port: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: pod9
spec:
  containers:
  - name: container
    image: kubetm/app
`;

export const EXTERNALNAME = `apiVersion: v1
kind: Service
metadata:
 name: externalname1
spec:
 type: ExternalName
 externalName: github.github.io
`;

/** A NodePort, a Service that matches nothing, and the two tool pods. */
const EXTRAS = `apiVersion: v1
kind: Service
metadata:
  name: nodeport1
spec:
  type: NodePort
  selector:
    svc: endpoint
  ports:
  - port: 8080
    nodePort: 30000
---
apiVersion: v1
kind: Service
metadata:
  name: empty1
spec:
  selector:
    svc: nobody
  ports:
  - port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: bb
spec:
  containers:
  - name: bb
    image: busybox
    command: ["sleep", "3600"]
---
apiVersion: v1
kind: Pod
metadata:
  name: tools
spec:
  containers:
  - name: tools
    image: nicolaka/netshoot
    command: ["sleep", "3600"]
`;

export const CHAPTER_MANIFESTS = [HEADLESS, ENDPOINT1, ENDPOINT2, EXTERNALNAME, EXTRAS].join('---\n');

/** The hand-written Endpoints of the selector-less lab, pointing at `ip`. */
export const manualEndpoints = (ip: string): string => `apiVersion: v1
kind: Endpoints
metadata:
  name: endpoint2
subsets:
 - addresses:
   - ip: ${ip}
   ports:
   - port: 8080
`;

/** Builds the chapter's cluster; throws if a manifest is refused (a test bug, not a user error). */
export function chapterEngine(): Engine {
  const engine = createEngine();
  const apply = (text: string): void => {
    const report = engine.apply(text);
    const failed = report.outcomes.filter((o) => o.action === 'failed');
    if (failed.length > 0) throw new Error(`chapter scenario: ${failed.map((o) => o.error?.message).join('; ')}`);
    engine.settle();
  };
  apply(CHAPTER_MANIFESTS);
  apply(manualEndpoints(chapterPod(engine, 'pod9').status?.podIP ?? ''));
  return engine;
}

export function chapterPod(engine: Engine, name: string): Pod {
  const pod = engine.store.get<Pod>('Pod', 'default', name);
  if (!pod) throw new Error(`chapter scenario: no pod ${name}`);
  return pod;
}

/** Names → addresses of the scenario, for fixture placeholders (`{{pod4}}`, `{{svc:endpoint1}}`, …). */
export function chapterAddresses(engine: Engine): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pod of engine.store.list<Pod>('Pod')) {
    if (pod.status?.podIP) out[pod.metadata.namespace === 'default' ? (pod.metadata.name ?? '') : `${pod.metadata.namespace}/${pod.metadata.name}`] = pod.status.podIP;
  }
  for (const svc of engine.store.list<Service>('Service')) {
    const ip = svc.spec.clusterIP;
    if (ip && ip !== 'None') out[`svc:${svc.metadata.namespace === 'default' ? '' : `${svc.metadata.namespace}/`}${svc.metadata.name}`] = ip;
  }
  return out;
}
