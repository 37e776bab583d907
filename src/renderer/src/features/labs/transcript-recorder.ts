/**
 * Watches terminal commands for the labs: wraps the engine client so every `shellRun` (typed by
 * the learner or sent by a lab's button, in any session) is reported as a TranscriptEntry once it
 * has answered. Everything else passes through untouched.
 */
import type { EngineClient } from '../../../../shared/engine-protocol';
import type { TranscriptEntry } from '../../../../shared/lab-types';

export function recordShellRuns(client: EngineClient, onEntry: (entry: TranscriptEntry) => void): EngineClient {
  return {
    request: async (method, params) => {
      const out = await client.request(method, params);
      if (method === 'shellRun') {
        const input = params as { session: string; line: string };
        const { output } = out as { output: { stdout: string; stderr: string; exitCode: number } };
        onEntry({ session: input.session, line: input.line, output: output.stdout + output.stderr, exitCode: output.exitCode });
      }
      return out;
    },
    on: (event, listener) => client.on(event, listener),
    failPending: (reason) => client.failPending(reason),
  };
}
