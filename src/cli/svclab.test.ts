import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './svclab';

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'svclab-cli-'));
const script = join(dir, 'lab.svclab');
writeFileSync(script, '# a comment\n\nkubectl get ns\n   \nkubectl gett pods\n');
const badConfig = join(dir, 'bad.yaml');
writeFileSync(badConfig, 'dns:\n  ttl: -1\n');

describe('svclab command line', () => {
  it.each([
    { name: '--help prints usage', args: ['--help'], code: 0, out: 'svclab run FILE [--config CLUSTER.yaml]', err: '' },
    { name: '--help lists the lab commands', args: ['--help'], code: 0, out: 'svclab export-lab LAB_DIR OUT_DIR [--force]', err: '' },
    { name: 'no arguments prints usage and fails', args: [], code: 2, out: 'Usage:', err: '' },
    { name: 'version', args: ['version'], code: 0, out: 'svclab 0.1.0 (simulated Kubernetes v1.32', err: '' },
    { name: 'an unknown command', args: ['runn', script], code: 2, out: '', err: 'svclab: unknown command "runn"' },
    { name: 'a missing FILE', args: ['run', join(dir, 'nope.svclab')], code: 1, out: '', err: 'nope.svclab: no such file' },
    { name: 'a directory as FILE', args: ['run', dir], code: 1, out: '', err: 'it is a directory' },
    { name: 'a bad config', args: ['run', script, '--config', badConfig], code: 1, out: '', err: 'dns.ttl: -1 must be a whole number of seconds from 0 to 3600' },
    { name: 'a missing config argument', args: ['run', script, '--config'], code: 2, out: '', err: 'flag needs an argument: --config' },
    { name: 'an unknown flag', args: ['run', script, '--fast'], code: 2, out: '', err: 'unknown flag: --fast' },
  ])('$name', ({ args, code, out, err }) => {
    const result = run(args);
    expect(result.code).toBe(code);
    if (out) expect(result.stdout).toContain(out);
    else expect(result.stdout).toBe('');
    if (err) expect(result.stderr).toContain(err);
    else expect(result.stderr).toBe('');
  });

  it('runs each non-empty, non-comment line, prints `$ LINE` and its output, and exits 0 even when a command fails', () => {
    const result = run(['run', script]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('$ '))).toEqual(['$ kubectl get ns', '$ kubectl gett pods']);
    expect(result.stdout).toContain('kube-system');
    expect(result.stdout).toContain('error: unknown command "gett" for "kubectl"');
  });
});

const labsDir = join(import.meta.dirname, '../../resources/labs');

/** A teacher's lab folder with one mistake in lab.yaml. */
const brokenLab = join(dir, 'broken-lab');
mkdirSync(brokenLab);
writeFileSync(join(brokenLab, 'lab.yaml'), readFileSync(join(labsDir, 'headless/lab.yaml'), 'utf8').replace('manifests: [pods.yaml]', 'manifests: [pod.yaml]'));
for (const f of ['headless-service.yaml', 'pods.yaml']) writeFileSync(join(brokenLab, f), readFileSync(join(labsDir, 'headless', f), 'utf8'));

/** A lab whose check cannot pass (it expects a pod IP from the wrong range). */
const failingLab = join(dir, 'failing-lab');
mkdirSync(failingLab);
writeFileSync(join(failingLab, 'lab.yaml'), readFileSync(join(labsDir, 'headless/lab.yaml'), 'utf8').replace("matches: 'Hostname : pod-b'", "matches: 'Hostname : pod5'"));
for (const f of ['headless-service.yaml', 'pods.yaml']) writeFileSync(join(failingLab, f), readFileSync(join(labsDir, 'headless', f), 'utf8'));

