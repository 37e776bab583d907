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
import { cloneObject } from '../store/clone';
import { splitNamespacedName } from '../store/keys';
import type { ObjectStore, WatchEvent } from '../store/object-store';
import type { VirtualClock } from '../virtual-clock';
import { QueueController } from './queue-controller';
import { isPodTerminal } from './service-predicates';

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

/** Binds unscheduled Pods to nodes. */
export class Scheduler extends QueueController {
  readonly name = 'scheduler';
  readonly #store: ObjectStore;
  readonly #clock: VirtualClock;
  /** node → number of non-terminal Pods bound to it */
  readonly #load = new Map<string, number>();
  readonly #unschedulable = new Set<string>();

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
    const nodes = this.#store.list<Node>('Node');
    const reasons = new Map<string, number>();
    const feasible: Node[] = [];
    for (const node of nodes) {
      const reason = unfit(pod, node);
      if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      else feasible.push(node);
    }
    const next = cloneObject(pod);
    const now = this.#clock.timestamp();
    if (feasible.length === 0) {
      this.#unschedulable.add(key);
      const parts = [...reasons].map(([r, n]) => `${n} ${r}`).sort();
      const message =
        `0/${nodes.length} nodes are available` +
        (parts.length > 0 ? `: ${parts.join(', ')}.` : '.') +
        ` preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`;
      next.status = { ...(next.status ?? {}), phase: next.status?.phase ?? 'Pending', conditions: upsertCondition(next.status?.conditions, 'False', now, 'Unschedulable', message) };
      this.#store.update(next);
      return;
    }
    feasible.sort((a, b) => {
      const la = this.#load.get(a.metadata.name ?? '') ?? 0;
      const lb = this.#load.get(b.metadata.name ?? '') ?? 0;
      if (la !== lb) return la - lb;
      return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
    });
    this.#unschedulable.delete(key);
    next.spec.nodeName = feasible[0].metadata.name;
    next.status = { ...(next.status ?? {}), phase: next.status?.phase ?? 'Pending', conditions: upsertCondition(next.status?.conditions, 'True', now) };
    this.#store.update(next);
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
