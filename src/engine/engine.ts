/**
 * createEngine: composes the simulated cluster — API server (admission), store, controllers,
 * kube-proxy and the DNS stack — bootstraps it as `kubeadm init` + two joined workers would leave
 * it, and exposes the synchronous API hosts drive. Virtual time only moves when a host calls
 * `advance` or `settle`.
 */

import type { ConfigMap, KubeObject, Pod } from '../shared/api-types';
import { DEFAULT_CLUSTER_CONFIG, type ClusterConfig } from '../shared/cluster-config';
import type { DnsTableRow, RRType } from '../shared/dns-types';
import type { LookupResult, ObjectChange, ObjectRef } from '../shared/engine-protocol';
import type { ApplyReport } from '../shared/field-error-types';
import { ApiServer } from './admission/api-server';
import { bootstrapCluster, COREDNS_CONFIGMAP, DNS_SERVICE_IP_OFFSET } from './bootstrap';
import { ControllerManager, type SettleReport } from './controllers/controller-manager';
import { EndpointsController } from './controllers/endpoints-controller';
import { EndpointSliceController } from './controllers/endpointslice-controller';
import { EndpointSliceMirroringController } from './controllers/endpointslice-mirroring-controller';
import { GarbageCollector } from './controllers/garbage-collector';
import { Kubelet } from './controllers/kubelet';
import { Scheduler } from './controllers/scheduler';
import { ServiceLoadBalancerController } from './controllers/service-lb-controller';
import { createDnsStack, type DnsStack } from './dns/dns-stack';
import { applyManifest } from './manifest/apply-manifest';
import { deleteManifest } from './manifest/delete-manifest';
import { cidrAddress, parseCidr } from './net/ip-address';
import { KubeProxy } from './network/kube-proxy';
import { parseRequestUrl, requestFromPod, type PodRequestResult } from './request-path';
import { createRandom, type Random } from './random';
import { matches, parseSelector } from './store/label-selector';
import { ObjectStore } from './store/object-store';
import { TimerQueue, VirtualClock } from './virtual-clock';
import { DEFAULT_WORLD, type World } from './world/world';

/** How long before `config.startTime` the cluster was set up (so kube-system objects show an AGE). */
const BOOTSTRAP_AGE_MS = 3 * 24 * 3600 * 1000;
/** `settle()` stops after this much virtual time even if timers keep coming (periodic work). */
const SETTLE_LIMIT_MS = 10 * 60 * 1000;

export type ChangeListener = (payload: { resourceVersion: string; now: number; changes: ObjectChange[] }) => void;

/** The engine's API. Every method is synchronous and never throws for user input. */
export interface Engine {
  readonly config: ClusterConfig;
  readonly world: World;
  /** Read access to cluster state (the shell layer and views read through it; writes go through apply). */
  readonly store: ObjectStore;
  readonly api: ApiServer;
  readonly dns: DnsStack;
  readonly kubeProxy: KubeProxy;
  readonly kubelet: Kubelet;
  readonly clock: VirtualClock;
  /** Virtual ms since the epoch. */
  now(): number;
  /** `kubectl apply -f` of multi-document YAML text. */
  apply(text: string, options?: { fileName?: string }): ApplyReport;
  /** `kubectl delete -f` of multi-document YAML text. */
  deleteManifest(text: string, options?: { fileName?: string }): ApplyReport;
  /** Objects of a kind, optionally in one namespace and matching a `-l` selector. */
  list(kind: string, namespace?: string, labelSelector?: string): { items: KubeObject[] } | { error: string };
  /** Lets `ms` of virtual time pass: kubelet stages, probes, CoreDNS reloads, cache expiry. */
  advance(ms: number): void;
  /** Runs until nothing more is due soon (as a person waits for pods to start). */
  settle(): void;
  /** Every record the cluster DNS serves, with zone and owner. */
  dnsTable(): DnsTableRow[];
  /** Resolves `name` from inside `pod` through its resolv.conf (search list, ndots:5). */
  lookup(pod: ObjectRef, name: string, type: RRType): LookupResult | { error: string };
  /** An HTTP request from inside `pod` (`curl URL`): resolve, kube-proxy, server — one trace. */
  request(pod: ObjectRef, url: string): PodRequestResult | { error: string };
  /** Subscribes to batched object changes (one call per apply / advance / settle). */
  onChange(listener: ChangeListener): () => void;
  /** The last controller-manager run (loops and sync failures are reported, not thrown). */
  lastSettleReport(): SettleReport | undefined;
}

/** The report for input that is not text at all (a host bug or a bad message), instead of a throw. */
const notText = (): ApplyReport => ({ outcomes: [], messages: [{ severity: 'error', message: 'nothing to apply: the manifest is not text' }] });

/** How the engine runs (not what it simulates). */
export interface EngineOptions {
  /** Deep-freeze stored objects to catch accidental mutation (default true; hosts pass false for speed). */
  freezeObjects?: boolean;
}

