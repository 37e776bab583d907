import { describe, expect, it } from 'vitest';
import type { EngineClient, EngineRequests } from '../../../../shared/engine-protocol';
import type { TraceHop } from '../../../../shared/dns-types';
import { TraceState } from '../../state/trace-state.svelte';
import type { CompletionContext } from './completion';
import { isHostPrompt, TerminalSession } from './terminal-session.svelte';
import { parseKeys } from './terminal-keys';

const HOP: TraceHop = { type: 'search', name: 'headless1.default.svc.cluster.local.', reason: 'ndots' };
const noContext = (): CompletionContext => ({ inContainer: false, objects: [], files: [] });

/** A client whose shell answers from a script: line → output and the prompt after it. */
function scriptedClient(script: Record<string, { stdout?: string; stderr?: string; hops?: TraceHop[]; prompt?: string }>) {
  const sent: EngineRequests['shellRun']['input'][] = [];
  let prompt = 'root@master:~# ';
  const client: EngineClient = {
    request: (async (method: string, params: never) => {
      if (method === 'shellPrompt') return { prompt };
      const input = params as EngineRequests['shellRun']['input'];
      sent.push(input);
      const r = script[input.line] ?? { stderr: `${input.line}: command not found\n` };
      prompt = r.prompt ?? prompt;
      return { output: { stdout: r.stdout ?? '', stderr: r.stderr ?? '', exitCode: 0, hops: r.hops }, prompt };
    }) as EngineClient['request'],
    on: () => () => undefined,
    failPending: () => undefined,
  };
  return { client, sent };
}

function press(session: TerminalSession, data: string) {
  return parseKeys(data).map((k) => session.key(k, noContext));
}

describe('terminal session', () => {
  it('sends the typed line with the editor files and prints output, then the new prompt', async () => {
    const { client, sent } = scriptedClient({ 'kubectl exec -it pod4 -- sh': { prompt: '/ # ' } });
    const session = new TerminalSession(client, 's1');
    await session.start();
    expect(session.prompt).toBe('root@master:~# ');
    const effects = press(session, 'kubectl exec -it pod4 -- sh\r');
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

  it('keeps history per session id, across remounts', () => {
    const { client } = scriptedClient({});
    press(new TerminalSession(client, 'h1'), 'kubectl get pods\r');
    const again = new TerminalSession(client, 'h1');
    press(again, '\x1b[A');
    expect(again.line).toBe('kubectl get pods');
    expect(new TerminalSession(client, 'h2').history).toEqual([]);
  });

  it('applies a unique completion and lists ambiguous ones', () => {
    const { client } = scriptedClient({});
    const session = new TerminalSession(client, 'c1');
    const ctx = (): CompletionContext => ({ inContainer: false, files: [], objects: [{ kind: 'Pod', namespace: 'default', name: 'pod4' }, { kind: 'Pod', namespace: 'default', name: 'pod5' }] });
    parseKeys('kubectl exec p\t').forEach((k) => session.key(k, ctx));
    expect(session.line).toBe('kubectl exec pod');
    const [effect] = parseKeys('\t').map((k) => session.key(k, ctx));
    expect(effect).toEqual({ kind: 'candidates', candidates: ['pod4', 'pod5'] });
  });
});

describe('host or container prompt', () => {
  it.each([
    { name: 'the admin host', prompt: 'root@master:~# ', expected: true },
    { name: 'the host in another directory', prompt: 'root@master:/tmp# ', expected: true },
    { name: 'busybox ash in a pod', prompt: '/ # ', expected: false },
    { name: 'bash in a pod (its hostname is no node)', prompt: 'root@pod-a:/# ', expected: false },
  ])('$name', ({ prompt, expected }) => expect(isHostPrompt(prompt, ['master', 'node1', 'node2'])).toBe(expected));
});
