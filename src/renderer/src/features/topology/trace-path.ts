/**
 * Turns a trace's hops into segments between topology boxes (pure), for the moving dots:
 * DNS hops pod → CoreDNS → internal DNS → external DNS (cache hits marked), requests pod →
 * Service VIP → (kube-proxy) → chosen pod.
 */
import type { TraceActor, TraceHop } from '../../../../shared/dns-types';
import { COREDNS_ID, EXTERNAL_DNS_ID, INTERNAL_DNS_ID } from './topology-graph';
import type { LaidNode } from './topology-layout';

export interface TraceSegment {
  from: string;
  to: string;
  kind: 'dns' | 'dns-cache' | 'request' | 'fail';
  label: string;
}

/** The box an actor stands for, or undefined when the topology does not draw it. */
export function actorBox(actor: TraceActor, nodes: ReadonlyMap<string, LaidNode>): string | undefined {
  const byKind: Record<TraceActor['kind'], string | undefined> = {
    pod: `Pod/${actor.id}`,
    coredns: COREDNS_ID,
    'internal-dns': INTERNAL_DNS_ID,
    'external-dns': EXTERNAL_DNS_ID,
    service: `Service/${actor.id}`,
    'kube-proxy': `Node//${actor.id}`,
    node: `Node//${actor.id}`,
    host: undefined,
    server: undefined,
  };
  let id = byKind[actor.kind];
  if (!id || !nodes.has(id)) id = [...nodes.values()].find((n) => actor.ip && n.detail?.startsWith(actor.ip) && n.kind !== 'service')?.id;
  const box = id ? nodes.get(id) : undefined;
  // A pod drawn as a dot in a compact node: the dot itself is fine to aim at.
  return box?.id;
}

export function traceSegments(hops: readonly TraceHop[], nodes: ReadonlyMap<string, LaidNode>): TraceSegment[] {
  const out: TraceSegment[] = [];
  const push = (from: string | undefined, to: string | undefined, kind: TraceSegment['kind'], label: string): void => {
    if (from && to && from !== to) out.push({ from, to, kind, label });
  };
  for (const hop of hops) {
    if (hop.type === 'dns-query') push(actorBox(hop.from, nodes), actorBox(hop.to, nodes), hop.cache === 'hit' ? 'dns-cache' : 'dns', `${hop.qtype} ${hop.name}${hop.rcode ? ` ${hop.rcode}` : ''}`);
    else if (hop.type === 'connect' || hop.type === 'http') push(actorBox(hop.from, nodes), actorBox(hop.to, nodes), 'request', hop.type === 'connect' ? `${hop.ip}:${hop.port}` : hop.request);
    else if (hop.type === 'proxy') {
      const svc = `Service/${hop.service}`;
      const chosen = hop.chosen?.pod ? `Pod/${hop.chosen.pod}` : undefined;
      if (chosen && nodes.has(chosen)) push(svc, chosen, 'request', `${hop.chosen!.ip}:${hop.chosen!.port}`);
      else if (!hop.chosen) push(`Node//${hop.via.id}`, svc, 'fail', hop.note ?? 'no endpoints');
    }
  }
  return out;
}
