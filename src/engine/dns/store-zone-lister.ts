/**
 * ZoneLister over the ObjectStore. Like CoreDNS's informer indexers (svcIPIndex, epNameNamespace
 * index, epIPIndex, podIPIndex), every lookup goes through a named store index; converted views
 * are memoized per stored object (stored objects are frozen and replaced on write, so the object
 * itself is the cache key).
 */

import type { EndpointSlice, KubeObject, Pod, Service } from '../../shared/api-types';
import type { ObjectStore, WatchEvent } from '../store/object-store';
import type { VirtualClock } from '../virtual-clock';
import type { DnsEndpoints, DnsPod, DnsService, ZoneLister } from './zone-lister';
import { SERVICE_NAME_LABEL, toDnsEndpoints, toDnsPod, toDnsService } from './zone-lister';

const SERVICE_BY_IP = 'dns.serviceByClusterIP';
const SLICE_BY_SERVICE = 'dns.endpointSliceByService';
const SLICE_BY_IP = 'dns.endpointSliceByReadyIP';
const POD_BY_IP = 'dns.podByIP';

function sliceServiceKey(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.labels?.[SERVICE_NAME_LABEL] ?? ''}`;
}

/** A ZoneLister reading `store`; SOA serial times come from `clock`. */
export class StoreZoneLister implements ZoneLister {
  #store: ObjectStore;
  #clock: VirtualClock;
  #epoch = 0;
  #modified: number;
  #services = new WeakMap<object, DnsService>();
  #endpoints = new WeakMap<object, DnsEndpoints | null>();
  #pods = new WeakMap<object, DnsPod | null>();
  #listeners = new Set<(namespace: string, name: string) => void>();
  #namespaces = new Set<string>();
  /**
   * Answers of `service` and `endpointsOf` by namespace then name (no key to build: the names
   * come from the parsed query), dropped whenever a Service, resp. an EndpointSlice, changes.
   * Bounded by the distinct names asked between two changes.
   */
  #serviceMemo = new Map<string, Map<string, DnsService | null>>();
  #endpointsMemo = new Map<string, Map<string, readonly DnsEndpoints[]>>();
  #unwatch: () => void;

  constructor(store: ObjectStore, clock: VirtualClock) {
    this.#store = store;
    this.#clock = clock;
    this.#modified = Math.floor(clock.now() / 1000);
    if (!store.hasIndex(SERVICE_BY_IP)) {
      store.addIndex(SERVICE_BY_IP, 'Service', (obj) => {
        const spec = (obj as Service).spec ?? {};
        const ips = spec.clusterIPs && spec.clusterIPs.length > 0 ? spec.clusterIPs : spec.clusterIP ? [spec.clusterIP] : [];
        return ips.filter((ip) => ip !== 'None' && ip !== '');
      });
    }
    if (!store.hasIndex(SLICE_BY_SERVICE)) store.addIndex(SLICE_BY_SERVICE, 'EndpointSlice', (obj) => [sliceServiceKey(obj)]);
    if (!store.hasIndex(SLICE_BY_IP)) {
      store.addIndex(SLICE_BY_IP, 'EndpointSlice', (obj) => {
        const out: string[] = [];
        for (const ep of (obj as EndpointSlice).endpoints ?? []) if (ep.conditions?.ready !== false) out.push(...ep.addresses);
        return out;
      });
    }
    if (!store.hasIndex(POD_BY_IP)) store.addIndex(POD_BY_IP, 'Pod', (obj) => ((obj as Pod).status?.podIP ? [(obj as Pod).status!.podIP!] : []));
    for (const ns of store.list('Namespace')) this.#namespaces.add(ns.metadata.name ?? '');
    this.#unwatch = store.watch((event) => this.#onEvent(event), ['Service', 'EndpointSlice', 'Pod', 'Namespace']);
  }

  service(namespace: string, name: string): DnsService | undefined {
    let byName = this.#serviceMemo.get(namespace);
    if (!byName) {
      byName = new Map();
      this.#serviceMemo.set(namespace, byName);
    }
    let view = byName.get(name);
    if (view === undefined) {
      const svc = this.#store.get<Service>('Service', namespace, name);
      view = svc ? this.#service(svc) : null;
      byName.set(name, view);
    }
    return view ?? undefined;
  }

  servicesByIP(ip: string): DnsService[] {
    return this.#store.byIndex<Service>(SERVICE_BY_IP, ip).map((s) => this.#service(s));
  }

  endpointsOf(namespace: string, service: string): readonly DnsEndpoints[] {
    let byName = this.#endpointsMemo.get(namespace);
    if (!byName) {
      byName = new Map();
      this.#endpointsMemo.set(namespace, byName);
    }
    let views = byName.get(service);
    if (!views) {
      views = Object.freeze(this.#slices(this.#store.byIndex<EndpointSlice>(SLICE_BY_SERVICE, `${namespace}/${service}`)));
      byName.set(service, views);
    }
    return views;
  }

  endpointsByIP(ip: string): DnsEndpoints[] {
    return this.#slices(this.#store.byIndex<EndpointSlice>(SLICE_BY_IP, ip));
  }

  podsByIP(ip: string): DnsPod[] {
    const out: DnsPod[] = [];
    for (const pod of this.#store.byIndex<Pod>(POD_BY_IP, ip)) {
      let view = this.#pods.get(pod);
      if (view === undefined) {
        view = toDnsPod(pod) ?? null;
        this.#pods.set(pod, view);
      }
      if (view) out.push(view);
    }
    return out;
  }

  namespaceExists(namespace: string): boolean {
    return this.#namespaces.has(namespace);
  }

  services(): DnsService[] {
    return this.#store.list<Service>('Service').map((s) => this.#service(s));
  }

  epoch(): number {
    return this.#epoch;
  }

  modified(): number {
    return this.#modified;
  }

  onServiceChange(listener: (namespace: string, name: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops watching the store (the indexes stay: they are shared by name). */
  dispose(): void {
    this.#unwatch();
  }

  #service(svc: Service): DnsService {
    let view = this.#services.get(svc);
    if (!view) {
      view = toDnsService(svc);
      this.#services.set(svc, view);
    }
    return view;
  }

  #slices(slices: EndpointSlice[]): DnsEndpoints[] {
    const out: DnsEndpoints[] = [];
    for (const slice of slices) {
      let view = this.#endpoints.get(slice);
      if (view === undefined) {
        view = toDnsEndpoints(slice) ?? null;
        this.#endpoints.set(slice, view);
      }
      if (view) out.push(view);
    }
    return out;
  }

  #onEvent(event: WatchEvent): void {
    this.#epoch++;
    const obj = event.object;
    if (obj.kind === 'Service') {
      if (this.#serviceMemo.size > 0) this.#serviceMemo.clear();
    } else if (obj.kind === 'EndpointSlice') {
      if (this.#endpointsMemo.size > 0) this.#endpointsMemo.clear();
    }
    if (obj.kind === 'Namespace') {
      if (event.type === 'DELETED') this.#namespaces.delete(obj.metadata.name ?? '');
      else this.#namespaces.add(obj.metadata.name ?? '');
    }
    // dnsControl bumps `modified` (the SOA serial) on adds, deletes and updates that change
    // what the zone holds; namespaces are watched for existence only.
    if (obj.kind !== 'Namespace') this.#modified = Math.floor(this.#clock.now() / 1000);
    const ns = obj.metadata.namespace ?? '';
    if (obj.kind === 'Service') this.#emit(ns, obj.metadata.name ?? '');
    else if (obj.kind === 'EndpointSlice') {
      const name = obj.metadata.labels?.[SERVICE_NAME_LABEL];
      if (name) this.#emit(ns, name);
      const old = event.oldObject?.metadata.labels?.[SERVICE_NAME_LABEL];
      if (old && old !== name) this.#emit(ns, old);
    }
  }

  #emit(namespace: string, name: string): void {
    for (const listener of this.#listeners) listener(namespace, name);
  }
}
