/**
 * Simulated HTTP servers: what answers a plain-HTTP request that kube-proxy (kube-proxy.ts)
 * delivered to a Pod, a node or a site of the world.
 *
 * - kubetm/app (:8080): `GET /hostname` → `Hostname : <pod hostname>` (the line the course shows),
 *   `/version` → `Version : <tag>`, `/health` → OK, `/` → a short line, anything else → Express's
 *   404 `Cannot GET <path>`. (Beyond /hostname the bodies are the simulator's choice.)
 * - nginx (:80): the welcome page at `/`, nginx's 404 page elsewhere.
 * - GitHub Pages (185.199.108–111.153) picks the site by the Host header. *.github.io sites
 *   enforce HTTPS, so plain HTTP for a known site is a 301 to https://; a Host it has no site for
 *   gets 404 "Site not found · GitHub Pages". That is exactly what a learner sees when curling an
 *   ExternalName Service by its own name (`curl externalname1`): DNS resolves the CNAME, but curl
 *   still sends `Host: externalname1`, and no GitHub Pages site is called that.
 * - google.com → 301 to www.google.com; github, naver, kubernetes.io, raw.githubusercontent → 301
 *   to https; example.com → its page; user1 (internal PC) → a small page.
 * - Ports that speak TLS answer plain HTTP the way Go servers do (400 "Client sent an HTTP request
 *   to an HTTPS server."); ports that are not HTTP (ssh, DNS) return no HTTP response.
 *
 * TLS itself is not simulated: an https:// request gets `explain: 'tls-not-simulated'` (and, as
 * `overTls`, the answer the server would give once TLS is up) and the command layer words it.
 */

import { utf8Length } from '../utf8-length';
import type { Pod } from '../../shared/api-types';
import { podKernelHostname } from '../controllers/pod-hostname';
import { DEFAULT_WORLD, WEB_SITE_BY_ADDRESS, type World } from '../world/world';
import { nodeHostPorts, worldHostPorts, type HostPort } from './host-ports';
import { listeningPorts, parseImageReference, type ServerKind } from './images';
import {
  EXAMPLE_COM,
  GITHUB_GITHUB_IO_HOME,
  GITHUB_PAGES_FILE_NOT_FOUND,
  GITHUB_PAGES_SITE_NOT_FOUND,
  GOOGLE_HOME,
  KUBETM_HOME,
  KUBETM_SERVICE_SAMPLE_MD,
  NGINX_WELCOME,
  USER1_PAGE,
  google301,
  google404,
  kubetmDocPage,
  nginxStatusPage,
} from './web-site-content';

/** An HTTP request as the client sends it. */
export interface HttpRequest {
  method: string;
  /** The Host header (port included if the client put one there). */
  host: string;
  path: string;
  headers?: Record<string, string>;
  /** `https` asks for TLS, which is not simulated. */
  scheme?: 'http' | 'https';
}

/** Where the connection landed (kube-proxy's ConnectTarget has this shape). */
export interface HttpTarget {
  ip: string;
  port: number;
  /** The Pod whose container accepted the connection. */
  pod?: Pod;
  /** The cluster node whose own process accepted it. */
  node?: string;
  /** True when the node is the control plane (its port set differs). */
  controlPlane?: boolean;
  /** The world site id (WEB_SITE_BY_ADDRESS) if known; else derived from the IP. */
  site?: string;
}

/** Why a response carries a note, for the UI. */
export type HttpExplain =
  | 'github-pages-unknown-host'
  | 'https-redirect'
  | 'tls-not-simulated'
  | 'http-to-https-port'
  | 'not-http'
  | 'unknown-server'
  | 'no-server';

/** The server's answer. `status` 0 means no HTTP response came back (see `explain`). */
export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
  note?: string;
  explain?: HttpExplain;
  /** For https requests: what the server would answer over TLS. */
  overTls?: HttpResponse;
}

/** Context the servers need. */
export interface HttpContext {
  clusterDomain?: string;
  /** Virtual time for the Date header. */
  now?: number;
  world?: World;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  302: 'Found',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
};

