/**
 * A request from inside a pod, end to end, as `curl http://name:port/path` makes it: the stub
 * resolver turns the name into an address (search list, ndots), kube-proxy's rules decide where the
 * connection lands (a Service VIP → one endpoint, round-robin), and the server there answers. One
 * trace covers every hop, so the UI can animate DNS and the proxy's choice together.
 */

import type { Pod } from '../shared/api-types';
import type { RRType, TraceHop } from '../shared/dns-types';
import type { LookupResult } from '../shared/engine-protocol';
import type { DnsStack } from './dns/dns-stack';
import { podActor } from './dns/dns-stack';
import { ipFamily } from './net/ip-address';
import { handleHttp, type HttpResponse } from './network/http';
import type { ConnectResult, KubeProxy } from './network/kube-proxy';
import type { World } from './world/world';

export interface PodRequest {
  /** `http` or `https`; https is not simulated beyond what handleHttp says. */
  scheme: 'http' | 'https';
  host: string;
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
}

export interface PodRequestResult {
  /** The resolution of `host`, when it is a name. */
  lookup?: LookupResult;
  /** Where the connection went, when the name resolved. */
  connection?: ConnectResult;
  /** The server's answer, when a connection was made. */
  response?: HttpResponse;
  hops: TraceHop[];
}

/** Parses `http://host:port/path` (or `host:port/path`, as curl accepts) into a PodRequest. */
export function parseRequestUrl(url: string): PodRequest | { error: string } {
  const m = /^(?:(https?):\/\/)?(\[[0-9a-fA-F:.]+\]|[^/:?#\s]+)(?::(\d+))?([/?#][^\s]*)?$/.exec(url.trim());
  if (!m) return { error: `URL rejected: Malformed input to a URL function` };
  const scheme = (m[1] ?? 'http') as 'http' | 'https';
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (port < 1 || port > 65535) return { error: `URL rejected: Port number was not a decimal number between 0 and 65535` };
  const host = m[2].replace(/^\[|\]$/g, '');
  return { scheme, host, port, path: m[4] && m[4].startsWith('/') ? m[4] : `/${m[4] ?? ''}` };
}

export function requestFromPod(deps: { dns: DnsStack; kubeProxy: KubeProxy; world: World; clusterDomain: string; now: number }, pod: Pod, request: PodRequest): PodRequestResult {
  const hops: TraceHop[] = [];
  let address = request.host;
  let lookup: LookupResult | undefined;
  if (!ipFamily(request.host)) {
    // curl asks getaddrinfo for both families; an IPv4-only cluster answers A only.
    const types: RRType[] = ['A', 'AAAA'];
    lookup = deps.dns.resolveFromPod(pod, request.host, types);
    hops.push(...lookup.hops);
    const first = lookup.addresses.find((a) => ipFamily(a) === 'IPv4') ?? lookup.addresses[0];
    if (!first) return { lookup, hops };
    address = first;
  }
  const connection = deps.kubeProxy.connect({ ...podActor(pod), node: pod.spec.nodeName }, address, request.port);
  hops.push(...connection.hops);
  if (!connection.target) return { lookup, connection, hops };
  const hostHeader = request.port === (request.scheme === 'https' ? 443 : 80) ? request.host : `${request.host}:${request.port}`;
  const response = handleHttp(
    { method: request.method ?? 'GET', host: hostHeader, path: request.path, headers: { 'User-Agent': 'curl/8.5.0', Accept: '*/*', ...request.headers }, scheme: request.scheme },
    connection.target,
    { clusterDomain: deps.clusterDomain, now: deps.now, world: deps.world },
  );
  hops.push({ type: 'http', from: podActor(pod), to: { kind: connection.target.pod ? 'pod' : 'server', id: connection.target.pod ? `${connection.target.pod.metadata.namespace}/${connection.target.pod.metadata.name}` : (connection.target.site ?? connection.target.host ?? connection.target.ip), ip: connection.target.ip }, request: `${request.method ?? 'GET'} ${request.path}`, status: response.status || undefined, note: response.note });
  return { lookup, connection, response, hops };
}
