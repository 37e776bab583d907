/**
 * Option-level behaviours of the tools that the captured fixtures do not pin down: curl's meter
 * arithmetic and -w variables, wget's file naming, dig's option handling, nslookup record
 * formats, getent reverse lookups, ls columns.
 */

import { describe, expect, it } from 'vitest';
import type { Engine } from '../../engine';
import type { ShellContext } from '../shell-types';
import { runInContainer, runOnHost, splitScript } from './container-commands';
import { max5, meterLine } from './curl';
import { formatRecord, digDate } from './dig';
import { chapterAddresses, chapterEngine, chapterPod } from './testing/chapter-scenario';

function run(engine: Engine, where: string, line: string, tty = true) {
  const argv = splitScript(line)[0]?.words ?? [];
  const ctx: ShellContext = {
    engine,
    files: { read: () => undefined },
    target: where === 'host' ? { kind: 'host' } : { kind: 'pod', namespace: 'default', pod: where, container: chapterPod(engine, where).spec.containers[0].name },
    runIn: () => ({ stdout: '', stderr: '', exitCode: 0 }),
    columns: 80,
  };
  return where === 'host' ? runOnHost(argv, ctx, { tty }) : runInContainer(argv, ctx, { tty });
}

describe('curl progress meter arithmetic (lib/progress.c)', () => {
  it.each([
    { n: 0, s: '    0' },
    { n: 767, s: '  767' },
    { n: 99999, s: '99999' },
    { n: 100000, s: '   97k' .slice(1) },
    { n: 5 * 1024 * 1024, s: ' 5120k' .slice(1) },
    { n: 20 * 1024 * 1024, s: '20.0M' },
    { n: 200 * 1024 * 1024, s: ' 200M' },
  ])('max5($n) = "$s"', ({ n, s }) => {
    expect(max5(n)).toBe(s);
  });

  it('a finished transfer line has the sizes in five-column fields', () => {
    expect(meterLine({ total: 16, received: 16, speed: 914, current: 941 })).toBe('100    16  100    16    0     0    914      0 --:--:-- --:--:-- --:--:--   941');
  });
  it('a hanging connect shows the seconds spent', () => {
    expect(meterLine({ received: 0, spent: 61 })).toBe('  0     0    0     0    0     0      0      0 --:--:--  0:01:01 --:--:--     0');
  });
});

describe('curl options', () => {
  const engine = chapterEngine();
  const ip = chapterAddresses(engine);
  it.each([
    { line: 'curl -s -w "%{http_code} %{remote_ip}:%{remote_port} %{size_download}\\n" -o /dev/null endpoint1:8080/hostname', out: () => `200 ${ip['svc:endpoint1']}:8080 16\n` },
    { line: 'curl -s -o /dev/null -w "%{url_effective} %{num_redirects}" -L google.com', out: () => 'http://www.google.com/ 1' },
    { line: 'curl -s -o /dev/null -w "%{content_type}" google.com', out: () => 'text/html; charset=UTF-8' },
    { line: 'curl -s -w "%{http_code}" nosuch', out: () => '000' },
    { line: 'curl -s -i endpoint1:8080/hostname', out: () => 'HTTP/1.1 200 OK\r\nDate: Mon, 02 Mar 2026 09:00:02 GMT\r\nContent-Length: 16\r\n\r\nHostname : pod7\n' },
    { line: 'curl -s -X POST endpoint1:8080/hostname', out: () => '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot POST /hostname</pre>\n</body>\n</html>\n' },
    { line: 'curl -s --resolve anything:8080:' + '{{pod9}}' + ' anything:8080/hostname', out: () => 'Hostname : pod9\n' },
  ])('$line', ({ line, out }) => {
    const r = run(engine, 'pod4', line.replace('{{pod9}}', ip.pod9), false);
    expect(r.stdout).toBe(out());
  });

  it('-H Host: replaces the Host header: GitHub Pages then knows the site (and redirects to https)', () => {
    const r = run(engine, 'pod4', 'curl -s -v -H "Host: github.github.io" externalname1');
    expect(r.stdout).toContain('> Host: github.github.io\r\n');
    expect(r.stdout).not.toContain('> Host: externalname1');
    expect(r.stdout).toContain('< HTTP/1.1 301 Moved Permanently\r\n< ');
    expect(r.stdout).toContain('< Location: https://github.github.io/\r\n');
  });

  it('-i on a terminal prints header names in bold, as curl 7.88 does', () => {
    expect(run(engine, 'pod4', 'curl -s -I endpoint1:8080/hostname').stdout).toBe('HTTP/1.1 200 OK\r\n\x1b[1mDate\x1b[0m: Mon, 02 Mar 2026 09:00:02 GMT\r\n\x1b[1mContent-Length\x1b[0m: 16\r\n\r\n');
  });

  it('an unknown -w variable is reported and the rest printed', () => {
    const r = run(engine, 'pod4', 'curl -s -o /dev/null -w "%{nope}|%{http_code}" endpoint1:8080/hostname', false);
    expect(r).toMatchObject({ stdout: '|200', stderr: "curl: unknown --write-out variable: 'nope'\n" });
  });

  it('kube-proxy rotates a ClusterIP over its endpoints: two pods answer in turn', () => {
    const e = chapterEngine();
    e.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod8\n  labels:\n    svc: endpoint\nspec:\n  containers:\n  - name: container\n    image: kubetm/app\n');
    e.settle();
    const answers = [1, 2, 3, 4].map(() => run(e, 'pod4', 'curl -s endpoint1:8080/hostname').stdout);
    expect(new Set(answers)).toEqual(new Set(['Hostname : pod7\n', 'Hostname : pod8\n']));
    expect(answers[0]).not.toBe(answers[1]);
  });

  it('curl -V names the version the fixtures were captured with', () => {
    expect(run(engine, 'pod4', 'curl -V').stdout).toMatch(/^curl 7\.88\.1 \(x86_64-pc-linux-gnu\)/);
  });
});

