import { mkdtempSync, writeFileSync } from 'node:fs';
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
