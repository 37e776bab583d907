/**
 * The kubelets of all nodes, as one controller (pkg/kubelet: pod workers, status manager, prober).
 * For every Pod bound to an existing Node it drives the status a real kubelet posts:
 *
 *   bound ──► Pending, containers waiting `ContainerCreating`, hostIP, startTime,
 *             PodReadyToStartContainers False, Ready/ContainersReady False (ContainersNotReady)
 *   +1 s  ──► sandbox up: PodReadyToStartContainers True, podIP/podIPs (pod-ip-allocator.ts)
 *   +2 s  ──► Running, containers running (containerID, resolved image and imageID), service
 *             env recorded; Ready at once, or when the readiness probe passes (readiness-probe.ts)
 *
 * Stage times are data (PodLifecycleTiming) on virtual time: the kubelet schedules a TimerQueue
 * entry for the next stage, and the entry only re-queues the Pod; `sync` recomputes the whole
 * status from the stage times, so it is idempotent and every timestamp is exact whatever steps
 * the host advances time by. Condition lastTransitionTimes are kept while a status is unchanged.
 *
 * Deletion: when a Pod gets metadata.deletionTimestamp (graceful delete), its containers get
 * SIGTERM; images that handle it stop within gracefulStopMs, the others (a Node.js PID 1 such as
 * kubetm/app) are killed when the grace period ends; then the kubelet removes the Pod object. If
 * the Pod object is removed outright, the kubelet just tears the sandbox down. Either way the Pod
 * IP is released (and, Calico-style, not reused at once).
 *
 * The service environment is not stored on the Pod (a real `kubectl get pod -o yaml` shows none of
 * it): `containerEnvironment(uid, container)` returns what `env` would print in the container.
 */

import type { ContainerStatus, Node, Pod, PodCondition, PodStatus, Service } from '../../shared/api-types';
import type { ClusterConfig } from '../../shared/cluster-config';
import { canonicalImage, imageID, imageProfile } from '../network/images';
import type { Random } from '../random';
import { reuseIdentical } from '../store/clone';
import { splitNamespacedName } from '../store/keys';
import type { ObjectStore, WatchEvent } from '../store/object-store';
import type { TimerQueue, VirtualClock } from '../virtual-clock';
import { ensureControllerIndexes } from './indexes';
import { DEFAULT_POD_LIFECYCLE_TIMING, type PodLifecycleTiming } from './pod-lifecycle-timing';
import { PodIpAllocator } from './pod-ip-allocator';
import { podKernelHostname } from './pod-hostname';
import { evaluateProbe, readinessTimeMs, type ProbeVerdict } from './readiness-probe';
import { QueueController } from './queue-controller';
import { MASTER_SERVICE_NAMESPACE, serviceEnvironment } from './service-env';
import { isPodTerminal } from './service-predicates';
import { ServiceSnapshots } from './service-snapshots';
import { timestampAt } from './timestamps';

export { podDomain, podFqdn, podHostname, podKernelHostname } from './pod-hostname';

/** What the kubelet needs. */
export interface KubeletConfig {
  store: ObjectStore;
  clock: VirtualClock;
  timers: TimerQueue;
  /** The engine's seeded randomness; the kubelet forks streams for Pod IPs and container IDs. */
  random: Random;
  config: Pick<ClusterConfig, 'podCIDR' | 'podCIDRv6' | 'clusterDomain'>;
  timing?: PodLifecycleTiming;
}

interface ContainerRuntime {
  id: string;
  /** Virtual ms at which the container becomes ready; null = never (failing probe). */
  readyAt: number | null;
  probe?: ProbeVerdict;
  /** The Services visible when it started: [pod namespace, master service namespace]. */
  services: readonly (readonly Service[])[];
}

interface PodRuntime {
  uid: string;
  key: string;
  node: string;
  boundAt: number;
  sandboxAt: number;
  runningAt: number;
  ips?: string[];
  /** Set once the containers have started. */
  containers?: Map<string, ContainerRuntime>;
  stopAt?: number;
  /** Due times already scheduled for this Pod (a handful at most). */
  scheduled: number[];
}

/** A container's recorded start state, for the shell layer. */
export interface ContainerRecord {
  podUid: string;
  container: string;
  containerID: string;
  /** Readiness probe verdict, when the container has one. */
  readiness?: ProbeVerdict;
}

