import { describe, expect, it } from 'vitest';
import type { EngineClient, EngineRequests } from '../../../../shared/engine-protocol';
import type { TraceHop } from '../../../../shared/dns-types';
import { TraceState } from '../../state/trace-state.svelte';
import { TerminalSession } from './terminal-session.svelte';
import { parseKeys } from './terminal-keys';

const HOP: TraceHop = { type: 'search', name: 'headless1.default.svc.cluster.local.', reason: 'ndots' };

/** A client whose shell answers from a script: line → output and the prompt after it. */
function scriptedClient(script: Record<string, { stdout?: string; stderr?: string; hops?: TraceHop[]; prompt?: string }>, completions: Record<string, string[]> = {}) {
  const sent: EngineRequests['shellRun']['input'][] = [];
  const asked: EngineRequests['shellComplete']['input'][] = [];
  let prompt = 'root@master:~# ';
  const client: EngineClient = {
    request: (async (method: string, params: never) => {
      if (method === 'shellPrompt') return { prompt };
      if (method === 'shellComplete') {
        const q = params as EngineRequests['shellComplete']['input'];
        asked.push(q);
        const before = q.line.slice(0, q.cursor);
        const from = before.search(/\S*$/);
        return { candidates: (completions[before.slice(0, from)] ?? []).filter((c) => c.startsWith(before.slice(from))), replaceFrom: from };
      }
      const input = params as EngineRequests['shellRun']['input'];
      sent.push(input);
      const r = script[input.line] ?? { stderr: `${input.line}: command not found\n` };
      prompt = r.prompt ?? prompt;
      return { output: { stdout: r.stdout ?? '', stderr: r.stderr ?? '', exitCode: 0, hops: r.hops }, prompt };
    }) as EngineClient['request'],
    on: () => () => undefined,
    failPending: () => undefined,
  };
  return { client, sent, asked };
}

/** Types `data` key by key, each key after the previous one's effect (as the component queues them). */
async function press(session: TerminalSession, data: string, files: readonly string[] = []) {
  const effects = [];
  for (const k of parseKeys(data)) effects.push(await session.key(k, () => files));
  return effects;
}

describe('terminal session', () => {
  it('sends the typed line with the editor files and prints output, then the new prompt', async () => {
    const { client, sent } = scriptedClient({ 'kubectl exec -it pod4 -- sh': { prompt: '/ # ' } });
    const session = new TerminalSession(client, 's1');
    await session.start();
    expect(session.prompt).toBe('root@master:~# ');
    const effects = await press(session, 'kubectl exec -it pod4 -- sh\r');
    expect(effects.at(-1)).toEqual({ kind: 'submit', line: 'kubectl exec -it pod4 -- sh' });
    await session.run('kubectl exec -it pod4 -- sh', { 'pods.yaml': 'x' }, (m) => m);
    expect(sent[0]).toEqual({ session: 's1', line: 'kubectl exec -it pod4 -- sh', files: { 'pods.yaml': 'x' } });
    expect(session.prompt).toBe('/ # ');
  });

  it('prints stderr after stdout with CRLF', async () => {
    const { client } = scriptedClient({ 'nslookup nope': { stdout: 'Server:\t10.96.0.10\n', stderr: "** server can't find nope: NXDOMAIN\n" } });
    const session = new TerminalSession(client, 's2');
    expect(await session.run('nslookup nope', {}, (m) => m)).toBe("Server:\t10.96.0.10\r\n** server can't find nope: NXDOMAIN\r\n");
  });

  it('passes a non-empty trace to TraceState, and leaves it alone otherwise', async () => {
    const { client } = scriptedClient({ 'nslookup headless1': { stdout: 'ok\n', hops: [HOP] }, ls: { stdout: '\n', hops: [] } });
    const trace = new TraceState();
    const session = new TerminalSession(client, 's3', trace);
    await session.run('nslookup headless1', {}, (m) => m);
    expect(trace.hops).toEqual([HOP]);
    await session.run('ls', {}, (m) => m);
    expect(trace.generation).toBe(1);
  });

  it('reports an engine failure in the terminal instead of throwing', async () => {
    const client: EngineClient = { request: async () => Promise.reject(new Error('worker gone')), on: () => () => undefined, failPending: () => undefined };
    const session = new TerminalSession(client, 's4');
    expect(await session.run('ls', {}, (m) => `engine error: ${m}`)).toBe('engine error: worker gone\r\n');
  });

  it('keeps history per session id, across remounts', async () => {
    const { client } = scriptedClient({});
    await press(new TerminalSession(client, 'h1'), 'kubectl get pods\r');
    const again = new TerminalSession(client, 'h1');
    await press(again, '\x1b[A');
    expect(again.line).toBe('kubectl get pods');
    expect(new TerminalSession(client, 'h2').history).toEqual([]);
  });

  it('asks the engine on Tab, applies the common prefix, then lists the candidates', async () => {
    const { client, asked } = scriptedClient({}, { 'kubectl exec ': ['pod4', 'pod5'] });
    const session = new TerminalSession(client, 'c1');
    await press(session, 'kubectl exec p\t', ['pods.yaml']);
    expect(session.line).toBe('kubectl exec pod');
    expect(asked[0]).toEqual({ session: 'c1', line: 'kubectl exec p', cursor: 14, files: ['pods.yaml'] });
    expect(await press(session, '\t')).toEqual([{ kind: 'candidates', candidates: ['pod4', 'pod5'] }]);
  });

  it('completes a unique name with a trailing space', async () => {
    const { client } = scriptedClient({}, { 'kubectl get svc ': ['headless1', 'kubernetes'] });
    const session = new TerminalSession(client, 'c2');
    await press(session, 'kubectl get svc head\t');
    expect(session.line).toBe('kubectl get svc headless1 ');
  });

  it('leaves the line alone when the engine cannot answer', async () => {
    const client: EngineClient = { request: async () => Promise.reject(new Error('worker gone')), on: () => () => undefined, failPending: () => undefined };
    const session = new TerminalSession(client, 'c3');
    expect(await press(session, 'kub\t')).toEqual([{ kind: 'redraw' }, { kind: 'none' }]);
    expect(session.line).toBe('kub');
  });
});
