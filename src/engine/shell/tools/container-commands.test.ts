/**
 * Behaviours of the container and host shells beyond the captured outputs: which commands exist
 * in which image, prompts, files kubelet writes, sessions, the admin host's view of the cluster,
 * the trace each command leaves, and the chapter's walk-through as a learner types it.
 */

import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../shared/api-types';
import type { ExecTarget, ShellContext } from '../shell-types';
import type { Engine } from '../../engine';
import { containerFiles, containerPrompt, hostPrompt, runInContainer, runOnHost, shellPrompt, splitScript, toolAvailable } from './container-commands';
import { chapterAddresses, chapterEngine, chapterPod } from './testing/chapter-scenario';

function ctxFor(engine: Engine, pod: string | 'host'): ShellContext {
  const target: ExecTarget = pod === 'host' ? { kind: 'host' } : { kind: 'pod', namespace: 'default', pod, container: chapterPod(engine, pod).spec.containers[0].name };
  return { engine, files: { read: () => undefined }, target, runIn: () => ({ stdout: '', stderr: '', exitCode: 0 }), columns: 80 };
}

function sh(engine: Engine, where: string, line: string, tty = true) {
  const argv = splitScript(line)[0]?.words ?? [];
  const ctx = ctxFor(engine, where);
  return where === 'host' ? runOnHost(argv, ctx, { tty }) : runInContainer(argv, ctx, { tty });
}

describe('the chapter, as a learner types it', () => {
  const engine = chapterEngine();
  const ip = chapterAddresses(engine);

  it.each([
    { pod: 'pod4', line: 'nslookup headless1', has: [`Name:\theadless1.default.svc.cluster.local\nAddress: ${ip.pod5}\n`, `Address: ${ip.pod4}\n`], code: 0 },
    { pod: 'pod4', line: 'nslookup pod-a.headless1', has: [`Name:\tpod-a.headless1.default.svc.cluster.local\nAddress: ${ip.pod4}\n`], code: 0 },
    { pod: 'pod4', line: 'curl pod-a.headless1:8080/hostname', has: ['Hostname : pod-a\n'], code: 0 },
    { pod: 'pod5', line: 'curl pod-a.headless1:8080/hostname', has: ['Hostname : pod-a\n'], code: 0 },
    { pod: 'pod9', line: 'curl endpoint2:8080/hostname', has: ['Hostname : pod9\n'], code: 0 },
    { pod: 'pod4', line: 'nslookup externalname1', has: ['externalname1.default.svc.cluster.local\tcanonical name = github.github.io.\n'], code: 0 },
  ])('$pod: $line', ({ pod, line, has, code }) => {
    const r = sh(engine, pod, line);
    for (const text of has) expect(r.stdout).toContain(text);
    expect(r.exitCode).toBe(code);
  });

  it('curl -O externalname1/… saves GitHub Pages\' "Site not found" page under the URL\'s file name, and ls/cat show it', () => {
    const e = chapterEngine();
    const r = sh(e, 'pod4', 'curl -O externalname1/kubetm/kubetm.github.io/blob/master/sample/practice/intermediate/service-sample.md');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^ {2}% Total {4}% Received/);
    expect(r.stdout).toMatch(/\r100 {3}767 {2}100 {3}767 /);
    const saved = containerFiles(e, 'pod4', 'container');
    expect(saved['service-sample.md']).toContain('Site not found &middot; GitHub Pages');
    // kubetm/app's working directory is /, so the file sits among the root directories.
    expect(sh(e, 'pod4', 'ls').stdout).toContain('service-sample.md');
    expect(sh(e, 'pod4', 'ls -1 /').stdout.split('\n')).toContain('service-sample.md');
    expect(sh(e, 'pod4', 'cat service-sample.md').stdout).toBe(saved['service-sample.md']);
    // A file saved in one container is not in another.
    expect(sh(e, 'pod5', 'cat service-sample.md')).toMatchObject({ stdout: 'cat: service-sample.md: No such file or directory\n', exitCode: 1 });
  });

  it('curl through the ExternalName over https fails certificate verification (exit 60)', () => {
    const r = sh(engine, 'pod4', 'curl https://externalname1');
    expect(r.exitCode).toBe(60);
    expect(r.stdout).toContain("curl: (60) SSL: no alternative certificate subject name matches target host name 'externalname1'\nMore details here: https://curl.se/docs/sslcerts.html\n");
  });

  it('curl -k over the ExternalName reaches GitHub Pages, which has no site by that name', () => {
    const r = sh(engine, 'pod4', 'curl -k -s -o /dev/null -w %{http_code} https://externalname1');
    expect(r).toMatchObject({ stdout: '404', exitCode: 0 });
  });
});

