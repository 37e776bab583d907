/**
 * Where a tool runs: a container of a running Pod, or the admin host (the course's master node).
 * Gathers what the tools need — the image's flavour of each tool, the network identity (trace
 * actor, node for kube-proxy), /etc/resolv.conf, /etc/hosts, hostname, environment, a small
 * per-container filesystem — and the per-engine state the tools keep (dig ids, cookies).
 *
 * Files kubelet and the runtime write into every container:
 * - /etc/hosts — kubelet's managed hosts file (pkg/kubelet/kubelet_pods.go
 *   managedHostsFileContent): header, localhost lines, `IP\thostname` or, with spec.subdomain,
 *   `IP\thostname.subdomain.ns.svc.zone\thostname`; spec.hostAliases after a blank line.
 * - /etc/resolv.conf — from the DNS stack (`resolvConfFor`), as containerd prints it.
 * - /etc/hostname — the Pod's hostname and a newline.
 */

import type { Container, Node, Pod } from '../../../shared/api-types';
import type { TraceActor } from '../../../shared/dns-types';
import { podDomain, podHostname, podKernelHostname } from '../../controllers/pod-hostname';
import { formatResolvConf, type ResolvConf } from '../../dns/resolv-conf';
import type { Engine } from '../../engine';
import { isControlPlane, nodeInternalIP } from '../../network/address-book';
import { imageProfile, type ImageProfile } from '../../network/images';
import type { ExecTarget } from '../shell-types';

/** Which implementation of a tool answers (its output format differs). */
export type NslookupFlavor = 'bind9' | 'busybox';
export type WgetFlavor = 'gnu' | 'busybox';
export type PingFlavor = 'iputils' | 'busybox';
/** The interactive shell: bash, busybox ash, or Debian's dash. */
export type ShellKind = 'bash' | 'ash' | 'dash';

/** A tiny filesystem: absolute paths → contents (directories are implied by their files). */
export class FileSystem {
  readonly files = new Map<string, string>();
  readonly dirs = new Set<string>(['/']);
  cwd: string;

  constructor(cwd: string, dirs: readonly string[]) {
    this.cwd = cwd;
    for (const d of dirs) this.addDir(d);
    this.addDir(cwd);
  }

  addDir(path: string): void {
    let p = path;
    while (p !== '/' && p !== '') {
      this.dirs.add(p);
      p = p.slice(0, p.lastIndexOf('/')) || '/';
    }
  }

  /** Resolves `path` against the working directory (`.`, `..`, `~` handled). */
  resolve(path: string, home = '/root'): string {
    const raw = path.startsWith('~') ? home + path.slice(1) : path.startsWith('/') ? path : `${this.cwd === '/' ? '' : this.cwd}/${path}`;
    const out: string[] = [];
    for (const part of raw.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') out.pop();
      else out.push(part);
    }
    return `/${out.join('/')}`;
  }

  write(path: string, content: string): void {
    const abs = this.resolve(path);
    this.files.set(abs, content);
    this.addDir(abs.slice(0, abs.lastIndexOf('/')) || '/');
  }

  /** Entries directly under a directory (names), or undefined if it is not a directory. */
  list(dir: string): string[] | undefined {
    const abs = this.resolve(dir);
    if (!this.dirs.has(abs)) return undefined;
    const prefix = abs === '/' ? '/' : `${abs}/`;
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p !== abs && p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
    }
    return [...names].sort();
  }
}

/** Per-engine state kept by the tools (an engine has no slot for it; a WeakMap keeps the engine pure). */
interface ToolState {
  queryCounter: number;
  filesystems: Map<string, FileSystem>;
}
const STATE = new WeakMap<Engine, ToolState>();

export function toolState(engine: Engine): ToolState {
  let s = STATE.get(engine);
  if (!s) {
    s = { queryCounter: 0, filesystems: new Map() };
    STATE.set(engine, s);
  }
  return s;
}

/** FNV-1a over a string: a stable, seedable hash for ids and cookies (no Math.random). */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

/** A DNS message id the way dig picks one (random in 0..65535) — here from the seed, the clock and a counter. */
export function nextQueryId(engine: Engine, label: string): number {
  const s = toolState(engine);
  s.queryCounter++;
  return hash32(`${engine.config.seed}/${engine.now()}/${s.queryCounter}/${label}`) & 0xffff;
}