/** Simulated kubelets: Pod lifecycle, Pod IPs, readiness and service env. */
export class Kubelet extends QueueController {
  readonly name = 'kubelet';
  readonly #store: ObjectStore;
  readonly #clock: VirtualClock;
  readonly #timers: TimerQueue;
  readonly #timing: PodLifecycleTiming;
  readonly #clusterDomain: string;
  readonly #ips: PodIpAllocator;
  readonly #containerIds: Random;
  readonly #snapshots: ServiceSnapshots;
  /** by `namespace/name` */
  readonly #pods = new Map<string, PodRuntime>();
  /** uid → key, for lookups by Pod UID */
  readonly #byUid = new Map<string, string>();
  /** due time → keys to queue then: one timer per instant, however many Pods reach a stage at it. */
  readonly #dueKeys = new Map<number, string[]>();
  readonly #nodeIPs = new WeakMap<Node, string | null>();
  #writing = false;

  constructor(config: KubeletConfig) {
    super();
    this.#store = config.store;
    this.#clock = config.clock;
    this.#timers = config.timers;
    this.#timing = config.timing ?? DEFAULT_POD_LIFECYCLE_TIMING;
    this.#clusterDomain = config.config.clusterDomain;
    this.#ips = new PodIpAllocator(config.config, config.random.fork('kubelet/pod-ips'));
    this.#containerIds = config.random.fork('kubelet/container-ids');
    ensureControllerIndexes(this.#store);
    this.#snapshots = new ServiceSnapshots(this.#store);
    this.#store.watch((e) => this.#onEvent(e), ['Pod', 'Node']);
    for (const pod of this.#store.list<Pod>('Pod')) this.queue.add(keyOf(pod));
  }

  /** The Pod IP allocator (blocks per node, for the topology view). */
  get podIps(): PodIpAllocator {
    return this.#ips;
  }

  /**
   * What `env` prints in a started container: PATH, HOSTNAME, HOME, the service variables of the
   * Services that existed at its start, and the container's literal `env` entries (which win).
   * Undefined until the container has started.
   */
  containerEnvironment(podUid: string, containerName?: string): Record<string, string> | undefined {
    const key = this.#byUid.get(podUid);
    const rt = key ? this.#pods.get(key) : undefined;
    const pod = key ? this.#store.get<Pod>('Pod', splitNamespacedName(key).namespace, splitNamespacedName(key).name) : undefined;
    if (!rt?.containers || !pod || pod.metadata.uid !== podUid) return undefined;
    const container = pod.spec.containers.find((c) => c.name === (containerName ?? pod.spec.containers[0]?.name));
    const recorded = container ? rt.containers.get(container.name) : undefined;
    if (!container || !recorded) return undefined;
    const env: Record<string, string> = {
      PATH: imageProfile(container.image).path,
      HOSTNAME: podKernelHostname(pod, this.#clusterDomain),
    };
    Object.assign(env, serviceEnvironment(pod, recorded.services.flat()));
    for (const e of container.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
    if (!('HOME' in env)) env.HOME = '/root';
    return env;
  }

  /** Recorded facts about a started container (container ID, readiness verdict). */
  containerRecord(podUid: string, containerName: string): ContainerRecord | undefined {
    const key = this.#byUid.get(podUid);
    const c = key ? this.#pods.get(key)?.containers?.get(containerName) : undefined;
    return c ? { podUid, container: containerName, containerID: `containerd://${c.id}`, ...(c.probe ? { readiness: c.probe } : {}) } : undefined;
  }

  #onEvent(e: WatchEvent): void {
    if (e.object.kind === 'Pod') {
      if (!this.#writing) this.queue.add(keyOf(e.object as Pod));
    } else if (e.type !== 'MODIFIED') {
      // A node (re)appearing or vanishing: its Pods start, or stop being served.
      for (const [key, rt] of this.#pods) if (rt.node === e.object.metadata.name) this.queue.add(key);
      if (e.type === 'ADDED') for (const pod of this.#store.list<Pod>('Pod')) if (pod.spec.nodeName === e.object.metadata.name) this.queue.add(keyOf(pod));
    }
  }

  protected sync(key: string): void {
    const { namespace, name } = splitNamespacedName(key);
    const pod = this.#store.get<Pod>('Pod', namespace, name);
    let rt = this.#pods.get(key);
    if (rt && (!pod || pod.metadata.uid !== rt.uid)) {
      this.#teardown(rt);
      rt = undefined;
    }
    if (!pod || !pod.spec.nodeName || isPodTerminal(pod)) return;
    const node = this.#store.get<Node>('Node', undefined, pod.spec.nodeName);
    if (!node) return; // No kubelet runs there: the Pod stays Pending.
    const hostIP = this.#nodeIP(node) ?? undefined;
    const now = this.#clock.now();
    if (!rt) {
      rt = this.#adopt(pod, now) ?? {
        uid: pod.metadata.uid ?? '',
        key,
        node: pod.spec.nodeName,
        boundAt: now,
        sandboxAt: now + this.#timing.sandboxReadyAfterMs,
        runningAt: now + Math.max(this.#timing.runningAfterMs, this.#timing.sandboxReadyAfterMs),
        scheduled: [],
      };
      this.#pods.set(key, rt);
      this.#byUid.set(rt.uid, key);
    }

    if (pod.metadata.deletionTimestamp) {
      if (rt.stopAt === undefined) rt.stopAt = now + this.#stopDelayMs(pod, rt, now);
      if (now >= rt.stopAt) {
        this.#teardown(rt);
        this.#writing = true;
        try {
          this.#store.delete('Pod', namespace, name);
        } finally {
          this.#writing = false;
        }
        return;
      }
      this.#schedule(rt, rt.stopAt);
    }

    if (now >= rt.sandboxAt && !rt.ips) rt.ips = pod.spec.hostNetwork ? (hostIP ? [hostIP] : []) : this.#ips.allocate(rt.node).ips;
    if (now >= rt.runningAt && !rt.containers) rt.containers = this.#startContainers(pod, rt);

    // The spec and metadata are shared with the stored Pod (stored objects are never mutated):
    // only the status is new, so a write copies nothing it does not change.
    const next: Pod = { ...pod, status: this.#buildStatus(pod, rt, now, hostIP) };
    this.#writing = true;
    try {
      this.#store.update(next);
    } finally {
      this.#writing = false;
    }

    if (rt.sandboxAt > now) this.#schedule(rt, rt.sandboxAt);
    if (rt.runningAt > now) this.#schedule(rt, rt.runningAt);
    if (rt.containers) for (const c of rt.containers.values()) if ((c.readyAt ?? -1) > now) this.#schedule(rt, c.readyAt!);
  }

  /**
   * A Pod already Running with an IP when this kubelet first sees it (bootstrap objects such as
   * CoreDNS, or a restored snapshot) is adopted as it is: its IPs are reserved, its container IDs
   * kept, its stage times taken from its status, and its env snapshot taken now.
   */
  #adopt(pod: Pod, now: number): PodRuntime | undefined {
    const status = pod.status;
    if (status?.phase !== 'Running' || !status.podIP) return undefined;
    const started = Date.parse(status.startTime ?? '') || now;
    const ips = (status.podIPs ?? [{ ip: status.podIP }]).map((p) => p.ip);
    if (!pod.spec.hostNetwork) for (const ip of ips) this.#ips.reserve(pod.spec.nodeName!, ip);
    const rt: PodRuntime = {
      uid: pod.metadata.uid ?? '',
      key: keyOf(pod),
      node: pod.spec.nodeName!,
      boundAt: started,
      sandboxAt: started,
      runningAt: started,
      ips,
      scheduled: [],
    };
    rt.containers = this.#startContainers(pod, rt);
    for (const cs of status.containerStatuses ?? []) {
      const c = rt.containers.get(cs.name);
      if (!c) continue;
      if (cs.containerID) c.id = cs.containerID.replace(/^[a-z]+:\/\//, '');
      if (cs.ready && !c.probe) c.readyAt = started;
    }
    return rt;
  }

  #startContainers(pod: Pod, rt: PodRuntime): Map<string, ContainerRuntime> {
    const services = [this.#snapshots.current(pod.metadata.namespace ?? 'default'), this.#snapshots.current(MASTER_SERVICE_NAMESPACE)];
    let withIP: Pod | undefined; // the Pod as a probe sees it, built only when a container has one
    const out = new Map<string, ContainerRuntime>();
    for (const c of pod.spec.containers ?? []) {
      let id = '';
      for (let i = 0; i < 64; i++) id += HEX_DIGITS[this.#containerIds.int(16)];
      let readyAt: number | null = rt.runningAt;
      let probe: ProbeVerdict | undefined;
      if (c.readinessProbe) {
        withIP ??= { ...pod, status: { ...(pod.status ?? {}), podIP: rt.ips?.[0], podIPs: (rt.ips ?? []).map((ip) => ({ ip })) } } as Pod;
        probe = evaluateProbe(withIP, c, c.readinessProbe, this.#clusterDomain);
        readyAt = probe.ok ? readinessTimeMs(c.readinessProbe, rt.boundAt, rt.runningAt) : null;
      }
      out.set(c.name, { id, readyAt, ...(probe ? { probe } : {}), services });
    }
    return out;
  }

  #stopDelayMs(pod: Pod, rt: PodRuntime, now: number): number {
    if (now < rt.runningAt) return 0; // Nothing started yet: the sandbox goes at once.
    const grace = (pod.metadata as { deletionGracePeriodSeconds?: number }).deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    const graceMs = Math.max(0, grace) * 1000;
    const allHandle = (pod.spec.containers ?? []).every((c) => imageProfile(c.image).handlesSigterm);
    return allHandle ? Math.min(graceMs, this.#timing.gracefulStopMs) : graceMs;
  }

  #buildStatus(pod: Pod, rt: PodRuntime, now: number, hostIP: string | undefined): PodStatus {
    const old = pod.status ?? {};
    const oldConditions = old.conditions ?? [];
    const sandboxUp = now >= rt.sandboxAt;
    const started = rt.containers;
    const running = !!started && now >= rt.runningAt;
    const specContainers = pod.spec.containers ?? [];
    const containers = specContainers.length > 1 ? [...specContainers].sort(byName) : specContainers;
    let unready: string[] | undefined;
    let readyTime = -Infinity; // Math.max of no values, as before for a Pod without containers
    for (const c of specContainers) {
      const r = containerReadyAt(started, running, now, c.name);
      if (r === undefined) (unready ??= []).push(c.name);
      else readyTime = Math.max(readyTime, r);
    }
    const allReady = unready === undefined;
    if (!allReady) readyTime = now;

    const notReadyMessage = allReady ? '' : `containers with unready status: [${unready!.join(' ')}]`;
    let scheduledAt: string | undefined;
    for (const c of oldConditions) {
      if (c.type === 'PodScheduled' && c.status === 'True') {
        scheduledAt = c.lastTransitionTime;
        break;
      }
    }
    const scheduled = condition(oldConditions, 'PodScheduled', 'True', rt.boundAt);
    const conditions: PodCondition[] = [
      condition(oldConditions, 'PodReadyToStartContainers', sandboxUp ? 'True' : 'False', sandboxUp ? rt.sandboxAt : rt.boundAt),
      condition(oldConditions, 'Initialized', 'True', rt.boundAt),
      allReady ? condition(oldConditions, 'Ready', 'True', readyTime) : condition(oldConditions, 'Ready', 'False', rt.boundAt, 'ContainersNotReady', notReadyMessage),
      allReady
        ? condition(oldConditions, 'ContainersReady', 'True', readyTime)
        : condition(oldConditions, 'ContainersReady', 'False', rt.boundAt, 'ContainersNotReady', notReadyMessage),
      scheduledAt ? { ...scheduled, lastTransitionTime: scheduledAt } : scheduled,
    ];
    // Keep the stored condition objects that did not change (a write then stores only what did).
    for (let i = 0; i < conditions.length; i++) conditions[i] = reuseIdentical(findCondition(oldConditions, conditions[i].type), conditions[i]);

    const containerStatuses: ContainerStatus[] = [];
    for (const c of containers) {
      const container = running ? started.get(c.name) : undefined;
      const image = c.image ?? '';
      let s: ContainerStatus & { lastState: object };
      if (!container) {
        s = {
          image,
          imageID: '',
          lastState: {},
          name: c.name,
          ready: false,
          restartCount: 0,
          started: false,
          state: { waiting: { reason: 'ContainerCreating' } },
        };
      } else {
        s = {
          containerID: `containerd://${container.id}`,
          image: canonicalImage(image),
          imageID: imageID(image),
          lastState: {},
          name: c.name,
          ready: containerReadyAt(started, running, now, c.name) !== undefined,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: timestampAt(rt.runningAt) } },
        };
      }
      containerStatuses.push(reuseIdentical(old.containerStatuses?.find((o) => o.name === c.name), s));
    }

    const status: PodStatus & Record<string, unknown> = { phase: running ? 'Running' : 'Pending', conditions: reuseIdentical(old.conditions, conditions) };
    if (hostIP) {
      status.hostIP = hostIP;
      status.hostIPs = reuseIdentical(old.hostIPs, [{ ip: hostIP }]);
    }
    if (sandboxUp && rt.ips && rt.ips.length > 0) {
      status.podIP = rt.ips[0];
      status.podIPs = reuseIdentical(old.podIPs, rt.ips.map((ip) => ({ ip })));
    }
    status.startTime = old.startTime ?? timestampAt(rt.boundAt);
    status.containerStatuses = reuseIdentical(old.containerStatuses, containerStatuses);
    // Fields the kubelet does not own (qosClass is set by the apiserver at creation) are kept.
    const rest = old as Record<string, unknown>;
    for (const k in rest) if (!(k in status) && !KUBELET_OWNED.has(k)) status[k] = rest[k];
    return reuseIdentical(pod.status, status);
  }

  /** The node's InternalIP, remembered per stored Node object. */
  #nodeIP(node: Node): string | null {
    let ip = this.#nodeIPs.get(node);
    if (ip === undefined) {
      ip = internalIP(node) ?? null;
      this.#nodeIPs.set(node, ip);
    }
    return ip;
  }

  #schedule(rt: PodRuntime, due: number): void {
    if (rt.scheduled.includes(due)) return;
    rt.scheduled.push(due);
    // Keys are queued in the order they were scheduled, as one timer per key would queue them
    // (due is always in the future, so a batch that has fired is never appended to).
    let keys = this.#dueKeys.get(due);
    if (!keys) {
      const batch: string[] = (keys = []);
      this.#dueKeys.set(due, batch);
      this.#timers.schedule(due, () => {
        this.#dueKeys.delete(due);
        for (const key of batch) this.queue.add(key);
      });
    }
    keys.push(rt.key);
  }

  #teardown(rt: PodRuntime): void {
    for (const ip of rt.ips ?? []) this.#ips.release(ip);
    rt.ips = undefined;
    this.#pods.delete(rt.key);
    this.#byUid.delete(rt.uid);
  }
}

const HEX_DIGITS = '0123456789abcdef';

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** When a started container is ready (its readyAt), or undefined while it is not. */
function containerReadyAt(started: Map<string, ContainerRuntime> | undefined, running: boolean, now: number, name: string): number | undefined {
  if (!running) return undefined;
  const r = started!.get(name)?.readyAt;
  return r !== null && r !== undefined && now >= r ? r : undefined;
}

function findCondition(conditions: readonly PodCondition[], type: string): PodCondition | undefined {
  for (const c of conditions) if (c.type === type) return c;
  return undefined;
}

/** A Pod condition; lastTransitionTime is kept from the previous one while its status is unchanged. */
function condition(old: readonly PodCondition[], type: PodCondition['type'], status: 'True' | 'False', at: number, reason?: string, message?: string): PodCondition {
  const prev = findCondition(old, type);
  // Unchanged: the stored condition is exactly what would be built, so keep it (shared, not copied).
  if (prev && prev.status === status && prev.lastTransitionTime && builtAlike(prev, reason || undefined, message || undefined)) return prev;
  const c: PodCondition & { lastProbeTime: null } = {
    lastProbeTime: null,
    lastTransitionTime: prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : timestampAt(at),
    status,
    type,
  };
  if (message) c.message = message;
  if (reason) c.reason = reason;
  return c;
}

/**
 * True when `prev` has exactly the members `condition()` would give it, in the same order:
 * lastProbeTime (null), lastTransitionTime, status, type, then message and reason when set.
 */
function builtAlike(prev: PodCondition, reason: string | undefined, message: string | undefined): boolean {
  const p = prev as PodCondition & { lastProbeTime?: unknown };
  if (p.lastProbeTime !== null || p.message !== message || p.reason !== reason) return false;
  const keys = message ? (reason ? CONDITION_KEYS_MESSAGE_REASON : CONDITION_KEYS_MESSAGE) : reason ? CONDITION_KEYS_REASON : CONDITION_KEYS;
  let i = 0;
  for (const k in p) if (k !== keys[i++]) return false;
  return i === keys.length;
}

const CONDITION_KEYS = ['lastProbeTime', 'lastTransitionTime', 'status', 'type'];
const CONDITION_KEYS_MESSAGE = [...CONDITION_KEYS, 'message'];
const CONDITION_KEYS_REASON = [...CONDITION_KEYS, 'reason'];
const CONDITION_KEYS_MESSAGE_REASON = [...CONDITION_KEYS, 'message', 'reason'];

const KUBELET_OWNED = new Set(['phase', 'conditions', 'hostIP', 'hostIPs', 'podIP', 'podIPs', 'startTime', 'containerStatuses', 'message', 'reason']);

function internalIP(node: Node): string | undefined {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

function keyOf(pod: Pod): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}
