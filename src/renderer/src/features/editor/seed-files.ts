/**
 * The tabs a first start opens: the chapter's Headless lab, so a learner can press Apply at once.
 * Inlined (not read from resources/labs at run time) so the editor needs no file access;
 * seed-files.test.ts keeps them equal to the lab's files.
 */

/** One file as the editor opens it. */
export interface SeedFile {
  name: string;
  text: string;
}

export const HEADLESS_SERVICE_YAML = `apiVersion: v1
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
`;

export const HEADLESS_PODS_YAML = `apiVersion: v1
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

/** The Headless lab's two manifests, named as the lab's `kubectl apply -f` lines name them. */
export const SEED_FILES: readonly SeedFile[] = [
  { name: 'headless-service.yaml', text: HEADLESS_SERVICE_YAML },
  { name: 'pods.yaml', text: HEADLESS_PODS_YAML },
];