/** Everything a tool may ask about where it runs. */
export interface ExecEnv {
  engine: Engine;
  kind: 'pod' | 'host';
  pod?: Pod;
  container?: Container;
  /** The image profile (pods only). */
  image?: ImageProfile;
  /** Who sends packets (trace actor), and the node whose kube-proxy rules apply. */
  actor: TraceActor;
  node: string;
  /** The address packets leave from. */
  ip: string;
  hostname: string;
  /** `hostname -f`. */
  fqdn: string;
  resolvConf: ResolvConf;
  /** /etc/hosts as the C library reads it. */
  hostsFile: string;
  fs: FileSystem;
  /** Output goes to a terminal (`kubectl exec -it`, the interactive shell). */
  tty: boolean;
  shell: ShellKind;
  /** Whose coreutils answer (cat, ls, hostname, date): their error lines differ. */
  userland: 'busybox' | 'gnu';
  nslookup: NslookupFlavor;
  wget: WgetFlavor;
  ping: PingFlavor;
  /** `; <<>> DiG <version> <<>>` */
  digVersion: string;
  /** curl's version (User-Agent, `curl -V`). */
  curlVersion: string;
  home: string;
  environment(): Record<string, string>;
  /** A fixed client cookie for dig in this container (dig draws one per process). */
  cookie: string;
}

/** Options a host application may pass along with a command. */
export interface RunOptions {
  /** Output goes to a terminal (default true: the interactive `kubectl exec -it` shell). */
  tty?: boolean;
  /** The shell the user entered (`kubectl exec -it POD -- sh` vs `-- bash`); default: the image's. */
  shell?: ShellKind | 'sh';
}