describe('which commands an image has', () => {
  const engine = chapterEngine();
  it.each([
    { pod: 'bb', shell: undefined, line: 'curl endpoint1:8080', out: 'sh: curl: not found\n' },
    { pod: 'bb', shell: undefined, line: 'dig headless1', out: 'sh: dig: not found\n' },
    { pod: 'bb', shell: undefined, line: 'getent hosts headless1', out: 'sh: getent: not found\n' },
    { pod: 'pod4', shell: undefined, line: 'ping pod-b.headless1', out: 'bash: ping: command not found\n' },
    { pod: 'pod4', shell: undefined, line: 'wget endpoint1:8080', out: 'bash: wget: command not found\n' },
    { pod: 'pod4', shell: 'sh' as const, line: 'dig headless1', out: 'sh: 1: dig: not found\n' },
    { pod: 'pod4', shell: undefined, line: '/usr/bin/dig x', out: 'bash: /usr/bin/dig: No such file or directory\n' },
  ])('$pod ($line) → "$out", exit 127', ({ pod, shell, line, out }) => {
    const r = runInContainer(splitScript(line)[0].words, ctxFor(engine, pod), { shell });
    expect(r).toMatchObject({ stdout: out, stderr: '', exitCode: 127 });
  });

  it('without a terminal the not-found line goes to stderr', () => {
    const r = runInContainer(['curl', 'x'], ctxFor(engine, 'bb'), { tty: false });
    expect(r).toMatchObject({ stdout: '', stderr: 'sh: curl: not found\n', exitCode: 127 });
  });

  it.each([
    { pod: 'pod4', tool: 'curl', has: true },
    { pod: 'pod4', tool: 'nslookup', has: true },
    { pod: 'pod4', tool: 'dig', has: false },
    { pod: 'pod4', tool: '/usr/bin/curl', has: true },
    { pod: 'bb', tool: 'wget', has: true },
    { pod: 'bb', tool: 'curl', has: false },
    { pod: 'bb', tool: 'nslookup', has: true },
    { pod: 'tools', tool: 'dig', has: true },
    { pod: 'tools', tool: 'getent', has: true },
  ])('toolAvailable($pod, $tool) = $has', ({ pod, tool, has }) => {
    expect(toolAvailable(chapterPod(engine, pod), undefined, tool)).toBe(has);
  });

  it('the CoreDNS image has no shell at all: exec fails in the runtime', () => {
    const coredns = engine.store.list<Pod>('Pod', 'kube-system')[0];
    const r = runInContainer(['sh'], { ...ctxFor(engine, 'host'), target: { kind: 'pod', namespace: 'kube-system', pod: coredns.metadata.name ?? '', container: 'coredns' } });
    expect(r.exitCode).toBe(128);
    expect(r.stderr).toContain('executable file not found in $PATH');
  });
});

