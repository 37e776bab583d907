/**
 * The cluster zone as a list of records — what a zone transfer of it holds
 * (plugin/kubernetes/transfer.go) — for the DNS table. Per service:
 * - ClusterIP/NodePort/LoadBalancer: `svc.ns.svc.zone` A/AAAA per cluster IP; per port an SRV
 *   on the service name, and for named ports `_port._proto.svc.ns.svc.zone` (spec §2.3.2), all
 *   `0 100 port svc.ns.svc.zone.`;
 * - headless: per ready address an A/AAAA on the service name and on `hostname.svc.ns.svc.zone`,
 *   and per named port an SRV to each endpoint name with the weight a query would get (§2.4);
 * - ExternalName: the CNAME (§2.5).
 * Beyond AXFR, the table also lists the PTR records the reverse zones answer (§2.3.3, §2.4.3),
 * the apex SOA/NS (+ glue) and `dns-version` TXT. Rows are computed per service, so a change
 * re-derives only that service's rows (`DnsTable`).
 */

import type { DnsTableRow, RecordOwner, ResourceRecord, RRType } from '../../shared/dns-types';
import { ipFamily, reverseName } from '../net/ip-address';
import type { KubernetesConfig } from './corefile';
import type { DnsEndpointAddress, DnsService, ZoneLister } from './zone-lister';
import { endpointHostname, endpointsOf, namespaceExposed } from './records';
import { nsAddrs } from './ns-records';
import { DNS_SCHEMA_VERSION } from './kubernetes-plugin';
import { reverseKind } from './dns-name';

/** What the zone's rows depend on besides the cluster. */
export interface ZoneOptions {
  config: KubernetesConfig;
  /** The CoreDNS pod IPs (for the apex NS). */
  localIPs: readonly string[];
}

function row(zone: string, name: string, type: RRType, ttl: number, data: string, owner?: RecordOwner): DnsTableRow {
  return owner ? { zone, name, type, ttl, data, owner } : { zone, name, type, ttl, data };
}

function addressType(ip: string): 'A' | 'AAAA' {
  return ipFamily(ip) === 'IPv6' ? 'AAAA' : 'A';
}

/** calcSRVWeight: the weight a query would give each of n records. */
function srvWeight(n: number): number {
  return Math.floor((100 / (100 * n)) * 100);
}

function reverseZoneOf(config: KubernetesConfig, ip: string): string | undefined {
  const name = reverseName(ip)!;
  let best: string | undefined;
  for (const z of config.zones) if (reverseKind(z) > 0 && name.endsWith(z) && (!best || z.length > best.length)) best = z;
  return best;
}

function endpointOwner(svc: DnsService, sliceName: string, addr: DnsEndpointAddress): RecordOwner {
  if (addr.targetRefKind === 'Pod' && addr.targetRefName !== '') return { kind: 'Pod', namespace: svc.namespace, name: addr.targetRefName };
  return { kind: 'EndpointSlice', namespace: svc.namespace, name: sliceName };
}

