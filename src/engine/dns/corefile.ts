/**
 * The Corefile: Caddyfile server blocks (caddyfile.ts) turned into typed plugin configurations,
 * with each plugin's setup rules and error texts as CoreDNS v1.11 has them
 * (plugin/kubernetes/setup.go, plugin/forward/setup.go, plugin/cache/setup.go,
 * plugin/loadbalance/setup.go, plugin/hosts/setup.go, core/dnsserver/register.go). Errors read as
 * CoreDNS prints them: `plugin/kubernetes: /etc/coredns/Corefile:5 - Error during parsing: …`.
 *
 * Modelled plugins: kubernetes, forward, cache, loadbalance, hosts. Accepted and kept for display
 * (no effect on answers): errors, health, ready, prometheus, loop, reload, log and the rest of
 * plugin.cfg. Setup runs in plugin.cfg order, as Caddy does, so the first error reported is the
 * one of the plugin that sits earliest in the chain.
 */

import { parseCidr } from '../net/ip-address';
import type { Token } from './caddyfile';
import { CaddyfileError, Dispenser, parseServerBlocks } from './caddyfile';
import { normalizeName, reverseKind } from './dns-name';
import { parseGoDuration } from './go-duration';

/** Where the Corefile is mounted in the CoreDNS pod (kubeadm: `-conf /etc/coredns/Corefile`). */
export const COREFILE_PATH = '/etc/coredns/Corefile';

/** CoreDNS v1.11 plugin.cfg: the compiled-in plugins, in chain order. */
export const PLUGIN_ORDER: readonly string[] = [
  'root', 'metadata', 'geoip', 'cancel', 'tls', 'timeouts', 'reload', 'nsid', 'bufsize', 'bind', 'debug', 'trace', 'ready', 'health',
  'pprof', 'prometheus', 'errors', 'log', 'dnstap', 'local', 'dns64', 'acl', 'any', 'chaos', 'loadbalance', 'tsig', 'cache', 'rewrite',
  'header', 'dnssec', 'autopath', 'minimal', 'template', 'transfer', 'hosts', 'route53', 'azure', 'clouddns', 'k8s_external',
  'kubernetes', 'file', 'auto', 'secondary', 'etcd', 'loop', 'forward', 'grpc', 'erratic', 'whoami', 'on', 'sign', 'view',
];
const VALID_DIRECTIVES: ReadonlySet<string> = new Set(PLUGIN_ORDER);

/** The kubeadm Corefile (cmd/kubeadm/app/phases/addons/dns/manifests.go), as rendered into the coredns ConfigMap. */
export function defaultCorefile(clusterDomain: string): string {
  return `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${clusterDomain} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success ${clusterDomain}
       disable denial ${clusterDomain}
    }
    loop
    reload
    loadbalance
}
`;
}

/** `kubernetes [ZONES...] { … }` (plugin/kubernetes/setup.go). */
export interface KubernetesConfig {
  plugin: 'kubernetes';
  line: number;
  /** Normalized zones (`cluster.local.`, `in-addr.arpa.`). */
  zones: string[];
  /** Index of the first non-reverse zone: PTR targets are built in it. */
  primaryZoneIndex: number;
  pods: 'disabled' | 'insecure' | 'verified';
  ttl: number;
  /** Exposed namespaces; empty exposes all. */
  namespaces: string[];
  ignoreEmptyService: boolean;
  /** fall.F zones: undefined without `fallthrough`; `['.']` for a bare `fallthrough`. */
  fallthrough?: string[];
  endpointPodNames: boolean;
  noEndpoints: boolean;
}

/** One upstream of `forward`: an address, or the resolv.conf file whose nameservers it names. */
export type ForwardTarget = { kind: 'address'; ip: string; port: number; transport: 'dns' | 'tls' } | { kind: 'resolv.conf'; path: string };

/** `forward FROM TO... { … }` (plugin/forward/setup.go). */
export interface ForwardConfig {
  plugin: 'forward';
  line: number;
  from: string;
  to: ForwardTarget[];
  except: string[];
  policy: 'random' | 'round_robin' | 'sequential';
  maxConcurrent: number;
}

