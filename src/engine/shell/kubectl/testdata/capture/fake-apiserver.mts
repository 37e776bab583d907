/**
 * A tiny kube-apiserver stand-in over the simulated engine's store, on 127.0.0.1 only, so the REAL
 * kubectl v1.32 binary can run its client-side code (describers, -o yaml/json/jsonpath/
 * custom-columns/name, error framing, label/delete messages, table layout) against the same state
 * our simulated kubectl reads. Used only by capture.mts to record fixtures; never by the app.
 *
 * Served: discovery (legacy /api, /apis), /version, GET/LIST (label and field selectors), the
 * meta.k8s.io Table form when kubectl asks for it (cells from `tableFor`, injected by the caller),
 * DELETE, PATCH of labels (merge patch), POST (create). Everything else answers 404/405.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../../../../engine';
import type { KubeObject } from '../../../../../shared/api-types';

export interface KindDef {
  kind: string;
  resource: string;
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: string[];
  verbs: string[];
  singular: string;
  categories?: string[];
}

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
export const KINDS: KindDef[] = [
  { kind: 'ConfigMap', resource: 'configmaps', group: '', version: 'v1', namespaced: true, shortNames: ['cm'], verbs: VERBS, singular: 'configmap' },
  { kind: 'Endpoints', resource: 'endpoints', group: '', version: 'v1', namespaced: true, shortNames: ['ep'], verbs: VERBS, singular: 'endpoints' },
  { kind: 'Event', resource: 'events', group: '', version: 'v1', namespaced: true, shortNames: ['ev'], verbs: VERBS, singular: 'event' },
  { kind: 'Namespace', resource: 'namespaces', group: '', version: 'v1', namespaced: false, shortNames: ['ns'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], singular: 'namespace' },
  { kind: 'Node', resource: 'nodes', group: '', version: 'v1', namespaced: false, shortNames: ['no'], verbs: VERBS, singular: 'node' },
  { kind: 'Pod', resource: 'pods', group: '', version: 'v1', namespaced: true, shortNames: ['po'], verbs: VERBS, singular: 'pod', categories: ['all'] },
  { kind: 'Service', resource: 'services', group: '', version: 'v1', namespaced: true, shortNames: ['svc'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], singular: 'service', categories: ['all'] },
  { kind: 'EndpointSlice', resource: 'endpointslices', group: 'discovery.k8s.io', version: 'v1', namespaced: true, shortNames: [], verbs: VERBS, singular: 'endpointslice' },
];

export type TableFor = (kind: string, objects: KubeObject[], now: number) => { columns: { name: string; type: string; format: string; description: string; priority: number }[]; rows: unknown[][] };

export interface FakeServer {
  url: string;
  close(): Promise<void>;
  requests: string[];
}

export async function startFakeApiserver(engine: Engine, tableFor?: TableFor): Promise<FakeServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url} [${req.headers.accept ?? ''}]`);
      try {
        handle(engine, tableFor, req, body, res);
      } catch (e) {
        send(res, 500, status(500, 'InternalError', String(e)));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

function send(res: http.ServerResponse, code: number, obj: unknown): void {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(obj));
}

function status(code: number, reason: string, message: string, details?: unknown): unknown {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

function resourceList(group: string, version: string): unknown {
  const gv = group ? `${group}/${version}` : version;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: gv,
    resources: KINDS.filter((k) => k.group === group).map((k) => ({
      name: k.resource,
      singularName: k.singular,
      namespaced: k.namespaced,
      kind: k.kind,
      verbs: k.verbs,
      ...(k.shortNames.length ? { shortNames: k.shortNames } : {}),
      ...(k.categories ? { categories: k.categories } : {}),
    })).concat(group === '' ? [{ name: 'pods/exec', singularName: '', namespaced: true, kind: 'PodExecOptions', verbs: ['create', 'get'] } as never] : []),
  };
}

function fieldMatches(obj: KubeObject, fieldSelector: string | null): boolean {
  if (!fieldSelector) return true;
  return fieldSelector.split(',').every((req) => {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(req);
    if (!m) return true;
    const path = m[1].split('.');
    let v: unknown = obj;
    for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    const s = v === undefined ? '' : String(v);
    return m[2] === '!=' ? s !== m[3] : s === m[3];
  });
}

function handle(engine: Engine, tableFor: TableFor | undefined, req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const p = url.pathname;
  const accept = req.headers.accept ?? '';
  if (p === '/version') {
    return send(res, 200, { major: '1', minor: '32', gitVersion: 'v1.32.4', gitCommit: '59526cd4867447956156ae3a602fcbac5ce4c05e', gitTreeState: 'clean', buildDate: '2025-04-22T16:02:27Z', goVersion: 'go1.23.6', compiler: 'gc', platform: 'linux/amd64' });
  }
  if (p === '/api') return send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '192.168.0.30:6443' }] });
  if (p === '/apis') {
    return send(res, 200, {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [{ name: 'discovery.k8s.io', versions: [{ groupVersion: 'discovery.k8s.io/v1', version: 'v1' }], preferredVersion: { groupVersion: 'discovery.k8s.io/v1', version: 'v1' } }],
    });
  }
  if (p === '/api/v1') return send(res, 200, resourceList('', 'v1'));
  if (p === '/apis/discovery.k8s.io/v1') return send(res, 200, resourceList('discovery.k8s.io', 'v1'));

  const m = /^\/(?:api\/v1|apis\/([^/]+)\/v1)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?$/.exec(p);
  if (!m) return send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
  const [, group = '', namespaceRaw, resource, name, sub] = m;
  let namespace = namespaceRaw;
  let kindDef = KINDS.find((k) => k.group === group && k.resource === resource);
  let objName = name;
  // /api/v1/namespaces/NAME is the namespace itself
  if (!kindDef && namespaceRaw === undefined && resource === 'namespaces') kindDef = KINDS.find((k) => k.kind === 'Namespace');
  if (!kindDef && resource && namespaceRaw && !name) {
    // /api/v1/namespaces/foo → GET namespace foo
  }
  if (p.startsWith('/api/v1/namespaces/') && !m[3]) {
    kindDef = KINDS.find((k) => k.kind === 'Namespace');
  }
  if (/^\/api\/v1\/namespaces\/[^/]+$/.test(p)) {
    kindDef = KINDS.find((k) => k.kind === 'Namespace');
    objName = p.split('/')[4];
    namespace = undefined;
  }
  // Leases of kube-node-lease: the kubelets renew them every 10 s (synthesized from the Nodes).
  const lease = /^\/apis\/coordination.k8s.io\/v1\/namespaces\/kube-node-lease\/leases\/([^/]+)$/.exec(p);
  if (lease) {
    const node = engine.store.get('Node', undefined, lease[1]);
    if (!node) return send(res, 404, status(404, 'NotFound', `leases.coordination.k8s.io "${lease[1]}" not found`));
    const renew = new Date(Math.floor(engine.now() / 10000) * 10000).toISOString().replace('Z', '000Z');
    return send(res, 200, { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: lease[1], namespace: 'kube-node-lease', creationTimestamp: node.metadata.creationTimestamp }, spec: { holderIdentity: lease[1], leaseDurationSeconds: 40, renewTime: renew } });
  }
  if (/\/(resourcequotas|limitranges)$/.test(p)) {
    const kind = p.endsWith('resourcequotas') ? 'ResourceQuotaList' : 'LimitRangeList';
    return send(res, 200, { kind, apiVersion: 'v1', metadata: { resourceVersion: engine.store.resourceVersion }, items: [] });
  }
  if (!kindDef) return send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
  const qualified = kindDef.group ? `${kindDef.resource}.${kindDef.group}` : kindDef.resource;
  if (sub) return send(res, 400, status(400, 'BadRequest', `subresource ${sub} not supported by the fake apiserver`));

  const wantsTable = accept.includes('as=Table');
  const wide = false;
  const method = req.method ?? 'GET';
  if (kindDef.kind === 'Event') {
    if (method === 'GET' && !objName) return send(res, 200, { kind: 'EventList', apiVersion: 'v1', metadata: { resourceVersion: engine.store.resourceVersion }, items: [] });
    return send(res, 404, status(404, 'NotFound', `events "${objName}" not found`, { name: objName, kind: 'events' }));
  }
  if (method === 'GET' && objName) {
    const obj = engine.store.get(kindDef.kind, kindDef.namespaced ? namespace : undefined, objName);
    if (!obj) return send(res, 404, status(404, 'NotFound', `${qualified} "${objName}" not found`, { name: objName, group: kindDef.group || undefined, kind: kindDef.resource }));
    if (wantsTable && tableFor) return send(res, 200, table(kindDef, [obj], tableFor, wide, url, engine));
    return send(res, 200, obj);
  }
  if (method === 'GET') {
    const listed = engine.list(kindDef.kind, kindDef.namespaced ? namespace : undefined, url.searchParams.get('labelSelector') ?? undefined);
    if ('error' in listed) return send(res, 400, status(400, 'BadRequest', listed.error));
    const items = listed.items.filter((o) => fieldMatches(o, url.searchParams.get('fieldSelector')));
    if (wantsTable && tableFor) return send(res, 200, table(kindDef, items, tableFor, wide, url, engine));
    return send(res, 200, { kind: `${kindDef.kind}List`, apiVersion: kindDef.group ? `${kindDef.group}/v1` : 'v1', metadata: { resourceVersion: engine.store.resourceVersion }, items: items.map((i) => ({ ...i, apiVersion: undefined, kind: undefined })) });
  }
  if (method === 'DELETE' && objName) {
    const r = engine.api.delete(kindDef.kind, namespace, objName);
    engine.settle();
    if (r.error) return send(res, r.error.code, status(r.error.code, r.error.reason, r.error.message, { name: objName, kind: kindDef.resource }));
    return send(res, 200, r.object);
  }
  if (method === 'PATCH' && objName) {
    const live = engine.store.get(kindDef.kind, kindDef.namespaced ? namespace : undefined, objName);
    if (!live) return send(res, 404, status(404, 'NotFound', `${qualified} "${objName}" not found`, { name: objName, kind: kindDef.resource }));
    const patch = JSON.parse(body) as { metadata?: { labels?: Record<string, string | null> } };
    const next = JSON.parse(JSON.stringify(live)) as KubeObject;
    const labels: Record<string, string> = { ...(next.metadata.labels ?? {}) };
    for (const [k, v] of Object.entries(patch.metadata?.labels ?? {})) {
      if (v === null) delete labels[k];
      else labels[k] = v;
    }
    next.metadata.labels = labels;
    if (Object.keys(labels).length === 0) delete next.metadata.labels;
    const r = engine.api.update(next);
    engine.settle();
    if (r.error) return send(res, r.error.code, status(r.error.code, r.error.reason, r.error.message));
    return send(res, 200, r.object);
  }
  if (method === 'POST' && !objName) {
    const r = engine.api.create(JSON.parse(body));
    engine.settle();
    if (r.error) return send(res, r.error.code, status(r.error.code, r.error.reason, r.error.message, { name: JSON.parse(body).metadata?.name, kind: kindDef.resource }));
    return send(res, 201, r.object);
  }
  return send(res, 405, status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'));
}

function table(kindDef: KindDef, items: KubeObject[], tableFor: TableFor, _wide: boolean, url: URL, engine: Engine): unknown {
  // kubectl asks for all columns (includeObject=Object) and hides priority>0 ones itself unless -o wide.
  const t = tableFor(kindDef.kind, items, engine.now());
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: engine.store.resourceVersion },
    columnDefinitions: t.columns,
    rows: t.rows.map((cells, i) => ({ cells, object: url.searchParams.get('includeObject') === 'None' ? undefined : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: items[i].metadata } })),
  };
}
