/**
 * DNS facts about the internet's zones that world.ts does not carry: each zone's SOA (which sets
 * how long resolvers cache a "no such name" — RFC 2308: min(SOA TTL, SOA MINIMUM)) and the TTLs
 * of its NS records and of the delegations above it. Values follow what these zones serve
 * (root and gTLD timers are Verisign's published ones); serials are frozen so screenshots stay
 * stable. Zones without an entry get `defaultZoneFacts`.
 */

/** SOA fields and the TTLs around a zone. */
export interface ZoneFacts {
  soa: { mname: string; rname: string; serial: number; refresh: number; retry: number; expire: number; minimum: number; ttl: number };
  /** TTL of the zone's own NS records (apex). */
  nsTtl: number;
  /** TTL of the NS and glue records its parent hands out in referrals. */
  delegationTtl: number;
}

/** The root zone `.`. */
export const ROOT_ZONE_FACTS: ZoneFacts = {
  soa: { mname: 'a.root-servers.net.', rname: 'nstld.verisign-grs.com.', serial: 2026030200, refresh: 1800, retry: 900, expire: 604800, minimum: 86400, ttl: 86400 },
  nsTtl: 518400,
  delegationTtl: 518400,
};

/** Known zones, keyed by apex without trailing dot. */
export const ZONE_FACTS: Readonly<Record<string, ZoneFacts>> = {
  com: { soa: { mname: 'a.gtld-servers.net.', rname: 'nstld.verisign-grs.com.', serial: 1772441400, refresh: 1800, retry: 900, expire: 604800, minimum: 86400, ttl: 900 }, nsTtl: 172800, delegationTtl: 172800 },
  net: { soa: { mname: 'a.gtld-servers.net.', rname: 'nstld.verisign-grs.com.', serial: 1772441400, refresh: 1800, retry: 900, expire: 604800, minimum: 86400, ttl: 900 }, nsTtl: 172800, delegationTtl: 172800 },
  org: { soa: { mname: 'a0.org.afilias-nst.info.', rname: 'hostmaster.donuts.email.', serial: 1772441400, refresh: 7200, retry: 900, expire: 1209600, minimum: 3600, ttl: 3600 }, nsTtl: 86400, delegationTtl: 172800 },
  io: { soa: { mname: 'a0.nic.io.', rname: 'hostmaster.donuts.email.', serial: 1772441400, refresh: 7200, retry: 900, expire: 1209600, minimum: 3600, ttl: 900 }, nsTtl: 86400, delegationTtl: 172800 },
  'google.com': { soa: { mname: 'ns1.google.com.', rname: 'dns-admin.google.com.', serial: 731000000, refresh: 900, retry: 900, expire: 1800, minimum: 60, ttl: 60 }, nsTtl: 345600, delegationTtl: 172800 },
  'github.com': { soa: { mname: 'dns1.p08.nsone.net.', rname: 'hostmaster.nsone.net.', serial: 1656468023, refresh: 43200, retry: 7200, expire: 1209600, minimum: 3600, ttl: 3600 }, nsTtl: 900, delegationTtl: 172800 },
  'github.io': { soa: { mname: 'dns1.p05.nsone.net.', rname: 'hostmaster.nsone.net.', serial: 1656468023, refresh: 43200, retry: 7200, expire: 1209600, minimum: 3600, ttl: 3600 }, nsTtl: 900, delegationTtl: 86400 },
  'githubusercontent.com': { soa: { mname: 'dns1.p05.nsone.net.', rname: 'hostmaster.nsone.net.', serial: 1656468023, refresh: 43200, retry: 7200, expire: 1209600, minimum: 3600, ttl: 3600 }, nsTtl: 900, delegationTtl: 172800 },
  'naver.com': { soa: { mname: 'ns1.naver.com.', rname: 'webmaster.naver.com.', serial: 2026030201, refresh: 21600, retry: 1800, expire: 1209600, minimum: 180, ttl: 180 }, nsTtl: 86400, delegationTtl: 172800 },
  'kubernetes.io': { soa: { mname: 'ns-cloud-a1.googledomains.com.', rname: 'cloud-dns-hostmaster.google.com.', serial: 1, refresh: 21600, retry: 3600, expire: 259200, minimum: 300, ttl: 21600 }, nsTtl: 21600, delegationTtl: 86400 },
  'example.com': { soa: { mname: 'ns.icann.org.', rname: 'noc.dns.icann.org.', serial: 2025011637, refresh: 7200, retry: 3600, expire: 1209600, minimum: 3600, ttl: 3600 }, nsTtl: 86400, delegationTtl: 172800 },
};

/** Facts for a zone without an entry: its first name server as MNAME, common timers. */
export function defaultZoneFacts(zone: string, firstNameServer: string): ZoneFacts {
  return {
    soa: { mname: `${firstNameServer}.`, rname: `hostmaster.${zone}.`, serial: 2026030201, refresh: 7200, retry: 3600, expire: 1209600, minimum: 300, ttl: 3600 },
    nsTtl: 86400,
    delegationTtl: 172800,
  };
}

/** Facts for `zone` (apex without trailing dot; '' or '.' for the root). */
export function zoneFacts(zone: string, firstNameServer: string): ZoneFacts {
  if (zone === '' || zone === '.') return ROOT_ZONE_FACTS;
  return ZONE_FACTS[zone] ?? defaultZoneFacts(zone, firstNameServer);
}