/** `cache [TTL] [ZONES...] { … }` (plugin/cache/setup.go); TTLs in seconds. */
export interface CacheConfig {
  plugin: 'cache';
  line: number;
  zones: string[];
  successTtl: number;
  successMinTtl: number;
  successCapacity: number;
  denialTtl: number;
  denialMinTtl: number;
  denialCapacity: number;
  servfailTtl: number;
  /** `disable success ZONES`: responses in these zones are not stored. */
  disableSuccess: string[];
  disableDenial: string[];
  prefetch: number;
  serveStaleMs: number;
  keepTtl: boolean;
}

/** `loadbalance [round_robin]` (plugin/loadbalance/setup.go). */
export interface LoadbalanceConfig {
  plugin: 'loadbalance';
  line: number;
  policy: 'round_robin';
}

/** `hosts [FILE [ZONES...]] { INLINE… }` (plugin/hosts/setup.go). */
export interface HostsConfig {
  plugin: 'hosts';
  line: number;
  file: string;
  zones: string[];
  /** Inline entries, `IP NAME...` per line. */
  inline: string[];
  ttl: number;
  noReverse: boolean;
  fallthrough?: string[];
}

/** `reload [INTERVAL] [JITTER]` (plugin/reload/setup.go); milliseconds. */
export interface ReloadConfig {
  plugin: 'reload';
  line: number;
  intervalMs: number;
  jitterMs: number;
}

/** A plugin the simulator accepts but does not act on. */
export interface OtherPluginConfig {
  plugin: 'other';
  name: string;
  line: number;
  args: string[];
}

export type PluginConfig = KubernetesConfig | ForwardConfig | CacheConfig | LoadbalanceConfig | HostsConfig | ReloadConfig | OtherPluginConfig;

/** One server block: the zones it serves on a port, and its plugins in chain (plugin.cfg) order. */
export interface ServerBlockConfig {
  keys: string[];
  zones: string[];
  port: number;
  line: number;
  plugins: PluginConfig[];
}

/** A parsed Corefile. */
export interface CorefileConfig {
  text: string;
  servers: ServerBlockConfig[];
}

export type CorefileResult = { config: CorefileConfig; error?: undefined } | { config?: undefined; error: string };

/** Parses Corefile text; never throws. */
export function parseCorefile(text: string, file: string = COREFILE_PATH): CorefileResult {
  try {
    return { config: buildConfig(text, file) };
  } catch (e) {
    if (e instanceof CaddyfileError || e instanceof PluginError) return { error: e.message };
    throw e;
  }
}

class PluginError extends Error {}

/** plugin.Error: `plugin/NAME: MSG`. */
function pluginError(name: string, err: Error | string): PluginError {
  return new PluginError(`plugin/${name}: ${typeof err === 'string' ? err : err.message}`);
}

function buildConfig(text: string, file: string): CorefileConfig {
  const blocks = parseServerBlocks(file, text, VALID_DIRECTIVES);
  const servers: ServerBlockConfig[] = [];
  const seen = new Set<string>();
  for (const block of blocks) {
    const addrs = block.keys.map((key) => normalizeServerKey(key));
    for (const a of addrs) {
      if ('error' in a) throw new PluginError(a.error);
      const id = `dns://${a.zone}:${a.port}`;
      if (seen.has(id)) throw new PluginError(`cannot serve ${id} - it is already defined`);
      seen.add(id);
    }
    const zones = addrs.map((a) => (a as { zone: string }).zone);
    const plugins: PluginConfig[] = [];
    const byName = new Map<string, Token[][]>();
    for (const d of block.directives) {
      const list = byName.get(d.name) ?? [];
      list.push(d.tokens);
      byName.set(d.name, list);
    }
    for (const name of PLUGIN_ORDER) {
      const occurrences = byName.get(name);
      if (!occurrences) continue;
      plugins.push(...setupPlugin(name, occurrences, file, zones));
    }
    servers.push({ keys: block.keys, zones, port: (addrs[0] as { port: number }).port, line: block.line, plugins });
  }
  return { text, servers };
}