/** The rows one service contributes (empty when its namespace is not exposed). */
export function serviceRows(lister: ZoneLister, svc: DnsService, opts: ZoneOptions): DnsTableRow[] {
  const { config } = opts;
  const view = { lister, config };
  if (!namespaceExposed(view, svc.namespace)) return [];
  const zone = config.zones[config.primaryZoneIndex];
  const ttl = config.ttl;
  const base = `${svc.name}.${svc.namespace}.svc.${zone}`;
  const owner: RecordOwner = { kind: 'Service', namespace: svc.namespace, name: svc.name };
  const rows: DnsTableRow[] = [];
  const ptr = (ip: string, target: string, o: RecordOwner): void => {
    const rz = reverseZoneOf(config, ip);
    if (rz) rows.push(row(rz, reverseName(ip)!, 'PTR', ttl, target, o));
  };

  if (svc.type === 'ExternalName') {
    if (svc.externalName !== '' && ipFamily(svc.externalName) === undefined) rows.push(row(zone, base, 'CNAME', ttl, svc.externalName.endsWith('.') ? svc.externalName : `${svc.externalName}.`, owner));
    return rows;
  }
  const clusterIPs = svc.clusterIPs.filter((ip) => ipFamily(ip) !== undefined);
  if (clusterIPs.length > 0) {
    for (const ip of clusterIPs) {
      rows.push(row(zone, base, addressType(ip), ttl, ip, owner));
      ptr(ip, base, owner);
    }
    for (const p of svc.ports) {
      if (p.port < 0) continue;
      rows.push(row(zone, base, 'SRV', ttl, `0 100 ${p.port} ${base}`, owner));
      if (p.name !== '') rows.push(row(zone, `_${p.name.toLowerCase()}._${p.protocol.toLowerCase()}.${base}`, 'SRV', ttl, `0 100 ${p.port} ${base}`, owner));
    }
    // Not in an AXFR, but answered: the PTR of each endpoint address (reverse.go).
    for (const ep of endpointsOf(view, svc.namespace, svc.name)) {
      for (const addr of ep.addresses) {
        if (lister.servicesByIP(addr.ip).length === 0) ptr(addr.ip, `${endpointHostname(addr, config.endpointPodNames)}.${base}`, endpointOwner(svc, ep.name, addr));
      }
    }
    return rows;
  }
  if (!svc.headless) return rows;
  for (const ep of endpointsOf(view, svc.namespace, svc.name)) {
    const weight = srvWeight(ep.addresses.length);
    for (const addr of ep.addresses) {
      const host = `${endpointHostname(addr, config.endpointPodNames)}.${base}`;
      const epOwner = endpointOwner(svc, ep.name, addr);
      rows.push(row(zone, base, addressType(addr.ip), ttl, addr.ip, epOwner));
      rows.push(row(zone, host, addressType(addr.ip), ttl, addr.ip, epOwner));
      for (const p of ep.ports) {
        if (p.name === '' || p.port < 0) continue;
        rows.push(row(zone, `_${p.name.toLowerCase()}._${p.protocol.toLowerCase()}.${base}`, 'SRV', ttl, `0 ${weight} ${p.port} ${host}`, epOwner));
      }
      // reverse.go answers a cluster IP's service first; an endpoint PTR only for other addresses.
      if (lister.servicesByIP(addr.ip).length === 0) ptr(addr.ip, host, epOwner);
    }
  }
  return rows;
}

/** The apex rows: SOA, NS and the name servers' addresses, dns-version. */
export function apexRows(lister: ZoneLister, opts: ZoneOptions): DnsTableRow[] {
  const { config } = opts;
  const zone = config.zones[config.primaryZoneIndex];
  const ttl = config.ttl;
  const rows: DnsTableRow[] = [row(zone, zone, 'SOA', Math.min(300, ttl), `ns.dns.${zone} hostmaster.${zone} ${lister.modified()} 7200 1800 86400 ${ttl}`)];
  const seen = new Set<string>();
  for (const a of nsAddrs({ lister, config }, opts.localIPs, zone)) {
    if (!seen.has(a.name)) rows.push(row(zone, zone, 'NS', ttl, a.name));
    seen.add(a.name);
    // Glue for a service name duplicates that service's own row; only the fallback name needs it.
    if (a.name.startsWith('ns.dns.')) rows.push(row(zone, a.name, a.type, ttl, a.ip));
  }
  rows.push(row(zone, `dns-version.${zone}`, 'TXT', 28800, `"${DNS_SCHEMA_VERSION}"`));
  return rows;
}

const TYPE_ORDER: Record<string, number> = { SOA: 0, NS: 1, A: 2, AAAA: 3, CNAME: 4, SRV: 5, PTR: 6, TXT: 7, MX: 8, ANY: 9 };

/** DNS canonical order (RFC 4034 §6.1, labels compared right to left), then type, then data. */
export function compareRows(a: ResourceRecord, b: ResourceRecord): number {
  const ka = a.name.toLowerCase().split('.').reverse().join('\u0000');
  const kb = b.name.toLowerCase().split('.').reverse().join('\u0000');
  if (ka !== kb) return ka < kb ? -1 : 1;
  const ta = TYPE_ORDER[a.type] ?? 99;
  const tb = TYPE_ORDER[b.type] ?? 99;
  if (ta !== tb) return ta - tb;
  return a.data < b.data ? -1 : a.data > b.data ? 1 : 0;
}

