/**
 * What answers ICMP echo (`ping`): Pods (once their sandbox has an IP), nodes, the machines of the
 * internal network and most internet hosts. A Service ClusterIP never answers — in iptables mode
 * it is only a DNAT rule for the Service's TCP/UDP ports, and no interface owns the address (IPVS
 * mode binds VIPs to kube-ipvs0 and would answer; the simulator is iptables mode). The same holds
 * for LoadBalancer/external IPs. Pod IPs are not routed from outside the cluster. Some sites drop
 * ICMP at their edge (github.com, naver.com), so `ping` gets no reply although HTTP works.
 */

import type { TraceActor } from '../../shared/dns-types';
import type { AddressBook } from './address-book';

/** Result of an echo request. */
export interface PingResult {
  reachable: boolean;
  /** `reply`; `no-reply` (100% packet loss); `host-unreachable` (ARP failed on the local network). */
  code: 'reply' | 'no-reply' | 'host-unreachable';
  reason: string;
}

/** Sites whose edge drops ICMP echo. */
const ICMP_FILTERED_SITES = new Set(['github', 'naver']);

/** Answers ping from `from` (with `node` when inside the cluster) to `ip`. */
export function ping(book: AddressBook, from: TraceActor & { node?: string }, ip: string): PingResult {
  const owner = book.resolve(ip);
  const inCluster = !!from.node;
  switch (owner.kind) {
    case 'invalid':
      return { reachable: false, code: 'no-reply', reason: `"${ip}" is not an IP address.` };
    case 'cluster-ip':
      return {
        reachable: false,
        code: 'no-reply',
        reason: `${owner.ip} is the ClusterIP of ${owner.service.metadata.namespace}/${owner.service.metadata.name}: kube-proxy (iptables mode) only rewrites TCP/UDP packets to its ports, and no interface owns the address, so nothing answers ICMP.`,
      };
    case 'service-external':
      return { reachable: false, code: 'no-reply', reason: `${owner.ip} is handled only by kube-proxy's rules for the Service's ports; nothing answers ICMP.` };
    case 'pod':
      if (!inCluster) return { reachable: false, code: 'no-reply', reason: 'Pod IPs are routed only inside the cluster.' };
      return { reachable: true, code: 'reply', reason: `${owner.pod.metadata.namespace}/${owner.pod.metadata.name}'s network namespace answers.` };
    case 'node':
      return { reachable: true, code: 'reply', reason: `Node ${owner.node.metadata.name} answers.` };
    case 'internal-host':
      return { reachable: true, code: 'reply', reason: `${owner.host.name} answers.` };
    case 'internet-host':
      return { reachable: true, code: 'reply', reason: `${owner.host.name} answers.` };
    case 'site':
      return ICMP_FILTERED_SITES.has(owner.site)
        ? { reachable: false, code: 'no-reply', reason: `${owner.ip} (${owner.site}) drops ICMP echo at its edge; TCP still works.` }
        : { reachable: true, code: 'reply', reason: `${owner.ip} (${owner.site}) answers.` };
    case 'unassigned':
      if (owner.range === 'internal') return { reachable: false, code: 'host-unreachable', reason: `No machine has ${owner.ip} on the internal network (ARP gets no answer).` };
      return {
        reachable: false,
        code: 'no-reply',
        reason: owner.range === 'pod-cidr' ? 'No Pod has this address.' : owner.range === 'service-cidr' ? 'No Service has this ClusterIP (and ClusterIPs never answer ping anyway).' : 'Nothing answers at this address.',
      };
  }
}

/** Whether a Pod inside the cluster would get echo replies from `ip`, and why. */
export function pingable(book: AddressBook, ip: string): { pingable: boolean; reason: string } {
  const r = ping(book, { kind: 'pod', id: 'probe', node: '(cluster)' }, ip);
  return { pingable: r.reachable, reason: r.reason };
}