/** A server block key (`.:53`, `dns://cluster.local:53`, `10.0.0.0/24`) → zone and port. */
function normalizeServerKey(key: string): { zone: string; port: number } | { error: string } {
  let s = key;
  const transport = /^([a-z]+):\/\//.exec(s);
  if (transport) {
    if (!['dns', 'tls', 'grpc', 'https', 'quic'].includes(transport[1])) return { error: `unknown transport: ${transport[1]}` };
    s = s.slice(transport[0].length);
  }
  let port = 53;
  const colon = s.lastIndexOf(':');
  if (colon >= 0 && !s.includes('/') && s.indexOf(':') === colon) {
    const p = s.slice(colon + 1);
    if (!/^\d+$/.test(p)) return { error: `invalid port: ${p}` };
    port = Number(p);
    s = s.slice(0, colon);
  }
  const zones = hostZones(s === '' ? '.' : s);
  if (zones.length === 0) return { error: `unable to normalize '${key}'` };
  return { zone: zones[0], port };
}

/**
 * plugin.Host(x).NormalizeExact: a name becomes lowercase and absolute; a CIDR becomes the
 * reverse zones it covers (a prefix that is not on an octet/nibble boundary covers several).
 */
function hostZones(host: string): string[] {
  if (host.includes('/')) {
    const cidr = parseCidr(host);
    if (!cidr) return [];
    if (cidr.family === 'IPv4') {
      const octets = Math.ceil(cidr.prefix / 8);
      const count = 1 << (octets * 8 - cidr.prefix);
      const base = Number(cidr.base >> BigInt(32 - octets * 8));
      const out: string[] = [];
      for (let i = 0; i < count; i++) {
        const n = base + i;
        const labels: string[] = [];
        for (let o = 0; o < octets; o++) labels.push(String((n >> (8 * o)) & 255));
        out.push(`${labels.join('.')}${labels.length ? '.' : ''}in-addr.arpa.`);
      }
      return out;
    }
    const nibbles = Math.ceil(cidr.prefix / 4);
    const count = 1 << (nibbles * 4 - cidr.prefix);
    const base = cidr.base >> BigInt(128 - nibbles * 4);
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const n = base + BigInt(i);
      const hex = n.toString(16).padStart(nibbles, '0').split('').reverse();
      out.push(`${hex.join('.')}${hex.length ? '.' : ''}ip6.arpa.`);
    }
    return out;
  }
  return [normalizeName(host)];
}

/** `fall.F.SetZonesFromArgs`: no zones means the root. */
function fallZones(args: string[]): string[] {
  return args.length === 0 ? ['.'] : args.flatMap(hostZones);
}

