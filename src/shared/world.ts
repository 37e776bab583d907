/**
 * The world around the cluster, as the course draws it: an internal network (router
 * 192.168.0.1, master/node1/node2 at .30/.31/.32, a few PCs) with its own DNS server, and the
 * internet with public DNS (root → TLD → authoritative) and a few web sites.
 *
 * Addresses are ones those names really resolved to (they change over time and by region; these
 * are plausible, stable choices). This is data, not code: DNS builds its zones from it and the
 * HTTP layer its servers.
 */

export interface WorldHost {
  /** Fully qualified, lowercase, no trailing dot. */
  name: string;
  ipv4: string[];
  ipv6?: string[];
  /** Short role, shown in the topology. */
  role: 'router' | 'dns' | 'node' | 'pc' | 'web' | 'root-dns' | 'tld-dns' | 'auth-dns' | 'resolver';
  /** Which web site (if any) answers HTTP on this host's addresses. */
  site?: string;
}

export interface InternalNetwork {
  cidr: string;
  /** The router is the nodes' default gateway. */
  router: WorldHost;
  /** The internal DNS server (dnsmasq-style: answers its hosts by short name and under `domain`, forwards the rest). */
  dns: WorldHost;
  /** DNS search domain of the internal network. */
  domain: string;
  /** Cluster nodes as internal hosts (the Node objects take their InternalIP from here). */
  nodes: WorldHost[];
  /** Other machines of the office/classroom network. */
  pcs: WorldHost[];
}

/** A delegated zone on the internet: its name servers and the records it serves. */
export interface ExternalZone {
  /** Zone apex without trailing dot: `com`, `github.com`, `github.io`. */
  zone: string;
  nameservers: WorldHost[];
  /** Records served authoritatively (apart from NS/glue for child zones, derived from `zones`). */
  records: { name: string; type: 'A' | 'AAAA' | 'CNAME' | 'TXT' | 'MX'; ttl: number; data: string }[];
}

export interface Internet {
  /** The recursive resolver the internal DNS forwards to (an ISP's or a public one). */
  resolver: WorldHost;
  root: WorldHost[];
  /** TLD and second-level zones, parents before children. */
  zones: ExternalZone[];
}

export interface World {
  internal: InternalNetwork;
  internet: Internet;
}

const host = (name: string, ipv4: string, role: WorldHost['role'], site?: string): WorldHost => ({ name, ipv4: [ipv4], role, ...(site ? { site } : {}) });