const DEBIAN_DIRS = ['/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/lib64', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/var'];
const BUSYBOX_DIRS = ['/bin', '/dev', '/etc', '/home', '/lib', '/lib64', '/proc', '/root', '/sys', '/tmp', '/usr', '/var'];

/** Tool versions the simulator prints; see README.md for where they come from. */
export const VERSIONS = {
  /** Debian 12's bind9-dnsutils, the version the fixtures were captured with. */
  dig: '9.18.49-1~deb12u3-Debian',
  curl: '7.88.1',
} as const;

/** The control-plane node: the admin host. */
export function controlPlaneNode(engine: Engine): { name: string; ip: string } {
  const nodes = engine.store.list<Node>('Node');
  const node = nodes.find(isControlPlane) ?? nodes[0];
  return { name: node?.metadata.name ?? 'master', ip: (node && nodeInternalIP(node)) ?? engine.world.internal.nodes[0]?.ipv4[0] ?? '192.168.0.30' };
}

/** The kubelet-managed /etc/hosts of a Pod. */
export function managedHostsFile(pod: Pod, clusterDomain: string): string {
  let out = '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
  const hostname = podHostname(pod);
  const domain = podDomain(pod, clusterDomain);
  const ips = (pod.status?.podIPs ?? []).map((p) => p.ip).filter(Boolean);
  if (ips.length === 0 && pod.status?.podIP) ips.push(pod.status.podIP);
  for (const ip of ips) out += domain ? `${ip}\t${hostname}.${domain}\t${hostname}\n` : `${ip}\t${hostname}\n`;
  const aliases = (pod.spec.hostAliases ?? []) as { ip?: string; hostnames?: string[] }[];
  if (aliases.length > 0) {
    out += '\n# Entries added by HostAliases.\n';
    for (const a of aliases) for (const h of a.hostnames ?? []) out += `${a.ip}\t${h}\n`;
  }
  return out;
}

/** The admin host's /etc/hosts (an Ubuntu node the course set up with its peers' names). */
export function hostHostsFile(engine: Engine): string {
  const cp = controlPlaneNode(engine);
  let out = `127.0.0.1 localhost\n127.0.1.1 ${cp.name}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`;
  for (const n of engine.store.list<Node>('Node')) {
    const ip = nodeInternalIP(n);
    if (ip) out += `${ip} ${n.metadata.name}\n`;
  }
  return out;
}

function filesystemFor(engine: Engine, key: string, make: () => FileSystem): FileSystem {
  const s = toolState(engine);
  let fs = s.filesystems.get(key);
  if (!fs) {
    fs = make();
    s.filesystems.set(key, fs);
  }
  return fs;
}

/** The shell an image starts for `sh` / `bash` / nothing said. */
function shellFor(profile: ImageProfile, asked: RunOptions['shell']): ShellKind {
  const debian = profile.tools.includes('bash') && profile.repository !== 'nicolaka/netshoot';
  if (asked === 'bash') return 'bash';
  if (asked === 'ash' || asked === 'dash') return asked;
  if (asked === 'sh') return debian ? 'dash' : 'ash';
  return profile.tools.includes('bash') ? 'bash' : 'ash';
}

/** The environment of a container, or an error line when it cannot run commands. */
export function containerEnv(engine: Engine, target: ExecTarget & { kind: 'pod' }, options: RunOptions = {}): ExecEnv | { error: string; exitCode: number } {
  const pod = engine.store.get<Pod>('Pod', target.namespace, target.pod);
  if (!pod) return { error: `Error from server (NotFound): pods "${target.pod}" not found`, exitCode: 1 };
  const container = pod.spec.containers.find((c) => c.name === target.container) ?? (target.container ? undefined : pod.spec.containers[0]);
  if (!container) return { error: `error: unable to upgrade connection: container not found ("${target.container}")`, exitCode: 1 };
  if (pod.status?.phase !== 'Running' || !pod.status.podIP) {
    return { error: `error: unable to upgrade connection: container not found ("${container.name}")`, exitCode: 1 };
  }
  const profile = imageProfile(container.image);
  const flavors = profile.flavors;
  const clusterDomain = engine.config.clusterDomain;
  const ip = pod.status.podIP;
  const hostname = podKernelHostname(pod, clusterDomain);
  const domain = podDomain(pod, clusterDomain);
  const busybox = flavors.nslookup === 'busybox' || profile.repository === 'library/busybox' || profile.repository === 'library/alpine';
  const home = '/root';
  const cwd = profile.repository === 'nicolaka/netshoot' ? '/root' : '/';
  const fs = filesystemFor(engine, `${pod.metadata.uid}/${container.name}`, () => new FileSystem(cwd, busybox ? BUSYBOX_DIRS : DEBIAN_DIRS));
  const uid = pod.metadata.uid ?? '';
  return {
    engine,
    kind: 'pod',
    pod,
    container,
    image: profile,
    actor: { kind: 'pod', id: `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`, ip },
    node: pod.spec.nodeName ?? '',
    ip,
    hostname,
    fqdn: domain ? `${podHostname(pod)}.${domain}` : hostname,
    resolvConf: engine.dns.resolvConfFor(pod),
    hostsFile: managedHostsFile(pod, clusterDomain),
    fs,
    tty: options.tty ?? true,
    shell: shellFor(profile, options.shell),
    userland: busybox ? 'busybox' : 'gnu',
    nslookup: flavors.nslookup === 'busybox' ? 'busybox' : 'bind9',
    wget: flavors.wget === 'gnu' ? 'gnu' : busybox ? 'busybox' : 'gnu',
    ping: flavors.ping === 'busybox' || busybox ? 'busybox' : 'iputils',
    digVersion: VERSIONS.dig,
    curlVersion: VERSIONS.curl,
    home,
    environment: () => engine.kubelet.containerEnvironment(uid, container.name) ?? { PATH: profile.path, HOSTNAME: hostname, HOME: home },
    cookie: (hash32(`cookie/${uid}/${container.name}`).toString(16).padStart(8, '0') + hash32(`cookie2/${engine.config.seed}/${uid}`).toString(16).padStart(8, '0')).slice(0, 16),
  };
}

/** The admin host: the control-plane node, its resolv.conf (the internal DNS), bash, bind9 tools, curl, GNU wget, iputils ping. */
export function hostEnv(engine: Engine, options: RunOptions = {}): ExecEnv {
  const cp = controlPlaneNode(engine);
  const fs = filesystemFor(engine, 'host', () => new FileSystem('/root', DEBIAN_DIRS));
  return {
    engine,
    kind: 'host',
    actor: { kind: 'host', id: cp.name, ip: cp.ip },
    node: cp.name,
    ip: cp.ip,
    hostname: cp.name,
    fqdn: cp.name,
    resolvConf: engine.dns.nodeResolvConf,
    hostsFile: hostHostsFile(engine),
    fs,
    tty: options.tty ?? true,
    shell: 'bash',
    userland: 'gnu',
    nslookup: 'bind9',
    wget: 'gnu',
    ping: 'iputils',
    digVersion: VERSIONS.dig,
    curlVersion: VERSIONS.curl,
    home: '/root',
    environment: () => ({
      SHELL: '/bin/bash',
      PWD: fs.cwd,
      LOGNAME: 'root',
      HOME: '/root',
      LANG: 'C.UTF-8',
      USER: 'root',
      HOSTNAME: cp.name,
      SHLVL: '1',
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin',
      KUBECONFIG: '/etc/kubernetes/admin.conf',
    }),
    cookie: (hash32(`cookie/host/${cp.name}`).toString(16).padStart(8, '0') + hash32(`cookie2/${engine.config.seed}`).toString(16).padStart(8, '0')).slice(0, 16),
  };
}

/** /etc/resolv.conf text for this environment. */
export function resolvConfText(env: ExecEnv): string {
  return formatResolvConf(env.resolvConf);
}
