/**
 * The proof that every built-in lab can be done: each lab folder parses; walking its steps in
 * order on a fresh cluster — applying the step's manifests (those no command of the step applies,
 * as the learner does from the editor), clicking each command in the admin host's terminal,
 * letting the cluster settle — turns every check of every step green. And each check could have
 * failed: before its step it does not already pass, except for the few listed below with why.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lab, LabCheckResult } from '../../shared/lab-types';
import { walkLab } from './lab-walk';
import { appliedFile, parseLab } from './parse-lab';

const labsDir = join(import.meta.dirname, '../../../resources/labs');
const labIds = readdirSync(labsDir)
  .filter((name) => existsSync(join(labsDir, name, 'lab.yaml')))
  .sort();

/** Every file of a lab folder, as the app's "Open lab folder…" reads it. */
function readLabFolder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) if (statSync(join(dir, name)).isFile()) files[name] = readFileSync(join(dir, name), 'utf8');
  return files;
}

/**
 * Checks allowed to pass before their step, `lab/step/index` → why. Keep this short: a check that
 * already passes cannot tell the learner that the step did something. Empty today: every check of
 * the built-in labs fails before its step (checks on what an earlier step already made are written
 * as output checks on what the learner looks at instead).
 */
const PASS_BEFORE_ALLOWED: Record<string, string> = {};

function loadLab(id: string): Lab {
  const parsed = parseLab({ files: readLabFolder(join(labsDir, id)), id, source: 'built-in' });
  if ('problems' in parsed) throw new Error(`${id}: ${parsed.problems.map((p) => `${p.file}:${p.line ?? ''}:${p.column ?? ''} ${p.message}`).join('\n')}`);
  return parsed.lab;
}

const describeResults = (results: LabCheckResult[]): string[] => results.map((r) => `${r.ok ? 'ok' : 'FAIL'}: ${r.detail.en}`);

describe('built-in labs', () => {
  it('are the chapter labs, in the chapter order', () => {
    const labs = labIds.map(loadLab).sort((a, b) => a.order - b.order);
    expect(labs.map((l) => l.id)).toEqual(['service-types', 'dns-chain', 'headless', 'endpoint', 'externalname', 'load-balancer']);
    expect(labs.map((l) => l.order)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  describe.each(labIds)('%s', (id) => {
    const lab = loadLab(id);

    it('has checks on every step, and every manifest of the folder is used by some step', () => {
      for (const step of lab.steps) expect(step.checks?.length ?? 0, `step ${step.id}`).toBeGreaterThan(0);
      const used = new Set(lab.steps.flatMap((s) => [...(s.manifests ?? []), ...(s.commands ?? []).map((c) => appliedFile(c.line))]));
      const manifests = Object.keys(lab.files).filter((f) => /\.ya?ml$/.test(f) && f !== 'cluster.yaml');
      expect(manifests.filter((m) => !used.has(m))).toEqual([]);
    });

    it('can be walked step by step: every check passes after its step and (unless listed) not before', () => {
      const walk = walkLab(lab);
      expect(walk.steps.map((s) => s.step.id)).toEqual(lab.steps.map((s) => s.id));
      for (const { step, before, after, applied, commands } of walk.steps) {
        expect(applied.filter((a) => a.errors.length > 0), `${id}/${step.id}: manifests applied from the editor`).toEqual([]);
        expect(commands.map((c) => c.line)).toEqual((step.commands ?? []).map((c) => c.line));
        expect(describeResults(after), `${id}/${step.id} after the step`).toEqual(after.map((r) => `ok: ${r.detail.en}`));
        const passedBefore = before.flatMap((r, i) => (r.ok && !PASS_BEFORE_ALLOWED[`${id}/${step.id}/${i}`] ? [`check ${i}: ${r.detail.en}`] : []));
        expect(passedBefore, `${id}/${step.id}: checks that already passed before the step`).toEqual([]);
        // A listed exception that no longer passes before its step is stale: take it off the list.
        const stale = before.flatMap((r, i) => (!r.ok && PASS_BEFORE_ALLOWED[`${id}/${step.id}/${i}`] ? [`check ${i}`] : []));
        expect(stale, `${id}/${step.id}: PASS_BEFORE_ALLOWED entries that fail before the step`).toEqual([]);
        for (const r of [...before, ...after]) {
          expect(r.detail.ko.trim(), 'a Korean detail').not.toBe('');
          expect(r.detail.en.trim(), 'an English detail').not.toBe('');
        }
      }
      // Every command line the walk ran is in the transcript, in order, in the admin session.
      expect(walk.transcript.map((e) => `${e.session} ${e.line}`)).toEqual(lab.steps.flatMap((s) => (s.commands ?? []).map((c) => `admin ${c.line}`)));
    });
  });
});
