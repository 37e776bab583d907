/**
 * The Service REST's own steps around validation (pkg/registry/core/service/storage/storage.go,
 * alloc.go and ../strategy.go): keep allocated values a client left out (patchAllocatedValues),
 * sync clusterIP/clusterIPs (NormalizeClusterIPs), default IP families and policy
 * (initIPFamilyFields), allocate cluster IPs and node ports, and drop fields a type change made
 * meaningless (dropTypeDependentFields). Allocation happens BEFORE validation, as upstream
 * (BeginCreate/BeginUpdate run before BeforeCreate/BeforeUpdate), so allocation errors come alone.
 */

import type { FieldError, StatusError } from '../../shared/field-error-types';
import type { IPFamily, Service } from '../../shared/api-types';
import type { ClusterIPAllocator } from './allocators/cluster-ip-allocator';
import type { NodePortAllocator } from './allocators/node-port-allocator';
import { invalid } from './field-error';
import { fieldPath } from './field-path';
import { goStringSlice } from './go-value';
import { newInternalError, newInvalid } from './status-errors';
import { parseIPSloppy } from './validation/ip-rules';
import { needsHealthCheck, validateServiceClusterIPsRelatedFields } from './validation/validate-service';
import { jsonEqual } from '../store/clone';

type Spec = Service['spec'];

/** The allocators a Service write needs. */
export interface ServiceAllocators {
  ips: ClusterIPAllocator;
  ports: NodePortAllocator;
}

/** The outcome of an allocation step: an error, and how to undo what was reserved. */
export interface AllocationOutcome {
  error?: StatusError;
  revert: () => void;
}

const strings = (v: readonly string[] | undefined): ReturnType<typeof goStringSlice> => goStringSlice('[]string', v);
const needsClusterIP = (spec: Spec): boolean => spec.type !== 'ExternalName';
const needsNodePort = (spec: Spec): boolean => spec.type === 'NodePort' || spec.type === 'LoadBalancer';
const familyOf = (ip: string): IPFamily => (parseIPSloppy(ip)?.v4 !== undefined ? 'IPv4' : 'IPv6');
const isHeadless = (spec: Spec): boolean => (spec.clusterIPs?.length ?? 0) > 0 && spec.clusterIPs![0] === 'None';
/** shouldAllocateNodePorts: NodePort always; LoadBalancer unless allocateLoadBalancerNodePorts is false. */
const shouldAllocateNodePorts = (spec: Spec): boolean => spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);

/** patchAllocatedValues: a client that omits clusterIP(s)/nodePorts keeps what was allocated. */
export function patchAllocatedValues(spec: Spec, old: Spec): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (!spec.clusterIP) spec.clusterIP = old.clusterIP;
    if ((spec.clusterIPs?.length ?? 0) === 0 && (old.clusterIPs?.length ?? 0) > 0) spec.clusterIPs = [...old.clusterIPs!];
  }
  if (needsNodePort(old) && needsNodePort(spec)) {
    const used = (s: Spec): Set<number> => new Set((s.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n !== 0));
    const oldUsed = used(old);
    const both = new Set([...used(spec)].filter((n) => oldUsed.has(n)));
    const byName = new Map<string, number>();
    for (const p of old.ports ?? []) byName.set(p.name ?? '', p.nodePort ?? 0);
    for (const p of spec.ports ?? []) {
      if (!p.nodePort) {
        const v = byName.get(p.name ?? '') ?? 0;
        if (!both.has(v) && v !== 0) p.nodePort = v;
      }
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(spec) && !spec.healthCheckNodePort) spec.healthCheckNodePort = old.healthCheckNodePort;
}

const sameClusterIPs = (a: Spec, b: Spec): boolean => jsonEqual(a.clusterIPs ?? [], b.clusterIPs ?? []);
const sameIPFamilies = (a: Spec, b: Spec): boolean => jsonEqual(a.ipFamilies ?? [], b.ipFamilies ?? []);

