/**
 * The simulated kube-apiserver write path: decode (strict field validation, JSON type errors) →
 * defaults → mutating admission → the registry's BeginCreate/BeginUpdate (Service IP and node
 * port allocation) → PrepareForCreate/Update → validation (exact apimachinery messages) →
 * persist to the ObjectStore. Plus kubectl's client-side apply (three-way merge and the
 * last-applied-configuration annotation). Every public method returns a result; none throws.
 *
 * Simplifications, each observable only at the edges:
 * - Nodes are read-only for users (create/update/delete answer Forbidden): the simulator owns
 *   the cluster's machines. The message is ours, not an RBAC one.
 * - Deleting a Namespace deletes its objects and the Namespace at once; a real cluster marks it
 *   Terminating and the namespace controller empties it asynchronously.
 * - The namespace existence check (NamespaceLifecycle admission) runs before allocation and
 *   validation, which matches what kubectl users see for a missing namespace.
 * - No ServiceAccount objects: pods get serviceAccountName "default" without the token volume.
 */

import { cloneObject } from '../store/clone';
import type { StatusError } from '../../shared/field-error-types';
import type { ClusterConfig } from '../../shared/cluster-config';
import type { KubeObject, Service } from '../../shared/api-types';
import type { Random } from '../random';
import type { VirtualClock } from '../virtual-clock';
import type { ObjectStore } from '../store/object-store';
import { jsonEqual } from '../store/clone';
import { ClusterIPAllocator } from './allocators/cluster-ip-allocator';
import { NodePortAllocator } from './allocators/node-port-allocator';
import { trackServiceAllocations } from './allocators/service-allocation-tracker';
import { goJsonMarshal } from './go-json';
import { goPlusV } from './go-value';
import { isPlainData } from './plain-data';
import { LAST_APPLIED_ANNOTATION, lastAppliedConfiguration, readLastApplied } from './last-applied';
import { podQOSClass } from './pod-qos';
import { lookupKind, lookupKindByName, noMatchMessage, type KindInfo } from './resource-mapping';
import { allocateServiceCreate, allocateServiceUpdate, dropTypeDependentFields, type AllocationOutcome } from './service-rest';
import { setDefaults } from './set-defaults';
import { newAlreadyExists, newBadRequest, newConflict, newForbidden, newInternalError, newInvalid, newNotFound } from './status-errors';
import { decodeErrorMessage, normalizeNulls, strictDecode, strictErrorText } from './strict-decode';
import { applyPatch, threeWayMerge } from './three-way-merge';
import { validateCreate, validateUpdate, warningsFor } from './validate-object';

/** The answer to one API call. */
export interface ApiResult {
  /** The stored object (or the deleted one), when the call succeeded. */
  object?: KubeObject;
  error?: StatusError;
  /** Warnings as the apiserver (or kubectl) would print them, without the `Warning: ` prefix. */
  warnings: string[];
}

/**
 * The answer to `apply`. On error, `action` names what was attempted: 'created' (kubectl prints
 * "error when creating") or 'configured' (kubectl prints "error when patching").
 */
export interface ApplyResult extends ApiResult {
  action: 'created' | 'configured' | 'unchanged';
}

/** The ApiServer's collaborators. */
export interface ApiServerDeps {
  store: ObjectStore;
  config: ClusterConfig;
  random: Random;
  clock: VirtualClock;
}

type Obj = Record<string, unknown>;

/** Namespaces NamespaceLifecycle refuses to delete. */
const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];
/** SimpleNameGenerator: base truncated to 63-5 characters, then 5 random characters. */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const NODE_READ_ONLY = "Service Lab's nodes are part of the simulated cluster and are read-only (they cannot be created, changed or deleted)";

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const clone = cloneObject;

/** The simulated kube-apiserver (plus kubectl apply's client-side logic). */
export class ApiServer {
  #store: ObjectStore;
  #ips: ClusterIPAllocator;
  #ports: NodePortAllocator;
  #names: Random;
  #untrack: () => void;

  constructor(deps: ApiServerDeps) {
    this.#store = deps.store;
    this.#ips = new ClusterIPAllocator(deps.config, deps.random.fork('cluster-ip'));
    this.#ports = new NodePortAllocator(deps.config.nodePortRange, deps.random.fork('node-port'));
    this.#names = deps.random.fork('generate-name');
    this.#untrack = trackServiceAllocations(this.#store, this.#ips, this.#ports);
  }

  /** Stops following store events (the allocators then go stale). */
  dispose(): void {
    this.#untrack();
  }

  /** The cluster IP allocator (read-only use: tests, diagnostics). */
  get clusterIPs(): ClusterIPAllocator {
    return this.#ips;
  }

