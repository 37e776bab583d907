/**
 * PTR records (plugin/kubernetes/reverse.go; spec §2.3.3 and §2.4.3): a service whose cluster IP
 * is the address answers first, and alone; otherwise every ready endpoint with that address
 * answers `hostname.service.ns.svc.<primary zone>`. With `namespaces`, other namespaces are
 * skipped.
 */

import { addressFromReverseName } from '../net/ip-address';
import type { BackendRecord, BackendResult, KubernetesView } from './records';
import { endpointHostname, lookupRecords, namespaceExposed, NO_ITEMS } from './records';

/** Reverse: backend records for a reverse name (or, for other names, Records' error). */
export function reverseRecords(view: KubernetesView, name: string, zone: string): BackendResult {
  const ip = addressFromReverseName(name);
  if (ip === undefined) {
    const res = lookupRecords(view, name, zone);
    return { records: [], err: res.err };
  }
  const records = serviceRecordForIP(view, ip);
  return records.length === 0 ? { records, err: NO_ITEMS } : { records };
}

function serviceRecordForIP(view: KubernetesView, ip: string): BackendRecord[] {
  const { config, lister } = view;
  const primaryZone = config.zones[config.primaryZoneIndex];
  const filter = config.namespaces.length > 0;
  for (const svc of lister.servicesByIP(ip)) {
    if (filter && !namespaceExposed(view, svc.namespace)) continue;
    return [{ host: `${svc.name}.${svc.namespace}.svc.${primaryZone}`, port: 0, ttl: config.ttl, key: '' }];
  }
  const out: BackendRecord[] = [];
  if (config.noEndpoints) return out;
  for (const ep of lister.endpointsByIP(ip)) {
    if (filter && !namespaceExposed(view, ep.namespace)) continue;
    for (const addr of ep.addresses) {
      if (addr.ip !== ip) continue;
      out.push({ host: `${endpointHostname(addr, config.endpointPodNames)}.${ep.service}.${ep.namespace}.svc.${primaryZone}`, port: 0, ttl: config.ttl, key: '' });
    }
  }
  return out;
}
