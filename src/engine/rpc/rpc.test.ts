import { describe, expect, it } from 'vitest';
import type { EngineHandlers } from '../../shared/engine-protocol';
import { connectEngine } from './connect-engine';
import { createPortPair } from './port';
import { serveEngine } from './serve-engine';

/** Handlers that answer from fixed data; each unanswered method throws so a test notices. */
function fakeHandlers(overrides: Partial<EngineHandlers>): EngineHandlers {
  const missing = (): never => {
    throw new Error('not used in this test');
  };
  return {
    hello: missing,
    apply: missing,
    deleteManifest: missing,
    get: missing,
    list: missing,
    advance: missing,
    settle: missing,
    dnsTable: missing,
    lookup: missing,
    snapshot: missing,
    shellRun: missing,
    shellPrompt: missing,
    ...overrides,
  } as EngineHandlers;
}

function pair(handlers: EngineHandlers) {
  const queue: (() => void)[] = [];
  const [clientPort, serverPort] = createPortPair((run) => queue.push(run));
  const server = serveEngine(serverPort, handlers);
  const client = connectEngine(clientPort);
  const flush = async (): Promise<void> => {
    while (queue.length) queue.shift()!();
    await Promise.resolve();
  };
  return { client, server, flush };
}

describe('engine rpc over a port pair', () => {
  it('routes a request to the handler of the same name and returns its result', async () => {
    const { client, flush } = pair(fakeHandlers({ advance: ({ ms }) => ({ now: 1000 + ms }) }));
    const reply = client.request('advance', { ms: 250 });
    await flush();
    await flush();
    await expect(reply).resolves.toEqual({ now: 1250 });
  });

  it('turns a handler exception into a rejected promise with its message, not a crash', async () => {
    const { client, flush } = pair(fakeHandlers({}));
    const reply = client.request('settle', null);
    await flush();
    await flush();
    await expect(reply).rejects.toThrow('not used in this test');
  });

  it('refuses a method the protocol does not declare', async () => {
    const { client, flush } = pair(fakeHandlers({}));
    const reply = (client.request as (m: string, p: unknown) => Promise<unknown>)('toString', null);
    await flush();
    await flush();
    await expect(reply).rejects.toThrow('unknown method "toString"');
  });

  it('delivers pushed events to subscribers until they unsubscribe', async () => {
    const { client, server, flush } = pair(fakeHandlers({}));
    const seen: string[] = [];
    const off = client.on('changed', (p) => seen.push(p.resourceVersion));
    server.emit('changed', { resourceVersion: '7', now: 0, changes: [] });
    await flush();
    off();
    server.emit('changed', { resourceVersion: '8', now: 0, changes: [] });
    await flush();
    expect(seen).toEqual(['7']);
  });

  it('rejects pending requests when the host fails them (worker died)', async () => {
    const { client } = pair(fakeHandlers({ settle: () => ({ now: 0 }) }));
    const reply = client.request('settle', null); // never flushed: the "worker" is gone
    client.failPending('the simulation engine stopped');
    await expect(reply).rejects.toThrow('the simulation engine stopped');
  });
});
