/**
 * One HTTP exchange from a container or the admin host, as curl and wget make it: resolve the
 * host (resolver.ts: /etc/hosts, then DNS), open a TCP connection through the node's kube-proxy
 * rules (KubeProxy.connect: ClusterIP → endpoint, NodePort, Pod IP, the world), send the request,
 * read the simulated server's answer (network/http.ts handleHttp). Every step adds hops to one
 * trace for the UI.
 *
 * TLS is not simulated byte for byte, but what the client concludes is: a site's certificate
 * names decide whether `https://name` verifies (an ExternalName alias does not — curl's exit 60),
 * a port that speaks plain HTTP fails the handshake (exit 35), and the cluster's own TLS ports
 * (apiserver, kubelet) present certificates from the cluster CA, which the client does not trust.
 */

import type { TraceHop } from '../../../shared/dns-types';
import type { ConnectResult, ConnectTarget } from '../../network/kube-proxy';
import { handleHttp, type HttpResponse } from '../../network/http';
import { nodeHostPorts, worldHostPorts } from '../../network/host-ports';
import type { ExecEnv } from './exec-env';
import { dnsLatencyMs, getaddrinfo, type Resolution } from './resolver';

/** A parsed http(s) URL as curl and wget read a command-line argument. */
export interface ParsedUrl {
  scheme: 'http' | 'https';
  /** The protocol as written when it is not HTTP (`ftp`): curl connects to its port and gives up. */
  protocol?: string;
  host: string;
  port: number;
  /** Path with query, at least `/`. */
  path: string;
  /** Whether the port was written out. */
  explicitPort: boolean;
  /** The URL as the tool prints it (`http://host:port/path`). */
  href: string;
}

/** Protocols Debian's curl speaks besides HTTP, with their ports (only the TCP connect is simulated). */
const OTHER_PORTS: Record<string, number> = { ftp: 21, ftps: 990, telnet: 23, dict: 2628, gopher: 70, imap: 143, pop3: 110, smtp: 25, ldap: 389, mqtt: 1883, rtsp: 554, scp: 22, sftp: 22, smb: 445 };

