/**
 * kube-proxy in iptables mode (pkg/proxy/iptables/proxier.go), as the path of one connection:
 *
 * - A Service's ClusterIP (and LoadBalancer ingress IP / externalIPs) exists only as iptables
 *   rules on every node: a packet to VIP:port is DNATed to one endpoint. The VIP on a port the
 *   Service does not expose matches no rule, so the packet leaves by the default route and is
 *   never answered: the client times out. (nftables mode would reject it; iptables mode does not.)
 * - A Service port with no usable endpoint has a REJECT rule: "Connection refused" at once.
 * - NodePorts are open on every node's address, from inside and outside the cluster; the
 *   receiving node's rules pick the endpoint.
 * - Endpoints come from EndpointSlices labelled kubernetes.io/service-name (all managers, as
 *   kube-proxy's EndpointSliceCache merges them), deduplicated by ip:port and sorted by it; only
 *   ready ones are used, falling back to serving+terminating ones when none is ready
 *   (pkg/proxy/topology.go CategorizeEndpoints). internalTrafficPolicy / externalTrafficPolicy
 *   Local keep traffic on the node's own endpoints and drop it when there are none.
 * - Real iptables picks an endpoint at random (`-m statistic --mode random`, probability 1/n, then
 *   1/(n-1)…); the simulator rotates round-robin per Service port, so a lesson replays the same
 *   way. The trace says which endpoint was chosen among how many. sessionAffinity: ClientIP pins
 *   a client to its first choice.
 * - Headless and ExternalName Services have no virtual IP at all (DNS is their only face).
 * - Pod IPs are routed (Calico) from nodes and Pods only; a Pod port nothing listens on answers
 *   with a RST: "Connection refused". Nodes, the internal network and the internet are reachable
 *   by IP; an unknown internal address gives "No route to host" (ARP fails).
 */

import type { Node, Pod, Protocol, Service, ServicePort } from '../../shared/api-types';
import type { ClusterConfig } from '../../shared/cluster-config';
import type { TraceActor, TraceHop } from '../../shared/dns-types';
import { INDEX, ensureControllerIndexes, slicesForService } from '../controllers/indexes';
import { ipFamily } from '../net/ip-address';
import type { ObjectStore } from '../store/object-store';
import type { World } from '../world/world';
import { AddressBook, isControlPlane, nodeInternalIP, type AddressOwner } from './address-book';
import { nodeHostPorts, worldHostPorts } from './host-ports';
import { ping, pingable, type PingResult } from './icmp';
import { listeningPorts } from './images';

/** Where a connection starts: a trace actor, plus the node it sits on (absent outside the cluster). */
export type ConnectSource = TraceActor & { node?: string };

/** How a connection attempt ended. */
export type ConnectOutcome = 'pod' | 'host' | 'external' | 'no-endpoints' | 'no-route' | 'refused' | 'timeout';

/** Where the connection was accepted (feed it to handleHttp). */
export interface ConnectTarget {
  ip: string;
  port: number;
  pod?: Pod;
  /** A cluster node whose own process accepted it. */
  node?: string;
  controlPlane?: boolean;
  /** A site of the world (WEB_SITE_BY_ADDRESS). */
  site?: string;
  /** A world host's name (internal machine, DNS server). */
  host?: string;
}

/** The result of `connect`. */
export interface ConnectResult {
  outcome: ConnectOutcome;
  target?: ConnectTarget;
  hops: TraceHop[];
  /** Why it ended that way, in a sentence. */
  note?: string;
  /** `namespace/name` of the Service whose rules handled it, if any. */
  service?: string;
}

/** One endpoint as kube-proxy programs it. */
export interface ProxyEndpoint {
  ip: string;
  port: number;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  nodeName?: string;
  pod?: string;
}

/** What kube-proxy needs. */
export interface KubeProxyConfig {
  store: ObjectStore;
  world: World;
  config: Pick<ClusterConfig, 'serviceCIDR' | 'serviceCIDRv6' | 'podCIDR' | 'podCIDRv6'>;
}