/** All rows of the zone (and the reverse rows), sorted. */
export function zoneRows(lister: ZoneLister, opts: ZoneOptions): DnsTableRow[] {
  const rows = [...apexRows(lister, opts), ...lister.services().flatMap((s) => serviceRows(lister, s, opts))];
  return rows.sort((a, b) => (a.zone !== b.zone ? (zoneRank(a.zone) - zoneRank(b.zone) || (a.zone < b.zone ? -1 : 1)) : compareRows(a, b)));
}

function zoneRank(zone: string): number {
  return reverseKind(zone);
}

/** The records an AXFR of the zone returns: SOA, NS + glue, every service record, SOA again. */
export function zoneTransfer(lister: ZoneLister, opts: ZoneOptions): ResourceRecord[] {
  const zone = opts.config.zones[opts.config.primaryZoneIndex];
  const apex = apexRows(lister, opts).filter((r) => r.type !== 'TXT');
  const body = lister.services().flatMap((s) => serviceRows(lister, s, opts)).filter((r) => r.zone === zone);
  const strip = (r: DnsTableRow): ResourceRecord => ({ name: r.name, type: r.type, ttl: r.ttl, data: r.data });
  return [...apex.map(strip), ...body.map(strip), strip(apex[0])];
}

/**
 * The DNS table, kept up to date incrementally: a service's rows are recomputed only when the
 * service or its endpoint slices change (ZoneLister.onServiceChange), or when the options do.
 */
export class DnsTable {
  #lister: ZoneLister;
  #options: () => ZoneOptions | undefined;
  #byService = new Map<string, DnsTableRow[]>();
  #dirty = new Set<string>();
  #allDirty = true;
  #lastConfig: KubernetesConfig | undefined;
  #sorted: DnsTableRow[] | undefined;
  #sortedEpoch = -1;
  #unsubscribe: () => void;

  constructor(lister: ZoneLister, options: () => ZoneOptions | undefined) {
    this.#lister = lister;
    this.#options = options;
    this.#unsubscribe = lister.onServiceChange((ns, name) => {
      this.#dirty.add(`${ns}/${name}`);
      this.#sorted = undefined;
    });
  }

  /** Every row, sorted (apex and forward zone first, then reverse zones). */
  rows(): DnsTableRow[] {
    const opts = this.#options();
    if (!opts) return [];
    this.#refresh(opts);
    if (this.#sorted && this.#sortedEpoch === this.#lister.epoch()) return this.#sorted;
    const rows = [...apexRows(this.#lister, opts)];
    for (const list of this.#byService.values()) rows.push(...list);
    this.#sorted = rows.sort((a, b) => (a.zone !== b.zone ? zoneRank(a.zone) - zoneRank(b.zone) || (a.zone < b.zone ? -1 : 1) : compareRows(a, b)));
    this.#sortedEpoch = this.#lister.epoch();
    return this.#sorted;
  }

  /** The rows of one service. */
  rowsFor(namespace: string, name: string): DnsTableRow[] {
    const opts = this.#options();
    if (!opts) return [];
    this.#refresh(opts);
    return this.#byService.get(`${namespace}/${name}`) ?? [];
  }

  dispose(): void {
    this.#unsubscribe();
  }

  #refresh(opts: ZoneOptions): void {
    if (opts.config !== this.#lastConfig) {
      this.#lastConfig = opts.config;
      this.#allDirty = true;
    }
    if (this.#allDirty) {
      this.#byService.clear();
      for (const svc of this.#lister.services()) this.#byService.set(`${svc.namespace}/${svc.name}`, serviceRows(this.#lister, svc, opts));
      this.#allDirty = false;
      this.#dirty.clear();
      this.#sorted = undefined;
      return;
    }
    for (const key of this.#dirty) {
      const slash = key.indexOf('/');
      const svc = this.#lister.service(key.slice(0, slash), key.slice(slash + 1));
      if (svc) this.#byService.set(key, serviceRows(this.#lister, svc, opts));
      else this.#byService.delete(key);
    }
    this.#dirty.clear();
  }
}
