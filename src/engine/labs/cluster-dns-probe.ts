/**
 * Asks the cluster DNS one question for a lab check, without leaving a trace in the cluster the
 * learner is using. A real probe (`dig @10.96.0.10 NAME`) would warm CoreDNS's cache and the
 * upstream caches and draw from CoreDNS's random stream (the loadbalance plugin's shuffle), so
 * pressing "check" would change what the learner's next `nslookup` prints and in which order —
 * and a teacher's screen would no longer match the students'. So the probe runs a fresh copy of
 * the running Corefile's server (empty caches, its own seeded random stream) over the cluster's
 * zone data, with a fresh internal network DNS and internet behind it: it answers what CoreDNS
 * answers with a cold cache, i.e. what the cluster's state says now.
 */

import type { TraceActor } from '../../shared/dns-types';
import type { DnsCheck } from '../../shared/lab-types';
import type { DnsExchange } from '../dns/dns-message';
import type { Engine } from '../engine';
import { replyTo } from '../dns/dns-message';
import { DnsServer } from '../dns/dns-server';
import { InternalDns } from '../dns/internal-dns';
import { createInternetDns } from '../dns/internet-dns';
import { DnsNetwork } from '../dns/upstream';
import { createRandom } from '../random';

/** Who asks (shown in nothing: the probe's hops are thrown away). */
const PROBE: TraceActor = { kind: 'host', id: 'svclab-lab-check' };

/** The cluster DNS's answer to `name`/`type` (absolute name; a trailing dot is added if missing). */
export function probeClusterDns(engine: Engine, name: string, type: DnsCheck['type']): DnsExchange {
  const question = { name: name.endsWith('.') ? name : `${name}.`, type };
  const clock = engine.clock;
  const serviceIP = engine.dns.kubelet.clusterDNS[0];
  if (!engine.dns.coredns.serving) return { message: replyTo(question, 'SERVFAIL'), hops: [], timedOut: true };
  const network = new DnsNetwork();
  const lister = engine.dns.lister;
  const server = new DnsServer(engine.dns.coredns.config, {
    lister,
    clock,
    random: createRandom(engine.config.seed).fork('lab-check'),
    network,
    actor: engine.dns.corednsEndpoint.actor,
    resolvConfNameservers: () => engine.dns.nodeResolvConf.nameservers,
    // As createDnsStack: the answering CoreDNS pod's IP names its NS records.
    localIPs: () => {
      const first = lister.endpointsOf('kube-system', 'kube-dns').find((e) => e.addresses.length > 0)?.addresses[0];
      return [first ? first.ip : serviceIP];
    },
  });
  network.register(serviceIP, server);
  const internal = new InternalDns({ world: engine.world, network, clock });
  network.register(internal.actor.ip!, internal);
  createInternetDns(engine.world, network, clock);
  const hops: DnsExchange['hops'] = [];
  const out = network.query(PROBE, serviceIP, question, hops, { rd: true });
  return { message: out.message ?? replyTo(question, 'SERVFAIL'), hops, timedOut: out.timedOut || undefined };
}
