/**
 * kubectl apply's client-side three-way merge (strategic merge patch computed from the last
 * applied configuration, the new configuration and the live object, then applied to the live
 * object): fields in the new configuration win; fields that were in the last applied
 * configuration but are gone now are removed; everything else on the live object (values the
 * server or controllers set: cluster IPs, node ports, nodeName, status …) stays.
 *
 * Lists with a patch merge key (k8s.io/api types' `patchMergeKey`) merge item by item; other
 * lists are replaced whole. Deliberate difference: Service ports and container ports merge on
 * port+protocol rather than on the port number alone, avoiding upstream's long-standing mix-up of
 * TCP and UDP entries that share a number (kubernetes/kubernetes#39188).
 */

import { cloneObject } from '../store/clone';
type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const { propertyIsEnumerable } = Object.prototype;

/** Merge keys by kind and path (JSON field path without indexes). */
function mergeKeyFor(kind: string, path: string): ((item: Obj) => string) | undefined {
  const byName = (item: Obj): string => String(item.name ?? '');
  if (kind === 'Service' && path === 'spec.ports') return (i) => `${String(i.port)}/${String(i.protocol ?? 'TCP')}`;
  if (kind === 'Pod') {
    if (path === 'spec.containers' || path === 'spec.initContainers' || path === 'spec.volumes' || path === 'spec.imagePullSecrets') return byName;
    if (path === 'spec.containers.ports' || path === 'spec.initContainers.ports') return (i) => `${String(i.containerPort)}/${String(i.protocol ?? 'TCP')}`;
    if (path === 'spec.containers.env' || path === 'spec.initContainers.env') return byName;
    if (path === 'spec.containers.volumeMounts' || path === 'spec.initContainers.volumeMounts') return (i) => String(i.mountPath ?? '');
    if (path === 'spec.hostAliases') return (i) => String(i.ip ?? '');
  }
  if (path === 'metadata.ownerReferences') return (i) => String(i.uid ?? '');
  return undefined;
}

function clone<T>(v: T): T {
  return cloneObject(v);
}

function mergeValue(kind: string, path: string, live: Json, config: Json, last: Json): Json {
  if (isObj(config) && isObj(live)) {
    // `{ ...clone(live) }`, without copying the members the configuration sets (they are merged
    // below, which copies what it keeps): those only hold their place in the key order. (A
    // `__proto__` member sets the copy's prototype, which the spread leaves behind.)
    const out: Obj = {};
    for (const k in live) {
      const v = live[k];
      if (v !== undefined && k !== '__proto__') out[k] = propertyIsEnumerable.call(config, k) ? undefined : clone(v);
    }
    for (const k of Object.keys(config)) {
      const v = config[k];
      if (v === null) delete out[k];
      else {
        // The path only matters below (merge keys of lists): scalars need none.
        const child = v !== null && typeof v === 'object' ? (path === '' ? k : `${path}.${k}`) : path;
        out[k] = mergeValue(kind, child, live[k], v, isObj(last) ? last[k] : undefined);
      }
    }
    if (isObj(last)) for (const k of Object.keys(last)) if (!(k in config)) delete out[k];
    return out;
  }
  if (Array.isArray(config) && Array.isArray(live)) {
    const keyOf = mergeKeyFor(kind, path);
    if (keyOf && config.every(isObj) && live.every(isObj)) {
      const lastItems = Array.isArray(last) ? last.filter(isObj) : [];
      const lastKeys = new Set(lastItems.map(keyOf));
      const configKeys = new Set((config as Obj[]).map(keyOf));
      const out: Json[] = (config as Obj[]).map((item) => {
        const k = keyOf(item);
        const liveItem = (live as Obj[]).find((l) => keyOf(l) === k);
        const lastItem = lastItems.find((l) => keyOf(l) === k);
        return liveItem ? mergeValue(kind, path, liveItem, item, lastItem) : clone(item);
      });
      // Items only the server knows about (never applied by this client) are kept.
      for (const l of live as Obj[]) if (!configKeys.has(keyOf(l)) && !lastKeys.has(keyOf(l))) out.push(clone(l));
      return out;
    }
  }
  return clone(config);
}

/** The object kubectl apply would leave on the server, before server-side defaulting. */
export function threeWayMerge(live: Obj, config: Obj, lastApplied: Obj | undefined): Obj {
  return mergeValue(String(config.kind ?? live.kind), '', live, config, lastApplied ?? {}) as Obj;
}

/**
 * The strategic merge patch kubectl would send (changed and removed fields only), for messages
 * that print it. Lists are shown whole, without `$setElementOrder` directives.
 */
export function applyPatch(live: Json, merged: Json): Obj {
  const out: Obj = {};
  if (!isObj(live) || !isObj(merged)) return out;
  for (const [k, v] of Object.entries(merged)) {
    if (JSON.stringify(v) === JSON.stringify(live[k])) continue;
    out[k] = isObj(v) && isObj(live[k]) ? applyPatch(live[k], v) : v;
  }
  for (const k of Object.keys(live)) if (!(k in merged)) out[k] = null;
  return out;
}