describe('wget file naming', () => {
  it('GNU wget adds .1 to a name already taken; ls shows both', () => {
    const e = chapterEngine();
    expect(run(e, 'tools', 'wget -q endpoint1:8080/hostname').exitCode).toBe(0);
    expect(run(e, 'tools', 'wget endpoint1:8080/hostname').stdout).toContain('Saving to: ‘hostname.1’');
    expect(run(e, 'tools', 'ls').stdout).toBe('hostname  hostname.1\n');
  });

  it('a URL ending in / saves index.html', () => {
    const e = chapterEngine();
    expect(run(e, 'bb', 'wget -q endpoint1:8080/').exitCode).toBe(0);
    expect(run(e, 'bb', 'cat index.html').stdout).toContain('Welcome to kubetm/app');
  });

  it('GNU wget gives up after its tries when a connect times out', () => {
    const r = run(chapterEngine(), 'tools', 'wget -t 2 endpoint1:9999');
    expect(r.exitCode).toBe(4);
    expect(r.stdout.match(/failed: Connection timed out\./g)).toHaveLength(2);
    expect(r.stdout).toContain('(try: 2)');
    expect(r.stdout).toContain('Giving up.');
  });

  it('busybox wget does not check certificates: https through the ExternalName downloads', () => {
    const r = run(chapterEngine(), 'bb', 'wget -O- https://externalname1/', false);
    expect(r.stderr).toContain('wget: note: TLS certificate validation not implemented\n');
  });

  it('GNU wget refuses the ExternalName alias over https', () => {
    const r = run(chapterEngine(), 'tools', 'wget https://externalname1/');
    expect(r.exitCode).toBe(5);
    expect(r.stdout).toContain('ERROR: no certificate subject alternative name matches\n\trequested host name ‘externalname1’.\n');
  });
});