describe('prompts', () => {
  const engine = chapterEngine();
  it.each([
    { pod: 'pod4', shell: undefined, prompt: 'root@pod-a:/# ' },
    { pod: 'pod7', shell: undefined, prompt: 'root@pod7:/# ' },
    { pod: 'pod4', shell: 'sh' as const, prompt: '# ' },
    { pod: 'bb', shell: undefined, prompt: '/ # ' },
    { pod: 'bb', shell: 'sh' as const, prompt: '/ # ' },
    { pod: 'tools', shell: undefined, prompt: 'tools:~# ' },
  ])('$pod with $shell → "$prompt"', ({ pod, shell, prompt }) => {
    expect(containerPrompt(chapterPod(engine, pod), undefined, { shell })).toBe(prompt);
  });

  it('follows cd', () => {
    const e = chapterEngine();
    expect(sh(e, 'pod4', 'cd /etc').exitCode).toBe(0);
    expect(containerPrompt(chapterPod(e, 'pod4'), 'container', { engine: e })).toBe('root@pod-a:/etc# ');
    expect(sh(e, 'pod4', 'pwd').stdout).toBe('/etc\n');
    expect(sh(e, 'pod4', 'cd /nope')).toMatchObject({ stdout: 'bash: cd: /nope: No such file or directory\n', exitCode: 1 });
  });

  it('shellPrompt picks by the context\'s target', () => {
    expect(shellPrompt(ctxFor(engine, 'pod4'))).toBe('root@pod-a:/# ');
    expect(shellPrompt(ctxFor(engine, 'bb'), { shell: 'sh' })).toBe('/ # ');
    expect(shellPrompt(ctxFor(engine, 'host'))).toBe('root@master:~# ');
  });

  it('the admin host is root on the control-plane node', () => {
    expect(hostPrompt(engine)).toBe('root@master:~# ');
    expect(hostPrompt()).toBe('root@master:~# ');
  });
});

describe('files kubelet writes into a pod', () => {
  const engine = chapterEngine();
  const ip = chapterAddresses(engine);
  it.each([
    { pod: 'pod4', file: '/etc/resolv.conf', text: () => 'search default.svc.cluster.local svc.cluster.local cluster.local lab.internal\nnameserver 10.96.0.10\noptions ndots:5\n' },
    {
      pod: 'pod4',
      file: '/etc/hosts',
      text: () => `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip.pod4}\tpod-a.headless1.default.svc.cluster.local\tpod-a\n`,
    },
    { pod: 'pod7', file: '/etc/hosts', text: () => `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip.pod7}\tpod7\n` },
    { pod: 'pod4', file: '/etc/hostname', text: () => 'pod-a\n' },
    { pod: 'bb', file: '/etc/hostname', text: () => 'bb\n' },
  ])('$pod: cat $file', ({ pod, file, text }) => {
    expect(sh(engine, pod, `cat ${file}`)).toMatchObject({ stdout: text(), exitCode: 0 });
  });

  it.each([
    { pod: 'pod4', line: 'hostname', out: 'pod-a\n' },
    { pod: 'pod4', line: 'hostname -f', out: 'pod-a.headless1.default.svc.cluster.local\n' },
    { pod: 'pod7', line: 'hostname -f', out: 'pod7\n' },
    { pod: 'pod4', line: 'echo $HOSTNAME', out: 'pod-a\n' },
  ])('$pod: $line', ({ pod, line, out }) => {
    expect(sh(engine, pod, line).stdout).toBe(out);
  });

  it('env shows the service variables kubelet injected when the container started', () => {
    const out = sh(engine, 'pod9', 'env').stdout;
    expect(out).toContain(`KUBERNETES_SERVICE_HOST=10.96.0.1\n`);
    expect(out).toContain(`HOSTNAME=pod9\n`);
    expect(out).toContain('TERM=xterm\n');
    expect(sh(engine, 'pod9', 'printenv KUBERNETES_PORT').stdout).toBe('tcp://10.96.0.1:443\n');
    expect(sh(engine, 'pod9', 'printenv NOPE').exitCode).toBe(1);
  });

  it('busybox and GNU coreutils word their errors differently', () => {
    expect(sh(engine, 'bb', 'cat /nope')).toMatchObject({ stdout: "cat: can't open '/nope': No such file or directory\n", exitCode: 1 });
    expect(sh(engine, 'pod4', 'cat /nope')).toMatchObject({ stdout: 'cat: /nope: No such file or directory\n', exitCode: 1 });
    expect(sh(engine, 'bb', 'ls /nope')).toMatchObject({ stdout: 'ls: /nope: No such file or directory\n', exitCode: 1 });
    expect(sh(engine, 'pod4', 'ls /nope')).toMatchObject({ stdout: "ls: cannot access '/nope': No such file or directory\n", exitCode: 2 });
  });
});

