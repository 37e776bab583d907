/** Maps the protocol's requests onto an Engine: the handler object serve-engine checks for exhaustiveness. */

import { ENGINE_PROTOCOL_VERSION, type EngineHandlers } from '../../shared/engine-protocol';
import type { Engine } from '../engine';

export function createEngineHandlers(engine: Engine): EngineHandlers {
  return {
    hello: () => ({ protocolVersion: ENGINE_PROTOCOL_VERSION, config: engine.config, now: engine.now() }),
    apply: ({ text, fileName }) => engine.apply(text, { fileName }),
    deleteManifest: ({ text, fileName }) => engine.deleteManifest(text, { fileName }),
    get: ({ kind, namespace, name }) => engine.store.get(kind, namespace, name) ?? null,
    list: ({ kind, namespace, labelSelector }) => engine.list(kind, namespace, labelSelector),
    advance: ({ ms }) => {
      engine.advance(ms);
      return { now: engine.now() };
    },
    settle: () => {
      engine.settle();
      return { now: engine.now() };
    },
    dnsTable: () => engine.dnsTable(),
    lookup: ({ pod, name, type }) => engine.lookup(pod, name, type),
  };
}