/** The default world: the course's network plus the sites the chapter touches. */
export const DEFAULT_WORLD: World = {
  internal: {
    cidr: '192.168.0.0/24',
    router: host('gateway.lab.internal', '192.168.0.1', 'router'),
    dns: host('ns.lab.internal', '192.168.0.2', 'dns'),
    domain: 'lab.internal',
    nodes: [host('master.lab.internal', '192.168.0.30', 'node'), host('node1.lab.internal', '192.168.0.31', 'node'), host('node2.lab.internal', '192.168.0.32', 'node')],
    pcs: [host('user1.lab.internal', '192.168.0.21', 'pc', 'user1'), host('user2.lab.internal', '192.168.0.22', 'pc')],
  },
  internet: {
    // Google Public DNS: what a small office's DNS server commonly forwards to.
    resolver: host('dns.google', '8.8.8.8', 'resolver'),
    root: [host('a.root-servers.net', '198.41.0.4', 'root-dns'), host('b.root-servers.net', '170.247.170.2', 'root-dns')],
    zones: [
      { zone: 'com', nameservers: [host('a.gtld-servers.net', '192.5.6.30', 'tld-dns'), host('b.gtld-servers.net', '192.33.14.30', 'tld-dns')], records: [] },
      { zone: 'io', nameservers: [host('a0.nic.io', '65.22.160.17', 'tld-dns'), host('b0.nic.io', '65.22.161.17', 'tld-dns')], records: [] },
      { zone: 'net', nameservers: [host('a.gtld-servers.net', '192.5.6.30', 'tld-dns')], records: [] },
      { zone: 'org', nameservers: [host('a0.org.afilias-nst.info', '199.19.56.1', 'tld-dns')], records: [] },
      {
        zone: 'google.com',
        nameservers: [host('ns1.google.com', '216.239.32.10', 'auth-dns'), host('ns2.google.com', '216.239.34.10', 'auth-dns')],
        records: [
          { name: 'google.com', type: 'A', ttl: 300, data: '142.250.196.110' },
          { name: 'google.com', type: 'AAAA', ttl: 300, data: '2404:6800:4004:827::200e' },
          { name: 'www.google.com', type: 'A', ttl: 300, data: '142.250.207.100' },
          { name: 'google.com', type: 'MX', ttl: 300, data: '10 smtp.google.com.' },
        ],
      },
      {
        zone: 'github.com',
        nameservers: [host('dns1.p08.nsone.net', '198.51.44.8', 'auth-dns'), host('dns2.p08.nsone.net', '198.51.45.8', 'auth-dns')],
        records: [
          { name: 'github.com', type: 'A', ttl: 60, data: '20.200.245.247' },
          { name: 'www.github.com', type: 'CNAME', ttl: 3600, data: 'github.com.' },
        ],
      },
      {
        zone: 'github.io',
        nameservers: [host('dns1.p05.nsone.net', '198.51.44.5', 'auth-dns'), host('dns2.p05.nsone.net', '198.51.45.5', 'auth-dns')],
        // GitHub Pages: every *.github.io site answers on the same four anycast addresses.
        records: ['github.github.io', 'kubetm.github.io'].flatMap((name) => [
          ...['185.199.108.153', '185.199.109.153', '185.199.110.153', '185.199.111.153'].map((ip) => ({ name, type: 'A' as const, ttl: 3600, data: ip })),
          ...['2606:50c0:8000::153', '2606:50c0:8001::153', '2606:50c0:8002::153', '2606:50c0:8003::153'].map((ip) => ({ name, type: 'AAAA' as const, ttl: 3600, data: ip })),
        ]),
      },
      {
        zone: 'githubusercontent.com',
        nameservers: [host('dns1.p05.nsone.net', '198.51.44.5', 'auth-dns')],
        records: [{ name: 'raw.githubusercontent.com', type: 'A', ttl: 3600, data: '185.199.108.133' }],
      },
      {
        zone: 'naver.com',
        nameservers: [host('ns1.naver.com', '125.209.248.6', 'auth-dns'), host('ns2.naver.com', '125.209.249.6', 'auth-dns')],
        records: [
          { name: 'naver.com', type: 'A', ttl: 300, data: '223.130.200.219' },
          { name: 'naver.com', type: 'A', ttl: 300, data: '223.130.192.248' },
          { name: 'www.naver.com', type: 'CNAME', ttl: 300, data: 'www.naver.com.nheos.com.' },
        ],
      },
      {
        // Naver's CDN: www.naver.com is a CNAME into this zone.
        zone: 'nheos.com',
        nameservers: [host('gns1.nheos.com', '125.209.248.31', 'auth-dns')],
        records: [
          { name: 'www.naver.com.nheos.com', type: 'A', ttl: 60, data: '223.130.200.236' },
          { name: 'www.naver.com.nheos.com', type: 'A', ttl: 60, data: '223.130.192.247' },
        ],
      },
      {
        zone: 'kubernetes.io',
        nameservers: [host('ns-cloud-a1.googledomains.com', '216.239.32.106', 'auth-dns')],
        records: [{ name: 'kubernetes.io', type: 'A', ttl: 3600, data: '147.75.40.148' }],
      },
      {
        zone: 'example.com',
        nameservers: [host('a.iana-servers.net', '199.43.135.53', 'auth-dns')],
        records: [
          { name: 'example.com', type: 'A', ttl: 300, data: '23.192.228.80' },
          { name: 'www.example.com', type: 'CNAME', ttl: 300, data: 'example.com.' },
        ],
      },
    ],
  },
};

/** Sites that answer HTTP, keyed by the `site` id of a host or by the web addresses in the zones. */
export const WEB_SITE_BY_ADDRESS: Readonly<Record<string, string>> = {
  '142.250.196.110': 'google',
  '142.250.207.100': 'google',
  '20.200.245.247': 'github',
  '185.199.108.153': 'github-pages',
  '185.199.109.153': 'github-pages',
  '185.199.110.153': 'github-pages',
  '185.199.111.153': 'github-pages',
  '185.199.108.133': 'github-raw',
  '223.130.200.219': 'naver',
  '223.130.192.248': 'naver',
  '223.130.200.236': 'naver',
  '223.130.192.247': 'naver',
  '147.75.40.148': 'kubernetes-io',
  '23.192.228.80': 'example',
  '192.168.0.21': 'user1',
};
