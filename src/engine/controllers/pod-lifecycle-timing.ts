/**
 * How long a Pod takes through its stages, as data (virtual milliseconds after the kubelet first
 * sees the Pod bound to its node). Real clusters take about this long for a small cached image:
 * the sandbox (pause container + CNI → Pod IP) in about a second, image pull and container start
 * in another.
 */

/** Stage durations of the simulated kubelet. */
export interface PodLifecycleTiming {
  /** Binding → sandbox ready: PodReadyToStartContainers True and the Pod IP assigned. */
  sandboxReadyAfterMs: number;
  /** Binding → containers running (phase Running). Must be ≥ sandboxReadyAfterMs. */
  runningAfterMs: number;
  /** SIGTERM → exit for images that handle SIGTERM (others wait out the grace period). */
  gracefulStopMs: number;
}

/** Default timing: sandbox after 1 s, running after 2 s, graceful stop within 1 s. */
export const DEFAULT_POD_LIFECYCLE_TIMING: PodLifecycleTiming = {
  sandboxReadyAfterMs: 1000,
  runningAfterMs: 2000,
  gracefulStopMs: 1000,
};
