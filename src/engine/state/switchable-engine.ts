/**
 * An Engine whose cluster can be replaced in place (restore, undo, reset) while everyone holding
 * it — the RPC handlers, terminal sessions, the host's clock tick and its change subscription —
 * keeps the same reference. Every member reads the current engine at call time; change listeners
 * move to the new engine on a switch, and switch listeners hear about it (the host tells the views
 * to re-read everything).
 */

import type { ChangeListener, Engine } from '../engine';

/** An Engine facade with a replaceable target. */
export interface SwitchableEngine extends Engine {
  /** The engine every call goes to now. */
  readonly current: Engine;
  /** Replaces the engine; change listeners follow, switch listeners are told. */
  switchTo(next: Engine): void;
  /** Called after each switch (the host emits the `reset` event). */
  onSwitch(listener: (next: Engine) => void): () => void;
}

const SWITCHABLE = Symbol('switchable-engine');

/** `engine` itself when it is already switchable, else a facade over it. */
export function switchableEngine(engine: Engine): SwitchableEngine {
  if ((engine as Partial<Record<typeof SWITCHABLE, true>>)[SWITCHABLE]) return engine as SwitchableEngine;
  let current = engine;
  const changeListeners = new Set<ChangeListener>();
  const switchListeners = new Set<(next: Engine) => void>();
  const forward: ChangeListener = (payload) => {
    for (const listener of changeListeners) listener(payload);
  };
  let unsubscribe = current.onChange(forward);
  const facade: SwitchableEngine & { [SWITCHABLE]: true } = {
    [SWITCHABLE]: true,
    get current() {
      return current;
    },
    get config() {
      return current.config;
    },
    get world() {
      return current.world;
    },
    get store() {
      return current.store;
    },
    get api() {
      return current.api;
    },
    get dns() {
      return current.dns;
    },
    get kubeProxy() {
      return current.kubeProxy;
    },
    get kubelet() {
      return current.kubelet;
    },
    get clock() {
      return current.clock;
    },
    now: () => current.now(),
    apply: (text, options) => current.apply(text, options),
    deleteManifest: (text, options) => current.deleteManifest(text, options),
    list: (kind, namespace, labelSelector) => current.list(kind, namespace, labelSelector),
    advance: (ms) => current.advance(ms),
    settle: () => current.settle(),
    dnsTable: () => current.dnsTable(),
    lookup: (pod, name, type) => current.lookup(pod, name, type),
    request: (pod, url) => current.request(pod, url),
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    lastSettleReport: () => current.lastSettleReport(),
    switchTo(next) {
      if (next === current) return;
      unsubscribe();
      current = next;
      unsubscribe = current.onChange(forward);
      for (const listener of switchListeners) listener(next);
    },
    onSwitch(listener) {
      switchListeners.add(listener);
      return () => switchListeners.delete(listener);
    },
  };
  return facade;
}
