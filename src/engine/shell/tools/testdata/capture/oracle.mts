/**
 * The capture oracle: answers the capture servers' questions from the simulated cluster, one JSON
 * object per line on stdin/stdout. The real dig, nslookup, curl, wget and busybox then print
 * what the engine answered, so the captured outputs are the real tools' renderings of the very
 * messages and responses our tools format (see README.md).
 *
 *   {"op":"reset"}                                   → {"addresses":{...},"hosts":{...}}
 *   {"op":"dns","server":ip,"from":pod|"host","name":n,"type":t}
 *                                                    → {"message":DnsMessage|null}
 *   {"op":"http","from":pod|"host","ip":ip,"port":n,"method":m,"host":h,"path":p}
 *                                                    → {"response":HttpResponse|null,"outcome":...}
 */

import { createInterface } from 'node:readline';
import type { TraceActor } from '../../../../../shared/dns-types';
import type { Engine } from '../../../../engine';
import { handleHttp } from '../../../../network/http';
import { chapterAddresses, chapterEngine, chapterPod } from '../../testing/chapter-scenario';

let engine: Engine = chapterEngine();

const HOST: TraceActor & { node?: string } = { kind: 'host', id: 'master', ip: '192.168.0.30', node: 'master' };

function actor(from: string): TraceActor & { node?: string } {
  if (from === 'host') return HOST;
  const pod = chapterPod(engine, from);
  return { kind: 'pod', id: `default/${from}`, ip: pod.status?.podIP, node: pod.spec.nodeName };
}

function answer(req: Record<string, unknown>): unknown {
  switch (req.op) {
    case 'reset':
      engine = chapterEngine();
      return { addresses: chapterAddresses(engine), now: engine.now() };
    case 'dns': {
      const from = actor(String(req.from));
      const { node: _node, ...who } = from;
      const out = engine.dns.query(who, String(req.server), String(req.name), req.type as never);
      return { message: out.timedOut ? null : out.message };
    }
    case 'http': {
      const from = actor(String(req.from));
      const conn = engine.kubeProxy.connect(from, String(req.ip), Number(req.port));
      if (!conn.target) return { response: null, outcome: conn.outcome };
      const response = handleHttp(
        { method: String(req.method), host: String(req.host), path: String(req.path), headers: {}, scheme: 'http' },
        conn.target,
        { clusterDomain: engine.config.clusterDomain, now: engine.now(), world: engine.world },
      );
      return { response, outcome: conn.outcome };
    }
    default:
      return { error: `unknown op ${String(req.op)}` };
  }
}

const rl = createInterface({ input: process.stdin });
rl.on('line', (line) => {
  let out: unknown;
  try {
    out = answer(JSON.parse(line) as Record<string, unknown>);
  } catch (e) {
    out = { error: String(e) };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
});