describe('leaving the shell', () => {
  const engine = chapterEngine();
  it.each([
    { pod: 'pod4', line: 'exit', out: 'exit\n', code: 0 },
    { pod: 'pod4', line: 'exit 3', out: 'exit\n', code: 3 },
    { pod: 'bb', line: 'exit', out: '', code: 0 },
  ])('$pod: $line', ({ pod, line, out, code }) => {
    expect(sh(engine, pod, line)).toMatchObject({ stdout: out, exitCode: code, session: { exit: true } });
  });

  it('exit inside sh -c ends only that script', () => {
    expect(sh(engine, 'pod4', "sh -c 'echo a; exit 4; echo b'")).toMatchObject({ stdout: 'a\n', exitCode: 4 });
  });

  it('a command in a deleted pod reports the shell was killed', () => {
    const e = chapterEngine();
    e.deleteManifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod7\n');
    const r = runInContainer(['hostname'], { ...ctxFor(e, 'host'), target: { kind: 'pod', namespace: 'default', pod: 'pod7', container: 'container' } });
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain('pod7');
  });
});

describe('sh -c runs ;, && and ||', () => {
  const engine = chapterEngine();
  it.each([
    { script: 'echo a; echo b', out: 'a\nb\n', code: 0 },
    { script: 'false && echo no', out: '', code: 1 },
    { script: 'false || echo yes', out: 'yes\n', code: 0 },
    { script: 'curl -s nosuch || echo "resolve failed"', out: 'resolve failed\n', code: 0 },
    { script: 'echo "$HOSTNAME is here"', out: 'pod-a is here\n', code: 0 },
    { script: "echo '$HOSTNAME'", out: '$HOSTNAME\n', code: 0 },
  ])('sh -c "$script"', ({ script, out, code }) => {
    const r = runInContainer(['sh', '-c', script], ctxFor(engine, 'pod4'));
    expect(r).toMatchObject({ stdout: out, exitCode: code });
  });
});

describe('the admin host sees the cluster from outside', () => {
  const engine = chapterEngine();
  const ip = chapterAddresses(engine);
  it('nslookup of a Service name fails: the node asks the internal DNS, not CoreDNS', () => {
    expect(sh(engine, 'host', 'nslookup headless1')).toMatchObject({ stdout: 'Server:\t\t192.168.0.2\nAddress:\t192.168.0.2#53\n\n** server can\'t find headless1: NXDOMAIN\n\n', exitCode: 1 });
  });
  it('curl of a ClusterIP works: kube-proxy runs on the node', () => {
    expect(sh(engine, 'host', `curl -s ${ip['svc:endpoint1']}:8080/hostname`)).toMatchObject({ stdout: 'Hostname : pod7\n', exitCode: 0 });
  });
  it('curl of a Service name does not resolve', () => {
    expect(sh(engine, 'host', 'curl endpoint1:8080/hostname')).toMatchObject({ stdout: 'curl: (6) Could not resolve host: endpoint1\n', exitCode: 6 });
  });
  it('a NodePort answers on any node', () => {
    expect(sh(engine, 'host', 'curl -s 192.168.0.32:30000/hostname')).toMatchObject({ stdout: 'Hostname : pod7\n', exitCode: 0 });
  });
  it('cluster DNS is reachable by address: dig @10.96.0.10 answers', () => {
    expect(sh(engine, 'host', 'dig +short @10.96.0.10 headless1.default.svc.cluster.local').stdout.split('\n').filter(Boolean).sort()).toEqual([ip.pod4, ip.pod5].sort());
  });
  it('the host has no busybox: its tools are bind9, curl, GNU wget, iputils', () => {
    expect(sh(engine, 'host', 'kubectl get pods')).toMatchObject({ stdout: 'bash: kubectl: command not found\n', exitCode: 127 });
    expect(sh(engine, 'host', 'hostname').stdout).toBe('master\n');
    expect(sh(engine, 'host', 'cat /etc/resolv.conf').stdout).toBe('search lab.internal\nnameserver 192.168.0.2\n');
  });
});

