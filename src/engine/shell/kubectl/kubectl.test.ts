/**
 * The simulated kubectl end to end, through `kubectl(argv, ctx)` over a real engine: client-side
 * behaviour compared with the real kubectl v1.32 (testdata/fixtures/client.json: help, usage
 * errors, unknown-command suggestions), the lab's mutations compared with what the real kubectl
 * printed for them (testdata/fixtures/lab.json), and behaviours the capture cannot show (apply,
 * create, exec sessions, run --rm).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../shared/api-types';
import { createEngine, type Engine } from '../../engine';
import type { CommandResult, ExecTarget, ShellContext } from '../shell-types';
import { kubectl } from './kubectl';
import { ENDPOINT1, ENDPOINT2, EXTERNALNAME, HEADLESS, SCENARIOS } from './testdata/capture/scenarios';

interface Case {
  args: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}
const fixtures = path.join(__dirname, 'testdata', 'fixtures');
const load = (name: string): { cases: Case[] } => JSON.parse(fs.readFileSync(path.join(fixtures, `${name}.json`), 'utf8')) as { cases: Case[] };

function context(engine: Engine, files: Record<string, string> = {}, ran: { target: ExecTarget; argv: string[] }[] = []): ShellContext {
  return {
    engine,
    files: {
      read: (p) => files[p],
      list: (p) => {
        const prefix = p.endsWith('/') ? p : `${p}/`;
        const entries = Object.keys(files).filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0]);
        return entries.length ? [...new Set(entries)] : undefined;
      },
    },
    target: { kind: 'host' },
    runIn: (target, argv) => {
      ran.push({ target, argv });
      if (argv[0] === 'false') return { stdout: '', stderr: '', exitCode: 1 };
      return { stdout: `ran ${argv.join(' ')}\n`, stderr: '', exitCode: 0 };
    },
  };
}

const k = (ctx: ShellContext, ...args: string[]): CommandResult => kubectl(['kubectl', ...args], ctx);
const pick = (r: CommandResult): Omit<Case, 'args'> => ({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode });

describe('client-side behaviour matches real kubectl v1.32', () => {
  const engine = createEngine();
  const ctx = context(engine);
  const cases = load('client').cases.filter(
    (c) => !c.stdout.includes('Please enter Username') && !/^E\d{4}/.test(c.stderr) && !(c.args[0] === 'version' && c.args[1] === '--client') && !c.args.includes('-f'),
  );
  it.each(cases.map((c) => ({ line: c.args.join(' ') || '(no arguments)', c })))('kubectl $line', ({ c }) => {
    expect(pick(k(ctx, ...c.args))).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
  });
});

describe('label and delete print what real kubectl printed for the lab', () => {
  const engine = createEngine();
  SCENARIOS[0].setup(engine);
  const ctx = context(engine);
  const all = load('lab').cases;
  const first = all.findIndex((c) => c.args[0] === 'label');
  const cases = all.slice(first).filter((c) => c.args[0] !== 'get' || c.args.length === 2);
  // In order: each case sees the state the previous ones left, as in the capture.
  it('replays the label/delete session', () => {
    for (const c of cases) {
      const got = pick(k(ctx, ...c.args));
      const expected = { stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode };
      if (c.args[0] === 'get') {
        expect(got.stdout.split('\n').map((l) => l.split(/\s+/)[0]), c.args.join(' ')).toEqual(expected.stdout.split('\n').map((l) => l.split(/\s+/)[0]));
        expect(got.stderr, c.args.join(' ')).toBe(expected.stderr);
      } else expect(got, c.args.join(' ')).toEqual(expected);
    }
  });

  it('wait prints "condition met" lines like the real kubectl', () => {
    const e = createEngine();
    SCENARIOS[0].setup(e);
    const waits = all.filter((c) => c.args[0] === 'wait');
    for (const c of waits) {
      const got = k(context(e), ...c.args);
      expect({ stdout: got.stdout, exitCode: got.exitCode }, c.args.join(' ')).toEqual({ stdout: c.stdout, exitCode: c.exitCode });
    }
  });
});

describe('apply, create and delete -f', () => {
  const files = { 'headless.yaml': HEADLESS, 'ep.yaml': ENDPOINT1, 'lab/a.yaml': ENDPOINT2, 'lab/b.yml': EXTERNALNAME, 'lab/notes.txt': 'x' };

  it.each([
    { args: ['apply', '-f', 'headless.yaml'], stdout: 'service/headless1 created\npod/pod4 created\npod/pod5 created\n' },
    { args: ['apply', '-f', 'lab'], stdout: 'service/endpoint2 created\npod/pod9 created\nservice/externalname1 created\n' },
    { args: ['apply', '-f', 'headless.yaml', '-f', 'ep.yaml'], stdout: 'service/headless1 created\npod/pod4 created\npod/pod5 created\nservice/endpoint1 created\npod/pod7 created\n' },
    { args: ['create', '-f', 'ep.yaml'], stdout: 'service/endpoint1 created\npod/pod7 created\n' },
  ])('kubectl $args prints one line per object', ({ args, stdout }) => {
    const ctx = context(createEngine(), files);
    expect(pick(k(ctx, ...args))).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it('applying again says unchanged, a change says configured', () => {
    const ctx = context(createEngine(), { ...files, 'changed.yaml': ENDPOINT1.replace('port: 8080', 'port: 8081') });
    k(ctx, 'apply', '-f', 'ep.yaml');
    expect(k(ctx, 'apply', '-f', 'ep.yaml').stdout).toBe('service/endpoint1 unchanged\npod/pod7 unchanged\n');
    expect(k(ctx, 'apply', '-f', 'changed.yaml').stdout).toBe('service/endpoint1 configured\npod/pod7 unchanged\n');
  });

  it('create of an existing object is AlreadyExists "error when creating"', () => {
    const ctx = context(createEngine(), files);
    k(ctx, 'create', '-f', 'ep.yaml');
    expect(pick(k(ctx, 'create', '-f', 'ep.yaml'))).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): error when creating "ep.yaml": services "endpoint1" already exists\nError from server (AlreadyExists): error when creating "ep.yaml": pods "pod7" already exists\n',
      exitCode: 1,
    });
  });

  it('one invalid object prints "The Service ... is invalid", one "* cause" line per field error (CheckErr + MultilineError)', () => {
    const bad = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: bad\nspec:\n  ports:\n  - port: 0\n';
    expect(pick(k(context(createEngine(), { 'bad.yaml': bad }), 'apply', '-f', 'bad.yaml'))).toEqual({
      stdout: '',
      stderr:
        'The Service "bad" is invalid: \n* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive\n',
      exitCode: 1,
    });
  });

  it('a missing file is kubectl\'s "the path does not exist"', () => {
    expect(pick(k(context(createEngine()), 'apply', '-f', 'nothere.yaml'))).toEqual({ stdout: '', stderr: 'error: the path "nothere.yaml" does not exist\n', exitCode: 1 });
  });

  it('delete -f deletes each object and reports NotFound for the rest', () => {
    const ctx = context(createEngine(), files);
    k(ctx, 'apply', '-f', 'ep.yaml');
    expect(pick(k(ctx, 'delete', '-f', 'ep.yaml'))).toEqual({ stdout: 'service "endpoint1" deleted\npod "pod7" deleted\n', stderr: '', exitCode: 0 });
    expect(k(ctx, 'delete', '-f', 'ep.yaml').stderr).toContain('Error from server (NotFound)');
  });
});

describe('exec', () => {
  const engine = createEngine();
  SCENARIOS[0].setup(engine);

  it('runs the command in the pod (first container) through runIn', () => {
    const ran: { target: ExecTarget; argv: string[] }[] = [];
    const r = k(context(engine, {}, ran), 'exec', 'pod4', '--', 'nslookup', 'headless1');
    expect(pick(r)).toEqual({ stdout: 'ran nslookup headless1\n', stderr: '', exitCode: 0 });
    expect(ran[0].target).toEqual({ kind: 'pod', namespace: 'default', pod: 'pod4', container: 'container' });
  });

  it('names the defaulted container of a multi-container pod', () => {
    expect(k(context(engine), 'exec', 'multi', '--', 'env').stderr).toBe('Defaulted container "app" out of: app, tools\n');
  });

  it('propagates a non-zero exit code as "command terminated with exit code N"', () => {
    expect(pick(k(context(engine), 'exec', 'pod4', '--', 'false'))).toEqual({ stdout: '', stderr: 'command terminated with exit code 1\n', exitCode: 1 });
  });

  it.each([
    { args: ['exec', '-it', 'pod4', '--', 'sh'], container: 'container', shell: 'sh' },
    { args: ['exec', '-it', 'pod4', '--', '/bin/bash'], container: 'container', shell: 'bash' },
    { args: ['exec', '-it', 'multi', '-c', 'tools', '--', 'sh'], container: 'tools', shell: 'sh' },
  ])('kubectl $args enters a $shell session', ({ args, container, shell }) => {
    expect(k(context(engine), ...args).session).toEqual({ enter: { kind: 'pod', namespace: 'default', pod: args.includes('multi') ? 'multi' : 'pod4', container, shell } });
  });

  it('a shell the image lacks is runc\'s "executable file not found in $PATH", exit 126', () => {
    const r = k(context(engine), 'exec', '-it', 'multi', '-c', 'tools', '--', 'bash');
    expect(pick(r)).toEqual({ stdout: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\n', stderr: 'command terminated with exit code 126\n', exitCode: 126 });
  });

  it('a pod whose container is not running yet cannot be exec-ed into', () => {
    const e = createEngine();
    e.apply(ENDPOINT1);
    expect(pick(k(context(e), 'exec', 'pod7', '--', 'ls'))).toEqual({ stdout: '', stderr: 'error: unable to upgrade connection: container not found ("container")\n', exitCode: 1 });
  });

  it.each([
    { args: ['exec', 'nothere', '--', 'ls'], stderr: 'Error from server (NotFound): pods "nothere" not found\n' },
    { args: ['exec', 'pod4'], stderr: 'error: you must specify at least one command for the container\n' },
    { args: ['exec'], stderr: 'error: pod, type/name or --filename must be specified\n' },
  ])('kubectl $args fails like kubectl', ({ args, stderr }) => {
    expect(pick(k(context(engine), ...args))).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});

describe('run', () => {
  it('creates a pod labelled run=NAME', () => {
    const engine = createEngine();
    expect(pick(k(context(engine), 'run', 'web', '--image=nginx'))).toEqual({ stdout: 'pod/web created\n', stderr: '', exitCode: 0 });
    const pod = engine.store.get<Pod>('Pod', 'default', 'web')!;
    expect(pod.metadata.labels).toEqual({ run: 'web' });
    expect(pod.status?.phase).toBe('Running');
  });

  it('--rm -it runs the command once the pod runs, then deletes it', () => {
    const engine = createEngine();
    const ran: { target: ExecTarget; argv: string[] }[] = [];
    const r = k(context(engine, {}, ran), 'run', 'tmp', '--rm', '-it', '--image=busybox', '--restart=Never', '--', 'nslookup', 'kubernetes');
    expect(pick(r)).toEqual({ stdout: 'ran nslookup kubernetes\npod "tmp" deleted\n', stderr: '', exitCode: 0 });
    expect(engine.store.get('Pod', 'default', 'tmp')).toBeUndefined();
    expect(ran[0].target).toEqual({ kind: 'pod', namespace: 'default', pod: 'tmp', container: 'tmp' });
  });
});

describe('top level', () => {
  it.each([
    { typed: 'gett', stderr: 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n' },
    { typed: 'descirbe', stderr: 'error: unknown command "descirbe" for "kubectl"\n\nDid you mean this?\n\tdescribe\n' },
    { typed: 'zzzz', stderr: 'error: unknown command "zzzz" for "kubectl"\n' },
  ])('suggests commands for "$typed"', ({ typed, stderr }) => {
    expect(pick(k(context(createEngine()), typed))).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('version reports the simulated cluster version for client and server', () => {
    expect(k(context(createEngine()), 'version').stdout).toBe('Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.4\n');
  });

  it('cluster-info names the master and the CoreDNS proxy, without colors', () => {
    expect(k(context(createEngine()), 'cluster-info').stdout).toBe(
      "Kubernetes control plane is running at https://192.168.0.30:6443\nCoreDNS is running at https://192.168.0.30:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });

  it('a global -n before the command applies to it', () => {
    expect(k(context(createEngine()), '-n', 'kube-system', 'get', 'pods', '-o', 'name').stdout).toBe('pod/coredns-668d6bf9bc-7xkq2\npod/coredns-668d6bf9bc-xn8tv\n');
  });

  it('explain prints KIND, VERSION and the field description', () => {
    const r = k(context(createEngine()), 'explain', 'svc.spec.clusterIP');
    expect(r.stdout).toMatch(/^KIND: {7}Service\nVERSION: {4}v1\n\nFIELD: clusterIP <string>\n\nDESCRIPTION:\n {4}clusterIP is the IP address/);
  });
});