  /** The node port allocator (read-only use: tests, diagnostics). */
  get nodePorts(): NodePortAllocator {
    return this.#ports;
  }

  /** POST: create an object (generateName honoured). */
  create(input: unknown): ApiResult {
    return this.#guard(() => {
      const decoded = this.#decode(input);
      if ('error' in decoded) return { error: decoded.error, warnings: [] };
      return this.#create(decoded.info, decoded.obj);
    });
  }

  /** PUT: replace an existing object. Without metadata.resourceVersion the update is unconditional. */
  update(input: unknown): ApiResult {
    return this.#guard(() => {
      const decoded = this.#decode(input);
      if ('error' in decoded) return { error: decoded.error, warnings: [] };
      const { info, obj } = decoded;
      const live = this.#store.get(info.kind, obj.metadata.namespace, obj.metadata.name ?? '');
      if (!live) return { error: newNotFound(info.qualifiedResource, obj.metadata.name ?? ''), warnings: [] };
      return this.#update(info, obj, live);
    });
  }

  /** kubectl apply (client-side): create with the last-applied annotation, or three-way merge and update. */
  apply(input: unknown): ApplyResult {
    // #guard without its closures (this is the hot path): the action is what was attempted.
    const state: { action: ApplyResult['action'] } = { action: 'created' };
    let result: ApiResult;
    try {
      result = this.#apply(input, state);
    } catch (e) {
      result = { error: newInternalError(e instanceof Error ? e.message : String(e)), warnings: [] };
    }
    return { ...result, action: state.action };
  }

  #apply(input: unknown, state: { action: ApplyResult['action'] }): ApiResult {
    const checked = this.#checkKind(input);
    if ('error' in checked) return { error: checked.error, warnings: [] };
    const { info } = checked;
    const config = clone(input) as KubeObject;
    if (!isObj(config.metadata)) config.metadata = {};
    const meta = config.metadata;
    if (!meta.name) {
      const message = meta.generateName ? 'cannot use generate name with apply' : 'resource name may not be empty';
      return { error: newBadRequest(message), warnings: [] };
    }
    if (info.namespaced && !meta.namespace) meta.namespace = 'default';
    const live = this.#store.get(info.kind, info.namespaced ? meta.namespace : undefined, meta.name);
    // `config` is our copy and only read from here on. When it is plain data (nearly always),
    // a copy of it would be identical, so the annotated body shares its members (only the
    // metadata differs) and is ours to change (`#decode(…, true)`); otherwise take the copies.
    const plain = isPlainData(config);
    const annotated = plain ? { ...config, metadata: { ...meta } } : clone(config);
    annotated.metadata.annotations = { ...(isObj(annotated.metadata.annotations) ? annotated.metadata.annotations : {}), [LAST_APPLIED_ANNOTATION]: lastAppliedConfiguration(config, plain) };
    if (!live) {
      state.action = 'created';
      const decoded = this.#decode(annotated, plain);
      if ('error' in decoded) return { error: decoded.error, warnings: [] };
      return this.#create(decoded.info, decoded.obj);
    }
    state.action = 'configured';
    const warnings: string[] = [];
    const lastApplied = readLastApplied(live);
    if (!live.metadata.annotations?.[LAST_APPLIED_ANNOTATION]) {
      warnings.push(
        `resource ${info.qualifiedResource}/${meta.name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
      );
    }
    const merged = threeWayMerge(live as unknown as Obj, annotated as unknown as Obj, lastApplied) as KubeObject;
    const decodeResult = strictDecode(annotated as unknown as Obj);
    if (decodeResult.unknownFields.length > 0 && !decodeResult.typeError) {
      // The patch handler reports strict errors as an Invalid error on the patch itself.
      const patch = goPlusV(applyPatch(live, merged));
      const message = ` "" is invalid: patch: Invalid value: ${JSON.stringify(patch)}: ${strictErrorText(decodeResult.unknownFields)}`;
      return { error: { reason: 'Invalid', code: 422, message, causes: [] }, warnings };
    }
    if (jsonEqual(merged, live)) {
      state.action = 'unchanged';
      return { object: live, warnings };
    }
    // threeWayMerge builds a new object: no copy needed when it is plain data.
    const decoded = this.#decode(merged, isPlainData(merged));
    if ('error' in decoded) return { error: decoded.error, warnings };
    const result = this.#update(decoded.info, decoded.obj, live);
    return { ...result, warnings: [...warnings, ...result.warnings] };
  }

  /** DELETE one object. Deleting a Namespace deletes what it contains (synchronously). */
  delete(kind: string, namespace: string | undefined, name: string): ApiResult {
    return this.#guard(() => {
      const info = lookupKindByName(String(kind));
      if (!info) return { error: newNotFound(String(kind).toLowerCase(), String(name)), warnings: [] };
      const ns = info.namespaced ? namespace || 'default' : undefined;
      if (info.kind === 'Node') return { error: newForbidden(info.qualifiedResource, String(name), NODE_READ_ONLY), warnings: [] };
      if (info.kind === 'Namespace' && IMMORTAL_NAMESPACES.includes(name)) {
        return { error: newForbidden(info.qualifiedResource, name, 'this namespace may not be deleted'), warnings: [] };
      }
      const live = this.#store.get(info.kind, ns, String(name));
      if (!live) return { error: newNotFound(info.qualifiedResource, String(name)), warnings: [] };
      if (info.kind === 'Namespace') {
        for (const k of ['Pod', 'Service', 'Endpoints', 'EndpointSlice', 'ConfigMap']) {
          for (const obj of this.#store.list(k, name)) this.#store.delete(k, name, obj.metadata.name ?? '');
        }
      }
      const deleted = this.#store.delete(info.kind, ns, String(name));
      return { object: deleted, warnings: [] };
    });
  }

  /** Runs a call; an unexpected exception becomes an InternalError instead of escaping. */
  #guard<R extends ApiResult>(fn: () => ApiResult, action?: () => ApplyResult['action']): R {
    let result: ApiResult;
    try {
      result = fn();
    } catch (e) {
      result = { error: newInternalError(e instanceof Error ? e.message : String(e)), warnings: [] };
    }
    return (action ? { ...result, action: action() } : result) as R;
  }

  /** Kind and apiVersion checks (what discovery and the URL would settle upstream). */
  #checkKind(input: unknown): { info: KindInfo } | { error: StatusError } {
    if (!isObj(input)) {
      const got = Array.isArray(input) ? 'array' : input === null ? 'null' : typeof input;
      const kind = got === 'boolean' ? 'bool' : got === 'undefined' ? 'null' : got;
      return { error: newBadRequest(`couldn't get version/kind; json parse error: json: cannot unmarshal ${kind} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`) };
    }
    // The body is only printed on error: marshal it lazily (it is the costliest step on the happy path).
    if (typeof input.kind !== 'string' || input.kind === '') return { error: newBadRequest(`Object 'Kind' is missing in '${goJsonMarshal(input)}'`) };
    if (typeof input.apiVersion !== 'string' || input.apiVersion === '') return { error: newBadRequest(`Object 'apiVersion' is missing in '${goJsonMarshal(input)}'`) };
    const info = lookupKind(input.apiVersion, input.kind);
    if (!info) {
      // kubectl's RESTMapper error, minus the ` from "<file>"` it inserts after the namespace.
      const meta = isObj(input.metadata) ? input.metadata : {};
      const name = typeof meta.name === 'string' ? meta.name : '';
      const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
      const message = `resource mapping not found for name: "${name}" namespace: "${ns}": ${noMatchMessage(input.apiVersion, input.kind)}\nensure CRDs are installed first`;
      return { error: { reason: 'NotFound', code: 404, message, causes: [] } };
    }
    if (info.kind === 'Node') {
      const name = isObj(input.metadata) && typeof input.metadata.name === 'string' ? input.metadata.name : '';
      return { error: newForbidden(info.qualifiedResource, name, NODE_READ_ONLY) };
    }
    return { info };
  }

  /**
   * Decoding: kind, strict fields, JSON types, nulls, namespace defaulting. `owned`: the input is
   * plain data this server built and nobody else holds, so it is changed in place instead of
   * copied (a copy would be identical).
   */
  #decode(input: unknown, owned = false): { info: KindInfo; obj: KubeObject } | { error: StatusError } {
    const checked = this.#checkKind(input);
    if ('error' in checked) return checked;
    const { info } = checked;
    const raw = input as Obj;
    const message = decodeErrorMessage(info.kind, info.apiVersion, strictDecode(raw));
    if (message) return { error: newBadRequest(message) };
    const obj = (owned ? raw : clone(raw)) as KubeObject;
    normalizeNulls(obj as unknown as Obj);
    if (!isObj(obj.metadata)) obj.metadata = {};
    if (info.namespaced) obj.metadata.namespace = obj.metadata.namespace || 'default';
    else delete obj.metadata.namespace;
    return { info, obj };
  }

  #generateName(base: string): string {
    let name = base.length > 58 ? base.slice(0, 58) : base;
    for (let i = 0; i < 5; i++) name += NAME_ALPHABET[this.#names.int(NAME_ALPHABET.length)];
    return name;
  }

  #create(info: KindInfo, obj: KubeObject): ApiResult {
    const meta = obj.metadata;
    delete meta.uid;
    delete meta.resourceVersion;
    delete meta.creationTimestamp;
    delete meta.deletionTimestamp;
    if (!meta.name && meta.generateName) {
      // RetryGenerateName: a clash with an existing name retries with a new suffix.
      for (let attempt = 0; attempt < 8; attempt++) {
        meta.name = this.#generateName(meta.generateName);
        if (!this.#store.get(info.kind, meta.namespace, meta.name)) break;
      }
    }
    setDefaults(obj);
    if (info.namespaced && meta.namespace && !this.#store.get('Namespace', undefined, meta.namespace)) {
      return { error: newNotFound('namespaces', meta.namespace), warnings: [] };
    }
    // Mutating admission (ServiceAccount plugin).
    if (info.kind === 'Pod' && isObj(obj.spec)) {
      const spec = obj.spec as Obj;
      if (!spec.serviceAccountName) spec.serviceAccountName = (spec.serviceAccount as string | undefined) || 'default';
      spec.serviceAccount = spec.serviceAccountName;
    }
    let allocation: AllocationOutcome = { revert: () => undefined };
    if (info.kind === 'Service') {
      allocation = allocateServiceCreate(obj as Service, { ips: this.#ips, ports: this.#ports });
      if (allocation.error) return { error: allocation.error, warnings: [] };
    }
    prepareForCreate(obj);
    const errs = validateCreate(obj);
    if (errs.length > 0) {
      allocation.revert();
      return { error: newInvalid(info.qualifiedKind, meta.name ?? '', errs), warnings: [] };
    }
    if (this.#store.get(info.kind, meta.namespace, meta.name ?? '')) {
      allocation.revert();
      return { error: newAlreadyExists(info.qualifiedResource, meta.name ?? ''), warnings: [] };
    }
    const stored = this.#store.create(obj);
    return { object: stored, warnings: warningsFor(stored) };
  }

  #update(info: KindInfo, obj: KubeObject, live: KubeObject): ApiResult {
    const meta = obj.metadata;
    if (meta.resourceVersion && meta.resourceVersion !== live.metadata.resourceVersion) {
      return { error: newConflict(info.qualifiedResource, meta.name ?? '', 'the object has been modified; please apply your changes to the latest version and try again'), warnings: [] };
    }
    // BeforeUpdate: identity fields come from the stored object.
    meta.resourceVersion = live.metadata.resourceVersion;
    meta.uid = meta.uid || live.metadata.uid;
    meta.creationTimestamp = live.metadata.creationTimestamp;
    setDefaults(obj);
    let allocation: AllocationOutcome = { revert: () => undefined };
    const old = clone(live);
    if (info.kind === 'Service') {
      allocation = allocateServiceUpdate(obj as Service, old as Service, { ips: this.#ips, ports: this.#ports });
      if (allocation.error) return { error: allocation.error, warnings: [] };
    }
    prepareForUpdate(obj, old);
    const errs = validateUpdate(obj, old);
    if (errs.length > 0) {
      allocation.revert();
      return { error: newInvalid(info.qualifiedKind, meta.name ?? '', errs), warnings: [] };
    }
    const { object } = this.#store.update(obj);
    return { object, warnings: warningsFor(object) };
  }
}

/** The registry strategies' PrepareForCreate: status and server-owned fields. */
function prepareForCreate(obj: KubeObject): void {
  switch (obj.kind) {
    case 'Service':
      obj.status = { loadBalancer: {} };
      break;
    case 'Pod':
      obj.status = { phase: 'Pending', qosClass: podQOSClass(isObj(obj.spec) ? obj.spec : {}) };
      break;
    case 'Namespace': {
      obj.status = { phase: 'Active' };
      const spec = isObj(obj.spec) ? (obj.spec as { finalizers?: string[] }) : {};
      const finalizers = Array.isArray(spec.finalizers) ? spec.finalizers : [];
      if (!finalizers.includes('kubernetes')) finalizers.push('kubernetes');
      obj.spec = { ...spec, finalizers };
      break;
    }
  }
}

/** The registry strategies' PrepareForUpdate: status is not writable through the main resource. */
function prepareForUpdate(obj: KubeObject, old: KubeObject): void {
  switch (obj.kind) {
    case 'Service':
      obj.status = old.status;
      dropTypeDependentFields(obj as Service, old as Service);
      break;
    case 'Pod':
      obj.status = old.status;
      break;
    case 'Namespace':
      obj.status = old.status;
      obj.spec = old.spec;
      break;
  }
  if (obj.status === undefined) delete obj.status;
}
