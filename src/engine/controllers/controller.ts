/**
 * The contract every simulated controller meets (cf. kube-controller-manager's controllers, the
 * scheduler and the kubelet's pod workers): watch handlers only enqueue keys; the work happens in
 * an idempotent `sync(key)` drained by `processQueue()`. The ControllerManager runs them round-robin
 * until none has work, so one user action settles into a quiet, deterministic cluster state.
 */

/** A controller the ControllerManager can drive. */
export interface Controller {
  /** Stable name, used in reports (`endpoints-controller`, `kubelet`, …). */
  readonly name: string;
  /** True when keys are waiting in the work queue. */
  hasWork(): boolean;
  /** Syncs the keys queued when called (keys queued meanwhile wait for the next call); returns how many were synced. */
  processQueue(): number;
}

/** A sync that threw: recorded, not retried (a deterministic simulator would only fail the same way again). */
export interface SyncFailure {
  controller: string;
  key: string;
  error: string;
}
