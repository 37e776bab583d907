/**
 * Service validation, following ValidateService / validateServicePort /
 * ValidateServiceClusterIPsRelatedFields / ValidateServiceUpdate in
 * pkg/apis/core/validation/validation.go: same checks, same order, same paths and texts.
 * Works on the v1 JSON shape after defaulting (the apiserver validates the internal type, whose
 * fields and defaults match v1 for everything modelled here).
 */

import type { FieldError } from '../../../shared/field-error-types';
import type { Service, ServicePort } from '../../../shared/api-types';
import { duplicate, forbidden, invalid, internalError, notSupported, required } from '../field-error';
import { fieldPath, type FieldPath } from '../field-path';
import { goQuote, goStringSlice, goStruct, type GoLiteral } from '../go-value';
import { isDNS1123Label, isDNS1123Subdomain, nameIsDNS1035Label } from './dns-name-rules';
import { isValidCIDR, isValidIP, parseIPSloppy, validateNonSpecialIP } from './ip-rules';
import { isValidPortName, isValidPortNum } from './port-rules';
import { isQualifiedName } from './qualified-name-rules';
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './validate-object-meta';

const SUPPORTED_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SUPPORTED_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SUPPORTED_AFFINITY = ['ClientIP', 'None'];
const SUPPORTED_FAMILIES = ['IPv4', 'IPv6'];
const SUPPORTED_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const SUPPORTED_TRAFFIC_POLICIES = ['Cluster', 'Local'];
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

type Spec = Service['spec'];

/** isHeadlessService: exactly one cluster IP and it is "None". */
export function isHeadlessService(spec: Spec): boolean {
  return Array.isArray(spec.clusterIPs) && spec.clusterIPs.length === 1 && spec.clusterIPs[0] === 'None';
}

/** apiservice.ExternallyAccessible. */
export function externallyAccessible(spec: Spec): boolean {
  return spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && (spec.externalIPs?.length ?? 0) > 0);
}

/** apiservice.NeedsHealthCheck: LoadBalancer with externalTrafficPolicy Local. */
export function needsHealthCheck(spec: Spec): boolean {
  return spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
}

/** A []string bad value. */
const strings = (v: readonly string[] | undefined): ReturnType<typeof goStringSlice> => goStringSlice('[]string', v);

/** ValidatePortNumOrName (targetPort, probe ports): numbers 1–65535, names IANA_SVC_NAME. */
export function validatePortNumOrName(port: unknown, path: FieldPath): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  return [internalError(path, `unknown type: ${String(port)}`)];
}

/** ValidateDNS1123Label as a field error list. */
export function validateDNS1123Label(value: string, path: FieldPath): FieldError[] {
  return isDNS1123Label(value).map((m) => invalid(path, value, m));
}

/** validateServicePort: name, port, protocol, targetPort, appProtocol. */
export function validateServicePort(sp: ServicePort, requireName: boolean, allNames: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = sp.name ?? '';
  if (requireName && name.length === 0) errs.push(required(path.child('name')));
  else if (name.length !== 0) {
    errs.push(...validateDNS1123Label(name, path.child('name')));
    if (allNames.has(name)) errs.push(duplicate(path.child('name'), name));
    else allNames.add(name);
  }
  for (const m of isValidPortNum(sp.port ?? 0)) errs.push(invalid(path.child('port'), sp.port ?? 0, m));
  if (!sp.protocol) errs.push(required(path.child('protocol')));
  else if (!SUPPORTED_PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(path.child('protocol'), sp.protocol, SUPPORTED_PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort ?? 0, path.child('targetPort')));
  if (sp.appProtocol !== undefined) errs.push(...isQualifiedName(sp.appProtocol).map((m) => invalid(path.child('appProtocol'), sp.appProtocol, m)));
  return errs;
}

/** The %#v of the internal core.ServicePort key used by the duplicate (protocol, port) check. */
function servicePortKey(protocol: string, port: number): GoLiteral {
  return goStruct('core.ServicePort', [
    ['Name', '""'],
    ['Protocol', goQuote(protocol)],
    ['AppProtocol', '(*string)(nil)'],
    ['Port', String(port)],
    ['TargetPort', 'intstr.IntOrString{Type:0, IntVal:0, StrVal:""}'],
    ['NodePort', '0'],
  ]);
}

