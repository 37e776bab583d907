/**
 * Everything DNS, wired together for the engine: the cluster's CoreDNS (its Corefile, reload
 * policy and server) reachable at the kube-dns service IP, the internal network's DNS server,
 * the internet's resolver and name servers, the stub resolver pods and nodes use, and the DNS
 * table. The engine builds one with `createDnsStack` and keeps it for the cluster's lifetime.
 */

import type { Pod } from '../../shared/api-types';
import type { RRType, TraceActor, TraceHop } from '../../shared/dns-types';
import type { Random } from '../random';
import type { ObjectStore } from '../store/object-store';
import type { VirtualClock } from '../virtual-clock';
import type { World } from '../world/world';
import type { DnsExchange } from './dns-message';
import type { KubeletDnsSettings, ResolvConf } from './resolv-conf';
import type { ResolveResult, ResolverFlavor, StubClient } from './stub-resolver';
import type { DnsEndpoint } from './upstream';
import type { ZoneLister } from './zone-lister';
import type { ZoneOptions } from './xfr';
import type { InternetDns } from './internet-dns';
import { CorednsConfig } from './coredns-config';
import { defaultCorefile } from './corefile';
import { replyTo } from './dns-message';
import { DnsServer } from './dns-server';
import { InternalDns } from './internal-dns';
import { createInternetDns } from './internet-dns';
import { nodeResolvConf, podResolvConf } from './resolv-conf';
import { StoreZoneLister } from './store-zone-lister';
import { resolve } from './stub-resolver';
import { DnsNetwork } from './upstream';
import { DnsTable } from './xfr';

/** What the DNS stack is built from. */
export interface DnsStackOptions {
  /** The cluster, read through a ZoneLister; give `store` to get the store-backed one. */
  lister?: ZoneLister;
  store?: ObjectStore;
  clock: VirtualClock;
  random: Random;
  world: World;
  /** kubelet --cluster-domain (`cluster.local`). */
  clusterDomain: string;
  /** The kube-dns service IP (kubelet --cluster-dns), where pods send their queries. */
  dnsServiceIP: string;
  /** The coredns ConfigMap's Corefile; kubeadm's by default. */
  corefile?: string;
  /**
   * The answering CoreDNS pod's IPs (its NS records are derived from them). Default: the first
   * ready address of kube-system/kube-dns's endpoints, else the service IP.
   */
  localIPs?: () => readonly string[];
}

/** The DNS side of the simulated world. */
export interface DnsStack {
  readonly network: DnsNetwork;
  readonly lister: ZoneLister;
  /** The Corefile CoreDNS runs and its reload policy. */
  readonly coredns: CorednsConfig;
  /** CoreDNS as a network endpoint (registered at the service IP; register it at pod IPs too if wanted). */
  readonly corednsEndpoint: DnsEndpoint;
  readonly internalDns: InternalDns;
  readonly internet: InternetDns;
  readonly table: DnsTable;
  /** The node's /etc/resolv.conf. */
  readonly nodeResolvConf: ResolvConf;
  readonly kubelet: KubeletDnsSettings;
  /** The CoreDNS server for the current configuration. */
  server(): DnsServer;
  /** The resolv.conf kubelet writes for `pod`. */
  resolvConfFor(pod: Pick<Pod, 'metadata' | 'spec'>): ResolvConf;
  /** A stub resolver client for `pod` (its actor, the network, its resolv.conf). */
  clientForPod(pod: Pod): StubClient;
  /** A stub resolver client on a node or another internal host. */
  clientForHost(actor: TraceActor): StubClient;
  /** getaddrinfo-style resolution from a pod (search list, ndots, NXDOMAIN/NODATA rules). */
  resolveFromPod(pod: Pod, name: string, types?: RRType[], flavor?: ResolverFlavor): ResolveResult;
  /** One query from `from` to the server at `serverIp` (`dig @server name type`), no search. */
  query(from: TraceActor, serverIp: string, name: string, type: RRType): DnsExchange;
  dispose(): void;
}

/** The trace actor of a pod. */
export function podActor(pod: Pod): TraceActor {
  return { kind: 'pod', id: `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`, ip: pod.status?.podIP };
}

