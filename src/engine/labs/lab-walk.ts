/**
 * Walks a lab the way a learner does, on a fresh cluster (with the lab's cluster.yaml): for each
 * step, the manifests no command of the step applies are applied (the learner presses Apply in
 * the editor), then each command is clicked in the admin host's terminal after the cluster has
 * settled (as a person waits for pods to start), then the cluster settles. Checks are evaluated
 * before and after each step. The proof test walks every built-in lab; the real-cluster export
 * walks a lab to learn which addresses the simulator gave to which object.
 */

import type { Lab, LabCheckResult, LabStep, TranscriptEntry } from '../../shared/lab-types';
import type { ClusterConfig } from '../../shared/cluster-config';
import type { CommandResult } from '../shell/shell-types';
import { parseClusterConfig } from '../config/parse-cluster-config';
import { createEngine, type Engine } from '../engine';
import { ShellSession } from '../shell/shell-session';
import { evaluateChecks } from './lab-checks';
import { appliedFile } from './parse-lab';

/** The terminal session id lab commands run in. */
export const LAB_SESSION = 'admin';

/** What happened in one step. */
export interface WalkedStep {
  step: LabStep;
  /** The step's checks evaluated just before it started. */
  before: LabCheckResult[];
  /** …and once it was done. */
  after: LabCheckResult[];
  /** Manifests applied from the editor (not by a command) and the error messages apply gave. */
  applied: { file: string; errors: string[] }[];
  /** Each command of the step and what it printed. */
  commands: { line: string; result: CommandResult }[];
}

export interface LabWalk {
  engine: Engine;
  transcript: TranscriptEntry[];
  steps: WalkedStep[];
}

/** The manifests of a step that the learner applies from the editor (no command of the step applies them). */
export function editorManifests(step: LabStep): string[] {
  const byCommand = new Set((step.commands ?? []).map((c) => appliedFile(c.line)));
  return (step.manifests ?? []).filter((m) => !byCommand.has(m));
}

/** The lab's cluster settings (its cluster.yaml), or the defaults; a broken file is an error. */
export function labClusterConfig(lab: Lab): Partial<ClusterConfig> {
  if (!lab.clusterConfig) return {};
  const parsed = parseClusterConfig(lab.clusterConfig);
  if ('errors' in parsed) throw new Error(`cluster.yaml: ${parsed.errors.map((e) => e.en).join('; ')}`);
  return parsed.config;
}

/** Walks every step of `lab` in order on a fresh cluster. */
export function walkLab(lab: Lab): LabWalk {
  const engine = createEngine(labClusterConfig(lab), undefined, { freezeObjects: false });
  const session = new ShellSession(engine, { read: (path) => lab.files[path.replace(/^\.\//, '')] });
  const transcript: TranscriptEntry[] = [];
  const steps: WalkedStep[] = [];
  for (const step of lab.steps) {
    const checks = step.checks ?? [];
    const before = evaluateChecks(engine, checks, transcript);
    const applied = editorManifests(step).map((file) => {
      const report = engine.apply(lab.files[file] ?? '', { fileName: file });
      const errors = [...report.outcomes.flatMap((o) => (o.action === 'failed' ? [o.error?.message ?? 'failed'] : [])), ...report.messages.filter((m) => m.severity === 'error').map((m) => m.message)];
      return { file, errors };
    });
    const commands = (step.commands ?? []).map(({ line }) => {
      engine.settle();
      const result = session.run(line);
      transcript.push({ session: LAB_SESSION, line, output: result.stdout + result.stderr, exitCode: result.exitCode });
      return { line, result };
    });
    engine.settle();
    steps.push({ step, before, after: evaluateChecks(engine, checks, transcript), applied, commands });
  }
  return { engine, transcript, steps };
}
