/**
 * kube-scheduler, reduced to the filters and score that decide placement in the course's cluster
 * (pkg/scheduler/framework/plugins): a Pending Pod without spec.nodeName (and for the default
 * scheduler) is bound to a Ready, schedulable node whose NoSchedule/NoExecute taints it tolerates
 * (so not the kubeadm control plane, unless tolerated) and whose labels match its nodeSelector.
 * Among feasible nodes the least-loaded wins — with BestEffort Pods the resource scores reduce to
 * counting Pods — and ties go to the node name (upstream breaks ties at random). A Pod that sets
 * spec.nodeName is never touched: it goes straight to that node's kubelet, taints or not.
 *
 * Binding sets spec.nodeName and the PodScheduled=True condition (the pods/binding subresource);
 * an unschedulable Pod gets PodScheduled=False/Unschedulable with the scheduler's FitError message
 * and is retried when Nodes change.
 */

import type { Node, Pod, PodCondition } from '../../shared/api-types';
import { splitNamespacedName } from '../store/keys';
import type { ObjectStore, WatchEvent } from '../store/object-store';
import type { VirtualClock } from '../virtual-clock';
import { QueueController } from './queue-controller';
import { isPodTerminal } from './service-predicates';
import { timestampAt } from './timestamps';

/** What the scheduler needs. */
export interface SchedulerConfig {
  store: ObjectStore;
  clock: VirtualClock;
}

interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
}

type Taint = { key: string; value?: string; effect: string };

interface FilterResult {
  nodes: readonly Node[];
  feasible: readonly Node[];
  reasons: ReadonlyMap<string, number>;
}

/** Binds unscheduled Pods to nodes. */
export class Scheduler extends QueueController {
  readonly name = 'scheduler';
  readonly #store: ObjectStore;
  readonly #clock: VirtualClock;
  /** node → number of non-terminal Pods bound to it */
  readonly #load = new Map<string, number>();
  readonly #unschedulable = new Set<string>();
  /** Filter results by Pod scheduling signature; dropped whenever a Node changes. */
  readonly #filtered = new Map<string, FilterResult>();

  constructor(config: SchedulerConfig) {
    super();
    this.#store = config.store;
    this.#clock = config.clock;
    for (const pod of this.#store.list<Pod>('Pod')) {
      this.#count(pod, 1);
      if (!pod.spec.nodeName) this.queue.add(keyOf(pod));
    }
    this.#store.watch((e) => this.#onEvent(e), ['Pod', 'Node']);
  }

  #onEvent(e: WatchEvent): void {
    if (e.object.kind === 'Node') {
      this.#filtered.clear();
      for (const key of this.#unschedulable) this.queue.add(key);
      return;
    }
    const pod = e.object as Pod;
    if (e.oldObject) this.#count(e.oldObject as Pod, -1);
    if (e.type !== 'DELETED') this.#count(pod, 1);
    else this.#count(pod, -1);
    if (e.type === 'DELETED') this.#unschedulable.delete(keyOf(pod));
    else if (!pod.spec.nodeName) this.queue.add(keyOf(pod));
  }

