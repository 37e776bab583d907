/**
 * The packaged CLI, as `npx svclab` runs it: bundle it with the project's build config, then run
 * bin/svclab.js on a lab and compare with the golden transcript. Catches what the in-process
 * tests cannot: the bundle, the bin shim, exit codes of the real process.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/svclab.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

describe('the built svclab command', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`CLI build failed: ${build.stderr}`);
  }, 120_000);

  it.each(['headless', 'endpoint'])('prints the %s lab golden transcript and exits 0', (lab) => {
    const result = run('run', `resources/labs/${lab}/lab.svclab`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(root, `resources/labs/${lab}/transcript.txt`), 'utf8'));
  });

  it('checks a lab folder: every check of the headless lab passes, exit 0', () => {
    const result = run('check-lab', 'resources/labs/headless');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().endsWith('Every check passes after its step.')).toBe(true);
  });

  it.each([
    { args: ['run', 'no-such.svclab'], status: 1, stderr: 'svclab: cannot read no-such.svclab: no such file' },
    { args: ['check-lab', 'no-such-lab'], status: 1, stderr: 'svclab: cannot read no-such-lab: no such file' },
    { args: ['frobnicate'], status: 2, stderr: 'svclab: unknown command "frobnicate"' },
  ])('exits $status with a clear message for $args', ({ args, status, stderr }) => {
    const result = run(...args);
    expect(result.status).toBe(status);
    expect(result.stderr).toContain(stderr);
  });
});
