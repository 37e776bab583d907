/**
 * A trace as numbered steps a learner can read (PRODUCT: "each name tried, which server
 * answered, TTL, cache hits, why NXDOMAIN"): pure, so every hop type is unit-tested; the panel
 * only renders. Wording comes from the caller's translate function; DNS data stays verbatim.
 */
import type { TraceActor, TraceHop } from '../../../../shared/dns-types';
import type { traceMessages } from './trace-messages';

export type TraceKey = keyof (typeof traceMessages)['ko'];
export type Translate = (key: TraceKey, params?: Record<string, string | number>) => string;

export interface TraceStep {
  kind: TraceHop['type'];
  /** The one-line summary: who asked whom, what. */
  title: string;
  /** Lines under it: answers, the search reason, notes. */
  details: string[];
  /** A failure (NXDOMAIN, no endpoints, an HTTP error) is drawn differently. */
  failed: boolean;
}

/** `pod4 (20.104.236.65)`, `CoreDNS (10.96.0.10)`, `ns.lab.internal (192.168.0.2)`. */
export function actorLabel(actor: TraceActor): string {
  const name = actor.kind === 'coredns' ? 'CoreDNS' : actor.kind === 'pod' ? actor.id.split('/').pop()! : actor.id;
  return actor.ip && actor.ip !== name ? `${name} (${actor.ip})` : name;
}

function dnsStep(hop: Extract<TraceHop, { type: 'dns-query' }>, t: Translate): TraceStep {
  const details: string[] = [];
  const answers = hop.answers ?? [];
  let failed = false;
  if (hop.rcode === undefined) {
    details.push(t('noReply'));
    failed = true;
  } else if (hop.rcode === 'NXDOMAIN') {
    details.push(t('nxdomain'));
    failed = true;
  } else if (hop.rcode !== 'NOERROR') {
    details.push(hop.rcode);
    failed = true;
  } else if (answers.length === 0 && !hop.note?.startsWith('referral')) {
    details.push(t('nodata'));
  }
  for (const rr of answers) details.push(`${rr.name} ${rr.ttl} IN ${rr.type} ${rr.data}`);
  if (hop.cache) details.push(t(hop.cache === 'hit' ? 'cacheHit' : 'cacheMiss'));
  if (hop.note) details.push(hop.note);
  const result = hop.rcode === 'NOERROR' && answers.length > 0 ? ` → ${answers.length === 1 ? t('answerOne') : t('answers', { count: answers.length })}` : hop.rcode ? ` → ${hop.rcode}` : '';
  return { kind: 'dns-query', title: `${actorLabel(hop.from)} → ${actorLabel(hop.to)}: ${hop.qtype}? ${hop.name}${result}`, details, failed };
}

export function traceSteps(hops: readonly TraceHop[], t: Translate): TraceStep[] {
  return hops.map((hop): TraceStep => {
    switch (hop.type) {
      case 'dns-query':
        return dnsStep(hop, t);
      case 'search':
        return { kind: 'search', title: `${t('search')}: ${hop.name}`, details: [hop.reason], failed: false };
      case 'connect':
        return { kind: 'connect', title: `${t('connect')}: ${actorLabel(hop.from)} → ${hop.ip}:${hop.port}`, details: hop.note ? [hop.note] : [], failed: false };
      case 'proxy': {
        const params = { service: hop.service, vip: hop.vip, port: hop.port, candidates: hop.candidates };
        if (!hop.chosen) return { kind: 'proxy', title: t('proxyNone', params), details: hop.note ? [hop.note] : [], failed: true };
        const chosen = `${hop.chosen.pod ? `${hop.chosen.pod.split('/').pop()} ` : ''}${hop.chosen.ip}:${hop.chosen.port}`;
        return { kind: 'proxy', title: t('proxy', { ...params, chosen }), details: hop.note ? [hop.note] : [], failed: false };
      }
      case 'http':
        return {
          kind: 'http',
          title: `${t('http')}: ${actorLabel(hop.from)} → ${actorLabel(hop.to)}: ${hop.request}${hop.status !== undefined ? ` → ${hop.status}` : ''}`,
          details: hop.note ? [hop.note] : [],
          failed: hop.status === undefined || hop.status >= 400,
        };
    }
  });
}
