/**
 * Runs a lab script as `svclab run` does: each non-empty line not starting with `#` is typed at
 * the terminal after the cluster has settled (as a person waits for pods to start), and the
 * transcript shows `$ LINE` then what the command printed (stdout, then stderr).
 */

import type { Engine } from '../engine';
import type { ShellSession } from './shell-session';

export interface ScriptRun {
  transcript: string;
  /** Lines run (comments and blank lines excluded). */
  commands: number;
  /** Lines whose command exited non-zero (printed, not fatal). */
  failures: number;
}

export function runScript(engine: Engine, session: ShellSession, script: string): ScriptRun {
  const out: string[] = [];
  let commands = 0;
  let failures = 0;
  for (const raw of script.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    engine.settle();
    const result = session.run(trimmed);
    commands++;
    if (result.exitCode !== 0) failures++;
    out.push(`$ ${trimmed}\n`);
    for (const text of [result.stdout, result.stderr]) if (text) out.push(text.endsWith('\n') ? text : `${text}\n`);
  }
  return { transcript: out.join(''), commands, failures };
}
