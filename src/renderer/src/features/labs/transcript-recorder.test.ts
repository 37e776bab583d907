import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../../../../shared/engine-protocol';
import type { TranscriptEntry } from '../../../../shared/lab-types';
import { recordShellRuns } from './transcript-recorder';

const fakeClient = (): EngineClient =>
  ({
    request: async (method: string, params: { line?: string }) =>
      method === 'shellRun' ? { output: { stdout: `out of ${params.line}\n`, stderr: 'warn\n', exitCode: 1 }, prompt: '$ ' } : { now: 5 },
    on: () => () => undefined,
    failPending: () => undefined,
  }) as unknown as EngineClient;

describe('transcript recorder', () => {
  it('reports each shell command with its output and exit code, and passes the answer on', async () => {
    const entries: TranscriptEntry[] = [];
    const client = recordShellRuns(fakeClient(), (e) => entries.push(e));
    const out = await client.request('shellRun', { session: 's1', line: 'kubectl get svc' });
    expect(out.prompt).toBe('$ ');
    expect(entries).toEqual([{ session: 's1', line: 'kubectl get svc', output: 'out of kubectl get svc\nwarn\n', exitCode: 1 }]);
  });

  it('reports nothing for other requests', async () => {
    const entries: TranscriptEntry[] = [];
    const client = recordShellRuns(fakeClient(), (e) => entries.push(e));
    expect(await client.request('settle', null)).toEqual({ now: 5 });
    expect(entries).toEqual([]);
  });
});