/** Answers one HTTP request at a target. */
export function handleHttp(request: HttpRequest, target: HttpTarget, context: HttpContext = {}): HttpResponse {
  if (request.scheme === 'https') {
    const plain = serve({ ...request, scheme: 'http' }, target, context, true);
    return {
      ...noResponse('tls-not-simulated', 'TLS is not simulated: the server would now negotiate TLS before any HTTP is exchanged.'),
      overTls: plain,
    };
  }
  return serve(request, target, context, false);
}

function serve(request: HttpRequest, target: HttpTarget, context: HttpContext, overTls: boolean): HttpResponse {
  if (target.pod) return servePod(request, target.pod, target.port, context);
  if (target.node) return serveHostPort(nodeHostPorts(!!target.controlPlane), target.port, overTls, pathOnly(request.path));
  const world = context.world ?? DEFAULT_WORLD;
  const site = target.site ?? WEB_SITE_BY_ADDRESS[target.ip];
  if (site) {
    if (target.port !== 80 && target.port !== 443) return noResponse('no-server', `Nothing listens on ${target.ip}:${target.port}.`);
    if (target.port === 443 && !overTls) return tlsPortAnswer();
    return serveSite(site, request, context, overTls);
  }
  const host = [world.internal.router, world.internal.dns, ...world.internal.nodes, ...world.internal.pcs, world.internet.resolver].find((h) =>
    h.ipv4.includes(target.ip),
  );
  if (host) return serveHostPort(worldHostPorts(host), target.port, overTls, pathOnly(request.path));
  return noResponse('no-server', `Nothing listens on ${target.ip}:${target.port}.`);
}

function servePod(request: HttpRequest, pod: Pod, port: number, context: HttpContext): HttpResponse {
  for (const c of pod.spec.containers ?? []) {
    const listening = listeningPorts(c.image, c.ports).find((p) => p.port === port && p.protocol === 'TCP');
    if (listening) return serveKind(listening.server, request, pod, c.image ?? '', context);
  }
  return noResponse('no-server', `No container of ${pod.metadata.namespace}/${pod.metadata.name} listens on port ${port}.`);
}

function serveKind(kind: ServerKind, request: HttpRequest, pod: Pod, image: string, context: HttpContext): HttpResponse {
  const path = pathOnly(request.path);
  switch (kind) {
    case 'kubetm-app': {
      const hostname = podKernelHostname(pod, context.clusterDomain ?? 'cluster.local');
      if (request.method !== 'GET' && request.method !== 'HEAD') return kubetm404(request, context);
      if (path === '/hostname') return respond(request, 200, {}, `Hostname : ${hostname}\n`, context);
      if (path === '/version') {
        const tag = parseImageReference(image).tag;
        return respond(request, 200, {}, `Version : ${/^v\d/.test(tag) ? tag : 'v1'}\n`, context);
      }
      if (path === '/health') return respond(request, 200, {}, 'OK\n', context);
      if (path === '/') return respond(request, 200, {}, `Welcome to kubetm/app on ${hostname}\n`, context);
      return kubetm404(request, context);
    }
    case 'nginx': {
      const server = nginxServer(image);
      if (path === '/' || path === '/index.html') {
        return respond(request, 200, { Server: server, 'Content-Type': 'text/html', 'Accept-Ranges': 'bytes' }, NGINX_WELCOME, context);
      }
      return respond(request, 404, { Server: server, 'Content-Type': 'text/html' }, nginxStatusPage('404 Not Found', server), context);
    }
    case 'coredns-health':
      return path === '/health' ? respond(request, 200, { 'Content-Type': 'text/plain; charset=utf-8' }, 'OK', context) : plain404(request, context);
    case 'coredns-ready':
      return path === '/ready' ? respond(request, 200, { 'Content-Type': 'text/plain; charset=utf-8' }, 'OK', context) : plain404(request, context);
    case 'coredns-metrics':
      return path === '/metrics'
        ? respond(request, 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }, '# HELP coredns_build_info A metric with a constant \'1\' value labeled by version, revision, and goversion from which CoreDNS was built.\n# TYPE coredns_build_info gauge\ncoredns_build_info{goversion="go1.21.11",revision="a6338e9",version="1.11.3"} 1\n', context)
        : plain404(request, context);
    case 'coredns-dns':
      return noResponse('not-http', 'This port speaks DNS, not HTTP: the server closes the connection without an HTTP reply.');
    case 'unknown':
      return noResponse('unknown-server', 'The simulator does not know what this image serves on this port.');
  }
}