/** ValidateServiceClusterIPsRelatedFields: clusterIP/clusterIPs/ipFamilies/ipFamilyPolicy consistency. */
export function validateServiceClusterIPsRelatedFields(spec: Spec): FieldError[] {
  if (spec.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  let hasInvalidIPs = false;
  const specPath = fieldPath('spec');
  const clusterIPsField = specPath.child('clusterIPs');
  const familiesField = specPath.child('ipFamilies');
  const clusterIPs = spec.clusterIPs ?? [];

  if (spec.clusterIP) {
    if (clusterIPs.length === 0) errs.push(required(clusterIPsField));
    else if (clusterIPs[0] !== spec.clusterIP) errs.push(invalid(clusterIPsField, strings(spec.clusterIPs), 'first value must match `clusterIP`'));
  } else if (clusterIPs.length !== 0) {
    errs.push(invalid(clusterIPsField, strings(spec.clusterIPs), 'must be empty when `clusterIP` is not specified'));
  }

  const seen = new Set<string>();
  (spec.ipFamilies ?? []).forEach((family, i) => {
    if (!SUPPORTED_FAMILIES.includes(family)) errs.push(notSupported(familiesField.index(i), family, SUPPORTED_FAMILIES));
    if (seen.has(family)) errs.push(duplicate(familiesField.index(i), family));
    seen.add(family);
  });

  if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null && !SUPPORTED_FAMILY_POLICIES.includes(spec.ipFamilyPolicy)) {
    errs.push(notSupported(specPath.child('ipFamilyPolicy'), spec.ipFamilyPolicy, SUPPORTED_FAMILY_POLICIES));
  }

  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (clusterIPs.length > 1) {
        hasInvalidIPs = true;
        errs.push(invalid(clusterIPsField, strings(clusterIPs), "'None' must be the first and only value"));
      }
      return;
    }
    const ipErrs = isValidIP(clusterIPsField.index(i), ip);
    if (ipErrs.length > 0) hasInvalidIPs = true;
    errs.push(...ipErrs);
  });

  if (clusterIPs.length > 2) errs.push(invalid(clusterIPsField, strings(clusterIPs), 'may only hold up to 2 values'));
  if (hasInvalidIPs) return errs;

  if (clusterIPs.length > 1) {
    const fams = clusterIPs.map((ip) => (parseIPSloppy(ip)?.v4 !== undefined ? 'IPv4' : 'IPv6'));
    const dualStack = clusterIPs.length === 2 && fams[0] !== fams[1];
    if (!dualStack) errs.push(invalid(clusterIPsField, strings(clusterIPs), 'may specify no more than one IP for each IP family'));
  }

  if (!isHeadlessService(spec) && clusterIPs.length > 0 && (spec.ipFamilies?.length ?? 0) > 0) {
    const families = spec.ipFamilies!;
    for (let i = 0; i < clusterIPs.length && i < families.length; i++) {
      const isV6 = parseIPSloppy(clusterIPs[i])?.v6 !== undefined;
      if (families[i] === 'IPv4' && isV6) errs.push(invalid(clusterIPsField.index(i), clusterIPs[i], `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (families[i] === 'IPv6' && !isV6) errs.push(invalid(clusterIPsField.index(i), clusterIPs[i], `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    }
  }
  return errs;
}

function validateClientIPAffinityConfig(config: unknown, path: FieldPath): FieldError[] {
  const cfg = config as { clientIP?: { timeoutSeconds?: number } } | undefined | null;
  if (!cfg) return [required(path, 'when session affinity type is ClientIP')];
  if (!cfg.clientIP) return [required(path.child('clientIP'), 'when session affinity type is ClientIP')];
  const timeout = cfg.clientIP.timeoutSeconds;
  if (timeout === undefined || timeout === null) return [required(path.child('clientIP', 'timeoutSeconds'), 'when session affinity type is ClientIP')];
  if (timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS) {
    return [invalid(path.child('clientIP', 'timeoutSeconds'), timeout, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`)];
  }
  return [];
}

function validateExternalTrafficPolicy(spec: Spec): FieldError[] {
  const errs: FieldError[] = [];
  const p = fieldPath('spec');
  if (!externallyAccessible(spec)) {
    if (spec.externalTrafficPolicy) errs.push(invalid(p.child('externalTrafficPolicy'), spec.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  } else if (!spec.externalTrafficPolicy) {
    errs.push(required(p.child('externalTrafficPolicy')));
  } else if (!SUPPORTED_TRAFFIC_POLICIES.includes(spec.externalTrafficPolicy)) {
    errs.push(notSupported(p.child('externalTrafficPolicy'), spec.externalTrafficPolicy, SUPPORTED_TRAFFIC_POLICIES));
  }
  const hc = (spec.healthCheckNodePort as number | undefined) ?? 0;
  if (!needsHealthCheck(spec)) {
    if (hc !== 0) errs.push(invalid(p.child('healthCheckNodePort'), hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (hc === 0) {
    errs.push(required(p.child('healthCheckNodePort')));
  } else {
    for (const m of isValidPortNum(hc)) errs.push(invalid(p.child('healthCheckNodePort'), hc, m));
  }
  return errs;
}

/** ValidateService. */
export function validateService(svc: Service): FieldError[] {
  const metaPath = fieldPath('metadata');
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label, metaPath);
  const spec = svc.spec ?? {};
  const specPath = fieldPath('spec');
  const ports = spec.ports ?? [];
  const headless = isHeadlessService(spec);

  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') errs.push(required(specPath.child('ports')));

  switch (spec.type) {
    case 'LoadBalancer':
      if (headless) errs.push(invalid(specPath.child('clusterIPs').index(0), spec.clusterIPs![0], "may not be set to 'None' for LoadBalancer services"));
      break;
    case 'NodePort':
      if (headless) errs.push(invalid(specPath.child('clusterIPs').index(0), spec.clusterIPs![0], "may not be set to 'None' for NodePort services"));
      break;
    case 'ExternalName': {
      if ((spec.clusterIPs?.length ?? 0) > 0) errs.push(forbidden(specPath.child('clusterIPs'), 'may not be set for ExternalName services'));
      if ((spec.ipFamilies?.length ?? 0) > 0) errs.push(forbidden(specPath.child('ipFamilies'), 'may not be set for ExternalName services'));
      if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) errs.push(forbidden(specPath.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
      // The value (a CNAME) may have a trailing dot to denote it as fully qualified.
      const cname = (spec.externalName ?? '').replace(/\.$/, '');
      if (cname.length > 0) errs.push(...isDNS1123Subdomain(cname).map((m) => invalid(specPath.child('externalName'), cname, m)));
      else errs.push(required(specPath.child('externalName')));
      break;
    }
  }

  const allNames = new Set<string>();
  ports.forEach((sp, i) => errs.push(...validateServicePort(sp ?? ({} as ServicePort), ports.length > 1, allNames, specPath.child('ports').index(i))));

  if (spec.selector !== undefined && spec.selector !== null) errs.push(...validateLabels(spec.selector, specPath.child('selector')));

  if (!spec.sessionAffinity) errs.push(required(specPath.child('sessionAffinity')));
  else if (!SUPPORTED_AFFINITY.includes(spec.sessionAffinity)) errs.push(notSupported(specPath.child('sessionAffinity'), spec.sessionAffinity, SUPPORTED_AFFINITY));

  if (spec.sessionAffinity === 'ClientIP') errs.push(...validateClientIPAffinityConfig(spec.sessionAffinityConfig, specPath.child('sessionAffinityConfig')));
  else if (spec.sessionAffinity === 'None' && spec.sessionAffinityConfig) {
    errs.push(forbidden(specPath.child('sessionAffinityConfig'), 'must not be set when session affinity is None'));
  }

  errs.push(...validateServiceClusterIPsRelatedFields(spec));

  (spec.externalIPs ?? []).forEach((ip, i) => {
    const p = specPath.child('externalIPs').index(i);
    const ipErrs = isValidIP(p, ip);
    errs.push(...(ipErrs.length > 0 ? ipErrs : validateNonSpecialIP(ip, p)));
  });

  if (!spec.type) errs.push(required(specPath.child('type')));
  else if (!SUPPORTED_TYPES.includes(spec.type)) errs.push(notSupported(specPath.child('type'), spec.type, SUPPORTED_TYPES));

  if (spec.type === 'ClusterIP') {
    ports.forEach((sp, i) => {
      if ((sp?.nodePort ?? 0) !== 0) errs.push(forbidden(specPath.child('ports').index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  }

  const nodePorts = new Set<string>();
  ports.forEach((sp, i) => {
    if (!sp?.nodePort) return;
    const key = `${sp.protocol}/${sp.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(specPath.child('ports').index(i).child('nodePort'), sp.nodePort));
    nodePorts.add(key);
  });

  const portKeys = new Set<string>();
  ports.forEach((sp, i) => {
    const key = `${sp?.protocol ?? ''}/${sp?.port ?? 0}`;
    if (portKeys.has(key)) errs.push(duplicate(specPath.child('ports').index(i), servicePortKey(sp?.protocol ?? '', sp?.port ?? 0)));
    portKeys.add(key);
  });

  const sourceRanges = (spec.loadBalancerSourceRanges as string[] | undefined) ?? [];
  if (sourceRanges.length > 0) {
    // Upstream really spells this path with a capital L.
    const p = specPath.child('LoadBalancerSourceRanges');
    if (spec.type !== 'LoadBalancer') errs.push(forbidden(p, "may only be used when `type` is 'LoadBalancer'"));
    sourceRanges.forEach((v, i) => errs.push(...isValidCIDR(p.index(i), String(v).trim())));
  }

  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null && spec.type !== 'LoadBalancer') {
    errs.push(forbidden(specPath.child('allocateLoadBalancerNodePorts'), "may only be used when `type` is 'LoadBalancer'"));
  }
  if (spec.type === 'LoadBalancer' && (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null)) {
    errs.push(required(fieldPath('allocateLoadBalancerNodePorts')));
  }

  errs.push(...validateExternalTrafficPolicy(spec));

  if (spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) {
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP') errs.push(required(specPath.child('internalTrafficPolicy')));
  } else if (!SUPPORTED_TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy)) {
    errs.push(notSupported(specPath.child('internalTrafficPolicy'), spec.internalTrafficPolicy, SUPPORTED_TRAFFIC_POLICIES));
  }

  const td = spec.trafficDistribution as string | undefined | null;
  if (td !== undefined && td !== null && td !== 'PreferClose') errs.push(notSupported(specPath.child('trafficDistribution'), td, ['PreferClose']));
  return errs;
}