/** Builds a cluster. The same config (seed included) always yields the same cluster. */
export function createEngine(overrides: Partial<ClusterConfig> = {}, world: World = DEFAULT_WORLD, options: EngineOptions = {}): Engine {
  const config: ClusterConfig = {
    ...DEFAULT_CLUSTER_CONFIG,
    ...overrides,
    dns: { ...DEFAULT_CLUSTER_CONFIG.dns, ...overrides.dns },
    nodePortRange: { ...DEFAULT_CLUSTER_CONFIG.nodePortRange, ...overrides.nodePortRange },
  };
  const clock = new VirtualClock(config.startTime - BOOTSTRAP_AGE_MS);
  const random: Random = createRandom(config.seed);
  const timers = new TimerQueue();
  const store = new ObjectStore({ clock, random, freeze: options.freezeObjects });
  const api = new ApiServer({ store, config, random, clock });

  const pending: ObjectChange[] = [];
  const listeners = new Set<ChangeListener>();
  store.watch((event) => {
    const m = event.object.metadata;
    // The stored object rides along (shared, never mutated), so views update by diff without a second lookup.
    pending.push({
      type: event.type,
      kind: event.object.kind,
      namespace: m.namespace,
      name: m.name ?? '',
      resourceVersion: m.resourceVersion ?? store.resourceVersion,
      ...(event.type === 'DELETED' ? {} : { object: event.object }),
    });
  });

  const serviceCidr = parseCidr(config.serviceCIDR);
  if (!serviceCidr) throw new Error(`invalid serviceCIDR ${config.serviceCIDR}`);
  // kubeadm: the kubernetes Service takes the range's first address, kube-dns the tenth.
  const dnsServiceIP = cidrAddress(serviceCidr, DNS_SERVICE_IP_OFFSET);

  const kubelet = new Kubelet({ store, clock, timers, random, config });
  const controllers = new ControllerManager([
    new Scheduler({ store, clock }),
    kubelet,
    new EndpointsController({ store }),
    new EndpointSliceController({ store, random }),
    new EndpointSliceMirroringController({ store, random }),
    new ServiceLoadBalancerController({ store, config, random }),
    new GarbageCollector({ store }),
  ]);
  const corefile = bootstrapCluster({ store, api, clock, config, world, dnsServiceIP });
  const dns = createDnsStack({ store, clock, random, world, clusterDomain: config.clusterDomain, dnsServiceIP, corefile });
  const kubeProxy = new KubeProxy({ store, world, config });

  // The coredns ConfigMap is mounted into the CoreDNS pods; its `reload` plugin notices a change
  // within its polling interval and swaps the config in (or keeps the old one on a parse error).
  store.watch((event) => {
    if (event.type !== 'MODIFIED' && event.type !== 'ADDED') return;
    const m = event.object.metadata;
    if (m.namespace !== COREDNS_CONFIGMAP.namespace || m.name !== COREDNS_CONFIGMAP.name) return;
    const text = (event.object as ConfigMap).data?.Corefile;
    if (text === undefined) return;
    const timing = dns.coredns.reloadTiming();
    if (!timing) {
      dns.coredns.reload(text); // records it as pending until a restart
      return;
    }
    timers.schedule(clock.now() + timing.intervalMs, () => dns.coredns.reload(text));
  }, ['ConfigMap']);

  let lastReport: SettleReport | undefined;
  const reconcile = (): void => {
    lastReport = controllers.runUntilQuiet();
  };
  const runUntil = (target: number): void => {
    reconcile();
    for (let next = timers.nextDue(); next !== undefined && next <= target; next = timers.nextDue()) {
      clock.advanceTo(next);
      timers.runDue(next);
      reconcile();
    }
    clock.advanceTo(target);
  };
  const settle = (): void => {
    const limit = clock.now() + SETTLE_LIMIT_MS;
    reconcile();
    for (let next = timers.nextDue(); next !== undefined && next <= limit; next = timers.nextDue()) runUntil(next);
  };
  const flush = (): void => {
    if (pending.length === 0) return;
    const payload = { resourceVersion: store.resourceVersion, now: clock.now(), changes: pending.splice(0) };
    for (const listener of listeners) listener(payload);
  };

  // The cluster was set up three days before class starts; let it come up, then move to "now".
  settle();
  runUntil(config.startTime);
  pending.length = 0;

  const runningPod = (ref: ObjectRef): { pod: Pod; error?: undefined } | { error: string } => {
    const pod = store.get<Pod>('Pod', ref.namespace ?? 'default', ref.name);
    if (!pod) return { error: `pods "${ref.name}" not found` };
    if (pod.status?.phase !== 'Running' || !pod.status.podIP) return { error: `pod ${ref.name} is not running (phase ${pod.status?.phase ?? 'Pending'})` };
    return { pod };
  };

  const engine: Engine = {
    config,
    world,
    store,
    api,
    dns,
    kubeProxy,
    kubelet,
    clock,
    now: () => clock.now(),
    apply(text, options = {}) {
      if (typeof text !== 'string') return notText();
      const report = applyManifest(text, api, { source: options.fileName });
      reconcile();
      flush();
      return report;
    },
    deleteManifest(text, options = {}) {
      if (typeof text !== 'string') return notText();
      const report = deleteManifest(text, api, { source: options.fileName });
      reconcile();
      flush();
      return report;
    },
    list(kind, namespace, labelSelector) {
      const selector = labelSelector ? parseSelector(labelSelector) : [];
      if ('error' in selector) return { error: selector.error };
      const items = store.list(kind, namespace);
      return { items: selector.length ? items.filter((o) => matches(selector, o.metadata.labels)) : items };
    },
    advance(ms) {
      if (!(ms > 0)) return;
      runUntil(clock.now() + ms);
      flush();
    },
    settle() {
      settle();
      flush();
    },
    dnsTable: () => dns.table.rows(),
    lookup(ref, name, type) {
      const found = runningPod(ref);
      return found.error !== undefined ? { error: found.error } : dns.resolveFromPod(found.pod, name, [type]);
    },
    request(ref, url) {
      const found = runningPod(ref);
      if (found.error !== undefined) return { error: found.error };
      const parsed = parseRequestUrl(url);
      if ('error' in parsed) return parsed;
      const result = requestFromPod({ dns, kubeProxy, world, clusterDomain: config.clusterDomain, now: clock.now() }, found.pod, parsed);
      flush();
      return result;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lastSettleReport: () => lastReport,
  };
  return engine;
}
