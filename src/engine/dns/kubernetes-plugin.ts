/**
 * The kubernetes plugin's ServeDNS (plugin/kubernetes/handler.go, kubernetes.go `Services`):
 * answers every name in its zones from the cluster, authoritatively. NXDOMAIN and NODATA both
 * carry the zone's SOA in the authority section (plugin.BackendError); a name error falls through
 * to the next plugin only for the `fallthrough` zones. Zone transfers are refused (the transfer
 * plugin is not configured by kubeadm).
 */

import type { DnsMessage, ResourceRecord, RRType } from '../../shared/dns-types';
import type { BackendResult, KubernetesView } from './records';
import type { LookupResult, RequestState, ServiceBackend } from './backend-lookup';
import type { ChainContext, ChainPlugin, NextHandler, PluginReply } from './plugin-chain';
import type { DnsQuestion } from './dns-message';
import type { KubernetesConfig } from './corefile';
import type { ZoneLister } from './zone-lister';
import { address, cname, ns, ptr, soa, srv, txt, withQuestion } from './backend-lookup';
import { fqdn, matchZone, matchZoneLower, splitLabels, trimZone } from './dns-name';
import { replyTo } from './dns-message';
import { isDefaultNS, nsAddrs } from './ns-records';
import { lookupRecords, recordHostType } from './records';
import { reverseRecords } from './reverse';

const AA = Object.freeze({ aa: true });

/** The schema version (spec §1), served as `dns-version.<zone>. 28800 IN TXT "1.1.0"` (§2.2). */
export const DNS_SCHEMA_VERSION = '1.1.0';

/** What the plugin needs besides its options. */
export interface KubernetesPluginDeps {
  lister: ZoneLister;
  /** The IPs of the CoreDNS pod answering (its NS records are found through them). */
  localIPs: () => readonly string[];
  /** Upstream lookup through the whole server (ExternalName targets). */
  upstream: (name: string, type: RRType, ctx: ChainContext) => DnsMessage;
}

/** The kubernetes plugin: a ServiceBackend over the cluster and a chain plugin. */
export class KubernetesPlugin implements ChainPlugin {
  readonly name = 'kubernetes';
  readonly config: KubernetesConfig;
  #view: KubernetesView;
  #deps: KubernetesPluginDeps;
  /** The zone's SOA by the zone as spelled in queries, with the serial it was made for. */
  #soas = new Map<string, { serial: number; record: ResourceRecord }>();

  constructor(config: KubernetesConfig, deps: KubernetesPluginDeps) {
    this.config = config;
    this.#deps = deps;
    this.#view = { lister: deps.lister, config };
  }

  serve(q: DnsQuestion, ctx: ChainContext, next: NextHandler): PluginReply {
    const qname = fqdn(q.name);
    const name = qname.toLowerCase();
    const matched = matchZoneLower(this.config.zones, name);
    if (matched === '') return next(q, ctx);
    // Keep the case of the original query in the zone (handler.go).
    const zone = qname.slice(qname.length - matched.length);
    const state: RequestState = { qname, name, type: q.type, zone };
    const b = this.backend(ctx);
    let result: LookupResult;
    switch (q.type) {
      case 'A':
      case 'AAAA':
        result = address(b, state, q.type);
        break;
      case 'TXT':
        result = txt(b, state);
        break;
      case 'CNAME':
        result = cname(b, state);
        break;
      case 'PTR':
        result = ptr(b, state);
        break;
      case 'MX': {
        // No kubernetes record is a mail exchanger: only the error matters.
        const res = b.services(state, false);
        result = { records: [], extra: [], err: res.err };
        break;
      }
      case 'SRV':
        result = srv(b, state);
        break;
      case 'SOA':
        result = state.name === zone.toLowerCase() ? { records: [this.#soa(b, zone)], extra: [] } : { records: [], extra: [] };
        break;
      default:
        if (q.type === 'NS' && state.name === zone.toLowerCase()) {
          result = ns(b, state);
          break;
        }
        // Other types (and NS below the apex): a fake A lookup tells NODATA from NXDOMAIN.
        result = { records: [], extra: [], err: address(b, withQuestion(state, state.qname, 'A'), 'A').err };
    }
    if (result.err) {
      if (this.config.fallthrough && matchZone(this.config.fallthrough, state.name) !== '') {
        return next(q, ctx);
      }
      return { message: this.#backendError(q, 'NXDOMAIN', b, zone) };
    }
    if (result.records.length === 0) return { message: this.#backendError(q, 'NOERROR', b, zone) };
    const m = replyTo(q, 'NOERROR', AA);
    m.answer = result.records;
    m.additional = result.extra;
    return { message: m };
  }

  /** The ServiceBackend for one query (upstream lookups run in that query's context). */
  backend(ctx: ChainContext): ServiceBackend {
    const b = this.#backend;
    b.ctx = ctx;
    return b;
  }

  #backend: ServiceBackend & { ctx: ChainContext | undefined } = {
    ctx: undefined,
    services: (state, exact) => this.services(state, exact),
    reverse: (state) => reverseRecords(this.#view, state.name, state.zone),
    lookup: (name, type) => {
      // The lookup re-enters this plugin with its own context; put ours back afterwards.
      const ctx = this.#backend.ctx!;
      try {
        return this.#deps.upstream(name, type, ctx);
      } finally {
        this.#backend.ctx = ctx;
      }
    },
    serial: () => this.#deps.lister.modified(),
    minTtl: () => this.config.ttl,
  };

  /** Services (kubernetes.go): TXT and NS are special; SRV drops ExternalName CNAMEs. */
  services(state: RequestState, _exact: boolean): BackendResult {
    if (state.type === 'TXT') {
      const segs = splitLabels(trimZone(state.name, state.zone.toLowerCase()));
      if (segs.length !== 1 || segs[0] !== 'dns-version') return { records: [] };
      return { records: [{ host: '', port: 0, ttl: 28800, key: state.qname, text: DNS_SCHEMA_VERSION }] };
    }
    if (state.type === 'NS') {
      return { records: nsAddrs(this.#view, this.#deps.localIPs(), state.zone).map((a) => ({ host: a.ip, port: 0, ttl: this.config.ttl, key: a.name })) };
    }
    if (isDefaultNS(state.name, state.zone)) {
      const records = nsAddrs(this.#view, this.#deps.localIPs(), state.zone)
        .filter((a) => a.type === state.type)
        .map((a) => ({ host: a.ip, port: 0, ttl: this.config.ttl, key: state.qname }));
      return { records };
    }
    const res = lookupRecords(this.#view, state.name, state.zone);
    if (state.type !== 'SRV') return res;
    return { records: res.records.filter((r) => recordHostType(r) !== 'CNAME'), err: res.err };
  }

  /** plugin.BackendError: the code, AA, and the zone's SOA as authority. */
  #backendError(q: DnsQuestion, rcode: 'NXDOMAIN' | 'NOERROR', b: ServiceBackend, zone: string): DnsMessage {
    const m = replyTo(q, rcode, AA);
    m.authority = [this.#soa(b, zone)];
    return m;
  }

  /** The zone's SOA, remembered per zone spelling until the serial changes (records are immutable). */
  #soa(b: ServiceBackend, zone: string): ResourceRecord {
    const serial = b.serial();
    const known = this.#soas.get(zone);
    if (known && known.serial === serial) return known.record;
    if (this.#soas.size >= 64) this.#soas.clear();
    const record = soa(b, zone);
    this.#soas.set(zone, { serial, record });
    return record;
  }
}
