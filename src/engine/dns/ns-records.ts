/**
 * The cluster zone's own name servers (plugin/kubernetes/ns.go `nsAddrs`): CoreDNS finds the
 * endpoints that contain its own pod IP, and names the services behind them —
 * `kube-dns.kube-system.svc.<zone>` with its cluster IP(s), or, for a headless service, each
 * endpoint. If its IP is in no endpoints, it falls back to `ns.dns.<zone>` and its own address.
 */

import { ipFamily } from '../net/ip-address';
import { endpointHostname, endpointsOf } from './records';
import type { KubernetesView } from './records';

/** An NS target and its address. */
export interface NsAddress {
  name: string;
  ip: string;
  type: 'A' | 'AAAA';
}

/** nsAddrs(external=false) for `zone` (which keeps the query's case). */
export function nsAddrs(view: KubernetesView, localIPs: readonly string[], zone: string): NsAddress[] {
  const out: NsAddress[] = [];
  let found = false;
  for (const localIP of localIPs) {
    const endpoints = view.config.noEndpoints ? [] : view.lister.endpointsByIP(localIP);
    for (const ep of endpoints) {
      found = true;
      const svc = view.lister.service(ep.namespace, ep.service);
      if (!svc) continue;
      const svcName = `${svc.name}.${svc.namespace}.svc.${zone}`;
      if (svc.headless) {
        for (const e of endpointsOf(view, svc.namespace, svc.name).filter((x) => x.name === ep.name)) {
          for (const a of e.addresses) out.push(address(`${endpointHostname(a, view.config.endpointPodNames)}.${svcName}`, a.ip));
        }
      } else {
        for (const ip of svc.clusterIPs) out.push(address(svcName, ip));
      }
    }
  }
  if (!found) for (const ip of localIPs) out.push(address(`ns.dns.${zone}`, ip));
  return out;
}

function address(name: string, ip: string): NsAddress {
  return { name, ip, type: ipFamily(ip) === 'IPv6' ? 'AAAA' : 'A' };
}

/** isDefaultNS: the query is for `ns.dns.<zone>` itself. */
export function isDefaultNS(name: string, zone: string): boolean {
  return name.startsWith('ns.dns.') && name.indexOf(zone) === 'ns.dns.'.length;
}
