/**
 * Tab completion for the terminal, from the live store and where the session is: the word before
 * the cursor and the words that could stand there. The first word is a command the place has (the
 * admin host's tools and kubectl; inside `kubectl exec -it POD -- sh` only what that pod's image
 * ships); after `kubectl`, see kubectl-completion.ts; after a DNS tool, the names the cluster DNS
 * answers by the short forms a pod's search list resolves (`headless1`, `pod-a.headless1`,
 * `svc.other-ns`). The host's resolv.conf points at the internal DNS, so there it offers none.
 *
 * Deliberately left out: quoting, `$VAR` and path completion (the simulated file systems are tiny),
 * and what the host would do after pipes (pipes are not simulated).
 */

import type { Pod } from '../../../shared/api-types';
import type { Engine } from '../../engine';
import type { ExecTarget } from '../shell-types';
import { NAME_TOOLS, containerCommands, hostCommands } from './command-names';
import { kubectlCandidates, type KubectlCompletionSource } from './kubectl-completion';

/** A completion request: the line as typed, the cursor in it, the editor's file names. */
export interface CompletionRequest {
  line: string;
  cursor: number;
  files?: readonly string[];
}

/** The words that may replace `line.slice(replaceFrom, cursor)`, sorted; empty when none fits. */
export interface CompletionResult {
  candidates: string[];
  replaceFrom: number;
}

/** What completion reads from the engine. */
export type CompletionEngine = Pick<Engine, 'store'>;

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

/** Host names a pod in `namespace` resolves through its search list. */
function dnsNames(engine: CompletionEngine, namespace: string): string[] {
  const out: string[] = [];
  for (const s of engine.store.list('Service')) out.push(s.metadata.namespace === namespace ? s.metadata.name! : `${s.metadata.name}.${s.metadata.namespace}`);
  for (const p of engine.store.list<Pod>('Pod')) {
    const { hostname, subdomain } = p.spec;
    // A pod's own A record exists only under a headless Service named by its subdomain (DNS spec §2.4.1).
    if (hostname && subdomain) out.push(p.metadata.namespace === namespace ? `${hostname}.${subdomain}` : `${hostname}.${subdomain}.${p.metadata.namespace}`);
  }
  return sorted(out);
}

function source(engine: CompletionEngine, files: readonly string[]): KubectlCompletionSource {
  return {
    names: (kind, namespace) =>
      sorted(
        engine.store
          .list(kind)
          .filter((o) => namespace === undefined || o.metadata.namespace === undefined || o.metadata.namespace === namespace)
          .map((o) => o.metadata.name ?? ''),
      ),
    namespaces: () => sorted(engine.store.list('Namespace').map((n) => n.metadata.name ?? '')),
    files,
    podCommands: (namespace, pod, container) => {
      const p = engine.store.get<Pod>('Pod', namespace, pod);
      return p ? containerCommands(p, container) : [];
    },
    commandArgs: (argv, namespace) => (NAME_TOOLS.has(argv[0]) ? dnsNames(engine, namespace) : []),
  };
}

/** Completes the word before `request.cursor` for a session at `target`. Never throws on odd input. */
export function completeShellLine(engine: CompletionEngine, target: ExecTarget, request: CompletionRequest): CompletionResult {
  const cursor = Math.max(0, Math.min(request.cursor, request.line.length));
  const before = request.line.slice(0, cursor);
  const replaceFrom = before.search(/\S*$/);
  const word = before.slice(replaceFrom);
  const words = before.slice(0, replaceFrom).trim().split(/\s+/).filter(Boolean);
  const src = source(engine, request.files ?? []);
  let pool: string[];
  if (target.kind === 'pod') {
    const pod = engine.store.get<Pod>('Pod', target.namespace, target.pod);
    if (!pod) pool = [];
    else pool = words.length === 0 ? containerCommands(pod, target.container) : src.commandArgs(words, target.namespace);
  } else if (words.length === 0) pool = hostCommands();
  else if (words[0] === 'kubectl') pool = kubectlCandidates(words.slice(1), word, src);
  else pool = [];
  return { candidates: pool.filter((c) => c.startsWith(word)), replaceFrom };
}
