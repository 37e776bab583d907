/** The completion context from the cluster's objects, the prompt (host or container) and the editor's files. */
import type { KubeObject } from '../../../../shared/api-types';
import type { CompletionContext, CompletionObject } from './completion';
import { isHostPrompt } from './terminal-session.svelte';

export function completionObjects(objects: Iterable<KubeObject>): CompletionObject[] {
  const out: CompletionObject[] = [];
  for (const o of objects) {
    const spec = (o as { spec?: { hostname?: string; subdomain?: string } }).spec;
    out.push({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '', ...(o.kind === 'Pod' && spec?.hostname ? { hostname: spec.hostname, subdomain: spec.subdomain } : {}) });
  }
  return out;
}

export function completionContext(cluster: { objects: ReadonlyMap<string, KubeObject> }, prompt: string, files: Record<string, string>): CompletionContext {
  const objects = completionObjects(cluster.objects.values());
  const nodes = objects.filter((o) => o.kind === 'Node').map((o) => o.name);
  return { inContainer: !isHostPrompt(prompt, nodes.length ? nodes : ['master']), objects, files: Object.keys(files) };
}