function serveHostPort(ports: HostPort[], port: number, overTls: boolean, path: string): HttpResponse {
  const p = ports.find((x) => x.port === port && x.protocol === 'TCP');
  if (!p) return noResponse('no-server', `Nothing listens on port ${port}.`);
  if (p.service === 'https' && !overTls) return tlsPortAnswer();
  if (p.service === 'http' || p.service === 'https') {
    // kube-proxy's health endpoint; every other daemon here is a Go server answering its own 404.
    if (p.process === 'kube-proxy' && path === '/healthz') return { status: 200, statusText: 'OK', headers: { 'Content-Type': 'application/json' }, body: '{"lastUpdated": "", "currentTime": ""}' };
    return { status: 404, statusText: 'Not Found', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' };
  }
  return noResponse('not-http', `Port ${port} speaks ${p.service}, not HTTP (${p.process}).`);
}

function serveSite(site: string, request: HttpRequest, context: HttpContext, overTls: boolean): HttpResponse {
  const host = request.host.toLowerCase().replace(/:\d+$/, '');
  const path = pathOnly(request.path);
  const scheme = overTls ? 'https' : 'http';
  switch (site) {
    case 'github-pages': {
      const gh = { Server: 'GitHub.com' };
      const known = host === 'kubetm.github.io' || host === 'github.github.io';
      if (!known) {
        return {
          ...respond(request, 404, { ...gh, 'Content-Type': 'text/html; charset=utf-8' }, GITHUB_PAGES_SITE_NOT_FOUND, context),
          explain: 'github-pages-unknown-host',
          note: `GitHub Pages chooses the site by the Host header, and no site is called "${host}". A client that reached this address through a DNS alias (an ExternalName Service's CNAME) still sends the name it was given, so the shared GitHub Pages servers answer "Site not found".`,
        };
      }
      if (!overTls) return httpsRedirect(request, host, context, { ...gh, 'Content-Type': 'text/html' }, nginxStatusPage('301 Moved Permanently', 'nginx'));
      if (host === 'kubetm.github.io') {
        if (path === '/sample/practice/intermediate/service-sample.md') {
          return respond(request, 200, { ...gh, 'Content-Type': 'text/markdown; charset=utf-8' }, KUBETM_SERVICE_SAMPLE_MD, context);
        }
        if (path === '/' || path === '/index.html') return respond(request, 200, { ...gh, 'Content-Type': 'text/html; charset=utf-8' }, KUBETM_HOME, context);
        if (path === '/k8s' || path.startsWith('/k8s/')) return respond(request, 200, { ...gh, 'Content-Type': 'text/html; charset=utf-8' }, kubetmDocPage(path), context);
      } else if (path === '/' || path === '/index.html') {
        return respond(request, 200, { ...gh, 'Content-Type': 'text/html; charset=utf-8' }, GITHUB_GITHUB_IO_HOME, context);
      }
      return respond(request, 404, { ...gh, 'Content-Type': 'text/html; charset=utf-8' }, GITHUB_PAGES_FILE_NOT_FOUND, context);
    }
    case 'google': {
      const gws = { Server: 'gws', 'Content-Type': 'text/html; charset=UTF-8' };
      if (host === 'google.com') {
        const location = `${scheme}://www.google.com${path === '/' ? '/' : request.path}`;
        return respond(request, 301, { ...gws, Location: location }, google301(location), context);
      }
      if (host === 'www.google.com') {
        return path === '/' ? respond(request, 200, { ...gws, 'Content-Type': 'text/html; charset=ISO-8859-1' }, GOOGLE_HOME, context) : respond(request, 404, gws, google404(path), context);
      }
      return respond(request, 404, gws, google404(path), context);
    }
    case 'github':
      return overTls
        ? respond(request, 200, { Server: 'GitHub.com', 'Content-Type': 'text/html; charset=utf-8' }, '<!DOCTYPE html>\n<html lang="en"><head><title>GitHub · Build and ship software on a single, collaborative platform</title></head><body></body></html>\n', context)
        : httpsRedirect(request, host === 'www.github.com' ? 'github.com' : host, context, { 'Content-Length': '0' }, '');
    case 'naver':
      return overTls
        ? respond(request, 200, { Server: 'nfront', 'Content-Type': 'text/html; charset=UTF-8' }, '<!doctype html><html lang="ko"><head><title>NAVER</title></head><body></body></html>\n', context)
        : httpsRedirect(request, 'www.naver.com', context, { Server: 'nginx', 'Content-Type': 'text/html' }, nginxStatusPage('301 Moved Permanently', 'nginx'));
    case 'kubernetes-io':
      return overTls
        ? respond(request, 200, { Server: 'Netlify', 'Content-Type': 'text/html; charset=UTF-8' }, '<!doctype html><html lang="en"><head><title>Kubernetes</title></head><body></body></html>\n', context)
        : httpsRedirect(request, host, context, { Server: 'Netlify', 'Content-Type': 'text/plain; charset=utf-8' }, `Redirecting to https://${host}${request.path}\n`);
    case 'github-raw':
      return overTls ? plain404(request, context) : httpsRedirect(request, host, context, { 'Content-Length': '0' }, '');
    case 'example':
      return respond(request, 200, { 'Content-Type': 'text/html' }, EXAMPLE_COM, context);
    case 'user1':
      return respond(request, 200, { Server: 'Apache/2.4.52 (Ubuntu)', 'Content-Type': 'text/html' }, USER1_PAGE, context);
    default:
      return noResponse('unknown-server', `The simulator has no content for site "${site}".`);
  }
}

function httpsRedirect(request: HttpRequest, host: string, context: HttpContext, headers: Record<string, string>, body: string): HttpResponse {
  return { ...respond(request, 301, { ...headers, Location: `https://${host}${request.path || '/'}` }, body, context), explain: 'https-redirect', note: 'The site only serves HTTPS: plain HTTP is redirected.' };
}

function tlsPortAnswer(): HttpResponse {
  return {
    status: 400,
    statusText: 'Bad Request',
    headers: {},
    body: 'Client sent an HTTP request to an HTTPS server.\n',
    explain: 'http-to-https-port',
    note: 'This port expects TLS; a plain-HTTP request gets the TLS server\'s complaint.',
  };
}

function kubetm404(request: HttpRequest, context: HttpContext): HttpResponse {
  const body = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${request.method} ${pathOnly(request.path)}</pre>\n</body>\n</html>\n`;
  return respond(request, 404, { 'X-Powered-By': 'Express', 'Content-Type': 'text/html; charset=utf-8' }, body, context);
}

function plain404(request: HttpRequest, context: HttpContext): HttpResponse {
  return respond(request, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, '404 page not found\n', context);
}

function respond(request: HttpRequest, status: number, headers: Record<string, string>, body: string, context: HttpContext): HttpResponse {
  const out: Record<string, string> = {};
  if (context.now !== undefined) out.Date = new Date(context.now).toUTCString();
  Object.assign(out, headers);
  if (!('Content-Length' in out)) out['Content-Length'] = String(utf8Length(body));
  return { status, statusText: STATUS_TEXT[status] ?? '', headers: out, body: request.method === 'HEAD' ? '' : body };
}

function noResponse(explain: HttpExplain, note: string): HttpResponse {
  return { status: 0, statusText: '', headers: {}, body: '', explain, note };
}

function nginxServer(image: string): string {
  const tag = parseImageReference(image).tag;
  return /^\d+\.\d+\.\d+/.test(tag) ? `nginx/${tag.match(/^\d+\.\d+\.\d+/)![0]}` : 'nginx/1.27.4';
}

function pathOnly(path: string): string {
  const p = path || '/';
  const q = p.search(/[?#]/);
  return q >= 0 ? p.slice(0, q) || '/' : p;
}

