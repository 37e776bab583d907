/**
 * The topology as a graph, derived from the cluster's objects and the world around it (pure):
 * which boxes exist, in which zone, and which edges join them. Positions are the layout's job.
 * kube-system is folded into one CoreDNS box, as the course's diagrams draw it.
 */
import type { Endpoints, EndpointSlice, KubeObject, Node, Pod, Service } from '../../../../shared/api-types';
import type { World } from '../../../../engine/world/world';
import { objectKey } from '../../state/cluster-state.svelte';

export type Zone = 'internet' | 'internal' | 'cluster';
export type GraphNodeKind = 'external-dns' | 'site' | 'outside-ip' | 'router' | 'internal-dns' | 'pc' | 'coredns' | 'service' | 'endpoints' | 'node' | 'pod';
export type PodStatus = 'ready' | 'not-ready' | 'pending' | 'failed';

export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  zone: Zone;
  label: string;
  /** Second line: an address, a port list … */
  detail?: string;
  /** Small tag: the Service type, `Headless`, `EndpointSlice ×2` … */
  badge?: string;
  /** For pods: the k8s Node box it sits in. */
  parent?: string;
  status?: PodStatus;
  /** The object key (`Kind/ns/name`) a click selects. */
  objectKey?: string;
  /** The layout keeps world hosts in their given order; cluster objects sort by id. */
  order?: number;
}

export type GraphEdgeKind = 'endpoint' | 'endpoint-not-ready' | 'backs' | 'cname' | 'dns' | 'uplink';
export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  kind: GraphEdgeKind;
}

export interface TopologyGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const EXTERNAL_DNS_ID = 'world/external-dns';
export const INTERNAL_DNS_ID = 'world/internal-dns';
export const ROUTER_ID = 'world/router';
export const COREDNS_ID = 'cluster/coredns';

const SYSTEM_NS = 'kube-system';

function podStatus(pod: Pod): PodStatus {
  const phase = pod.status?.phase;
  if (phase === 'Failed' || phase === 'Succeeded') return 'failed';
  if (!pod.spec.nodeName || phase === 'Pending' || !phase) return 'pending';
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'ready' : 'not-ready';
}

function serviceBadge(svc: Service): { badge: string; detail: string } {
  const type = svc.spec.type ?? 'ClusterIP';
  if (type === 'ExternalName') return { badge: 'ExternalName', detail: svc.spec.externalName ?? '' };
  const headless = svc.spec.clusterIP === 'None';
  const ports = (svc.spec.ports ?? []).map((p) => (p.nodePort && type !== 'ClusterIP' ? `${p.port}:${p.nodePort}` : String(p.port))).join(',');
  const ip = headless ? 'None' : (svc.spec.clusterIP ?? '');
  let detail = ports ? `${ip} · ${ports}` : ip;
  if (type === 'LoadBalancer') detail += ` · ${svc.status?.loadBalancer?.ingress?.[0]?.ip ?? '<pending>'}`;
  return { badge: headless ? 'Headless' : type, detail };
}

