/**
 * Our tools against the real ones: every fixture in testdata/ is what the real binary printed
 * (dig/nslookup 9.18, busybox 1.35, curl 7.88.1, GNU wget 1.21.3, iputils ping, glibc getent)
 * when run against this very scenario's DNS answers and HTTP responses (testdata/capture). The
 * same command in the same fresh cluster must print the same bytes (volatile fields aside, see
 * testing/fixtures.ts), exit with the same code, save the same files and send the same DNS
 * queries in the same order.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TraceHop } from '../../../shared/dns-types';
import type { ShellContext } from '../shell-types';
import { containerFiles, runInContainer, runOnHost } from './container-commands';
import { chapterAddresses, chapterEngine, chapterPod } from './testing/chapter-scenario';
import { fill, fromPty, normalize, type Fixture } from './testing/fixtures';

const DIR = join(__dirname, 'testdata');
const fixtures: Fixture[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Fixture);

/** Runs a fixture's command in a fresh chapter cluster, as the capture did. */
function run(fx: Fixture) {
  const engine = chapterEngine();
  const addresses = chapterAddresses(engine);
  const dnsIp = addresses['svc:kube-system/kube-dns'];
  // The capture dropped packets to these addresses; the engine models ClusterIP drops itself,
  // but an unreachable DNS server has to be made so.
  if (fx.drop.includes('10.96.0.10') || fx.drop.includes('{{svc:kube-system/kube-dns}}')) engine.dns.network.unregister(dnsIp);
  const argv = fx.argv.map((a) => fill(a, addresses));
  const target =
    fx.from === 'host'
      ? ({ kind: 'host' } as const)
      : ({ kind: 'pod', namespace: 'default', pod: fx.from, container: chapterPod(engine, fx.from).spec.containers[0].name } as const);
  const ctx: ShellContext = { engine, files: { read: () => undefined }, target, runIn: () => ({ stdout: '', stderr: '', exitCode: 0 }), columns: 80 };
  const tty = !!fx.pty;
  const exec = (words: string[]) => (target.kind === 'host' ? runOnHost(words, ctx, { tty }) : runInContainer(words, ctx, { tty }));
  // A command run first in the same container (its output is not part of the fixture, its queries are).
  const setup = fx.setup ? exec(fx.setup.map((a) => fill(a, addresses))) : undefined;
  const result = exec(argv);
  return { engine, addresses, result: { ...result, hops: [...(setup?.hops ?? []), ...(result.hops ?? [])] }, target };
}

/** The DNS queries the client itself sent (`server name TYPE`), as the capture logged them. */
function clientQueries(hops: TraceHop[] | undefined, clientIp: string | undefined): string[] {
  return (hops ?? []).flatMap((h) => (h.type === 'dns-query' && h.rcode !== undefined && h.from.ip === clientIp && (h.from.kind === 'pod' || h.from.kind === 'host') ? [`${h.to.ip} ${h.name} ${h.qtype}`] : []));
}

describe.each(['nslookup-bind9', 'nslookup-busybox', 'dig', 'curl', 'wget-busybox', 'wget-gnu', 'ping-iputils', 'ping-busybox', 'getent', 'hostname', 'hostname-busybox', 'host', 'nc', 'ls-busybox', 'ls-gnu'])('%s matches the real tool', (tool) => {
  const cases = fixtures.filter((f) => f.tool === tool);
  it.each(cases.map((f) => [f.name, f] as const))('%s', (_name, fx) => {
    const { engine, addresses, result, target } = run(fx);
    const want = (text: string): string => normalize(fill(fx.pty ? fromPty(text) : text, addresses));
    if (fx.pty) {
      expect(normalize(result.stdout)).toBe(want(fx.stdout));
      expect(result.stderr).toBe('');
    } else {
      expect(normalize(result.stdout)).toBe(want(fx.stdout));
      expect(normalize(result.stderr)).toBe(want(fx.stderr));
    }
    expect(result.exitCode).toBe(fx.exitCode);
    const clientIp = target.kind === 'host' ? '192.168.0.30' : chapterPod(engine, fx.from).status?.podIP;
    expect(clientQueries(result.hops, clientIp)).toEqual(fx.queries.map((q) => fill(q, addresses)));
    if (fx.files && target.kind === 'pod') {
      const files = containerFiles(engine, target.pod, target.container, target.namespace);
      for (const [name, content] of Object.entries(fx.files)) expect(files[name]).toBe(fill(content, addresses));
    }
  });
});

it('every fixture is exercised by a tool group', () => {
  const groups = new Set(['nslookup-bind9', 'nslookup-busybox', 'dig', 'curl', 'wget-busybox', 'wget-gnu', 'ping-iputils', 'ping-busybox', 'getent', 'hostname', 'hostname-busybox', 'host', 'nc', 'ls-busybox', 'ls-gnu']);
  expect(fixtures.filter((f) => !groups.has(f.tool)).map((f) => f.name)).toEqual([]);
  expect(fixtures.length).toBeGreaterThan(100);
});