/** Builds the DNS stack. */
export function createDnsStack(opts: DnsStackOptions): DnsStack {
  const owned = !opts.lister && opts.store ? new StoreZoneLister(opts.store, opts.clock) : undefined;
  const lister = opts.lister ?? owned;
  if (!lister) throw new Error('createDnsStack: give a lister or a store');
  const network = new DnsNetwork();
  const coredns = new CorednsConfig(opts.corefile ?? defaultCorefile(opts.clusterDomain));
  const node = nodeResolvConf(opts.world);
  const kubelet: KubeletDnsSettings = { clusterDomain: opts.clusterDomain, clusterDNS: [opts.dnsServiceIP], node };
  const actor: TraceActor = { kind: 'coredns', id: 'coredns', ip: opts.dnsServiceIP };
  const localIPs =
    opts.localIPs ??
    ((): readonly string[] => {
      const first = lister.endpointsOf('kube-system', 'kube-dns').find((e) => e.addresses.length > 0)?.addresses[0];
      return [first ? first.ip : opts.dnsServiceIP];
    });
  const build = (): DnsServer =>
    new DnsServer(coredns.config, {
      lister,
      clock: opts.clock,
      random: opts.random.fork('coredns'),
      network,
      actor,
      // kubeadm runs CoreDNS with dnsPolicy: Default, so its resolv.conf is the node's.
      resolvConfNameservers: () => node.nameservers,
      localIPs,
    });
  let server = build();
  const unsubscribeConfig = coredns.onChange(() => {
    server = build();
  });
  const corednsEndpoint: DnsEndpoint = {
    actor,
    handle: (q, hops) => (coredns.serving ? server.handle(q, hops) : undefined),
  };
  network.register(opts.dnsServiceIP, corednsEndpoint);
  const internalDns = new InternalDns({ world: opts.world, network, clock: opts.clock });
  network.register(internalDns.actor.ip!, internalDns);
  const internet = createInternetDns(opts.world, network, opts.clock);
  const zoneOptions = (): ZoneOptions | undefined => {
    const k = server.kubernetesPlugins()[0];
    return k ? { config: k.config, localIPs: localIPs() } : undefined;
  };
  const table = new DnsTable(lister, zoneOptions);

  const resolvConfFor = (pod: Pick<Pod, 'metadata' | 'spec'>): ResolvConf => podResolvConf(pod, kubelet);
  const clientForPod = (pod: Pod): StubClient => ({ actor: podActor(pod), network, conf: resolvConfFor(pod) });
  // resolveFromPod's client per pod object: stored objects are replaced, never changed, on write,
  // so the object (with its spec, metadata and IP, checked in case a caller swaps them) is the
  // key. Keeping the resolv.conf object also keeps the stub resolver's search-candidate cache warm.
  const clients = new WeakMap<Pod, { spec: Pod['spec']; metadata: Pod['metadata']; ip: string | undefined; client: StubClient }>();
  const clientFor = (pod: Pod): StubClient => {
    const ip = pod.status?.podIP;
    const known = clients.get(pod);
    if (known && known.spec === pod.spec && known.metadata === pod.metadata && known.ip === ip) return known.client;
    const client = clientForPod(pod);
    clients.set(pod, { spec: pod.spec, metadata: pod.metadata, ip, client });
    return client;
  };
  return {
    network,
    lister,
    coredns,
    corednsEndpoint,
    internalDns,
    internet,
    table,
    nodeResolvConf: node,
    kubelet,
    server: () => server,
    resolvConfFor,
    clientForPod,
    clientForHost: (host) => ({ actor: host, network, conf: node }),
    resolveFromPod: (pod, name, types = ['A'], flavor = 'glibc') => resolve(clientFor(pod), name, types, flavor),
    query: (from, serverIp, name, type) => {
      const hops: TraceHop[] = [];
      const q = { name: name.endsWith('.') ? name : `${name}.`, type };
      const out = network.query(from, serverIp, q, hops, { rd: true });
      return { message: out.message ?? replyTo(q, 'SERVFAIL'), hops, timedOut: out.timedOut || undefined };
    },
    dispose: () => {
      unsubscribeConfig();
      table.dispose();
      owned?.dispose();
    },
  };
}