  #count(pod: Pod, delta: number): void {
    const node = pod.spec.nodeName;
    if (!node || isPodTerminal(pod)) return;
    this.#load.set(node, (this.#load.get(node) ?? 0) + delta);
  }

  protected sync(key: string): void {
    const { namespace, name } = splitNamespacedName(key);
    const pod = this.#store.get<Pod>('Pod', namespace, name);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp || isPodTerminal(pod)) {
      this.#unschedulable.delete(key);
      return;
    }
    if (pod.spec.schedulerName && pod.spec.schedulerName !== 'default-scheduler') return;
    const { nodes, feasible, reasons } = this.#filter(pod);
    const now = timestampAt(this.#clock.now());
    if (feasible.length === 0) {
      this.#unschedulable.add(key);
      const parts = [...reasons].map(([r, n]) => `${n} ${r}`).sort();
      const message =
        `0/${nodes.length} nodes are available` +
        (parts.length > 0 ? `: ${parts.join(', ')}.` : '.') +
        ` preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`;
      this.#store.update(withScheduledCondition(pod, 'False', now, 'Unschedulable', message));
      return;
    }
    // The least-loaded feasible node, ties to the lower name.
    let best = feasible[0].metadata.name ?? '';
    let bestLoad = this.#load.get(best) ?? 0;
    for (let i = 1; i < feasible.length; i++) {
      const name = feasible[i].metadata.name ?? '';
      const load = this.#load.get(name) ?? 0;
      if (load < bestLoad || (load === bestLoad && name < best)) {
        best = name;
        bestLoad = load;
      }
    }
    this.#unschedulable.delete(key);
    const next = withScheduledCondition(pod, 'True', now);
    next.spec = { ...pod.spec, nodeName: best };
    this.#store.update(next);
  }

  /**
   * The Filter phase: which Nodes could take the Pod, and why the others cannot. It depends only on
   * the Nodes and the Pod's tolerations and nodeSelector, so Pods that share those (nearly all) share
   * the answer until a Node changes.
   */
  #filter(pod: Pod): FilterResult {
    const spec = pod.spec as { tolerations?: unknown; nodeSelector?: unknown };
    const signature = spec.tolerations === undefined && spec.nodeSelector === undefined ? '' : JSON.stringify([spec.tolerations ?? null, spec.nodeSelector ?? null]);
    let result = this.#filtered.get(signature);
    if (!result) {
      const nodes = this.#store.list<Node>('Node');
      const reasons = new Map<string, number>();
      const feasible: Node[] = [];
      for (const node of nodes) {
        const reason = unfit(pod, node);
        if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        else feasible.push(node);
      }
      result = { nodes, feasible, reasons };
      if (this.#filtered.size >= 64) this.#filtered.clear();
      this.#filtered.set(signature, result);
    }
    return result;
  }
}

/** Why a node cannot take the Pod (the scheduler's per-node reason), or undefined when it can. */
function unfit(pod: Pod, node: Node): string | undefined {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const taints: Taint[] = [...(node.spec?.taints ?? [])];
  if (!ready || ready.status !== 'True') taints.push({ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' });
  if (node.spec?.unschedulable) {
    if (!tolerates(pod, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) return 'node(s) were unschedulable';
  }
  for (const t of taints) {
    if (t.effect !== 'NoSchedule' && t.effect !== 'NoExecute') continue;
    if (!tolerates(pod, t)) return `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`;
  }
  const selector = (pod.spec as { nodeSelector?: Record<string, string> }).nodeSelector;
  if (selector) for (const [k, v] of Object.entries(selector)) if (node.metadata.labels?.[k] !== v) return "node(s) didn't match Pod's node affinity/selector";
  return undefined;
}

/** v1helper.TolerationsTolerateTaint. */
function tolerates(pod: Pod, taint: Taint): boolean {
  const tolerations = ((pod.spec as { tolerations?: Toleration[] }).tolerations ?? []) as Toleration[];
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if ((t.operator ?? 'Equal') === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

/** The Pod with its PodScheduled condition set; everything but the status is shared with the stored Pod. */
function withScheduledCondition(pod: Pod, status: 'True' | 'False', now: string, reason?: string, message?: string): Pod {
  return {
    ...pod,
    status: { ...(pod.status ?? {}), phase: pod.status?.phase ?? 'Pending', conditions: upsertCondition(pod.status?.conditions, status, now, reason, message) },
  };
}

function upsertCondition(conditions: PodCondition[] | undefined, status: 'True' | 'False', now: string, reason?: string, message?: string): PodCondition[] {
  const list = (conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  const prev = (conditions ?? []).find((c) => c.type === 'PodScheduled');
  const c: PodCondition & { lastProbeTime: null } = {
    lastProbeTime: null,
    lastTransitionTime: prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : now,
    status,
    type: 'PodScheduled',
  };
  if (message) c.message = message;
  if (reason) c.reason = reason;
  list.push(c);
  return list;
}

function keyOf(pod: Pod): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}
