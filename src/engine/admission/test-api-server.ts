/**
 * A fresh store + ApiServer for tests: the `default` and `kube-system` namespaces, and the
 * bootstrap Services `kubernetes` (10.96.0.1) and `kube-dns` (10.96.0.10) written straight into
 * the store, as the engine bootstrap does.
 */

import type { ClusterConfig } from '../../shared/cluster-config';
import { DEFAULT_CLUSTER_CONFIG } from '../../shared/cluster-config';
import { createRandom } from '../random';
import { ObjectStore } from '../store/object-store';
import { VirtualClock } from '../virtual-clock';
import { ApiServer } from './api-server';

/** A test cluster. */
export interface TestCluster {
  api: ApiServer;
  store: ObjectStore;
  clock: VirtualClock;
}

/** Builds a test cluster; `bootstrap: false` leaves out the two bootstrap Services. */
export function newTestCluster(overrides: Partial<ClusterConfig> = {}, opts: { bootstrap?: boolean } = {}): TestCluster {
  const config = { ...DEFAULT_CLUSTER_CONFIG, ...overrides };
  const clock = new VirtualClock(config.startTime);
  const random = createRandom(config.seed);
  const store = new ObjectStore({ clock, random });
  for (const name of ['default', 'kube-system']) {
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  }
  if (opts.bootstrap !== false) {
    store.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster' },
    });
    store.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
      spec: {
        type: 'ClusterIP',
        selector: { 'k8s-app': 'kube-dns' },
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10'],
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        ],
        sessionAffinity: 'None',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
      },
    });
  }
  const api = new ApiServer({ store, config, random, clock });
  return { api, store, clock };
}
