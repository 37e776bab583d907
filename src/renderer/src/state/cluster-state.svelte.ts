/**
 * What the views show of the cluster: every object of the view kinds and the DNS table, kept
 * current by the engine's change events (diffs: only changed objects cross the boundary). Holds
 * no widget objects; components read it, only its methods write it.
 */
import type { KubeObject } from '../../../shared/api-types';
import type { DnsTableRow } from '../../../shared/dns-types';
import type { EngineClient, EngineEvents } from '../../../shared/engine-protocol';
import type { ApplyReport } from '../../../shared/field-error-types';
import { applyDnsDiff } from './dns-table-rows';

/** `Kind/namespace/name`, the key views use for objects. */
export const objectKey = (kind: string, namespace: string | undefined, name: string): string => `${kind}/${namespace ?? ''}/${name}`;

export class ClusterState {
  #client: EngineClient;
  #objects = $state.raw<ReadonlyMap<string, KubeObject>>(new Map());
  #dns = $state.raw<readonly DnsTableRow[]>([]);
  #now = $state(0);
  #resourceVersion = $state('0');
  /** Keys of the objects the last change batch touched (views flash them). */
  #lastChanged = $state.raw<ReadonlySet<string>>(new Set());
  #ready = $state(false);
  #dnsRefresh: Promise<void> | undefined;

  constructor(client: EngineClient) {
    this.#client = client;
  }

  get objects(): ReadonlyMap<string, KubeObject> {
    return this.#objects;
  }
  get dns(): readonly DnsTableRow[] {
    return this.#dns;
  }
  get now(): number {
    return this.#now;
  }
  get resourceVersion(): string {
    return this.#resourceVersion;
  }
  get lastChanged(): ReadonlySet<string> {
    return this.#lastChanged;
  }
  get ready(): boolean {
    return this.#ready;
  }

  /** Objects of one kind, sorted by namespace/name. */
  ofKind<T extends KubeObject = KubeObject>(kind: string): T[] {
    const out: T[] = [];
    for (const obj of this.#objects.values()) if (obj.kind === kind) out.push(obj as T);
    return out.sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  }

  /** Loads the snapshot and follows change events from then on. */
  async start(): Promise<void> {
    this.#client.on('changed', (payload) => this.applyChanges(payload));
    // The cluster was replaced (a saved one loaded, an undo, a reset): read everything again.
    this.#client.on('reset', () => void this.reload());
    await this.reload();
  }

  /** Reads every object and the DNS table again. */
  async reload(): Promise<void> {
    const snap = await this.#client.request('snapshot', null);
    this.#objects = new Map(snap.objects.map((o) => [objectKey(o.kind, o.metadata.namespace, o.metadata.name ?? ''), o]));
    this.#dns = snap.dns;
    this.#now = snap.now;
    this.#resourceVersion = snap.resourceVersion;
    this.#ready = true;
  }

  /** Applies one change batch (public for tests; the engine client calls it). */
  applyChanges(payload: EngineEvents['changed']): void {
    const next = new Map(this.#objects);
    const changed = new Set<string>();
    for (const c of payload.changes) {
      const key = objectKey(c.kind, c.namespace, c.name);
      changed.add(key);
      if (c.type === 'DELETED') next.delete(key);
      else if (c.object) next.set(key, c.object);
    }
    this.#objects = next;
    this.#lastChanged = changed;
    this.#now = payload.now;
    this.#resourceVersion = payload.resourceVersion;
    // The engine sends the DNS table's row diff with the batch; a host that does not re-reads it.
    if (payload.dns) {
      if (payload.dns.added.length > 0 || payload.dns.removed.length > 0) this.#dns = applyDnsDiff(this.#dns, payload.dns);
    } else if (payload.changes.some((c) => c.kind === 'Service' || c.kind === 'EndpointSlice' || c.kind === 'Pod' || c.kind === 'ConfigMap')) void this.refreshDns();
  }

  /** Re-reads the DNS table (coalesced: one request in flight at a time). */
  refreshDns(): Promise<void> {
    this.#dnsRefresh ??= this.#client.request('dnsTable', null).then((rows) => {
      this.#dns = rows;
      this.#dnsRefresh = undefined;
    });
    return this.#dnsRefresh;
  }

  /** `kubectl apply` of editor text. */
  apply(text: string, fileName?: string): Promise<ApplyReport> {
    return this.#client.request('apply', { text, fileName });
  }

  /** `kubectl delete -f` of editor text. */
  delete(text: string, fileName?: string): Promise<ApplyReport> {
    return this.#client.request('deleteManifest', { text, fileName });
  }
}
