/**
 * Synthetic classroom-to-stress workloads for the benchmarks: N pods across N/10 Services, a third
 * of them headless with pods that set hostname/subdomain (as the chapter's headless lab does).
 */

export interface Workload {
  /** The whole workload as one text (small sizes). */
  text: string;
  /** The same documents split into files of at most 1,000 documents, as `kubectl apply -f dir/` reads a folder. */
  files: string[];
  pods: number;
  services: number;
}

export function workload(pods: number): Workload {
  const services = Math.max(1, Math.floor(pods / 10));
  const docs: string[] = [];
  for (let s = 0; s < services; s++) {
    const headless = s % 3 === 0;
    docs.push(
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        `  name: svc${s}`,
        'spec:',
        '  selector:',
        `    app: app${s}`,
        '  ports:',
        '  - name: http',
        '    port: 80',
        '    targetPort: 8080',
        ...(headless ? ['  clusterIP: None'] : []),
      ].join('\n'),
    );
  }
  for (let p = 0; p < pods; p++) {
    const s = p % services;
    const headless = s % 3 === 0;
    docs.push(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        `  name: pod${p}`,
        '  labels:',
        `    app: app${s}`,
        'spec:',
        ...(headless ? [`  hostname: host${p}`, `  subdomain: svc${s}`] : []),
        '  containers:',
        '  - name: app',
        '    image: kubetm/app',
        '    ports:',
        '    - containerPort: 8080',
      ].join('\n'),
    );
  }
  const files: string[] = [];
  for (let i = 0; i < docs.length; i += 1000) files.push(docs.slice(i, i + 1000).join('\n---\n'));
  return { text: docs.join('\n---\n'), files, pods, services };
}
