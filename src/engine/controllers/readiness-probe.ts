/**
 * Readiness probes (pkg/kubelet/prober/worker.go, prober.go), decided against the simulated
 * images instead of real sockets:
 *
 * - httpGet / tcpSocket: the port is a number, or a name looked up among the container's own
 *   ports (an unknown name is a probe error: never ready). The probe then needs something in the
 *   Pod listening on that port (images.ts: the image's ports, or the declared ones of an unknown
 *   image); httpGet also needs the simulated server to answer the path with 200–399 (http.ts).
 *   An unknown image's server is given the benefit of the doubt (success).
 * - exec probes are not simulated (there are no files to cat): they succeed.
 * - A failing probe keeps failing — nothing in a simulated image changes on its own.
 *
 * Timing: the kubelet's probe worker starts when the Pod is first synced and ticks every
 * periodSeconds from then; the status manager also triggers one probe as soon as the container
 * has started. A probe within initialDelaySeconds of the container's start is skipped, and
 * successThreshold consecutive successes are needed. So with the default 1 s sandbox / 2 s start,
 * `initialDelaySeconds: 5, periodSeconds: 10` makes a Pod Ready 10 s after binding.
 */

import type { Container, Pod, Probe } from '../../shared/api-types';
import { handleHttp } from '../network/http';
import { listeningPorts } from '../network/images';
import { podIPList } from './service-predicates';

/** Whether a probe would succeed against the simulated container, and why. */
export interface ProbeVerdict {
  ok: boolean;
  reason: string;
}

/** Evaluates a readiness probe of `container` in `pod` (the Pod must have its IP). */
export function evaluateProbe(pod: Pod, container: Container, probe: Probe, clusterDomain: string): ProbeVerdict {
  if (probe.exec) return { ok: true, reason: 'exec probes are not simulated; assumed to succeed' };
  const portSpec = probe.httpGet?.port ?? probe.tcpSocket?.port;
  if (portSpec === undefined) return { ok: true, reason: 'probe type not simulated; assumed to succeed' };
  let port: number | undefined;
  if (typeof portSpec === 'number') port = portSpec;
  else if (/^\d+$/.test(portSpec)) port = Number(portSpec);
  else port = (container.ports ?? []).find((p) => p.name === portSpec)?.containerPort;
  if (port === undefined) return { ok: false, reason: `port name "${portSpec}" is not a port of container "${container.name}"` };
  const listener = (pod.spec.containers ?? []).find((c) => listeningPorts(c.image, c.ports).some((l) => l.port === port && l.protocol === 'TCP'));
  if (!listener) return { ok: false, reason: `nothing listens on port ${port}: connection refused` };
  if (probe.tcpSocket) return { ok: true, reason: `port ${port} accepts connections` };
  const path = probe.httpGet?.path || '/';
  if ((probe.httpGet?.scheme ?? 'HTTP').toUpperCase() === 'HTTPS') return { ok: true, reason: 'HTTPS probes are not simulated; assumed to succeed' };
  const ip = podIPList(pod)[0] ?? '';
  const res = handleHttp({ method: 'GET', host: `${ip}:${port}`, path, headers: { 'User-Agent': 'kube-probe/1.32' } }, { ip, port, pod }, { clusterDomain });
  if (res.status === 0) return res.explain === 'unknown-server' ? { ok: true, reason: 'unknown image: assumed to answer' } : { ok: false, reason: res.note ?? 'no HTTP response' };
  if (res.status >= 200 && res.status < 400) return { ok: true, reason: `HTTP ${res.status} for ${path}` };
  return { ok: false, reason: `HTTP probe failed with statuscode: ${res.status}` };
}

/**
 * When a passing readiness probe first makes the container ready: probes run at the container's
 * start and at workerStart + n·period; those within initialDelaySeconds of the start are skipped;
 * the successThreshold-th eligible probe flips Ready.
 */
export function readinessTimeMs(probe: Probe, workerStartMs: number, containerStartMs: number): number {
  const period = Math.max(1, probe.periodSeconds ?? 10) * 1000;
  const delay = Math.max(0, probe.initialDelaySeconds ?? 0) * 1000;
  const threshold = Math.max(1, probe.successThreshold ?? 1);
  const eligible = (t: number): boolean => Math.floor((t - containerStartMs) / 1000) * 1000 >= delay;
  let count = 0;
  // The manual probe triggered when the container starts.
  if (eligible(containerStartMs)) {
    count++;
    if (count === threshold) return containerStartMs;
  }
  let n = Math.max(1, Math.ceil((containerStartMs - workerStartMs) / period));
  for (;;) {
    const tick = workerStartMs + n * period;
    if (tick > containerStartMs && eligible(tick)) {
      count++;
      if (count === threshold) return tick;
    }
    n++;
  }
}