describe('svclab check-lab', () => {
  it('walks a built-in lab and reports every check passing', () => {
    const result = run(['check-lab', join(labsDir, 'headless')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3. service-lookup: nslookup headless1: asking for the Service');
    expect(result.stdout).toContain('   ✓ kubectl exec pod4 -- curl -s pod-b.headless1:8080/hostname printed what was expected');
    expect(result.stdout.trimEnd().endsWith('Every check passes after its step.')).toBe(true);
  });

  it('reports a check that does not pass and exits 1', () => {
    const result = run(['check-lab', failingLab]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('   ✗ kubectl exec pod4 -- curl -s pod-b.headless1:8080/hostname ran, but its output does not match /Hostname : pod5/ (it printed: Hostname : pod-b)');
    expect(result.stdout).toContain('1 check(s) fail.');
  });

  it.each([
    { name: 'a lab.yaml problem, located', args: ['check-lab', brokenLab], code: 1, err: `${join(brokenLab, 'lab.yaml')}:63:17: steps[1].manifests[0]: manifest "pod.yaml" is not in the lab folder` },
    { name: 'a folder without lab.yaml', args: ['check-lab', dir], code: 1, err: 'lab.yaml: the lab folder has no lab.yaml' },
    { name: 'a missing folder', args: ['check-lab', join(dir, 'nope')], code: 1, err: 'nope: no such file' },
    { name: 'a file instead of a folder', args: ['check-lab', script], code: 1, err: 'lab.svclab is not a folder' },
    { name: 'no LAB_DIR', args: ['check-lab'], code: 2, err: 'check-lab needs a LAB_DIR' },
  ])('$name', ({ args, code, err }) => {
    const result = run(args);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(err);
  });
});

describe('svclab export-lab', () => {
  it('writes the manifests, an executable commands.sh and both READMEs, and lists them', () => {
    const out = join(dir, 'export-endpoint');
    const result = run(['export-lab', join(labsDir, 'endpoint'), out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const written = ['README.en.md', 'README.ko.md', 'commands.sh', 'endpoints-for-2.yaml', 'outside-service.yaml', 'selector-added.yaml', 'selectorless.yaml', 'service-and-pod.yaml'];
    expect(readdirSync(out).sort()).toEqual(written);
    expect(result.stdout).toBe(written.map((f) => `${join(out, f)}\n`).join(''));
    expect(statSync(join(out, 'commands.sh')).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(out, 'selectorless.yaml'), 'utf8')).toBe(readFileSync(join(labsDir, 'endpoint/selectorless.yaml'), 'utf8'));
    expect(readFileSync(join(out, 'commands.sh'), 'utf8')).toContain('kubectl describe endpoints endpoint1\n');
    expect(readFileSync(join(out, 'README.ko.md'), 'utf8')).toContain('## 실제 클러스터와 다른 점');
  });

  it('leaves a non-empty folder alone unless --force is given', () => {
    const out = join(dir, 'export-busy');
    mkdirSync(out);
    writeFileSync(join(out, 'mine.txt'), 'keep me');
    const refused = run(['export-lab', join(labsDir, 'headless'), out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not empty (add --force to overwrite the exported files in it)');
    expect(readdirSync(out)).toEqual(['mine.txt']);
    const forced = run(['export-lab', join(labsDir, 'headless'), out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, 'mine.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(join(out, 'commands.sh'))).toBe(true);
  });

  it.each([
    { name: 'an invalid lab writes nothing', args: () => ['export-lab', brokenLab, join(dir, 'export-broken')], code: 1, err: 'is not a valid lab', absent: join(dir, 'export-broken') },
    { name: 'a missing OUT_DIR argument', args: () => ['export-lab', join(labsDir, 'headless')], code: 2, err: 'export-lab needs a LAB_DIR and an OUT_DIR', absent: undefined },
    { name: 'an unknown flag', args: () => ['export-lab', join(labsDir, 'headless'), join(dir, 'x'), '--fast'], code: 2, err: 'unknown flag: --fast', absent: join(dir, 'x') },
    { name: 'OUT_DIR is a file', args: () => ['export-lab', join(labsDir, 'headless'), script], code: 1, err: 'lab.svclab is not a folder', absent: undefined },
  ])('$name', ({ args, code, err, absent }) => {
    const result = run(args());
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(err);
    if (absent) expect(existsSync(absent)).toBe(false);
  });
});
