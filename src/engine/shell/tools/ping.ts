/**
 * ping, iputils (20221126, Debian 12; netshoot, the admin host) or busybox (fixtures:
 * testdata/ping-*). ICMP answers come from the engine (network/icmp.ts): Pods and nodes reply, a
 * ClusterIP never does — kube-proxy's iptables rules only DNAT the Service's TCP/UDP ports and no
 * interface owns the address — so `ping SERVICE` resolves the name and then loses every packet.
 *
 * iputils: `PING CANON (IP) 56(84) bytes of data.`, replies named by a reverse lookup (PTR) when
 * the target was a name, statistics with `time Nms` and `rtt min/avg/max/mdev`, exit 1 without
 * replies, 2 when the name does not resolve (`ping: NAME: Name or service not known`).
 * busybox: `PING NAME (IP): 56 data bytes`, `seq=0`, `round-trip min/avg/max`,
 * `ping: bad address 'NAME'`.
 * Without -c real ping runs until Ctrl-C; here it sends 4 and stops as if interrupted (`^C`).
 * Times are deterministic: same node ~0.05 ms, across nodes ~0.5 ms, the internet ~30 ms.
 */

import type { TraceHop } from '../../../shared/dns-types';
import { ipFamily, reverseName } from '../../net/ip-address';
import type { CommandResult } from '../shell-types';
import { hash32, type ExecEnv } from './exec-env';
import { Output } from './output';
import { getaddrinfo } from './resolver';

interface PingPlan {
  reachable: boolean;
  unreachable: boolean;
  ttl: number;
  baseMs: number;
  reason: string;
}

function plan(env: ExecEnv, ip: string): PingPlan {
  const r = env.engine.kubeProxy.ping({ ...env.actor, node: env.kind === 'pod' ? env.node : env.node }, ip);
  const owner = env.engine.kubeProxy.addressBook.resolve(ip);
  let ttl = 64;
  let baseMs = 0.05;
  switch (owner.kind) {
    case 'pod': {
      const sameNode = owner.pod.spec.nodeName === env.node;
      ttl = sameNode ? 64 : env.kind === 'pod' ? 62 : 63;
      baseMs = sameNode ? 0.06 : 0.5;
      break;
    }
    case 'node':
      ttl = 64;
      baseMs = owner.node.metadata.name === env.node ? 0.04 : 0.4;
      break;
    case 'internal-host':
      ttl = 64;
      baseMs = 0.6;
      break;
    case 'internet-host':
    case 'site':
      ttl = 115;
      baseMs = 31;
      break;
    default:
      break;
  }
  if (env.kind === 'pod' && owner.kind !== 'pod' && owner.kind !== 'cluster-ip') ttl = Math.max(1, ttl - 1);
  return { reachable: r.reachable, unreachable: r.code === 'host-unreachable', ttl, baseMs, reason: r.reason };
}

function times(env: ExecEnv, ip: string, base: number, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const h = hash32(`${env.actor.id}/${ip}/${env.engine.now()}/${i}`);
    // First packet a little slower (ARP / route cache), then small jitter.
    const jitter = ((h % 1000) / 1000) * base * 0.8;
    out.push(Math.max(0.011, (i === 0 ? base * 1.8 : base) + jitter));
  }
  return out;
}

const f3 = (n: number): string => n.toFixed(3);

/** iputils prints a reply's time with 3, 2, 1 or 0 decimals as it grows. */
function replyTime(ms: number): string {
  if (ms >= 99.95) return ms.toFixed(0);
  if (ms >= 9.995) return ms.toFixed(1);
  if (ms >= 0.9995) return ms.toFixed(2);
  return ms.toFixed(3);
}

interface PingArgs {
  count?: number;
  target?: string;
  numeric: boolean;
  quiet: boolean;
  error?: string;
}

function parse(args: string[]): PingArgs {
  const o: PingArgs = { numeric: false, quiet: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 'c' || c === 'W' || c === 'w' || c === 'i' || c === 's' || c === 't' || c === 'I') {
          const v = a.slice(j + 1) || args[++i];
          if (c === 'c') {
            const n = Number(v);
            if (!Number.isInteger(n) || n <= 0) o.error = `invalid argument: '${v ?? ''}'`;
            else o.count = n;
          }
          break;
        }
        if (c === 'n') o.numeric = true;
        else if (c === 'q') o.quiet = true;
        else if (c === '4' || c === '6' || c === 'v' || c === 'D' || c === 'O') continue;
        else o.error = `invalid option -- '${c}'`;
      }
      continue;
    }
    o.target = a;
  }
  return o;
}