/** Builds the graph from the cluster's objects and the world (DEFAULT_WORLD in the app). */
export function buildTopologyGraph(objects: Iterable<KubeObject>, world: World): TopologyGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const byIP = new Map<string, string>();
  const siteByName = new Map<string, string>();
  const ids = new Set<string>();
  const add = (n: GraphNode): void => {
    ids.add(n.id);
    nodes.push(n);
  };
  const edgeIds = new Set<string>();
  const edge = (from: string, to: string, kind: GraphEdgeKind): void => {
    const id = `${kind}:${from}->${to}`;
    if (!edgeIds.has(id)) edges.push({ id, from, to, kind });
    edgeIds.add(id);
  };

  // The world, in its given order.
  const resolver = world.internet.resolver;
  add({ id: EXTERNAL_DNS_ID, kind: 'external-dns', zone: 'internet', label: resolver.name, detail: resolver.ipv4[0], order: 0 });
  let order = 1;
  for (const z of world.internet.zones) {
    for (const r of z.records) {
      if (r.type !== 'A' || (r.name !== z.zone && !r.name.endsWith('.github.io')) || siteByName.has(r.name)) continue;
      const id = `site/${r.name}`;
      siteByName.set(r.name, id);
      add({ id, kind: 'site', zone: 'internet', label: r.name, detail: r.data, order: order++ });
    }
    for (const r of z.records) if (r.type === 'A' && siteByName.has(r.name) && !byIP.has(r.data)) byIP.set(r.data, siteByName.get(r.name)!);
  }
  const net = world.internal;
  add({ id: ROUTER_ID, kind: 'router', zone: 'internal', label: 'router', detail: net.router.ipv4[0], order: 0 });
  add({ id: INTERNAL_DNS_ID, kind: 'internal-dns', zone: 'internal', label: net.dns.name, detail: net.dns.ipv4[0], order: 1 });
  net.pcs.forEach((pc, i) => {
    const id = `pc/${pc.name}`;
    add({ id, kind: 'pc', zone: 'internal', label: pc.name.split('.')[0], detail: pc.ipv4[0], order: 2 + i });
    byIP.set(pc.ipv4[0], id);
  });
  edge(ROUTER_ID, EXTERNAL_DNS_ID, 'uplink');

  const byKind = new Map<string, KubeObject[]>();
  for (const o of objects) {
    const list = byKind.get(o.kind);
    if (list) list.push(o);
    else byKind.set(o.kind, [o]);
  }
  const kube = <T extends KubeObject>(kind: string): T[] => [...(byKind.get(kind) ?? [])] as T[];
  const keyOf = (o: KubeObject): string => objectKey(o.kind, o.metadata.namespace, o.metadata.name ?? '');

  // CoreDNS: the kube-dns Service stands for it.
  const kubeDns = kube<Service>('Service').find((s) => s.metadata.namespace === SYSTEM_NS && s.metadata.name === 'kube-dns');
  add({ id: COREDNS_ID, kind: 'coredns', zone: 'cluster', label: 'CoreDNS', detail: kubeDns?.spec.clusterIP ?? '', badge: 'kube-dns', objectKey: kubeDns ? keyOf(kubeDns) : undefined, order: 0 });
  edge(COREDNS_ID, INTERNAL_DNS_ID, 'dns');
  edge(INTERNAL_DNS_ID, EXTERNAL_DNS_ID, 'dns');

  // Nodes: world order (master, node1, node2), then any others.
  const worldOrder = net.nodes.map((h) => h.name.split('.')[0]);
  const k8sNodes = kube<Node>('Node').sort((a, b) => {
    const ia = worldOrder.indexOf(a.metadata.name ?? ''), ib = worldOrder.indexOf(b.metadata.name ?? '');
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
  });
  k8sNodes.forEach((n, i) => {
    const ip = n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    const id = keyOf(n);
    add({ id, kind: 'node', zone: 'cluster', label: n.metadata.name ?? '', detail: ip, objectKey: id, order: i });
    if (ip) byIP.set(ip, id);
  });
  const nodeIds = new Set(k8sNodes.map((n) => n.metadata.name));

  const pods = kube<Pod>('Pod').filter((p) => p.metadata.namespace !== SYSTEM_NS);
  for (const p of pods) {
    const id = keyOf(p);
    const parent = p.spec.nodeName && nodeIds.has(p.spec.nodeName) ? objectKey('Node', undefined, p.spec.nodeName) : undefined;
    add({ id, kind: 'pod', zone: 'cluster', label: p.metadata.name ?? '', detail: p.status?.podIP, status: podStatus(p), parent, objectKey: id });
    if (p.status?.podIP) byIP.set(p.status.podIP, id);
  }

  const services = kube<Service>('Service').filter((s) => s.metadata.namespace !== SYSTEM_NS);
  const slices = kube<EndpointSlice>('EndpointSlice');
  const endpoints = kube<Endpoints>('Endpoints').filter((e) => e.metadata.namespace !== SYSTEM_NS);
  // Slices per Service (label kubernetes.io/service-name), counted once rather than per Endpoints.
  const slicesOf = new Map<string, number>();
  for (const sl of slices) {
    const svc = sl.metadata.labels?.['kubernetes.io/service-name'];
    if (svc !== undefined) slicesOf.set(`${sl.metadata.namespace ?? ''}/${svc}`, (slicesOf.get(`${sl.metadata.namespace ?? ''}/${svc}`) ?? 0) + 1);
  }
  const externalIds = new Map<string, string>();
  const outside = (ip: string, kind: 'outside-ip' | 'site', label: string): string => {
    const known = byIP.get(ip) ?? siteByName.get(label);
    if (known) return known;
    const id = `${kind}/${label}`;
    if (!externalIds.has(id)) {
      externalIds.set(id, id);
      add({ id, kind, zone: 'internet', label, order: 1000 });
    }
    return id;
  };

  for (const s of services) {
    const id = keyOf(s);
    add({ id, kind: 'service', zone: 'cluster', ...serviceBadge(s), label: s.metadata.name ?? '', objectKey: id });
    if (s.spec.type === 'ExternalName' && s.spec.externalName) edge(id, outside('', 'site', s.spec.externalName.replace(/\.$/, '')), 'cname');
  }
  const serviceIds = new Set(services.map(keyOf));

  // One Endpoints box per Service: the Endpoints object, with its slices counted on the badge.
  for (const ep of endpoints) {
    const ns = ep.metadata.namespace, name = ep.metadata.name ?? '';
    const svcId = objectKey('Service', ns, name);
    const own = slicesOf.get(`${ns ?? ''}/${name}`) ?? 0;
    const id = keyOf(ep);
    const count = (ep.subsets ?? []).reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
    add({ id, kind: 'endpoints', zone: 'cluster', label: name, detail: count === 0 && !(ep.subsets ?? []).some((s) => s.notReadyAddresses?.length) ? '<none>' : undefined, badge: own ? `EndpointSlice ×${own}` : undefined, objectKey: id });
    if (serviceIds.has(svcId)) edge(svcId, id, 'backs');
    for (const subset of ep.subsets ?? []) {
      for (const [list, kind] of [[subset.addresses, 'endpoint'], [subset.notReadyAddresses, 'endpoint-not-ready']] as const) {
        for (const a of list ?? []) {
          const ref = a.targetRef?.kind === 'Pod' && a.targetRef.name ? objectKey('Pod', a.targetRef.namespace ?? ns, a.targetRef.name) : undefined;
          const target = ref && ids.has(ref) ? ref : outside(a.ip, 'outside-ip', a.ip);
          edge(id, target, kind);
        }
      }
    }
  }
  return { nodes, edges };
}
