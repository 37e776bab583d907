/**
 * The container images the simulator knows, as data: which commands their shell offers, which
 * ports their main process listens on (and which simulated server answers there), how they react
 * to SIGTERM, and what `image`/`imageID` the kubelet reports for them. Anything else is an
 * "unknown image": it runs, offers `sh` only, and is assumed to listen on the ports its Pod spec
 * declares (containerPort is informational in Kubernetes, but it is the only hint we have).
 *
 * Tool sets follow the images' contents:
 * - busybox: a single busybox binary — nslookup, wget, ping, nc, telnet… — no curl, no dig.
 * - alpine: busybox applets too (nslookup, wget, ping), no curl.
 * - nicolaka/netshoot: the network toolbox — curl, dig, host, nslookup, ping, wget, nc, …
 * - nginx (Debian-based): bash and curl, no nslookup/ping/dig; serves the welcome page on :80.
 * - kubetm/app (the course's Node.js app on :8080): the course runs curl and nslookup inside it.
 * - coredns: a static binary on a distroless base — no shell at all.
 */

import type { Protocol } from '../../shared/api-types';

/** Commands a container's filesystem may offer. */
export type Tool =
  | 'sh'
  | 'bash'
  | 'curl'
  | 'wget'
  | 'nslookup'
  | 'dig'
  | 'host'
  | 'ping'
  | 'nc'
  | 'telnet'
  | 'env'
  | 'printenv'
  | 'cat'
  | 'hostname'
  | 'ls'
  | 'echo';

/** Which simulated server answers on a listening port (see http.ts). */
export type ServerKind = 'kubetm-app' | 'nginx' | 'coredns-dns' | 'coredns-health' | 'coredns-ready' | 'coredns-metrics' | 'unknown';

/** A port the image's main process listens on. */
export interface ListeningPort {
  port: number;
  protocol: Protocol;
  server: ServerKind;
}

/** What the simulator knows about an image. */
export interface ImageProfile {
  /** Repository without registry or tag (`kubetm/app`, `library/nginx`), or `unknown`. */
  repository: string;
  known: boolean;
  tools: readonly Tool[];
  /** Which implementation a tool is, when it changes the output (busybox nslookup vs bind's). */
  flavors: Partial<Record<Tool, 'busybox' | 'bind9' | 'gnu' | 'curl'>>;
  listens: readonly ListeningPort[];
  /** The process stops promptly on SIGTERM; otherwise the kubelet waits out the grace period. */
  handlesSigterm: boolean;
  /** PATH in the image's environment. */
  path: string;
}

/** A parsed image reference (`nginx` → docker.io/library/nginx:latest). */
export interface ImageReference {
  registry: string;
  repository: string;
  tag: string;
  digest?: string;
  /** As containerd reports it in status.containerStatuses[].image. */
  canonical: string;
}

const DEBIAN_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const BASIC: Tool[] = ['sh', 'env', 'printenv', 'cat', 'hostname', 'ls', 'echo'];
const BUSYBOX_TOOLS: Tool[] = [...BASIC, 'nslookup', 'wget', 'ping', 'nc', 'telnet'];

const PROFILES: Record<string, Omit<ImageProfile, 'repository' | 'known'>> = {
  'kubetm/app': {
    tools: [...BASIC, 'bash', 'curl', 'nslookup'],
    flavors: { nslookup: 'bind9', curl: 'curl' },
    listens: [{ port: 8080, protocol: 'TCP', server: 'kubetm-app' }],
    // A Node.js server running as PID 1 does not handle SIGTERM: deletion waits the grace period out.
    handlesSigterm: false,
    path: DEBIAN_PATH,
  },
  'library/nginx': {
    tools: [...BASIC, 'bash', 'curl'],
    flavors: { curl: 'curl' },
    listens: [{ port: 80, protocol: 'TCP', server: 'nginx' }],
    handlesSigterm: true,
    path: DEBIAN_PATH,
  },
  'library/busybox': {
    tools: BUSYBOX_TOOLS,
    flavors: { nslookup: 'busybox', wget: 'busybox', ping: 'busybox' },
    listens: [],
    handlesSigterm: false,
    path: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  },
  'library/alpine': {
    tools: BUSYBOX_TOOLS,
    flavors: { nslookup: 'busybox', wget: 'busybox', ping: 'busybox' },
    listens: [],
    handlesSigterm: false,
    path: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  },
  'nicolaka/netshoot': {
    tools: [...BASIC, 'bash', 'curl', 'wget', 'nslookup', 'dig', 'host', 'ping', 'nc', 'telnet'],
    flavors: { nslookup: 'bind9', dig: 'bind9', host: 'bind9', curl: 'curl', wget: 'gnu' },
    listens: [],
    handlesSigterm: false,
    path: DEBIAN_PATH,
  },
  'coredns/coredns': {
    tools: [],
    flavors: {},
    listens: [
      { port: 53, protocol: 'UDP', server: 'coredns-dns' },
      { port: 53, protocol: 'TCP', server: 'coredns-dns' },
      { port: 8080, protocol: 'TCP', server: 'coredns-health' },
      { port: 8181, protocol: 'TCP', server: 'coredns-ready' },
      { port: 9153, protocol: 'TCP', server: 'coredns-metrics' },
    ],
    handlesSigterm: true,
    path: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  },
};

