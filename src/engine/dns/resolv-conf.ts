/**
 * /etc/resolv.conf: parsing it the way glibc does (resolv.conf(5): `nameserver` lines accumulate
 * up to 3, the last `search`/`domain` line wins, `options` accumulate; ndots defaults to 1, at
 * most 15), and writing a pod's as kubelet composes it (pkg/kubelet/network/dns/dns.go
 * `GetPodDNS`) and containerd prints it (search, then nameservers, then options):
 * - ClusterFirst (and ClusterFirstWithHostNet): the cluster DNS server only;
 *   `search <ns>.svc.<zone> svc.<zone> <zone>` followed by the node's search domains;
 *   `options ndots:5`.
 * - Default, and ClusterFirst on the host network: the node's resolv.conf.
 * - None: nothing but `dnsConfig`.
 * `dnsConfig` is then merged in: nameservers and searches appended without duplicates, options
 * overriding by name; the limits (3 nameservers, 32 search domains, 2048 characters) cut the rest.
 */

import type { Pod } from '../../shared/api-types';
import type { World } from '../world/world';

/** A parsed resolv.conf. */
export interface ResolvConf {
  nameservers: string[];
  search: string[];
  /** Options as written (`ndots:5`, `edns0`). */
  options: string[];
}

/** glibc's view of the options that shape the search: ndots (default 1, max 15). */
export function ndotsOf(conf: ResolvConf): number {
  let ndots = 1;
  for (const o of conf.options) {
    const m = /^ndots:(\d+)$/.exec(o);
    if (m) ndots = Math.min(Number(m[1]), 15);
  }
  return ndots;
}

/** Parses resolv.conf text. */
export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], options: [] };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const fields = line.split(/\s+/);
    switch (fields[0]) {
      case 'nameserver':
        if (fields[1] && conf.nameservers.length < 3) conf.nameservers.push(fields[1]);
        break;
      case 'search':
      case 'domain':
        conf.search = fields.slice(1).map((s) => s.replace(/\.$/, ''));
        break;
      case 'options':
        conf.options.push(...fields.slice(1));
        break;
      default:
        break;
    }
  }
  return conf;
}

/** Prints resolv.conf as containerd writes a pod's: search, nameserver lines, options. */
export function formatResolvConf(conf: ResolvConf): string {
  let out = '';
  if (conf.search.length > 0) out += `search ${conf.search.join(' ')}\n`;
  for (const ns of conf.nameservers) out += `nameserver ${ns}\n`;
  if (conf.options.length > 0) out += `options ${conf.options.join(' ')}\n`;
  return out;
}

/** A node's /etc/resolv.conf: the internal DNS server and the internal domain. */
export function nodeResolvConf(world: World): ResolvConf {
  return { nameservers: [world.internal.dns.ipv4[0]], search: [world.internal.domain], options: [] };
}

/** What kubelet knows when it writes a pod's resolv.conf. */
export interface KubeletDnsSettings {
  /** kubelet --cluster-domain. */
  clusterDomain: string;
  /** kubelet --cluster-dns (the kube-dns service IP). */
  clusterDNS: string[];
  /** The node's resolv.conf (kubelet --resolv-conf). */
  node: ResolvConf;
}

function omitDuplicates(list: string[]): string[] {
  return [...new Set(list)];
}

/** The resolv.conf kubelet gives `pod` (GetPodDNS). */
export function podResolvConf(pod: Pick<Pod, 'metadata' | 'spec'>, kubelet: KubeletDnsSettings): ResolvConf {
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  let conf: ResolvConf = { nameservers: kubelet.node.nameservers.slice(), search: kubelet.node.search.slice(), options: kubelet.node.options.slice() };
  const cluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.spec.hostNetwork);
  if (policy === 'None') {
    conf = { nameservers: [], search: [], options: [] };
  } else if (cluster && kubelet.clusterDNS.length > 0) {
    const ns = pod.metadata.namespace ?? 'default';
    const d = kubelet.clusterDomain;
    conf.nameservers = kubelet.clusterDNS.slice();
    conf.search = d === '' ? conf.search : omitDuplicates([`${ns}.svc.${d}`, `svc.${d}`, d, ...conf.search]);
    conf.options = ['ndots:5'];
  }
  const extra = pod.spec.dnsConfig;
  if (extra) {
    conf.nameservers = omitDuplicates([...conf.nameservers, ...(extra.nameservers ?? [])]);
    conf.search = omitDuplicates([...conf.search, ...(extra.searches ?? [])]);
    conf.options = mergeOptions(conf.options, extra.options ?? []);
  }
  return fitLimits(conf);
}

/** resolv.conf text for `pod`. */
export function resolvConf(pod: Pick<Pod, 'metadata' | 'spec'>, kubelet: KubeletDnsSettings): string {
  return formatResolvConf(podResolvConf(pod, kubelet));
}

/** mergeDNSOptions: dnsConfig options override same-named ones (Go map order is random; insertion order here). */
function mergeOptions(existing: string[], add: { name: string; value?: string }[]): string[] {
  const map = new Map<string, string>();
  for (const op of existing) {
    const i = op.indexOf(':');
    if (i >= 0) map.set(op.slice(0, i), op.slice(i + 1));
    else map.set(op, '');
  }
  for (const op of add) map.set(op.name, op.value ?? '');
  return [...map].map(([k, v]) => (v === '' ? k : `${k}:${v}`));
}

/** formDNSConfigFitsLimits: 3 nameservers; 32 search paths, none over 253 characters, 2048 in all. */
function fitLimits(conf: ResolvConf): ResolvConf {
  const nameservers = conf.nameservers.slice(0, 3);
  let search = conf.search.slice(0, 32).filter((s) => s.length <= 253);
  while (search.join(' ').length > 2048) search = search.slice(0, -1);
  return { nameservers, search, options: conf.options };
}
