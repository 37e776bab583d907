/**
 * Why a Service has or lacks endpoints, key by key (pure). Follows the endpoints controller's
 * rules: ExternalName and selector-less Services get no controller-made endpoints; a pod joins
 * when every selector key matches its labels and it has an IP; it is a ready address when its
 * Ready condition is True (or the Service publishes not-ready addresses); a named targetPort is
 * looked up in each pod's container ports and a pod without it is left out of that port, while a
 * numeric targetPort is used as is (Kubernetes does not check it against containerPort).
 * Returns codes and values only; DetailsPanel turns them into Korean or English.
 */
import type { Pod, Service } from '../../../../shared/api-types';

export interface LabelCheck {
  key: string;
  want: string;
  /** The pod's value; undefined when the pod lacks the key. */
  got?: string;
  ok: boolean;
}

export type PortProblem = 'named-port-missing' | 'number-not-declared';
export interface PortCheck {
  /** The Service port, `name` or number. */
  port: string;
  targetPort: number | string;
  /** The container port it resolves to on this pod. */
  resolved?: number;
  ok: boolean;
  problem?: PortProblem;
}

export type Readiness = 'ready' | 'not-ready' | 'container-creating' | 'pending' | 'no-ip' | 'terminated' | 'terminating';
export interface PodCheck {
  pod: string;
  labels: LabelCheck[];
  selected: boolean;
  ports: PortCheck[];
  readiness: Readiness;
  /** Where the pod lands: a ready address, a not-ready one, or nowhere. */
  outcome: 'ready' | 'not-ready' | 'excluded';
}

export type Verdict = 'external-name' | 'selectorless' | 'no-pods-match' | 'no-ready-pods' | 'no-ports-resolve' | 'ok';
export interface EndpointsExplanation {
  verdict: Verdict;
  externalName?: string;
  selector: Record<string, string>;
  /** Every pod of the Service's namespace, selected ones first. */
  pods: PodCheck[];
  readyCount: number;
}

function readinessOf(pod: Pod): Readiness {
  if (pod.metadata.deletionTimestamp) return 'terminating';
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return 'terminated';
  if (pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) return pod.status?.podIP ? 'ready' : 'no-ip';
  if (!pod.spec.nodeName || !phase || phase === 'Pending') {
    const waiting = pod.status?.containerStatuses?.some((s) => s.state.waiting?.reason === 'ContainerCreating');
    return waiting || pod.spec.nodeName ? 'container-creating' : 'pending';
  }
  return pod.status?.podIP ? 'not-ready' : 'no-ip';
}

function portChecks(svc: Service, pod: Pod): PortCheck[] {
  const declared = pod.spec.containers.flatMap((c) => c.ports ?? []);
  return (svc.spec.ports ?? []).map((sp) => {
    const port = sp.name || String(sp.port);
    const targetPort = sp.targetPort ?? sp.port;
    const protocol = sp.protocol ?? 'TCP';
    if (typeof targetPort === 'string' && !/^\d+$/.test(targetPort)) {
      const found = declared.find((p) => p.name === targetPort && (p.protocol ?? 'TCP') === protocol);
      return found ? { port, targetPort, resolved: found.containerPort, ok: true } : { port, targetPort, ok: false, problem: 'named-port-missing' as const };
    }
    const n = Number(targetPort);
    const listed = declared.some((p) => p.containerPort === n);
    return listed || declared.length === 0 ? { port, targetPort: n, resolved: n, ok: true } : { port, targetPort: n, resolved: n, ok: true, problem: 'number-not-declared' as const };
  });
}

/** Explains the endpoints of `svc` given the pods of the cluster (any namespace; others are ignored). */
export function explainEndpoints(svc: Service, pods: readonly Pod[]): EndpointsExplanation {
  const selector = svc.spec.selector ?? {};
  if (svc.spec.type === 'ExternalName') return { verdict: 'external-name', externalName: svc.spec.externalName, selector, pods: [], readyCount: 0 };
  if (Object.keys(selector).length === 0) return { verdict: 'selectorless', selector, pods: [], readyCount: 0 };
  const ns = svc.metadata.namespace ?? 'default';
  const checks: PodCheck[] = pods
    .filter((p) => (p.metadata.namespace ?? 'default') === ns)
    .map((pod) => {
      const labels = Object.entries(selector).map(([key, want]) => {
        const got = pod.metadata.labels?.[key];
        return { key, want, got, ok: got === want };
      });
      const selected = labels.every((l) => l.ok);
      const ports = portChecks(svc, pod);
      const readiness = readinessOf(pod);
      const anyPort = ports.length === 0 || ports.some((p) => p.ok);
      const hasIP = readiness !== 'pending' && readiness !== 'container-creating' && readiness !== 'no-ip' && readiness !== 'terminated';
      const counted = readiness === 'ready' || (svc.spec.publishNotReadyAddresses === true && hasIP);
      const outcome = !selected || !anyPort || !hasIP ? 'excluded' : counted ? 'ready' : 'not-ready';
      return { pod: pod.metadata.name ?? '', labels, selected, ports, readiness, outcome } satisfies PodCheck;
    })
    .sort((a, b) => Number(b.selected) - Number(a.selected) || a.pod.localeCompare(b.pod));
  const selected = checks.filter((c) => c.selected);
  const readyCount = checks.filter((c) => c.outcome === 'ready').length;
  let verdict: Verdict = 'ok';
  if (selected.length === 0) verdict = 'no-pods-match';
  else if (selected.every((c) => c.ports.length > 0 && c.ports.every((p) => !p.ok))) verdict = 'no-ports-resolve';
  else if (readyCount === 0) verdict = 'no-ready-pods';
  return { verdict, selector, pods: checks, readyCount };
}

/** The DNS names a pod gets (Kubernetes DNS spec §2.4 and pod A records): dashed-IP name, and hostname.subdomain when a headless Service of that name exists. */
export function podDnsNames(pod: Pod, headlessServices: ReadonlySet<string>, clusterDomain = 'cluster.local'): string[] {
  const ns = pod.metadata.namespace ?? 'default';
  const names: string[] = [];
  const ip = pod.status?.podIP;
  if (ip) names.push(`${ip.replace(/[.:]/g, '-')}.${ns}.pod.${clusterDomain}`);
  const { hostname, subdomain } = pod.spec;
  if (hostname && subdomain && headlessServices.has(`${ns}/${subdomain}`)) names.push(`${hostname}.${subdomain}.${ns}.svc.${clusterDomain}`);
  return names;
}