/** Parses an image reference the way containerd normalizes it (docker.io, library/, :latest). */
export function parseImageReference(image: string): ImageReference {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry = 'docker.io';
  const firstSlash = rest.indexOf('/');
  if (firstSlash > 0) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(firstSlash + 1);
    }
  }
  let tag = 'latest';
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let repository = rest.toLowerCase();
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  const canonical = digest ? `${registry}/${repository}@${digest}` : `${registry}/${repository}:${tag}`;
  return { registry, repository, tag, ...(digest ? { digest } : {}), canonical };
}

/** The profile of an image reference; unknown images get the sh-only profile. */
export function imageProfile(image: string | undefined): ImageProfile {
  const ref = parseImageReference(image ?? '');
  // registry.k8s.io/coredns/coredns and docker.io/coredns/coredns are the same image.
  const profile = PROFILES[ref.repository];
  if (profile) return { repository: ref.repository, known: true, ...profile };
  return { repository: ref.repository || 'unknown', known: false, tools: ['sh'], flavors: {}, listens: [], handlesSigterm: false, path: DEBIAN_PATH };
}

/** True when the image's filesystem has the command. */
export function hasTool(image: string | undefined, tool: Tool): boolean {
  return imageProfile(image).tools.includes(tool);
}

/**
 * The ports a container listens on: the image's own, or — for an unknown image — the
 * containerPorts its spec declares.
 */
export function listeningPorts(image: string | undefined, declared: readonly { containerPort: number; protocol?: Protocol }[] | undefined): ListeningPort[] {
  const profile = imageProfile(image);
  if (profile.known) return [...profile.listens];
  return (declared ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP', server: 'unknown' as const }));
}

/**
 * A stable fake content digest for an image (status.containerStatuses[].imageID). Real digests
 * come from the registry; the simulator derives 64 hex digits from the reference so they stay put.
 */
export function imageDigest(image: string): string {
  const ref = parseImageReference(image);
  if (ref.digest) return ref.digest;
  let out = '';
  let h = 0x811c9dc5;
  const text = `${ref.registry}/${ref.repository}:${ref.tag}`;
  for (let round = 0; out.length < 64; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return `sha256:${out.slice(0, 64)}`;
}

/** status.containerStatuses[].imageID as containerd reports it: `docker.io/library/nginx@sha256:…`. */
export function imageID(image: string): string {
  let id = imageIDs.get(image);
  if (id === undefined) {
    const ref = parseImageReference(image);
    id = `${ref.registry}/${ref.repository}@${imageDigest(image)}`;
    remember(imageIDs, image, id);
  }
  return id;
}

/** `parseImageReference(image).canonical`, memoized (the kubelet reports it on every status write). */
export function canonicalImage(image: string): string {
  let canonical = canonicalImages.get(image);
  if (canonical === undefined) {
    canonical = parseImageReference(image).canonical;
    remember(canonicalImages, image, canonical);
  }
  return canonical;
}

// Pure functions of the reference text: a small bounded memo each.
const MAX_MEMO = 256;
const imageIDs = new Map<string, string>();
const canonicalImages = new Map<string, string>();

function remember(memo: Map<string, string>, image: string, value: string): void {
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(image, value);
}