/** ping in this environment's flavour. */
export function ping(args: string[], env: ExecEnv): CommandResult {
  const out = new Output();
  const o = parse(args);
  const busybox = env.ping === 'busybox';
  if (o.error) return out.err(busybox ? `ping: ${o.error}\n` : `ping: ${o.error}\n`).result(busybox ? 1 : 2, env.tty);
  if (!o.target) return out.err(busybox ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n' : 'ping: usage error: Destination address required\n').result(busybox ? 1 : 1, env.tty);
  const hops: TraceHop[] = [];
  const res = getaddrinfo(env, o.target, ['A', 'AAAA']);
  hops.push(...res.hops);
  const ip = res.addresses.find((a) => ipFamily(a) === 'IPv4') ?? res.addresses[0];
  if (!ip) {
    if (busybox) return out.err(`ping: bad address '${o.target}'\n`).result(1, env.tty, hops);
    const why = res.outcome === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known';
    return out.err(`ping: ${o.target}: ${why}\n`).result(2, env.tty, hops);
  }
  const interrupted = o.count === undefined;
  const count = o.count ?? 4;
  const p = plan(env, ip);
  hops.push({ type: 'connect', from: env.actor, to: { kind: p.reachable ? 'server' : 'service', id: ip, ip }, ip, port: 0, note: `ICMP echo: ${p.reason}` });
  const rtts = p.reachable ? times(env, ip, p.baseMs, count) : [];
  const numericTarget = res.outcome === 'numeric';
  if (busybox) {
    out.out(`PING ${o.target} (${ip}): 56 data bytes\n`);
    for (let i = 0; i < rtts.length; i++) if (!o.quiet) out.out(`64 bytes from ${ip}: seq=${i} ttl=${p.ttl} time=${f3(rtts[i])} ms\n`);
    if (interrupted) out.out('^C\n');
    const loss = Math.round(((count - rtts.length) * 100) / count);
    out.out(`\n--- ${o.target} ping statistics ---\n${count} packets transmitted, ${rtts.length} packets received, ${loss}% packet loss\n`);
    if (rtts.length > 0) {
      const avg = rtts.reduce((a, b) => a + b, 0) / rtts.length;
      out.out(`round-trip min/avg/max = ${f3(Math.min(...rtts))}/${f3(avg)}/${f3(Math.max(...rtts))} ms\n`);
    }
    return out.result(rtts.length > 0 ? 0 : 1, env.tty, hops);
  }
  const canon = numericTarget ? ip : (res.canonical ?? o.target);
  out.out(`PING ${canon} (${ip}) 56(84) bytes of data.\n`);
  // Replies are named by a reverse lookup of the source address (PTR), unless -n or a numeric target.
  if (!numericTarget && !o.numeric && rtts.length > 0) {
    for (let i = 0; i < rtts.length; i++) {
      const server = env.resolvConf.nameservers[0];
      const ptr = server ? env.engine.dns.query(env.actor, server, reverseName(ip) ?? '', 'PTR') : undefined;
      if (ptr) hops.push(...ptr.hops);
      const name = ptr && !ptr.timedOut ? ptr.message.answer.find((r) => r.type === 'PTR')?.data : undefined;
      const replyName = name ? `${name.replace(/\.$/, '')} (${ip})` : `${ip} (${ip})`;
      if (!o.quiet) out.out(`64 bytes from ${replyName}: icmp_seq=${i + 1} ttl=${p.ttl} time=${replyTime(rtts[i])} ms\n`);
    }
  } else {
    for (let i = 0; i < rtts.length; i++) if (!o.quiet) out.out(`64 bytes from ${ip}: icmp_seq=${i + 1} ttl=${p.ttl} time=${replyTime(rtts[i])} ms\n`);
  }
  if (p.unreachable) for (let i = 0; i < count; i++) if (!o.quiet) out.out(`From ${env.ip} icmp_seq=${i + 1} Destination Host Unreachable\n`);
  if (interrupted) out.out('^C\n');
  const elapsed = count > 1 ? (count - 1) * 1000 + (count - 1) * 2 + (p.reachable ? 0 : 2) : 0;
  const loss = Math.round(((count - rtts.length) * 100) / count);
  const errors = p.unreachable ? `+${count} errors, ` : '';
  out.out(`\n--- ${canon} ping statistics ---\n${count} packets transmitted, ${rtts.length} received, ${errors}${loss}% packet loss, time ${elapsed}ms\n`);
  if (rtts.length > 0) {
    const avg = rtts.reduce((a, b) => a + b, 0) / rtts.length;
    const mdev = Math.sqrt(Math.max(0, rtts.reduce((a, b) => a + b * b, 0) / rtts.length - avg * avg));
    out.out(`rtt min/avg/max/mdev = ${f3(Math.min(...rtts))}/${f3(avg)}/${f3(Math.max(...rtts))}/${f3(mdev)} ms\n`);
  } else out.out('\n');
  return out.result(rtts.length > 0 ? (interrupted ? 0 : 0) : 1, env.tty, hops);
}