/** validateUpgradeDowngradeClusterIPs: the primary cluster IP may not change (`may not change once set`). */
function validateUpgradeDowngradeClusterIPs(old: Spec, spec: Spec): FieldError[] {
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return [];
  if (isHeadlessService(old) && isHeadlessService(spec)) return [];
  const errs: FieldError[] = [];
  const oldIPs = old.clusterIPs ?? [];
  const newIPs = spec.clusterIPs ?? [];
  const p = fieldPath('spec', 'clusterIPs');
  if (oldIPs.length === newIPs.length) {
    oldIPs.forEach((ip, i) => {
      if (ip !== newIPs[i]) errs.push(invalid(p.index(i), strings(spec.clusterIPs), 'may not change once set'));
    });
  } else if (oldIPs.length > newIPs.length) {
    if (newIPs.length === 0) errs.push(invalid(p.index(0), strings(spec.clusterIPs), 'primary clusterIP can not be unset'));
    if (oldIPs.length > 0 && newIPs.length > 0 && newIPs[0] !== oldIPs[0]) errs.push(invalid(p.index(0), strings(spec.clusterIPs), 'may not change once set'));
    if (newIPs.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
      errs.push(invalid(fieldPath('spec', 'ipFamilyPolicy'), spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    }
  } else if (oldIPs.length > 0 && newIPs[0] !== oldIPs[0]) {
    errs.push(invalid(p.index(0), strings(spec.clusterIPs), 'may not change once set'));
  }
  return errs;
}

/** validateUpgradeDowngradeIPFamilies: the primary family may not change. */
function validateUpgradeDowngradeIPFamilies(old: Spec, spec: Spec): FieldError[] {
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return [];
  if (isHeadlessService(old) !== isHeadlessService(spec) || isHeadlessService(spec)) return [];
  const errs: FieldError[] = [];
  const oldF = old.ipFamilies ?? [];
  const newF = spec.ipFamilies ?? [];
  const p = fieldPath('spec', 'ipFamilies');
  const families = goStringSlice('[]core.IPFamily', spec.ipFamilies);
  if (oldF.length === newF.length) {
    oldF.forEach((f, i) => {
      if (f !== newF[i]) errs.push(invalid(p.index(0), families, 'may not change once set'));
    });
  } else if (oldF.length > newF.length) {
    if ((spec.clusterIPs?.length ?? 0) === 0) errs.push(invalid(p.index(0), families, 'primary ipFamily can not be unset'));
    if (newF.length > 0 && newF[0] !== oldF[0]) errs.push(invalid(p.index(0), strings(spec.clusterIPs), 'may not change once set'));
    if (newF.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
      errs.push(invalid(fieldPath('spec', 'ipFamilyPolicy'), spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
    }
  } else if (oldF.length > 0 && newF.length > 0 && newF[0] !== oldF[0]) {
    errs.push(invalid(p.index(0), strings(spec.clusterIPs), 'may not change once set'));
  }
  return errs;
}

/** ValidateServiceUpdate: metadata update rules, immutable cluster IPs/families, then ValidateService. */
export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const errs = validateObjectMetaUpdate(svc.metadata, old.metadata, fieldPath('metadata'));
  errs.push(...validateUpgradeDowngradeClusterIPs(old.spec ?? {}, svc.spec ?? {}));
  errs.push(...validateUpgradeDowngradeIPFamilies(old.spec ?? {}, svc.spec ?? {}));
  if (needsHealthCheck(old.spec ?? {}) && needsHealthCheck(svc.spec ?? {}) && svc.spec.healthCheckNodePort !== old.spec.healthCheckNodePort) {
    errs.push(forbidden(fieldPath('spec', 'healthCheckNodePort'), 'field is immutable'));
  }
  return [...errs, ...validateService(svc)];
}