describe('ping', () => {
  const engine = chapterEngine();
  const ip = chapterAddresses(engine);
  it.each([
    { where: 'tools', line: 'ping -c 3 endpoint1', loss: '3 packets transmitted, 0 received, 100% packet loss', code: 1 },
    { where: 'bb', line: 'ping -c 2 endpoint1', loss: '2 packets transmitted, 0 packets received, 100% packet loss', code: 1 },
    { where: 'host', line: `ping -c 2 ${ip['svc:endpoint1']}`, loss: '2 packets transmitted, 0 received, 100% packet loss', code: 1 },
    { where: 'tools', line: 'ping -c 2 pod-a.headless1', loss: '2 packets transmitted, 2 received, 0% packet loss', code: 0 },
    { where: 'bb', line: 'ping -c 2 pod-a.headless1', loss: '2 packets transmitted, 2 packets received, 0% packet loss', code: 0 },
    { where: 'host', line: `ping -c 2 ${ip.pod4}`, loss: '2 packets transmitted, 2 received, 0% packet loss', code: 0 },
  ])('$where: $line → $loss', ({ where, line, loss, code }) => {
    const r = sh(engine, where, line);
    expect(r.stdout).toContain(loss);
    expect(r.exitCode).toBe(code);
  });

  it('a ClusterIP ping says why nothing answers, in the trace', () => {
    const r = sh(engine, 'tools', 'ping -c 1 endpoint1');
    const icmp = r.hops?.find((h) => h.type === 'connect' && h.port === 0);
    expect(icmp && icmp.type === 'connect' ? icmp.note : '').toContain('ClusterIP');
  });

  it('without -c it stops after four packets as if interrupted', () => {
    const r = sh(engine, 'tools', 'ping pod-b.headless1');
    expect(r.stdout).toContain('^C\n');
    expect(r.stdout).toContain('4 packets transmitted, 4 received');
  });

  it('round trips are deterministic', () => {
    expect(sh(chapterEngine(), 'tools', 'ping -c 2 pod-a.headless1').stdout).toBe(sh(chapterEngine(), 'tools', 'ping -c 2 pod-a.headless1').stdout);
  });
});

