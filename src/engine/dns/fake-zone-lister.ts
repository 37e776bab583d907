/**
 * A ZoneLister over plain object lists, for tests that want DNS without a store. Lookups scan
 * (test clusters are tiny); conversions are the same as the store-backed lister's.
 */

import type { EndpointSlice, Namespace, Pod, Service } from '../../shared/api-types';
import type { DnsEndpoints, DnsPod, DnsService, ZoneLister } from './zone-lister';
import { toDnsEndpoints, toDnsPod, toDnsService } from './zone-lister';

/** The cluster state a FakeZoneLister serves. */
export interface FakeCluster {
  namespaces?: string[];
  services?: Service[];
  endpointSlices?: EndpointSlice[];
  pods?: Pod[];
  /** SOA serial (unix seconds). */
  modified?: number;
}

/** ZoneLister over fixed lists; `set` replaces the state and bumps the epoch. */
export class FakeZoneLister implements ZoneLister {
  #services: DnsService[] = [];
  #endpoints: DnsEndpoints[] = [];
  #pods: DnsPod[] = [];
  #namespaces = new Set<string>();
  #epoch = 0;
  #modified = 0;
  #listeners = new Set<(namespace: string, name: string) => void>();

  constructor(cluster: FakeCluster = {}) {
    this.set(cluster);
  }

  set(cluster: FakeCluster): void {
    this.#services = (cluster.services ?? []).map(toDnsService).sort((a, b) => (a.namespace + '/' + a.name < b.namespace + '/' + b.name ? -1 : 1));
    this.#endpoints = (cluster.endpointSlices ?? []).flatMap((s) => toDnsEndpoints(s) ?? []).sort((a, b) => (a.name < b.name ? -1 : 1));
    this.#pods = (cluster.pods ?? []).flatMap((p) => toDnsPod(p) ?? []);
    this.#namespaces = new Set(cluster.namespaces ?? ['default', 'kube-system']);
    this.#modified = cluster.modified ?? 0;
    this.#epoch++;
    for (const svc of this.#services) for (const l of this.#listeners) l(svc.namespace, svc.name);
  }

  service(namespace: string, name: string): DnsService | undefined {
    return this.#services.find((s) => s.namespace === namespace && s.name === name);
  }
  servicesByIP(ip: string): DnsService[] {
    return this.#services.filter((s) => s.clusterIPs.includes(ip));
  }
  endpointsOf(namespace: string, service: string): readonly DnsEndpoints[] {
    return this.#endpoints.filter((e) => e.namespace === namespace && e.service === service);
  }
  endpointsByIP(ip: string): DnsEndpoints[] {
    return this.#endpoints.filter((e) => e.addresses.some((a) => a.ip === ip));
  }
  podsByIP(ip: string): DnsPod[] {
    return this.#pods.filter((p) => p.podIP === ip);
  }
  namespaceExists(namespace: string): boolean {
    return this.#namespaces.has(namespace);
  }
  services(): DnsService[] {
    return this.#services.slice();
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
}

/** A Namespace object, for building fake clusters. */
export function namespaceObject(name: string): Namespace {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}
