/**
 * A Pod's hostname and FQDN as the kubelet sets them (pkg/kubelet/kubelet_pods.go
 * GeneratePodHostNameAndDomain, truncatePodHostnameIfNeeded): spec.hostname if set, else the Pod
 * name; cut to 63 characters with trailing '-' and '.' trimmed; the domain
 * `<subdomain>.<namespace>.svc.<cluster-domain>` exists only when spec.subdomain is set.
 * A host-network Pod shares its node's hostname.
 */

import type { Pod } from '../../shared/api-types';

const HOSTNAME_MAX_LENGTH = 63;

/** The hostname a Pod's containers see (`hostname`, os.hostname()). */
export function podHostname(pod: Pod): string {
  if (pod.spec.hostNetwork && pod.spec.nodeName) return pod.spec.nodeName;
  const hostname = pod.spec.hostname || pod.metadata.name || '';
  if (hostname.length <= HOSTNAME_MAX_LENGTH) return hostname;
  return hostname.slice(0, HOSTNAME_MAX_LENGTH).replace(/[-.]+$/, '');
}

/** The Pod's domain (`sub.ns.svc.cluster.local`), or undefined without spec.subdomain. */
export function podDomain(pod: Pod, clusterDomain: string): string | undefined {
  if (pod.spec.hostNetwork || !pod.spec.subdomain) return undefined;
  return `${pod.spec.subdomain}.${pod.metadata.namespace}.svc.${clusterDomain}`;
}

/** `hostname -f`: `hostname.subdomain.ns.svc.zone` when a subdomain is set, else the bare hostname. */
export function podFqdn(pod: Pod, clusterDomain: string): string {
  const domain = podDomain(pod, clusterDomain);
  return domain ? `${podHostname(pod)}.${domain}` : podHostname(pod);
}

/** The kernel hostname: the FQDN when spec.setHostnameAsFQDN is true, else the short hostname. */
export function podKernelHostname(pod: Pod, clusterDomain: string): string {
  return pod.spec.setHostnameAsFQDN ? podFqdn(pod, clusterDomain) : podHostname(pod);
}