/** Parses `[scheme://]host[:port][/path]`; an unknown scheme or a bad port is an error (curl's exit 1 / 3). */
export function parseUrl(text: string): ParsedUrl | { error: 'scheme' | 'port' | 'malformed'; scheme?: string } {
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(text);
  let scheme: 'http' | 'https' = 'http';
  let protocol: string | undefined;
  let rest = text;
  if (schemeMatch) {
    const s = schemeMatch[1].toLowerCase();
    rest = text.slice(schemeMatch[0].length);
    if (s === 'http' || s === 'https') scheme = s;
    else if (OTHER_PORTS[s] !== undefined) protocol = s;
    else return { error: 'scheme', scheme: schemeMatch[1] };
  }
  const m = /^(\[[0-9a-fA-F:.]+\]|[^/:?#]*)(?::([^/?#]*))?([/?#].*)?$/.exec(rest);
  if (!m || m[1] === '') return { error: 'malformed' };
  const host = m[1].replace(/^\[|\]$/g, '');
  let port = protocol ? OTHER_PORTS[protocol] : scheme === 'https' ? 443 : 80;
  const explicitPort = m[2] !== undefined && m[2] !== '';
  if (explicitPort) {
    if (!/^\d+$/.test(m[2]!) || Number(m[2]) > 65535) return { error: 'port' };
    port = Number(m[2]);
  }
  let path = m[3] ?? '/';
  if (path.startsWith('#')) path = '/';
  else if (path.startsWith('?')) path = `/${path}`;
  path = path.replace(/#.*$/, '');
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const href = `${protocol ?? scheme}://${hostPart}${explicitPort ? `:${port}` : ''}${path}`;
  return { scheme, ...(protocol ? { protocol } : {}), host, port, path, explicitPort, href };
}

/** How the TLS handshake ends (https only). */
export type TlsOutcome = { ok: true } | { ok: false; reason: 'name-mismatch' | 'untrusted' | 'not-tls' };

export interface Exchange {
  url: ParsedUrl;
  resolution?: Resolution;
  /** The address connected to. */
  ip?: string;
  connection?: ConnectResult;
  tls?: TlsOutcome;
  response?: HttpResponse;
  hops: TraceHop[];
  /** Estimated wall time: DNS, connect, whole exchange (ms). */
  dnsMs: number;
  connectMs: number;
  /** Why the simulator answered as it did, for the UI. */
  note?: string;
}

/** Names on the certificates the simulated sites present. */
const SITE_CERTS: Record<string, string[]> = {
  'github-pages': ['*.github.io', 'github.io', '*.github.com', 'github.com', '*.githubusercontent.com', 'githubusercontent.com'],
  github: ['github.com', 'www.github.com'],
  'github-raw': ['*.githubusercontent.com', 'githubusercontent.com', '*.github.io', 'github.io'],
  google: ['*.google.com', 'google.com'],
  naver: ['*.naver.com', 'naver.com'],
  'kubernetes-io': ['kubernetes.io', '*.kubernetes.io'],
  example: ['example.com', '*.example.com'],
};

function certMatches(names: string[], host: string): boolean {
  const h = host.toLowerCase();
  return names.some((n) => (n.startsWith('*.') ? h.endsWith(n.slice(1)) && !h.slice(0, -n.length + 1).includes('.') : h === n));
}

function tlsOutcome(target: ConnectTarget, host: string, env: ExecEnv): TlsOutcome {
  if (target.site) {
    if (target.port !== 443) return { ok: false, reason: 'not-tls' };
    return certMatches(SITE_CERTS[target.site] ?? [], host) ? { ok: true } : { ok: false, reason: 'name-mismatch' };
  }
  if (target.node) {
    const p = nodeHostPorts(!!target.controlPlane).find((x) => x.port === target.port);
    return p?.service === 'https' ? { ok: false, reason: 'untrusted' } : { ok: false, reason: 'not-tls' };
  }
  if (target.host) {
    const host = [...env.engine.world.internal.pcs, env.engine.world.internal.router, env.engine.world.internet.resolver].find((h) => h.name === target.host);
    const p = host ? worldHostPorts(host).find((x) => x.port === target.port) : undefined;
    return p?.service === 'https' ? { ok: false, reason: 'untrusted' } : { ok: false, reason: 'not-tls' };
  }
  return { ok: false, reason: 'not-tls' };
}

/** Resolves, connects and exchanges one request. `insecure`: skip certificate checks (curl -k). */
export function exchange(env: ExecEnv, url: ParsedUrl, opts: { method?: string; headers?: Record<string, string>; insecure?: boolean; resolved?: string; hostHeader?: string } = {}): Exchange {
  const hops: TraceHop[] = [];
  let resolution: Resolution | undefined;
  let ip = opts.resolved;
  if (!ip) {
    resolution = getaddrinfo(env, url.host);
    hops.push(...resolution.hops);
    ip = resolution.addresses[0];
  }
  const dnsMs = resolution ? dnsLatencyMs(resolution.hops) : 0;
  if (!ip) return { url, resolution, hops, dnsMs, connectMs: 0 };
  const connection = env.engine.kubeProxy.connect({ ...env.actor, node: env.node }, ip, url.port);
  hops.push(...connection.hops);
  const external = connection.target?.site !== undefined || connection.outcome === 'external';
  const connectMs = external ? 12 : 0;
  if (!connection.target || url.protocol) return { url, resolution, ip, connection, hops, dnsMs, connectMs, note: connection.note };
  const defaultPort = url.scheme === 'https' ? 443 : 80;
  const hostHeader = opts.hostHeader ?? (url.port === defaultPort && !url.explicitPort ? hostForHeader(url.host) : `${hostForHeader(url.host)}:${url.port}`);
  let tls: TlsOutcome | undefined;
  if (url.scheme === 'https') {
    tls = tlsOutcome(connection.target, url.host, env);
    if (!tls.ok && !(opts.insecure && tls.reason !== 'not-tls')) {
      return { url, resolution, ip, connection, tls, hops, dnsMs, connectMs, note: tlsNote(tls, url.host) };
    }
  }
  const method = opts.method ?? 'GET';
  const raw = handleHttp(
    { method, host: hostHeader, path: url.path, headers: opts.headers, scheme: url.scheme },
    connection.target,
    { clusterDomain: env.engine.config.clusterDomain, now: env.engine.now(), world: env.engine.world },
  );
  const response = url.scheme === 'https' ? (raw.overTls ?? raw) : raw;
  const to = connection.target;
  hops.push({
    type: 'http',
    from: env.actor,
    to: { kind: to.pod ? 'pod' : 'server', id: to.pod ? `${to.pod.metadata.namespace}/${to.pod.metadata.name}` : (to.site ?? to.host ?? to.node ?? to.ip), ip: to.ip },
    request: `${method} ${url.path}`,
    status: response.status || undefined,
    note: response.note,
  });
  return { url, resolution, ip, connection, tls, response, hops, dnsMs, connectMs, note: response.note };
}

function hostForHeader(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function tlsNote(tls: TlsOutcome & { ok: false }, host: string): string {
  switch (tls.reason) {
    case 'name-mismatch':
      return `The server's certificate does not name "${host}": a DNS alias (an ExternalName Service) changes where the connection goes, not the name the client checks.`;
    case 'untrusted':
      return 'The cluster\'s own TLS ports present certificates signed by the cluster CA, which the client does not trust without --cacert.';
    case 'not-tls':
      return 'This port speaks plain HTTP: the TLS handshake fails.';
  }
}