describe('curl exit codes', () => {
  const engine = chapterEngine();
  const ip = chapterAddresses(engine);
  it.each([
    { line: 'curl -sS nosuch', code: 6, err: 'curl: (6) Could not resolve host: nosuch\n' },
    { line: 'curl -sS pod-a.headless1:9999', code: 7, err: /^curl: \(7\) Failed to connect to pod-a.headless1 port 9999 after \d+ ms: Couldn't connect to server\n$/ },
    { line: 'curl -sS empty1', code: 7, err: /^curl: \(7\) Failed to connect to empty1 port 80 after \d+ ms: Couldn't connect to server\n$/ },
    { line: 'curl -sS 192.168.0.99', code: 7, err: /^curl: \(7\) Failed to connect to 192.168.0.99 port 80 after 3\d{3} ms: Couldn't connect to server\n$/ },
    { line: 'curl -sS -m 5 endpoint1:9999', code: 28, err: 'curl: (28) Connection timed out after 5001 milliseconds\n' },
    { line: 'curl -sS endpoint1:9999', code: 28, err: /^curl: \(28\) Failed to connect to endpoint1 port 9999 after 127\d{3} ms: Couldn't connect to server\n$/ },
    { line: 'curl -sSf endpoint1:8080/nope', code: 22, err: 'curl: (22) The requested URL returned error: 404\n' },
    { line: 'curl -sS https://pod-a.headless1:8080', code: 35, err: 'curl: (35) OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number\n' },
    { line: `curl -sS https://${ip['svc:kubernetes']}`, code: 60, err: /^curl: \(60\) SSL certificate problem: unable to get local issuer certificate\n/ },
    { line: 'curl -sS http://endpoint1:99999/', code: 3, err: 'curl: (3) URL using bad/illegal format or missing URL\n' },
    { line: 'curl -sS foo://endpoint1', code: 1, err: 'curl: (1) Protocol "foo" not supported or disabled in libcurl\n' },
    { line: 'curl', code: 2, err: "curl: try 'curl --help' or 'curl --manual' for more information\n" },
  ])('$line → $code', ({ line, code, err }) => {
    const r = sh(engine, 'pod4', line, false);
    expect(r.exitCode).toBe(code);
    if (typeof err === 'string') expect(r.stderr).toBe(err);
    else expect(r.stderr).toMatch(err);
  });

  it('-s without -S hides the error but not the exit code', () => {
    expect(sh(engine, 'pod4', 'curl -s nosuch', false)).toMatchObject({ stdout: '', stderr: '', exitCode: 6 });
  });
});

describe('the trace of a request', () => {
  const engine = chapterEngine();
  it('curl endpoint2:8080 shows the search, the CoreDNS answer, kube-proxy\'s choice and the HTTP exchange', () => {
    const r = sh(engine, 'pod9', 'curl -s endpoint2:8080/hostname');
    const kinds = (r.hops ?? []).map((h) => h.type);
    expect(kinds[0]).toBe('search');
    expect(kinds).toEqual(expect.arrayContaining(['dns-query', 'connect', 'proxy', 'http']));
    const proxy = r.hops?.find((h) => h.type === 'proxy');
    expect(proxy && proxy.type === 'proxy' ? proxy.chosen?.ip : undefined).toBe(chapterPod(engine, 'pod9').status?.podIP);
    const http = r.hops?.find((h) => h.type === 'http');
    expect(http && http.type === 'http' ? http.status : 0).toBe(200);
  });

  it('nslookup externalname1 shows CoreDNS chasing the CNAME through the internal DNS to the internet', () => {
    const r = sh(chapterEngine(), 'pod4', 'nslookup externalname1');
    const servers = (r.hops ?? []).flatMap((h) => (h.type === 'dns-query' ? [h.to.kind] : []));
    expect(servers).toEqual(expect.arrayContaining(['coredns', 'internal-dns', 'external-dns']));
  });
});

describe('nslookup flavours disagree about search', () => {
  const engine = chapterEngine();
  it.each([
    { pod: 'pod4', name: 'pod-a.headless1', code: 0, why: 'bind9 applies the search list to names with fewer than ndots dots' },
    { pod: 'bb', name: 'pod-a.headless1', code: 1, why: 'busybox only searches dotless names' },
    { pod: 'bb', name: 'headless1', code: 1, why: 'busybox prints every search domain\'s NXDOMAIN and fails' },
    { pod: 'pod4', name: 'headless1', code: 0, why: 'bind9 stops at the first answer' },
  ])('$pod: nslookup $name → exit $code ($why)', ({ pod, name, code }) => {
    expect(sh(engine, pod, `nslookup ${name}`).exitCode).toBe(code);
  });
});

describe('dig ids', () => {
  it('are the same for the same engine history and differ between queries', () => {
    const id = (e: Engine): string[] => [1, 2].map(() => /id: (\d+)/.exec(sh(e, 'tools', 'dig endpoint1.default.svc.cluster.local').stdout)![1]);
    const a = id(chapterEngine());
    expect(a).toEqual(id(chapterEngine()));
    expect(a[0]).not.toBe(a[1]);
  });
});
