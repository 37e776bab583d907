/**
 * The internet's DNS, built from the world data (world/world.ts, world/dns-zone-facts.ts): root
 * servers serving `.` with delegations to the TLDs, TLD servers delegating the second-level
 * zones, and each zone's authoritative servers; plus the public recursive resolver the internal
 * DNS forwards to. Simplification: referrals carry glue for every name server (real TLDs give
 * glue only for in-bailiwick names, and resolvers look the others up); reverse zones and TLDs
 * not in the world do not exist (the root answers NXDOMAIN for them).
 */

import type { ResourceRecord, TraceActor } from '../../shared/dns-types';
import type { VirtualClock } from '../virtual-clock';
import type { World, WorldHost } from '../world/world';
import type { AuthZone } from './authoritative-server';
import type { DnsNetwork } from './upstream';
import { zoneFacts } from '../world/dns-zone-facts';
import { AuthoritativeServer, authZone } from './authoritative-server';
import { fqdn, isSubdomain } from './dns-name';
import { formatSoa, rr } from './dns-message';
import { RecursiveResolver } from './recursive-resolver';

/** The trace actor of a world host. */
export function worldActor(host: WorldHost): TraceActor {
  return { kind: 'external-dns', id: host.name, ip: host.ipv4[0] };
}

function glue(host: WorldHost, ttl: number): ResourceRecord[] {
  return [...host.ipv4.map((ip) => rr(`${host.name}.`, 'A', ttl, ip)), ...(host.ipv6 ?? []).map((ip) => rr(`${host.name}.`, 'AAAA', ttl, ip))];
}

/** The authoritative zones of the world's internet, root first. */
export function buildInternetZones(world: World): { zone: AuthZone; servers: WorldHost[] }[] {
  const zones = world.internet.zones;
  const parentOf = (apex: string): string => {
    let best = '';
    for (const z of zones) if (z.zone !== apex && isSubdomain(z.zone, apex) && z.zone.length > best.length) best = z.zone;
    return best;
  };
  const out: { zone: AuthZone; servers: WorldHost[] }[] = [];
  const build = (apex: string, servers: WorldHost[], records: ResourceRecord[]): AuthZone => {
    const facts = zoneFacts(apex, servers[0]?.name ?? 'ns');
    const origin = apex === '' ? '.' : `${apex}.`;
    const soa = rr(origin, 'SOA', facts.soa.ttl, formatSoa(facts.soa));
    const ns = servers.map((h) => rr(origin, 'NS', facts.nsTtl, `${h.name}.`));
    // Glue for in-zone name server names lives in the zone too.
    const inZoneGlue = servers.filter((h) => isSubdomain(origin, `${h.name}.`)).flatMap((h) => glue(h, facts.nsTtl));
    return authZone(origin, soa, ns, [soa, ...inZoneGlue, ...records]);
  };
  const root = build('', world.internet.root, []);
  out.push({ zone: root, servers: world.internet.root });
  const byApex = new Map<string, AuthZone>([['', root]]);
  for (const z of zones) {
    const zone = build(z.zone, z.nameservers, z.records.map((r) => rr(fqdn(r.name), r.type, r.ttl, r.data)));
    byApex.set(z.zone, zone);
    out.push({ zone, servers: z.nameservers });
  }
  for (const z of zones) {
    const parent = byApex.get(parentOf(z.zone))!;
    const ttl = zoneFacts(z.zone, z.nameservers[0]?.name ?? 'ns').delegationTtl;
    parent.delegations.set(`${z.zone}.`, {
      ns: z.nameservers.map((h) => rr(`${z.zone}.`, 'NS', ttl, `${h.name}.`)),
      glue: z.nameservers.flatMap((h) => glue(h, ttl)),
    });
  }
  return out;
}

/** The internet's servers, registered on `network` by address. */
export interface InternetDns {
  resolver: RecursiveResolver;
  servers: AuthoritativeServer[];
}

/** Registers every name server of the world and the public resolver on `network`. */
export function createInternetDns(world: World, network: DnsNetwork, clock: VirtualClock): InternetDns {
  const zonesByHost = new Map<string, { host: WorldHost; zones: AuthZone[] }>();
  for (const { zone, servers } of buildInternetZones(world)) {
    for (const host of servers) {
      const entry = zonesByHost.get(host.name) ?? { host, zones: [] };
      entry.zones.push(zone);
      zonesByHost.set(host.name, entry);
    }
  }
  const servers: AuthoritativeServer[] = [];
  for (const { host, zones } of zonesByHost.values()) {
    const server = new AuthoritativeServer(worldActor(host), zones);
    servers.push(server);
    for (const ip of [...host.ipv4, ...(host.ipv6 ?? [])]) network.register(ip, server);
  }
  const resolverHost = world.internet.resolver;
  const resolver = new RecursiveResolver({
    actor: { kind: 'external-dns', id: resolverHost.name, ip: resolverHost.ipv4[0] },
    rootHints: world.internet.root.map((h) => h.ipv4[0]),
    network,
    clock,
  });
  for (const ip of [...resolverHost.ipv4, ...(resolverHost.ipv6 ?? [])]) network.register(ip, resolver);
  return { resolver, servers };
}