/** NormalizeClusterIPs: keep clusterIP and clusterIPs[0] in step (old is undefined on create). */
export function normalizeClusterIPs(spec: Spec, old: Spec | undefined): void {
  if (!old) {
    if (spec.clusterIP && (spec.clusterIPs?.length ?? 0) === 0) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  if ((old.clusterIPs?.length ?? 0) > 0 && (spec.clusterIPs?.length ?? 0) === 0 && (old.clusterIP ?? '') === (spec.clusterIP ?? '')) {
    spec.clusterIPs = [...old.clusterIPs!];
  }
  if ((old.clusterIP ?? '') !== (spec.clusterIP ?? '')) {
    if (old.clusterIP && !spec.clusterIP && sameClusterIPs(old, spec)) delete spec.clusterIPs;
    if (spec.clusterIP && sameClusterIPs(old, spec)) spec.clusterIPs = [spec.clusterIP];
  }
}

/** initIPFamilyFields: default ipFamilyPolicy/ipFamilies and check them against the cluster. */
function initIPFamilyFields(svc: Service, old: Service | undefined, alloc: ServiceAllocators): StatusError | undefined {
  const spec = svc.spec;
  if (spec.type === 'ExternalName') return undefined;
  const oldSpec = old?.spec;
  // isMatchingPreferDualStackClusterIPFields: leave an unchanged PreferDualStack service alone.
  if (oldSpec && spec.ipFamilyPolicy === 'PreferDualStack' && oldSpec.ipFamilyPolicy === 'PreferDualStack' && sameClusterIPs(oldSpec, spec) && sameIPFamilies(oldSpec, spec)) {
    return undefined;
  }
  if (spec.ipFamilyPolicy === undefined || spec.ipFamilyPolicy === null) {
    if (oldSpec?.ipFamilyPolicy) spec.ipFamilyPolicy = oldSpec.ipFamilyPolicy;
    else if (spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0) spec.ipFamilyPolicy = 'RequireDualStack';
    else spec.ipFamilyPolicy = 'SingleStack';
  }
  const pre = validateServiceClusterIPsRelatedFields(spec);
  if (pre.length > 0) return newInvalid('Service', svc.metadata.name ?? '', pre);

  const el: FieldError[] = [];
  const policyPath = fieldPath('spec', 'ipFamilyPolicy');
  if (oldSpec) {
    if (spec.ipFamilyPolicy === 'SingleStack') {
      if (sameClusterIPs(oldSpec, spec) && (spec.clusterIPs?.length ?? 0) > 1) spec.clusterIPs = spec.clusterIPs!.slice(0, 1);
      if (sameIPFamilies(oldSpec, spec) && (spec.ipFamilies?.length ?? 0) > 1) spec.ipFamilies = spec.ipFamilies!.slice(0, 1);
    } else {
      if ((oldSpec.clusterIPs?.length ?? 0) > (spec.clusterIPs?.length ?? 0) && (spec.clusterIPs?.length ?? 0) > 0) {
        el.push(invalid(policyPath, spec.ipFamilyPolicy, "must be 'SingleStack' to release the secondary cluster IP"));
      }
      if ((oldSpec.ipFamilies?.length ?? 0) > (spec.ipFamilies?.length ?? 0) && (spec.ipFamilies?.length ?? 0) > 0) {
        el.push(invalid(policyPath, spec.ipFamilyPolicy, "must be 'SingleStack' to release the secondary IP family"));
      }
    }
  }
  if (spec.ipFamilyPolicy === 'SingleStack') {
    if ((spec.clusterIPs?.length ?? 0) === 2) el.push(invalid(policyPath, spec.ipFamilyPolicy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
    if ((spec.ipFamilies?.length ?? 0) === 2) el.push(invalid(policyPath, spec.ipFamilyPolicy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
  }
  const families: IPFamily[] = [...(spec.ipFamilies ?? [])];
  (spec.clusterIPs ?? []).every((ip, i) => {
    if (ip === 'None') return false;
    const fam = familyOf(ip);
    if (i >= families.length) {
      if (!alloc.ips.hasFamily(fam)) el.push(invalid(fieldPath('spec', 'clusterIPs').index(i), strings(spec.clusterIPs), `${fam} is not configured on this cluster`));
      else families.push(fam);
    }
    return true;
  });
  spec.ipFamilies = families;
  if (el.length > 0) return newInvalid('Service', svc.metadata.name ?? '', el);

  const alt = (f: IPFamily): IPFamily => (f === 'IPv4' ? 'IPv6' : 'IPv4');
  if (spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0) {
    // Headless without selector: may be dual-stack even on a single-stack cluster.
    if (families.length === 0) families.push(alloc.ips.defaultFamily);
    if (families.length < 2 && spec.ipFamilyPolicy !== 'SingleStack') families.push(alt(families[0]));
    spec.ipFamilies = families;
    return undefined;
  }
  if (spec.ipFamilyPolicy === 'RequireDualStack' && alloc.ips.families.length < 2) {
    el.push(invalid(policyPath, spec.ipFamilyPolicy, 'this cluster is not configured for dual-stack services'));
  }
  families.forEach((f, i) => {
    if (!alloc.ips.hasFamily(f)) el.push(invalid(fieldPath('spec', 'ipFamilies').index(i), f, 'not configured on this cluster'));
  });
  if (el.length > 0) return newInvalid('Service', svc.metadata.name ?? '', el);
  if (families.length === 0) families.push(alloc.ips.defaultFamily);
  if (spec.ipFamilyPolicy !== 'SingleStack' && families.length === 1 && alloc.ips.families.length === 2) families.push(alt(families[0]));
  spec.ipFamilies = families;
  return undefined;
}

/** allocIPs for the given family indexes: "" gets a random IP, anything else is reserved as asked. */
function allocIPs(svc: Service, indexes: number[], alloc: ServiceAllocators, reserved: string[]): StatusError | undefined {
  const spec = svc.spec;
  for (const i of indexes) {
    const family = spec.ipFamilies![i];
    const ip = spec.clusterIPs![i];
    if (ip === '') {
      const next = alloc.ips.allocateNext(family);
      if (next === undefined) return newInternalError('failed to allocate a serviceIP: range is full');
      reserved.push(next);
      spec.clusterIPs![i] = next;
    } else {
      const err = alloc.ips.allocate(family, ip);
      if (err) return newInvalid('Service', svc.metadata.name ?? '', [invalid(fieldPath('spec', 'clusterIPs'), strings(spec.clusterIPs), `failed to allocate IP ${ip}: ${err}`)]);
      reserved.push(ip);
    }
  }
  if ((spec.clusterIPs?.length ?? 0) > 0) spec.clusterIP = spec.clusterIPs![0];
  return undefined;
}

/** allocClusterIPs: every family gets an IP (headless and ExternalName get none). */
function allocClusterIPs(svc: Service, alloc: ServiceAllocators, reserved: string[]): StatusError | undefined {
  const spec = svc.spec;
  if (spec.type === 'ExternalName' || isHeadless(spec)) return undefined;
  const ips = [...(spec.clusterIPs ?? [])];
  while (ips.length < (spec.ipFamilies?.length ?? 0)) ips.push('');
  spec.clusterIPs = ips;
  return allocIPs(svc, ips.map((_, i) => i), alloc, reserved);
}

/** initNodePorts (create): ports sharing a port number share a node port; requested ones are reserved. */
function initNodePorts(svc: Service, alloc: ServiceAllocators, reserved: number[]): StatusError | undefined {
  const spec = svc.spec;
  const ports = spec.ports ?? [];
  const byPort = new Map<number, number>();
  for (let i = 0; i < ports.length; i++) {
    const sp = ports[i];
    if (!sp.nodePort && !shouldAllocateNodePorts(spec)) continue;
    const already = byPort.get(sp.port) ?? 0;
    if (already === 0) {
      const requested = ports.find((p) => p.port === sp.port && p.nodePort)?.nodePort ?? 0;
      if (requested !== 0) {
        const err = alloc.ports.allocate(requested);
        if (err) return newInvalid('Service', svc.metadata.name ?? '', [invalid(fieldPath('spec', 'ports').index(i).child('nodePort'), requested, err)]);
        reserved.push(requested);
        sp.nodePort = requested;
        byPort.set(sp.port, requested);
      } else {
        const next = alloc.ports.allocateNext();
        if (next === undefined) return newInternalError('failed to allocate a nodePort: range is full');
        reserved.push(next);
        sp.nodePort = next;
        byPort.set(sp.port, next);
      }
    } else if (sp.nodePort !== already) {
      if (!sp.nodePort) sp.nodePort = already;
      else {
        const err = alloc.ports.allocate(sp.nodePort);
        if (err) return newInvalid('Service', svc.metadata.name ?? '', [invalid(fieldPath('spec', 'ports').index(i).child('nodePort'), sp.nodePort, err)]);
        reserved.push(sp.nodePort);
      }
    }
  }
  return undefined;
}

/** updateNodePorts: reserve new requested ports, allocate missing ones; old ones are released when stored. */
function updateNodePorts(svc: Service, old: Service, alloc: ServiceAllocators, reserved: number[]): StatusError | undefined {
  const spec = svc.spec;
  const oldPorts = new Set((old.spec.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n !== 0));
  const taken = new Set<number>();
  const seen = new Set<string>();
  const ports = spec.ports ?? [];
  for (let i = 0; i < ports.length; i++) {
    const sp = ports[i];
    if (!sp.nodePort && !shouldAllocateNodePorts(spec)) continue;
    if (sp.nodePort) {
      if (!oldPorts.has(sp.nodePort) && !taken.has(sp.nodePort)) {
        const err = alloc.ports.allocate(sp.nodePort);
        if (err) return newInvalid('Service', svc.metadata.name ?? '', [invalid(fieldPath('spec', 'ports').index(i).child('nodePort'), sp.nodePort, err)]);
        reserved.push(sp.nodePort);
        taken.add(sp.nodePort);
      }
    } else {
      const next = alloc.ports.allocateNext();
      if (next === undefined) return newInternalError('failed to allocate a nodePort: range is full');
      reserved.push(next);
      sp.nodePort = next;
    }
    const key = `${sp.protocol}/${sp.nodePort}`;
    if (seen.has(key)) return newInternalError(`duplicate nodePort: {${sp.protocol} ${sp.nodePort}}`);
    seen.add(key);
  }
  return undefined;
}

/** Health-check node port for LoadBalancer + externalTrafficPolicy Local. */
function allocHealthCheckNodePort(svc: Service, old: Service | undefined, alloc: ServiceAllocators, reserved: number[]): StatusError | undefined {
  const spec = svc.spec;
  if (!needsHealthCheck(spec)) return undefined;
  const hc = (spec.healthCheckNodePort as number | undefined) ?? 0;
  if (old && needsHealthCheck(old.spec) && hc === old.spec.healthCheckNodePort) return undefined;
  if (hc !== 0) {
    const err = alloc.ports.allocate(hc);
    if (err) return newInternalError(`failed to allocate requested HealthCheck NodePort ${hc}: ${err}`);
    reserved.push(hc);
    return undefined;
  }
  const next = alloc.ports.allocateNext();
  if (next === undefined) return newInternalError('failed to allocate a HealthCheck NodePort 0: range is full');
  reserved.push(next);
  spec.healthCheckNodePort = next;
  return undefined;
}

function outcome(error: StatusError | undefined, ips: string[], ports: number[], alloc: ServiceAllocators): AllocationOutcome {
  const revert = (): void => {
    ips.forEach((ip) => alloc.ips.release(ip));
    ports.forEach((p) => alloc.ports.release(p));
  };
  if (error) revert();
  return { error, revert: error ? () => undefined : revert };
}

/** BeginCreate for Services: normalize, default families, allocate IPs and node ports. */
export function allocateServiceCreate(svc: Service, alloc: ServiceAllocators): AllocationOutcome {
  const ips: string[] = [];
  const ports: number[] = [];
  normalizeClusterIPs(svc.spec, undefined);
  const err =
    initIPFamilyFields(svc, undefined, alloc) ??
    allocClusterIPs(svc, alloc, ips) ??
    (needsNodePort(svc.spec) ? initNodePorts(svc, alloc, ports) : undefined) ??
    allocHealthCheckNodePort(svc, undefined, alloc, ports);
  return outcome(err, ips, ports, alloc);
}

/** BeginUpdate for Services: patch allocated values, normalize, then allocate what the change needs. */
export function allocateServiceUpdate(svc: Service, old: Service, alloc: ServiceAllocators): AllocationOutcome {
  const ips: string[] = [];
  const ports: number[] = [];
  patchAllocatedValues(svc.spec, old.spec);
  normalizeClusterIPs(svc.spec, old.spec);
  let err = initIPFamilyFields(svc, old, alloc);
  if (!err) {
    const spec = svc.spec;
    const oldSpec = old.spec;
    if (oldSpec.type === 'ExternalName' && spec.type !== 'ExternalName') err = allocClusterIPs(svc, alloc, ips);
    else if (!isHeadless(oldSpec) && spec.type !== 'ExternalName' && (oldSpec.ipFamilies?.length ?? 0) === 1 && (spec.ipFamilies?.length ?? 0) === 2) {
      // Upgrade to dual-stack: allocate the secondary IP.
      const list = [...(spec.clusterIPs ?? [])];
      if (list.length < 2) list.push('');
      spec.clusterIPs = list;
      err = allocIPs(svc, [1], alloc, ips);
    }
  }
  if (!err && needsNodePort(svc.spec)) err = updateNodePorts(svc, old, alloc, ports);
  if (!err) err = allocHealthCheckNodePort(svc, old, alloc, ports);
  return outcome(err, ips, ports, alloc);
}

/** dropTypeDependentFields (strategy PrepareForUpdate): clear values the old type needed and the new does not. */
export function dropTypeDependentFields(svc: Service, old: Service): void {
  const spec = svc.spec;
  const oldSpec = old.spec;
  if (spec.type === oldSpec.type) return;
  if (needsClusterIP(oldSpec) && !needsClusterIP(spec)) {
    if (sameClusterIPs(oldSpec, spec)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameIPFamilies(oldSpec, spec)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === oldSpec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  const samePorts = jsonEqual((oldSpec.ports ?? []).map((p) => p.nodePort ?? 0), (spec.ports ?? []).map((p) => p.nodePort ?? 0));
  if (needsNodePort(oldSpec) && !needsNodePort(spec) && samePorts) for (const p of spec.ports ?? []) delete p.nodePort;
  if (needsHealthCheck(oldSpec) && !needsHealthCheck(spec) && spec.healthCheckNodePort === oldSpec.healthCheckNodePort) delete spec.healthCheckNodePort;
  if (spec.type !== 'LoadBalancer') delete spec.allocateLoadBalancerNodePorts;
  const accessible = (s: Spec): boolean => s.type === 'LoadBalancer' || s.type === 'NodePort' || (s.type === 'ClusterIP' && (s.externalIPs?.length ?? 0) > 0);
  if (accessible(oldSpec) && !accessible(spec) && spec.externalTrafficPolicy === oldSpec.externalTrafficPolicy) delete spec.externalTrafficPolicy;
  if (spec.type !== 'LoadBalancer') svc.status = { ...(svc.status ?? {}), loadBalancer: {} };
}
