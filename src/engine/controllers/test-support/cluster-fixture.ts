/**
 * Test support: a store with the course's three Nodes, and builders for already-defaulted
 * Services and Pods (as admission would store them), so controller tests can create objects
 * straight in the ObjectStore.
 */

import type { Pod, PodCondition, Service, ServicePort, ServiceSpec } from '../../../shared/api-types';
import { DEFAULT_CLUSTER_CONFIG, type ClusterConfig } from '../../../shared/cluster-config';
import { createRandom, type Random } from '../../random';
import { ObjectStore } from '../../store/object-store';
import { TimerQueue, VirtualClock } from '../../virtual-clock';
import { DEFAULT_WORLD } from '../../world/world';
import { ControllerManager } from '../controller-manager';
import type { Controller } from '../controller';
import { createNodes } from '../nodes';

/** A store with Nodes, a clock, timers and a manager. */
export interface ClusterFixture {
  clock: VirtualClock;
  timers: TimerQueue;
  random: Random;
  store: ObjectStore;
  config: ClusterConfig;
  manager: ControllerManager;
  /** Runs the controllers until quiet; throws on a sync failure or a loop. */
  settle(): void;
  /** Advances virtual time by `ms`, firing due timers step by step and settling after each. */
  advance(ms: number): void;
}

/** Builds a fresh cluster fixture (Nodes created, no controllers yet). */
export function clusterFixture(overrides: Partial<ClusterConfig> = {}): ClusterFixture {
  const config: ClusterConfig = { ...DEFAULT_CLUSTER_CONFIG, ...overrides };
  const clock = new VirtualClock(config.startTime);
  const random = createRandom(config.seed);
  const store = new ObjectStore({ clock, random });
  const timers = new TimerQueue();
  for (const node of createNodes(DEFAULT_WORLD, clock, { config })) store.create(node);
  const manager = new ControllerManager();
  const settle = (): void => {
    const report = manager.runUntilQuiet();
    if (!report.converged) throw new Error(`controllers did not converge: ${report.busy.join(', ')}`);
    if (report.failures.length > 0) throw new Error(`sync failures: ${JSON.stringify(report.failures)}`);
  };
  const advance = (ms: number): void => {
    const end = clock.now() + ms;
    settle();
    for (;;) {
      const due = timers.nextDue();
      if (due === undefined || due > end) break;
      clock.advanceTo(due);
      timers.runDue(due);
      settle();
    }
    clock.advanceTo(end);
    settle();
  };
  return { clock, timers, random, store, config, manager, settle, advance };
}

/** Registers controllers with the fixture's manager and returns them. */
export function withControllers<T extends Controller[]>(fx: ClusterFixture, ...controllers: T): T {
  for (const c of controllers) fx.manager.add(c);
  return controllers;
}

let nextIP = 10;

/** A Service as admission stores it: type, protocols, targetPorts, cluster IPs and families defaulted. */
export function svc(name: string, spec: Partial<ServiceSpec> & { ports?: Partial<ServicePort>[] }, meta: { namespace?: string; labels?: Record<string, string> } = {}): Service {
  const type = spec.type ?? 'ClusterIP';
  const ports: ServicePort[] = (spec.ports ?? []).map((p) => ({ ...p, protocol: p.protocol ?? 'TCP', port: p.port!, targetPort: p.targetPort ?? p.port! }));
  const headless = spec.clusterIP === 'None';
  const clusterIP = type === 'ExternalName' ? undefined : (spec.clusterIP ?? `10.96.0.${nextIP++}`);
  const out: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: meta.namespace ?? 'default', ...(meta.labels ? { labels: meta.labels } : {}) },
    spec: {
      ...spec,
      type,
      ports,
      sessionAffinity: spec.sessionAffinity ?? 'None',
      ...(type === 'ExternalName'
        ? {}
        : {
            clusterIP,
            clusterIPs: spec.clusterIPs ?? [clusterIP!],
            ipFamilies: spec.ipFamilies ?? ['IPv4'],
            ipFamilyPolicy: spec.ipFamilyPolicy ?? 'SingleStack',
            internalTrafficPolicy: spec.internalTrafficPolicy ?? 'Cluster',
          }),
    },
    status: { loadBalancer: {} },
  };
  if (headless) out.spec.clusterIPs = ['None'];
  return out;
}

/** A Pod as admission stores it (not yet scheduled). */
export function pendingPod(name: string, labels: Record<string, string> = {}, spec: Partial<Pod['spec']> = {}, namespace = 'default'): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: {
      containers: [{ name: 'container', image: 'kubetm/app' }],
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      ...spec,
    },
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  };
}

/** A Pod already running on a node with an IP (for controller tests that need no kubelet). */
export function runningPod(
  name: string,
  ip: string,
  labels: Record<string, string> = {},
  opts: { ready?: boolean; node?: string; spec?: Partial<Pod['spec']>; namespace?: string; readySince?: string; ipv6?: string } = {},
): Pod {
  const p = pendingPod(name, labels, { nodeName: opts.node ?? 'node1', ...opts.spec }, opts.namespace);
  const ready = opts.ready ?? true;
  const t = opts.readySince ?? '2026-03-02T09:00:02Z';
  const cond = (type: PodCondition['type'], status: boolean): PodCondition => ({ type, status: status ? 'True' : 'False', lastTransitionTime: t });
  p.status = {
    phase: 'Running',
    conditions: [cond('PodReadyToStartContainers', true), cond('Initialized', true), cond('Ready', ready), cond('ContainersReady', ready), cond('PodScheduled', true)],
    hostIP: '192.168.0.31',
    podIP: ip,
    podIPs: [{ ip }, ...(opts.ipv6 ? [{ ip: opts.ipv6 }] : [])],
    qosClass: 'BestEffort',
  };
  return p;
}
