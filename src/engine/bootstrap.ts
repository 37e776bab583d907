/**
 * The cluster as `kubeadm init` on master plus `kubeadm join` on node1/node2 leave it: the four
 * system namespaces, three Nodes, the `kubernetes` Service with the apiserver's Endpoints and
 * EndpointSlice, and CoreDNS (its ConfigMap, the `kube-dns` Service at the range's tenth address,
 * two pods). Objects the apiserver itself maintains are written straight to the store; what
 * kubeadm applies as addons goes through the API server like any client's objects.
 *
 * Deliberately not modelled: the CoreDNS Deployment/ReplicaSet (workload controllers are out of
 * scope, so the pods carry no ownerReferences), the static control-plane pods, kube-proxy and CNI
 * DaemonSet pods.
 */

import type { ConfigMap, Endpoints, EndpointSlice, KubeObject, Namespace, Pod, Service } from '../shared/api-types';
import type { ClusterConfig } from '../shared/cluster-config';
import type { ApiServer } from './admission/api-server';
import { createNodes } from './controllers/nodes';
import { defaultCorefile } from './dns/corefile';
import { cidrAddress, parseCidr } from './net/ip-address';
import type { ObjectStore } from './store/object-store';
import type { VirtualClock } from './virtual-clock';
import type { World } from './world/world';

/** kubeadm's default: the DNS Service takes the tenth address of the service range (constants.go GetDNSIP). */
export const DNS_SERVICE_IP_OFFSET = 10n;

export const COREDNS_CONFIGMAP = { namespace: 'kube-system', name: 'coredns' } as const;

/** The CoreDNS image kubeadm v1.32 deploys. */
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3';
/** The pod-template-hash of kubeadm v1.32's coredns Deployment, as seen on real clusters. */
const COREDNS_TEMPLATE_HASH = '668d6bf9bc';

export interface BootstrapDeps {
  store: ObjectStore;
  api: ApiServer;
  clock: VirtualClock;
  config: ClusterConfig;
  world: World;
  dnsServiceIP: string;
}

/** Creates the bootstrap objects; returns the Corefile CoreDNS starts with. */
export function bootstrapCluster({ store, api, clock, config, world, dnsServiceIP }: BootstrapDeps): string {
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    store.create<Namespace>({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  for (const node of createNodes(world, clock, { config })) store.create(node);

  const serviceCidr = parseCidr(config.serviceCIDR)!;
  const apiserverIP = cidrAddress(serviceCidr, 1n);
  const masterIP = world.internal.nodes[0].ipv4[0];
  store.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: apiserverIP,
      clusterIPs: [apiserverIP],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  });
  // The apiserver's endpoint reconciler writes these; skip-mirror keeps the mirroring controller off them.
  store.create<Endpoints>({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: masterIP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  });
  store.create<EndpointSlice>({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [masterIP], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  });

  const corefile = defaultCorefile(config.clusterDomain).replace(/ttl 30/, `ttl ${config.dns.ttl}`).replace(/pods insecure/, `pods ${config.dns.pods}`);
  const addon = (obj: KubeObject): void => {
    const result = api.create(obj);
    if (result.error) throw new Error(`bootstrap: ${result.error.message}`);
  };
  addon({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: COREDNS_CONFIGMAP.name, namespace: COREDNS_CONFIGMAP.namespace },
    data: { Corefile: corefile },
  } satisfies ConfigMap);
  addon({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: dnsServiceIP,
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  } satisfies Service);
  for (const name of ['coredns-668d6bf9bc-7xkq2', 'coredns-668d6bf9bc-xn8tv']) addon(corednsPod(name));
  return corefile;
}

/** A CoreDNS pod as kubeadm's Deployment template makes it. */
function corednsPod(name: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': COREDNS_TEMPLATE_HASH } },
    spec: {
      containers: [
        {
          name: 'coredns',
          image: COREDNS_IMAGE,
          args: ['-conf', '/etc/coredns/Corefile'],
          ports: [
            { containerPort: 53, name: 'dns', protocol: 'UDP' },
            { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
            { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
          ],
          readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, timeoutSeconds: 1 },
          livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, periodSeconds: 10, successThreshold: 1, failureThreshold: 5, timeoutSeconds: 5 },
        },
      ],
      // CoreDNS resolves upstream names through the node's resolv.conf.
      dnsPolicy: 'Default',
      priorityClassName: 'system-cluster-critical',
      serviceAccountName: 'coredns',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      tolerations: [
        { key: 'CriticalAddonsOnly', operator: 'Exists' },
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      ],
    },
  };
}
