/**
 * Who owns an IP address, as the network sees it: a Service virtual IP (only kube-proxy's rules
 * know it), a load-balancer/external IP, a node, a Pod, a machine of the internal network, a site
 * or DNS server on the internet — or nobody, in which case the range it falls in decides what a
 * packet does (unknown internal address: ARP fails, "No route to host"; unused Pod or Service
 * address, or an unknown internet address: silently dropped, the client times out).
 * Lookups go through store indexes (controllers/indexes.ts), never a scan.
 */

import type { Node, Pod, Service } from '../../shared/api-types';
import type { ClusterConfig } from '../../shared/cluster-config';
import { INDEX, ensureControllerIndexes } from '../controllers/indexes';
import { canonicalIP, cidrContains, parseCidr } from '../net/ip-address';
import type { ObjectStore } from '../store/object-store';
import { WEB_SITE_BY_ADDRESS, type World, type WorldHost } from '../world/world';

/** What an address belongs to. */
export type AddressOwner =
  | { kind: 'cluster-ip'; ip: string; service: Service }
  | { kind: 'service-external'; ip: string; service: Service; via: 'load-balancer' | 'external-ip' }
  | { kind: 'node'; ip: string; node: Node; controlPlane: boolean }
  | { kind: 'pod'; ip: string; pod: Pod }
  | { kind: 'internal-host'; ip: string; host: WorldHost }
  | { kind: 'internet-host'; ip: string; host: WorldHost }
  | { kind: 'site'; ip: string; site: string }
  | { kind: 'unassigned'; ip: string; range: 'service-cidr' | 'pod-cidr' | 'internal' | 'internet' }
  | { kind: 'invalid'; ip: string };

/** Resolves addresses to their owners. */
export class AddressBook {
  readonly #store: ObjectStore;
  readonly #world: World;
  readonly #hostsByIP = new Map<string, { host: WorldHost; internal: boolean }>();
  readonly #serviceCidrs;
  readonly #podCidrs;
  readonly #internal;

  constructor(deps: { store: ObjectStore; world: World; config: Pick<ClusterConfig, 'serviceCIDR' | 'serviceCIDRv6' | 'podCIDR' | 'podCIDRv6'> }) {
    this.#store = deps.store;
    this.#world = deps.world;
    ensureControllerIndexes(this.#store);
    const add = (h: WorldHost, internal: boolean): void => {
      for (const ip of [...h.ipv4, ...(h.ipv6 ?? [])]) if (!this.#hostsByIP.has(ip)) this.#hostsByIP.set(ip, { host: h, internal });
    };
    const w = deps.world;
    for (const h of [w.internal.router, w.internal.dns, ...w.internal.nodes, ...w.internal.pcs]) add(h, true);
    add(w.internet.resolver, false);
    for (const h of w.internet.root) add(h, false);
    for (const z of w.internet.zones) for (const h of z.nameservers) add(h, false);
    this.#serviceCidrs = [deps.config.serviceCIDR, deps.config.serviceCIDRv6].filter((c): c is string => !!c).map((c) => parseCidr(c)!).filter(Boolean);
    this.#podCidrs = [deps.config.podCIDR, deps.config.podCIDRv6].filter((c): c is string => !!c).map((c) => parseCidr(c)!).filter(Boolean);
    this.#internal = parseCidr(deps.world.internal.cidr)!;
  }

  /** The world this book was built from. */
  get world(): World {
    return this.#world;
  }

  /** Who owns `ip` right now. */
  resolve(address: string): AddressOwner {
    const ip = canonicalIP(address);
    if (!ip) return { kind: 'invalid', ip: address };
    const svc = this.#store.byIndex<Service>(INDEX.servicesByClusterIP, ip)[0];
    if (svc) return { kind: 'cluster-ip', ip, service: svc };
    const ext = this.#store.byIndex<Service>(INDEX.servicesByExternalIP, ip)[0];
    if (ext) {
      const viaLb = (ext.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip);
      return { kind: 'service-external', ip, service: ext, via: viaLb ? 'load-balancer' : 'external-ip' };
    }
    const node = this.#store.byIndex<Node>(INDEX.nodesByAddress, ip)[0];
    if (node) return { kind: 'node', ip, node, controlPlane: isControlPlane(node) };
    const pod = this.#store.byIndex<Pod>(INDEX.podsByIP, ip)[0];
    if (pod) return { kind: 'pod', ip, pod };
    const host = this.#hostsByIP.get(ip);
    if (host && host.host.role !== 'node') return host.internal ? { kind: 'internal-host', ip, host: host.host } : { kind: 'internet-host', ip, host: host.host };
    const site = WEB_SITE_BY_ADDRESS[ip];
    if (site) {
      if (host?.internal) return { kind: 'internal-host', ip, host: host.host };
      return { kind: 'site', ip, site };
    }
    if (this.#serviceCidrs.some((c) => cidrContains(c, ip))) return { kind: 'unassigned', ip, range: 'service-cidr' };
    if (this.#podCidrs.some((c) => cidrContains(c, ip))) return { kind: 'unassigned', ip, range: 'pod-cidr' };
    if (cidrContains(this.#internal, ip)) return { kind: 'unassigned', ip, range: 'internal' };
    return { kind: 'unassigned', ip, range: 'internet' };
  }

  /** A node by name. */
  node(name: string): Node | undefined {
    return this.#store.get<Node>('Node', undefined, name);
  }
}

/** kubeadm's control-plane role label. */
export function isControlPlane(node: Node): boolean {
  return node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
}

/** A node's InternalIP. */
export function nodeInternalIP(node: Node): string | undefined {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}