function atoi(text: string): number | Error {
  if (!/^[+-]?\d+$/.test(text)) return new Error(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  return Number(text);
}

function setupPlugin(name: string, occurrences: Token[][], file: string, serverZones: string[]): PluginConfig[] {
  const tokens = occurrences.flat();
  const c = new Dispenser(file, tokens);
  try {
    switch (name) {
      case 'kubernetes':
        return [setupKubernetes(c, serverZones)];
      case 'forward':
        return setupForward(c);
      case 'cache':
        return [setupCache(c, serverZones)];
      case 'loadbalance':
        return [setupLoadbalance(c)];
      case 'hosts':
        return [setupHosts(c, serverZones)];
      case 'reload':
        return [setupReload(c)];
      default:
        return occurrences.map((occ) => ({ plugin: 'other' as const, name, line: occ[0].line, args: occ.slice(1).map((t) => t.text) }));
    }
  } catch (e) {
    if (e instanceof CaddyfileError || e instanceof PluginError) throw pluginError(name, e);
    throw e;
  }
}

const ERR_ONCE = 'this plugin can only be used once per Server Block';

function setupKubernetes(c: Dispenser, serverZones: string[]): KubernetesConfig {
  let cfg: KubernetesConfig | undefined;
  while (c.next()) {
    if (cfg) throw new PluginError(ERR_ONCE);
    const line = c.line();
    const args = c.remainingArgs();
    const zones = args.length > 0 ? args.flatMap(hostZones) : serverZones.slice();
    const primaryZoneIndex = zones.findIndex((z) => reverseKind(z) === 0);
    if (primaryZoneIndex < 0) throw new PluginError('non-reverse zone name must be used');
    const k: KubernetesConfig = {
      plugin: 'kubernetes', line, zones, primaryZoneIndex, pods: 'disabled', ttl: 5, namespaces: [], ignoreEmptyService: false,
      endpointPodNames: false, noEndpoints: false,
    };
    while (c.nextBlock()) {
      const prop = c.val();
      switch (prop) {
        case 'endpoint_pod_names':
          if (c.remainingArgs().length > 0) throw c.argErr();
          k.endpointPodNames = true;
          break;
        case 'pods': {
          const a = c.remainingArgs();
          if (a.length !== 1) throw c.argErr();
          if (a[0] !== 'disabled' && a[0] !== 'insecure' && a[0] !== 'verified') {
            throw new PluginError(`wrong value for pods: ${a[0]},  must be one of: disabled, verified, insecure`);
          }
          k.pods = a[0];
          break;
        }
        case 'namespaces': {
          const a = c.remainingArgs();
          if (a.length === 0) throw c.argErr();
          k.namespaces.push(...a);
          break;
        }
        case 'fallthrough':
          k.fallthrough = fallZones(c.remainingArgs());
          break;
        case 'ttl': {
          const a = c.remainingArgs();
          if (a.length === 0) throw c.argErr();
          const t = atoi(a[0]);
          if (t instanceof Error) throw new PluginError(t.message);
          if (t < 0 || t > 3600) throw c.err(`ttl must be in range [0, 3600]: ${t}`);
          k.ttl = t;
          break;
        }
        case 'noendpoints':
          if (c.remainingArgs().length !== 0) throw c.argErr();
          k.noEndpoints = true;
          break;
        case 'ignore': {
          const a = c.remainingArgs();
          if (a.length > 0) {
            if (a[0] !== 'empty_service') throw new PluginError(`unable to parse ignore value: '${a[0]}'`);
            k.ignoreEmptyService = true;
          }
          break;
        }
        // Accepted for compatibility; they point CoreDNS at an API server, which the simulator is.
        case 'endpoint':
        case 'labels':
        case 'namespace_labels':
        case 'multicluster':
          if (c.remainingArgs().length === 0) throw c.argErr();
          break;
        case 'tls':
          if (c.remainingArgs().length !== 3) throw c.argErr();
          break;
        case 'kubeconfig': {
          const n = c.remainingArgs().length;
          if (n !== 1 && n !== 2) throw c.argErr();
          break;
        }
        case 'startup_timeout':
        case 'apiserver_qps':
        case 'apiserver_burst':
        case 'apiserver_max_inflight':
          if (c.remainingArgs().length !== 1) throw c.argErr();
          break;
        default:
          throw c.err(`unknown property '${prop}'`);
      }
    }
    cfg = k;
  }
  return cfg!;
}

function setupForward(c: Dispenser): ForwardConfig[] {
  const out: ForwardConfig[] = [];
  while (c.next()) {
    const line = c.line();
    if (!c.nextArg()) throw c.argErr();
    const fromZones = hostZones(c.val());
    if (fromZones.length === 0) throw new PluginError(`unable to normalize '${c.val()}'`);
    const to = c.remainingArgs();
    if (to.length === 0) throw c.argErr();
    const targets: ForwardTarget[] = [];
    for (const host of to) {
      const t = /^([a-z]+):\/\//.exec(host);
      const transport = t ? t[1] : 'dns';
      const rest = t ? host.slice(t[0].length) : host;
      if (!t && rest.startsWith('/')) {
        // parse.HostPortOrFile: a path must exist; the CoreDNS container has /etc/resolv.conf only.
        if (rest !== '/etc/resolv.conf') throw new PluginError(`not an IP address or file: ${JSON.stringify(host)}`);
        targets.push({ kind: 'resolv.conf', path: rest });
        continue;
      }
      if (transport !== 'dns' && transport !== 'tls') throw new PluginError(`'${transport}' is not supported as a destination protocol in forward: ${host}`);
      const addr = splitHostPort(rest, transport === 'tls' ? 853 : 53);
      if (!addr) throw new PluginError(`not an IP address or file: ${JSON.stringify(host)}`);
      targets.push({ kind: 'address', ip: addr.ip, port: addr.port, transport });
    }
    const f: ForwardConfig = { plugin: 'forward', line, from: fromZones[0], to: targets, except: [], policy: 'random', maxConcurrent: 0 };
    while (c.nextBlock()) {
      const prop = c.val();
      switch (prop) {
        case 'except': {
          const a = c.remainingArgs();
          if (a.length === 0) throw c.argErr();
          f.except.push(...a.flatMap(hostZones));
          break;
        }
        case 'policy': {
          if (!c.nextArg()) throw c.argErr();
          const p = c.val();
          if (p !== 'random' && p !== 'round_robin' && p !== 'sequential') throw c.err(`unknown policy '${p}'`);
          f.policy = p;
          break;
        }
        case 'max_concurrent': {
          if (!c.nextArg()) throw c.argErr();
          const n = atoi(c.val());
          if (n instanceof Error) throw new PluginError(n.message);
          if (n < 0) throw new PluginError(`max_concurrent can't be negative: ${n}`);
          f.maxConcurrent = n;
          break;
        }
        case 'max_fails': {
          if (!c.nextArg()) throw c.argErr();
          if (!/^\d+$/.test(c.val())) throw new PluginError(`strconv.ParseUint: parsing ${JSON.stringify(c.val())}: invalid syntax`);
          break;
        }
        case 'health_check':
        case 'expire': {
          if (!c.nextArg()) throw c.argErr();
          const d = parseGoDuration(c.val());
          if (d instanceof Error) throw new PluginError(d.message);
          if (d < 0) throw new PluginError(`${prop} can't be negative: ${c.val()}`);
          if (prop === 'health_check') c.remainingArgs();
          break;
        }
        case 'force_tcp':
        case 'prefer_udp':
          if (c.nextArg()) throw c.argErr();
          break;
        case 'tls':
          if (c.remainingArgs().length > 3) throw c.argErr();
          break;
        case 'tls_servername':
          if (!c.nextArg()) throw c.argErr();
          break;
        default:
          throw c.err(`unknown property '${prop}'`);
      }
    }
    out.push(f);
  }
  if (out.some((f) => f.to.length > 15)) throw new PluginError(`more than 15 TOs configured: ${Math.max(...out.map((f) => f.to.length))}`);
  return out;
}

function splitHostPort(text: string, defaultPort: number): { ip: string; port: number } | undefined {
  let host = text;
  let port = defaultPort;
  const bracket = /^\[(.+)\]:(\d+)$/.exec(text);
  if (bracket) {
    host = bracket[1];
    port = Number(bracket[2]);
  } else if (text.split(':').length === 2) {
    const [h, p] = text.split(':');
    if (!/^\d+$/.test(p)) return undefined;
    host = h;
    port = Number(p);
  }
  if (!/^[0-9a-fA-F.:]+$/.test(host) || parseCidr(`${host}/${host.includes(':') ? 128 : 32}`) === undefined) return undefined;
  return { ip: host, port };
}

function setupCache(c: Dispenser, serverZones: string[]): CacheConfig {
  let cfg: CacheConfig | undefined;
  while (c.next()) {
    if (cfg) throw new PluginError(ERR_ONCE);
    const ca: CacheConfig = {
      plugin: 'cache', line: c.line(), zones: serverZones.slice(), successTtl: 3600, successMinTtl: 5, successCapacity: 9984, denialTtl: 1800,
      denialMinTtl: 5, denialCapacity: 9984, servfailTtl: 5, disableSuccess: [], disableDenial: [], prefetch: 0, serveStaleMs: 0, keepTtl: false,
    };
    let args = c.remainingArgs();
    if (args.length > 0) {
      const ttl = atoi(args[0]);
      if (!(ttl instanceof Error)) {
        if (ttl <= 0) throw new PluginError(`cache TTL can not be zero or negative: ${ttl}`);
        ca.successTtl = ttl;
        ca.denialTtl = ttl;
        args = args.slice(1);
      }
    }
    if (args.length > 0) ca.zones = args.flatMap(hostZones);
    while (c.nextBlock()) {
      const prop = c.val();
      switch (prop) {
        case 'success':
        case 'denial': {
          const a = c.remainingArgs();
          if (a.length === 0) throw c.argErr();
          const cap = atoi(a[0]);
          if (cap instanceof Error) throw new PluginError(cap.message);
          if (prop === 'success') ca.successCapacity = cap;
          else ca.denialCapacity = cap;
          if (a.length > 1) {
            const ttl = atoi(a[1]);
            if (ttl instanceof Error) throw new PluginError(ttl.message);
            if (ttl <= 0) throw new PluginError(`cache TTL can not be zero or negative: ${ttl}`);
            if (prop === 'success') ca.successTtl = ttl;
            else ca.denialTtl = ttl;
            if (a.length > 2) {
              const min = atoi(a[2]);
              if (min instanceof Error) throw new PluginError(min.message);
              if (min < 0) throw new PluginError(`cache min TTL can not be negative: ${min}`);
              if (prop === 'success') ca.successMinTtl = min;
              else ca.denialMinTtl = min;
            }
          }
          break;
        }
        case 'prefetch': {
          const a = c.remainingArgs();
          if (a.length === 0 || a.length > 3) throw c.argErr();
          const amount = atoi(a[0]);
          if (amount instanceof Error) throw new PluginError(amount.message);
          if (amount < 0) throw new PluginError(`prefetch amount should be positive: ${amount}`);
          ca.prefetch = amount;
          if (a.length > 1) {
            const d = parseGoDuration(a[1]);
            if (d instanceof Error) throw new PluginError(d.message);
          }
          if (a.length > 2) {
            const pct = a[2];
            if (!pct.endsWith('%')) throw new PluginError(`last character of percentage should be \`%\`, but is: '${pct[pct.length - 1]}'`);
            const num = atoi(pct.slice(0, -1));
            if (num instanceof Error) throw new PluginError(num.message);
            if (num < 10 || num > 90) throw new PluginError(`percentage should fall in range [10, 90]: ${num}`);
          }
          break;
        }
        case 'serve_stale': {
          const a = c.remainingArgs();
          if (a.length > 2) throw c.argErr();
          ca.serveStaleMs = 3_600_000;
          if (a.length > 0) {
            const d = parseGoDuration(a[0]);
            if (d instanceof Error) throw new PluginError(d.message);
            if (d < 0) throw new PluginError('invalid negative duration for serve_stale');
            ca.serveStaleMs = d;
          }
          if (a.length > 1) {
            const mode = a[1].toLowerCase();
            if (mode !== 'immediate' && mode !== 'verify') throw new PluginError(`invalid value for serve_stale refresh mode: ${mode}`);
          }
          break;
        }
        case 'servfail': {
          const a = c.remainingArgs();
          if (a.length !== 1) throw c.argErr();
          const d = parseGoDuration(a[0]);
          if (d instanceof Error) throw new PluginError(d.message);
          if (d < 0) throw new PluginError('invalid negative ttl for servfail');
          if (d > 300_000) throw new PluginError('caching SERVFAIL responses over 5 minutes is not permitted');
          ca.servfailTtl = Math.floor(d / 1000);
          break;
        }
        case 'disable': {
          const a = c.remainingArgs();
          if (a.length < 1) throw c.argErr();
          const zones = a.length > 1 ? a.slice(1).map((z) => normalizeName(z)) : ['.'];
          if (a[0] === 'denial') ca.disableDenial = zones;
          else if (a[0] === 'success') ca.disableSuccess = zones;
          else throw new PluginError('cache type for disable must be "success" or "denial"');
          break;
        }
        case 'keepttl':
          if (c.remainingArgs().length !== 0) throw c.argErr();
          ca.keepTtl = true;
          break;
        default:
          throw c.argErr();
      }
    }
    cfg = ca;
  }
  return cfg!;
}

function setupLoadbalance(c: Dispenser): LoadbalanceConfig {
  let cfg: LoadbalanceConfig | undefined;
  while (c.next()) {
    if (cfg) throw new PluginError(ERR_ONCE);
    const line = c.line();
    const args = c.remainingArgs();
    if (args.length > 0 && args[0] !== 'round_robin') {
      if (args[0] === 'weighted') throw new PluginError('weighted policy is not simulated');
      throw new PluginError(`unknown policy: ${args[0]}`);
    }
    if (args.length > 1) throw c.argErr();
    cfg = { plugin: 'loadbalance', line, policy: 'round_robin' };
  }
  return cfg!;
}

function setupHosts(c: Dispenser, serverZones: string[]): HostsConfig {
  let cfg: HostsConfig | undefined;
  while (c.next()) {
    if (cfg) throw new PluginError(ERR_ONCE);
    const h: HostsConfig = { plugin: 'hosts', line: c.line(), file: '/etc/hosts', zones: serverZones.slice(), inline: [], ttl: 3600, noReverse: false };
    const args = c.remainingArgs();
    if (args.length >= 1) {
      h.file = args[0];
      if (args.length > 1) h.zones = args.slice(1).flatMap(hostZones);
    }
    while (c.nextBlock()) {
      const prop = c.val();
      switch (prop) {
        case 'fallthrough':
          h.fallthrough = fallZones(c.remainingArgs());
          break;
        case 'no_reverse':
          h.noReverse = true;
          break;
        case 'ttl': {
          const a = c.remainingArgs();
          if (a.length < 1) throw c.err('ttl needs a time in second');
          const ttl = atoi(a[0]);
          if (ttl instanceof Error) throw c.err('ttl needs a number of second');
          if (ttl <= 0 || ttl > 65535) throw c.err('ttl provided is invalid');
          h.ttl = ttl;
          break;
        }
        case 'reload': {
          const a = c.remainingArgs();
          if (a.length !== 1) throw c.err('reload needs a duration (zero seconds to disable)');
          const d = parseGoDuration(a[0]);
          if (d instanceof Error || d < 0) throw c.err(`invalid duration for reload '${a[0]}'`);
          break;
        }
        default:
          if (!h.fallthrough) {
            h.inline.push([prop, ...c.remainingArgs()].join(' '));
            break;
          }
          throw c.err(`unknown property '${prop}'`);
      }
    }
    cfg = h;
  }
  return cfg!;
}

function setupReload(c: Dispenser): ReloadConfig {
  let cfg: ReloadConfig | undefined;
  while (c.next()) {
    if (cfg) throw new PluginError(ERR_ONCE);
    const line = c.line();
    const args = c.remainingArgs();
    if (args.length > 2) throw c.argErr();
    let intervalMs = 30_000;
    let jitterMs = 15_000;
    if (args.length > 0) {
      const d = parseGoDuration(args[0]);
      if (d instanceof Error) throw new PluginError(d.message);
      if (d < 2000) throw new PluginError('interval value must be greater or equal to 2s');
      intervalMs = d;
      jitterMs = d / 2;
    }
    if (args.length > 1) {
      const j = parseGoDuration(args[1]);
      if (j instanceof Error) throw new PluginError(j.message);
      if (j < 1000) throw new PluginError('jitter value must be greater or equal to 1s');
      if (j > intervalMs / 2) throw new PluginError('jitter value must be smaller than half of the interval');
      jitterMs = j;
    }
    cfg = { plugin: 'reload', line, intervalMs, jitterMs };
  }
  return cfg!;
}

/** The plugin config of a kind in a server block, if present. */
export function findPlugin<K extends PluginConfig['plugin']>(server: ServerBlockConfig, kind: K): Extract<PluginConfig, { plugin: K }> | undefined {
  return server.plugins.find((p) => p.plugin === kind) as Extract<PluginConfig, { plugin: K }> | undefined;
}
