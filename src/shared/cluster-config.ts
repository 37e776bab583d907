/**
 * The cluster's configuration: what `svclab run --config` and the app's settings accept.
 * Defaults follow the course's cluster (kubeadm, service range 10.96.0.0/12, pod range 20.96.0.0/12).
 */

export interface ClusterConfig {
  /** DNS zone of the cluster (kubelet --cluster-domain). */
  clusterDomain: string;
  /** Service ClusterIP range (kube-apiserver --service-cluster-ip-range); a second, IPv6 range makes the cluster dual-stack. */
  serviceCIDR: string;
  serviceCIDRv6?: string;
  /** Pod range (kube-controller-manager --cluster-cidr). */
  podCIDR: string;
  podCIDRv6?: string;
  /** NodePort range (kube-apiserver --service-node-port-range). */
  nodePortRange: { min: number; max: number };
  dns: {
    /** TTL of the kubernetes plugin's answers (Corefile `ttl`; CoreDNS default 5, kubeadm ships 30). */
    ttl: number;
    /** Pod records mode (Corefile `pods`): kubeadm ships `insecure`. */
    pods: 'insecure' | 'verified' | 'disabled';
  };
  /** When on, a cloud controller assigns LoadBalancer external IPs; when off they stay `<pending>`. */
  cloudProvider: boolean;
  /** Seed for every random choice (uids, IPs, name suffixes): same seed, same cluster. */
  seed: number;
  /** Virtual wall-clock start, ms since epoch. */
  startTime: number;
}

export const DEFAULT_CLUSTER_CONFIG: ClusterConfig = {
  clusterDomain: 'cluster.local',
  serviceCIDR: '10.96.0.0/12',
  podCIDR: '20.96.0.0/12',
  nodePortRange: { min: 30000, max: 32767 },
  dns: { ttl: 30, pods: 'insecure' },
  cloudProvider: false,
  seed: 20240106,
  startTime: Date.UTC(2026, 2, 2, 9, 0, 0),
};