/** The cluster's service proxy and packet paths. */
export class KubeProxy {
  readonly #store: ObjectStore;
  readonly #book: AddressBook;
  readonly #counters = new Map<string, number>();
  readonly #affinity = new Map<string, string>();

  constructor(config: KubeProxyConfig) {
    this.#store = config.store;
    ensureControllerIndexes(this.#store);
    this.#book = new AddressBook(config);
  }

  /** The address book this proxy resolves with (shared with ICMP). */
  get addressBook(): AddressBook {
    return this.#book;
  }

  /** ICMP echo from `from` to `ip` (see icmp.ts). */
  ping(from: ConnectSource, ip: string): PingResult {
    return ping(this.#book, from, ip);
  }

  /** Whether `ip` answers ping from inside the cluster, and why. */
  pingable(ip: string): { pingable: boolean; reason: string } {
    return pingable(this.#book, ip);
  }

  /** Opens a connection from `from` to ip:port and reports where it ends. */
  connect(from: ConnectSource, ip: string, port: number, protocol: Protocol = 'TCP'): ConnectResult {
    const src = actorOf(from);
    const owner = this.#book.resolve(ip);
    const inCluster = !!from.node;
    const hops: TraceHop[] = [];
    switch (owner.kind) {
      case 'invalid':
        return { outcome: 'no-route', hops, note: `"${ip}" is not an IP address.` };
      case 'cluster-ip': {
        const svc = owner.service;
        const svcActor: TraceActor = { kind: 'service', id: keyOf(svc), ip: owner.ip };
        hops.push({ type: 'connect', from: src, to: svcActor, ip: owner.ip, port });
        if (!inCluster) {
          return { outcome: 'timeout', hops, service: keyOf(svc), note: 'A ClusterIP exists only in the cluster nodes\' iptables rules; from outside, the packet goes to the default gateway and is never answered.' };
        }
        const sp = (svc.spec.ports ?? []).find((p) => p.port === port && (p.protocol ?? 'TCP') === protocol);
        if (!sp) {
          return { outcome: 'timeout', hops, service: keyOf(svc), note: `${keyOf(svc)} has no ${protocol} port ${port}: no iptables rule matches ${owner.ip}:${port}, so the packet is routed away and never answered.` };
        }
        return this.#viaService(from, src, svc, sp, owner.ip, port, from.node!, 'internal', hops);
      }
      case 'service-external': {
        const svc = owner.service;
        const svcActor: TraceActor = { kind: 'service', id: keyOf(svc), ip: owner.ip };
        hops.push({ type: 'connect', from: src, to: svcActor, ip: owner.ip, port, note: owner.via === 'load-balancer' ? 'load-balancer ingress IP' : 'spec.externalIPs' });
        const sp = (svc.spec.ports ?? []).find((p) => p.port === port && (p.protocol ?? 'TCP') === protocol);
        if (!sp) return { outcome: 'timeout', hops, service: keyOf(svc), note: `${keyOf(svc)} has no ${protocol} port ${port} on ${owner.ip}: the packet is dropped.` };
        // The cloud load balancer forwards to a node; inside the cluster the local rules short-circuit it.
        const via = from.node ?? this.#firstWorker();
        return this.#viaService(from, src, svc, sp, owner.ip, port, via, 'external', hops);
      }
      case 'node': {
        const nodeName = owner.node.metadata.name ?? '';
        const nodeActor: TraceActor = { kind: 'node', id: nodeName, ip: owner.ip };
        const svc = this.#store.byIndex<Service>(INDEX.servicesByNodePort, `${port}/${protocol}`)[0];
        if (svc) {
          hops.push({ type: 'connect', from: src, to: nodeActor, ip: owner.ip, port, note: `NodePort of ${keyOf(svc)}` });
          const sp = (svc.spec.ports ?? []).find((p) => p.nodePort === port && (p.protocol ?? 'TCP') === protocol)!;
          return this.#viaService(from, src, svc, sp, owner.ip, port, nodeName, 'external', hops);
        }
        const hostPortPod = this.#hostPortPod(nodeName, port, protocol);
        if (hostPortPod) {
          hops.push({ type: 'connect', from: src, to: nodeActor, ip: owner.ip, port, note: `hostPort of ${keyOf(hostPortPod.pod)}` });
          return this.#deliver(from, nodeActor, hostPortPod.podIP, hostPortPod.containerPort, protocol, hops);
        }
        return this.#deliver(from, src, owner.ip, port, protocol, hops);
      }
      default:
        return this.#deliver(from, src, owner.ip, port, protocol, hops, owner);
    }
  }

  /** The endpoints kube-proxy would program for a Service port (ready first, as it sees them). */
  endpointsFor(service: Service, servicePort: ServicePort, family: 'IPv4' | 'IPv6'): ProxyEndpoint[] {
    const byKey = new Map<string, ProxyEndpoint>();
    for (const slice of slicesForService(this.#store, service.metadata.namespace ?? '', service.metadata.name ?? '')) {
      if (slice.addressType !== family) continue;
      const p = (slice.ports ?? []).find((x) => (x.name ?? '') === (servicePort.name ?? '') && (x.protocol ?? 'TCP') === (servicePort.protocol ?? 'TCP'));
      if (!p || p.port === undefined) continue;
      for (const ep of slice.endpoints ?? []) {
        if (!ep.addresses || ep.addresses.length === 0) continue;
        const ready = ep.conditions?.ready ?? true;
        const e: ProxyEndpoint = {
          ip: ep.addresses[0],
          port: p.port,
          ready,
          serving: ep.conditions?.serving ?? ready,
          terminating: ep.conditions?.terminating ?? false,
          ...(ep.nodeName ? { nodeName: ep.nodeName } : {}),
          ...(ep.targetRef?.kind === 'Pod' ? { pod: `${ep.targetRef.namespace}/${ep.targetRef.name}` } : {}),
        };
        const key = `${e.ip}:${e.port}`;
        if (!byKey.has(key)) byKey.set(key, e);
      }
    }
    return [...byKey.values()].sort((a, b) => {
      const ka = `${a.ip}:${a.port}`;
      const kb = `${b.ip}:${b.port}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  }

  #viaService(
    from: ConnectSource,
    src: TraceActor,
    svc: Service,
    sp: ServicePort,
    vip: string,
    port: number,
    viaNode: string,
    scope: 'internal' | 'external',
    hops: TraceHop[],
  ): ConnectResult {
    const service = keyOf(svc);
    const via: TraceActor = { kind: 'kube-proxy', id: viaNode };
    const family = ipFamily(vip) === 'IPv6' ? 'IPv6' : 'IPv4';
    // A NodePort reached on a node's IPv4 address uses the Service's endpoints of that family.
    const all = this.endpointsFor(svc, sp, family);
    const local = scope === 'internal' ? svc.spec.internalTrafficPolicy === 'Local' : svc.spec.externalTrafficPolicy === 'Local';
    const pool = local ? all.filter((e) => e.nodeName === viaNode) : all;
    let usable = pool.filter((e) => e.ready);
    let note = 'iptables picks an endpoint at random; the simulator rotates round-robin so runs repeat.';
    if (usable.length === 0) {
      usable = pool.filter((e) => e.serving && e.terminating);
      if (usable.length > 0) note = 'No ready endpoint: kube-proxy falls back to serving, terminating ones.';
    }
    if (usable.length === 0) {
      if (local && all.some((e) => e.ready || (e.serving && e.terminating))) {
        hops.push({ type: 'proxy', via, service, vip, port, candidates: 0, note: `traffic policy Local: no endpoint on ${viaNode}, packet dropped` });
        return { outcome: 'timeout', hops, service, note: `${service} uses traffic policy Local and has no endpoint on ${viaNode}: kube-proxy drops the packet.` };
      }
      hops.push({ type: 'proxy', via, service, vip, port, candidates: 0, note: 'no endpoints: iptables REJECT' });
      return { outcome: 'no-endpoints', hops, service, note: `${service} has no ready endpoints for port ${sp.name || sp.port}: kube-proxy's REJECT rule answers "Connection refused".` };
    }
    const counterKey = `${service}/${sp.name ?? ''}/${sp.protocol ?? 'TCP'}/${family}`;
    let chosen: ProxyEndpoint | undefined;
    if (svc.spec.sessionAffinity === 'ClientIP' && src.ip) {
      const pinned = this.#affinity.get(`${counterKey}/${src.ip}`);
      chosen = usable.find((e) => `${e.ip}:${e.port}` === pinned);
      if (chosen) note = 'sessionAffinity ClientIP: same endpoint as this client\'s previous connection.';
    }
    if (!chosen) {
      const n = this.#counters.get(counterKey) ?? 0;
      chosen = usable[n % usable.length];
      this.#counters.set(counterKey, n + 1);
      if (svc.spec.sessionAffinity === 'ClientIP' && src.ip) this.#affinity.set(`${counterKey}/${src.ip}`, `${chosen.ip}:${chosen.port}`);
    }
    hops.push({
      type: 'proxy',
      via,
      service,
      vip,
      port,
      chosen: { ip: chosen.ip, port: chosen.port, ...(chosen.pod ? { pod: chosen.pod } : {}) },
      candidates: usable.length,
      note,
    });
    const result = this.#deliver(from, via, chosen.ip, chosen.port, sp.protocol ?? 'TCP', hops);
    return { ...result, service };
  }

  /** Carries the packet to ip:port and reports who answers. */
  #deliver(from: ConnectSource, hopFrom: TraceActor, ip: string, port: number, protocol: Protocol, hops: TraceHop[], known?: AddressOwner): ConnectResult {
    const owner = known ?? this.#book.resolve(ip);
    const inCluster = !!from.node || hopFrom.kind === 'kube-proxy' || hopFrom.kind === 'node';
    switch (owner.kind) {
      case 'pod': {
        const pod = owner.pod;
        const to: TraceActor = { kind: 'pod', id: keyOf(pod), ip: owner.ip };
        hops.push({ type: 'connect', from: hopFrom, to, ip: owner.ip, port });
        if (!inCluster) return { outcome: 'timeout', hops, note: 'Pod IPs are routed only inside the cluster; from outside the packet goes to the default gateway and is never answered.' };
        const running = pod.status?.phase === 'Running';
        const listens = running && (pod.spec.containers ?? []).some((c) => listeningPorts(c.image, c.ports).some((l) => l.port === port && l.protocol === protocol));
        if (!listens) {
          return { outcome: 'refused', hops, note: running ? `Nothing in ${keyOf(pod)} listens on ${protocol} port ${port}: connection refused.` : `${keyOf(pod)}'s containers are not running yet: connection refused.` };
        }
        return { outcome: 'pod', hops, target: { ip: owner.ip, port, pod } };
      }
      case 'node': {
        const name = owner.node.metadata.name ?? '';
        const to: TraceActor = { kind: 'node', id: name, ip: owner.ip };
        hops.push({ type: 'connect', from: hopFrom, to, ip: owner.ip, port });
        const hostNetPod = this.#hostNetworkListener(name, port, protocol);
        if (hostNetPod) return { outcome: 'pod', hops, target: { ip: owner.ip, port, pod: hostNetPod } };
        const listens = nodeHostPorts(owner.controlPlane).some((p) => p.port === port && p.protocol === protocol);
        if (!listens) return { outcome: 'refused', hops, note: `Nothing on ${name} listens on ${protocol} port ${port}: connection refused.` };
        return { outcome: 'host', hops, target: { ip: owner.ip, port, node: name, controlPlane: owner.controlPlane } };
      }
      case 'internal-host': {
        const to: TraceActor = { kind: 'host', id: owner.host.name, ip: owner.ip };
        hops.push({ type: 'connect', from: hopFrom, to, ip: owner.ip, port });
        const listens = worldHostPorts(owner.host).some((p) => p.port === port && p.protocol === protocol);
        if (!listens) return { outcome: 'refused', hops, note: `Nothing on ${owner.host.name} listens on ${protocol} port ${port}: connection refused.` };
        return { outcome: 'host', hops, target: { ip: owner.ip, port, host: owner.host.name } };
      }
      case 'internet-host': {
        const to: TraceActor = { kind: 'server', id: owner.host.name, ip: owner.ip };
        hops.push({ type: 'connect', from: hopFrom, to, ip: owner.ip, port });
        const listens = worldHostPorts(owner.host).some((p) => p.port === port && p.protocol === protocol);
        if (!listens) return { outcome: 'timeout', hops, note: `${owner.host.name} does not answer on ${protocol} port ${port} (filtered).` };
        return { outcome: 'external', hops, target: { ip: owner.ip, port, host: owner.host.name } };
      }
      case 'site': {
        const to: TraceActor = { kind: 'server', id: owner.site, ip: owner.ip };
        hops.push({ type: 'connect', from: hopFrom, to, ip: owner.ip, port });
        if (protocol !== 'TCP' || (port !== 80 && port !== 443)) return { outcome: 'timeout', hops, note: `${owner.ip} does not answer on ${protocol} port ${port} (filtered).` };
        return { outcome: 'external', hops, target: { ip: owner.ip, port, site: owner.site } };
      }
      case 'cluster-ip':
      case 'service-external': {
        // An endpoint pointing at another Service's virtual IP: kube-proxy's rules apply again.
        const nested = this.connect({ ...hopFrom, node: from.node ?? (hopFrom.kind === 'kube-proxy' ? hopFrom.id : undefined) }, owner.ip, port, protocol);
        return { ...nested, hops: [...hops, ...nested.hops] };
      }
      case 'unassigned': {
        hops.push({ type: 'connect', from: hopFrom, to: { kind: 'server', id: owner.ip, ip: owner.ip }, ip: owner.ip, port });
        if (owner.range === 'internal') return { outcome: 'no-route', hops, note: `No machine has ${owner.ip} on the internal network: ARP gets no answer, "No route to host".` };
        const where = owner.range === 'pod-cidr' ? 'no Pod has this address' : owner.range === 'service-cidr' ? 'no Service has this ClusterIP' : 'nothing answers on the internet';
        return { outcome: 'timeout', hops, note: `${owner.ip}: ${where}; the packet is dropped and the client times out.` };
      }
      case 'invalid':
        return { outcome: 'no-route', hops, note: `"${owner.ip}" is not an IP address.` };
    }
  }

  #hostPortPod(node: string, port: number, protocol: Protocol): { pod: Pod; podIP: string; containerPort: number } | undefined {
    for (const pod of this.#store.byIndex<Pod>(INDEX.podsByNode, node)) {
      if (pod.spec.hostNetwork || !pod.status?.podIP) continue;
      for (const c of pod.spec.containers ?? []) {
        for (const p of c.ports ?? []) {
          if (p.hostPort === port && (p.protocol ?? 'TCP') === protocol) return { pod, podIP: pod.status.podIP, containerPort: p.containerPort };
        }
      }
    }
    return undefined;
  }

  #hostNetworkListener(node: string, port: number, protocol: Protocol): Pod | undefined {
    for (const pod of this.#store.byIndex<Pod>(INDEX.podsByNode, node)) {
      if (!pod.spec.hostNetwork || pod.status?.phase !== 'Running') continue;
      if ((pod.spec.containers ?? []).some((c) => listeningPorts(c.image, c.ports).some((l) => l.port === port && l.protocol === protocol))) return pod;
    }
    return undefined;
  }

  #firstWorker(): string {
    const nodes = this.#store.list<Node>('Node');
    return (nodes.find((n) => !isControlPlane(n)) ?? nodes[0])?.metadata.name ?? '';
  }
}

function actorOf(from: ConnectSource): TraceActor {
  const { node: _node, ...actor } = from;
  return actor;
}

function keyOf(obj: { metadata: { namespace?: string; name?: string } }): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}

/** The InternalIP of a node, re-exported for callers building ConnectSources. */
export { nodeInternalIP };