describe('dig', () => {
  const engine = chapterEngine();
  it('record columns follow masterdump.c (owner, TTL at 24, class at 32, type at 40, data at 48)', () => {
    expect(formatRecord({ name: 'google.com.', type: 'A', ttl: 30, data: '1.2.3.4' })).toBe('google.com.\t\t30\tIN\tA\t1.2.3.4');
    expect(formatRecord({ name: 'headless1.default.svc.cluster.local.', type: 'A', ttl: 30, data: '1.2.3.4' })).toBe('headless1.default.svc.cluster.local. 30\tIN A\t1.2.3.4');
  });
  it('WHEN is the virtual clock in UTC', () => {
    expect(digDate(Date.UTC(2026, 2, 2, 9, 0, 2))).toBe('Mon Mar 02 09:00:02 UTC 2026');
  });
  it.each([
    { line: 'dig +short -x 10.96.0.10', out: 'kube-dns.kube-system.svc.cluster.local.\n' },
    { line: 'dig +short kubernetes.default.svc.cluster.local', out: '10.96.0.1\n' },
    { line: 'dig +short +search kubernetes.default', out: '10.96.0.1\n' },
    { line: 'dig +short kubernetes.default', out: '' },
  ])('$line', ({ line, out }) => {
    expect(run(engine, 'tools', line).stdout).toBe(out);
  });
  it('+noall +answer +stats keeps only the answer and the statistics', () => {
    const out = run(engine, 'tools', 'dig +noall +answer +stats kubernetes.default.svc.cluster.local').stdout;
    expect(out).toMatch(/^kubernetes\.default\.svc\.cluster\.local\. 30 IN A\t10\.96\.0\.1\n;; Query time: 0 msec\n;; SERVER: 10\.96\.0\.10#53\(10\.96\.0\.10\) \(UDP\)\n;; WHEN: .+\n;; MSG SIZE {2}rcvd: 129\n\n$/);
  });
  it('@name that does not resolve', () => {
    expect(run(engine, 'tools', 'dig @nosuch kubernetes.default.svc.cluster.local')).toMatchObject({ stdout: "dig: couldn't get address for 'nosuch': not found\n", exitCode: 10 });
  });
  it('an unknown +option is a usage error', () => {
    expect(run(engine, 'tools', 'dig +bogus x').exitCode).toBe(1);
  });
});

describe('nslookup record formats', () => {
  const engine = chapterEngine();
  it.each([
    { pod: 'pod4', line: 'nslookup -type=ns cluster.local', has: /^cluster\.local\tnameserver = [a-z.-]+\.\n/m },
    { pod: 'bb', line: 'nslookup -type=ns cluster.local', has: /^cluster\.local\tnameserver = [a-z.-]+[a-z]\n/m },
    // CoreDNS answers a non-apex SOA question with NODATA, so the search stops at the first candidate.
    { pod: 'pod4', line: 'nslookup -type=soa cluster.local', has: /^\*\*\* Can't find cluster\.local: No answer\n/m },
  ])('$pod: $line', ({ pod, line, has }) => {
    expect(run(engine, pod, line).stdout).toMatch(has);
  });
});

describe('nslookup with a server given by name', () => {
  const engine = chapterEngine();
  it.each([
    { pod: 'pod4', out: 'Server:\t\tkube-dns.kube-system\nAddress:\t10.96.0.10#53\n\n' },
    { pod: 'bb', out: 'Server:\t\tkube-dns.kube-system\nAddress:\t10.96.0.10:53\n\n' },
  ])('$pod resolves the server name first and shows it as typed', ({ pod, out }) => {
    expect(run(engine, pod, 'nslookup endpoint1.default.svc.cluster.local kube-dns.kube-system').stdout.startsWith(out)).toBe(true);
  });
  it.each([
    { pod: 'pod4', err: "nslookup: couldn't get address for 'nosuch': not found\n" },
    { pod: 'bb', err: "nslookup: bad address 'nosuch'\n" },
  ])('$pod: an unknown server name', ({ pod, err }) => {
    expect(run(engine, pod, 'nslookup endpoint1 nosuch')).toMatchObject({ stdout: err, exitCode: 1 });
  });
});

describe('getent and ls', () => {
  const engine = chapterEngine();
  const ip = chapterAddresses(engine);
  it('getent hosts IP asks for the PTR record', () => {
    expect(run(engine, 'pod4', `getent hosts ${ip.pod5}`).stdout).toBe(`${ip.pod5.padEnd(15)} pod-b.headless1.default.svc.cluster.local\n`);
  });
  it('getent hosts asks for IPv6 first: an ExternalName to GitHub Pages answers with its AAAA records, the alias after the canonical name', () => {
    expect(run(engine, 'pod4', 'getent hosts externalname1').stdout).toMatch(/^2606:50c0:800\d::153 github\.github\.io externalname1\.default\.svc\.cluster\.local\n/);
  });
  it('ls on a terminal fills columns within the width; without one, one name per line', () => {
    // GNU ls pads with tabs on a terminal (the exact layout is in testdata/ls-gnu-root.json)
    expect(run(engine, 'pod4', 'ls /').stdout).toBe('bin   dev  home  lib64\tmnt  proc  run\t srv  tmp  var\nboot  etc  lib\t media\topt  root  sbin  sys  usr\n');
    expect(run(engine, 'bb', 'ls /', false).stdout).toBe('bin\ndev\netc\nhome\nlib\nlib64\nproc\nroot\nsys\ntmp\nusr\nvar\n');
    expect(run(engine, 'pod4', 'ls /etc').stdout).toBe('hostname  hosts  resolv.conf\n');
  });
});
