/**
 * Golden transcripts: every lab under resources/labs runs through `svclab run` and must print
 * exactly its checked-in transcript.txt. After an intended change, regenerate with
 * `UPDATE_GOLDEN=1 npx vitest run src/cli/labs-golden.test.ts` and review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './svclab';

const labsDir = join(import.meta.dirname, '../../resources/labs');
const labs = readdirSync(labsDir).filter((name) => existsSync(join(labsDir, name, 'lab.svclab'))).sort();

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('lab transcripts', () => {
  it('finds the chapter labs', () => {
    expect(labs).toEqual(expect.arrayContaining(['dns-chain', 'endpoint', 'externalname', 'headless', 'load-balancer', 'service-types']));
  });

  it.each(labs)('%s prints its golden transcript', (lab) => {
    const dir = join(labsDir, lab);
    const config = join(dir, 'cluster.yaml');
    const result = run(['run', join(dir, 'lab.svclab'), ...(existsSync(config) ? ['--config', config] : [])]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const golden = join(dir, 'transcript.txt');
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, result.stdout);
    expect(result.stdout).toBe(readFileSync(golden, 'utf8'));
  });

  it('prints the same transcript on every run (seeded)', () => {
    const file = join(labsDir, 'headless', 'lab.svclab');
    expect(run(['run', file]).stdout).toBe(run(['run', file]).stdout);
  });
});
