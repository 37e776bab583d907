/**
 * Pod validation: validatePodMetadataAndSpec / ValidatePodSpec / validateContainers /
 * validateContainerPorts / validateProbe / ValidatePodCreate / ValidatePodUpdate in
 * pkg/apis/core/validation/validation.go, for the fields the simulator models. Volume sources,
 * resources, security contexts, affinity and tolerations are accepted without deep checks.
 */

import type { FieldError } from '../../../shared/field-error-types';
import type { Pod, PodSpec } from '../../../shared/api-types';
import { duplicate, forbidden, invalid, notFound, notSupported, required } from '../field-error';
import { fieldPath, type FieldPath } from '../field-path';
import { goStringSlice } from '../go-value';
import { inclusiveRangeError, isDNS1123Subdomain, nameIsDNSSubdomain } from './dns-name-rules';
import { isValidIP } from './ip-rules';
import { isValidPortName, isValidPortNum } from './port-rules';
import { isQualifiedName, isRelaxedEnvVarName } from './qualified-name-rules';
import { describeSpecDiff } from './spec-diff';
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './validate-object-meta';
import { validateDNS1123Label, validatePortNumOrName } from './validate-service';

const SUPPORTED_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const VOLUME_SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap',
  'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO',
  'csi', 'ephemeral', 'image',
];

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** ValidateNonnegativeField. */
function nonNegative(value: unknown, path: FieldPath): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid(path, value, 'must be greater than or equal to 0')] : [];
}

/** ValidateVolumes: names (required, DNS-1123 label, unique) and exactly one volume source. */
function validateVolumes(volumes: unknown[], path: FieldPath): { names: Set<string>; errs: FieldError[] } {
  const names = new Set<string>();
  const errs: FieldError[] = [];
  volumes.forEach((raw, i) => {
    const vol = asObj(raw);
    const idx = path.index(i);
    const el: FieldError[] = [];
    let count = 0;
    for (const src of VOLUME_SOURCES) {
      if (vol[src] === undefined || vol[src] === null) continue;
      if (count > 0) el.push(forbidden(idx.child(src), 'may not specify more than 1 volume type'));
      else count++;
    }
    if (count === 0) el.push(required(idx, 'must specify a volume type'));
    const name = typeof vol.name === 'string' ? vol.name : '';
    if (name.length === 0) el.push(required(idx.child('name')));
    else el.push(...validateDNS1123Label(name, idx.child('name')));
    if (names.has(name)) el.push(duplicate(idx.child('name'), name));
    if (el.length === 0) names.add(name);
    else errs.push(...el);
  });
  return { names, errs };
}

/** validateContainerPorts. */
export function validateContainerPorts(ports: unknown[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((raw, i) => {
    const port = asObj(raw);
    const idx = path.index(i);
    const name = typeof port.name === 'string' ? port.name : '';
    if (name.length > 0) {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) msgs.forEach((m) => errs.push(invalid(idx.child('name'), name, m)));
      else if (names.has(name)) errs.push(duplicate(idx.child('name'), name));
      else names.add(name);
    }
    const cp = (port.containerPort as number | undefined) ?? 0;
    if (cp === 0) errs.push(required(idx.child('containerPort')));
    else for (const m of isValidPortNum(cp)) errs.push(invalid(idx.child('containerPort'), cp, m));
    const hp = (port.hostPort as number | undefined) ?? 0;
    if (hp !== 0) for (const m of isValidPortNum(hp)) errs.push(invalid(idx.child('hostPort'), hp, m));
    const protocol = (port.protocol as string | undefined) ?? '';
    if (protocol.length === 0) errs.push(required(idx.child('protocol')));
    else if (!SUPPORTED_PROTOCOLS.includes(protocol)) errs.push(notSupported(idx.child('protocol'), protocol, SUPPORTED_PROTOCOLS));
  });
  return errs;
}

/** validateHandler for probes: exactly one of exec, httpGet, tcpSocket, grpc. */
function validateProbeHandler(probe: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let handlers = 0;
  const one = (key: string, check: (h: Obj, p: FieldPath) => FieldError[]): void => {
    if (probe[key] === undefined || probe[key] === null) return;
    if (handlers > 0) errs.push(forbidden(path.child(key), 'may not specify more than 1 handler type'));
    else {
      handlers++;
      errs.push(...check(asObj(probe[key]), path.child(key)));
    }
  };
  one('exec', (h, p) => (asList(h.command).length === 0 ? [required(p.child('command'))] : []));
  one('httpGet', (h, p) => {
    const e: FieldError[] = [];
    if (!h.path) e.push(required(p.child('path')));
    e.push(...validatePortNumOrName(h.port ?? 0, p.child('port')));
    const scheme = (h.scheme as string | undefined) ?? '';
    if (scheme !== 'HTTP' && scheme !== 'HTTPS') e.push(notSupported(p.child('scheme'), scheme, ['HTTP', 'HTTPS']));
    return e;
  });
  one('tcpSocket', (h, p) => validatePortNumOrName(h.port ?? 0, p.child('port')));
  one('grpc', (h, p) => validatePortNumOrName((h.port as number | undefined) ?? 0, p.child('port')));
  if (handlers === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

/** validateProbe plus the liveness/readiness/startup specifics. */
function validateProbe(raw: unknown, kind: 'liveness' | 'readiness' | 'startup', path: FieldPath): FieldError[] {
  if (raw === undefined || raw === null) return [];
  const probe = asObj(raw);
  const errs = validateProbeHandler(probe, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...nonNegative(probe[f], path.child(f)));
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (typeof tgps === 'number' && tgps <= 0) errs.push(invalid(path.child('terminationGracePeriodSeconds'), tgps, 'must be greater than 0'));
  if (kind !== 'readiness' && probe.successThreshold !== 1) errs.push(invalid(path.child('successThreshold'), probe.successThreshold ?? 0, 'must be 1'));
  if (kind === 'readiness' && tgps !== undefined && tgps !== null) errs.push(invalid(path.child('terminationGracePeriodSeconds'), tgps, 'must not be set for readinessProbes'));
  return errs;
}

/** validateContainerCommon. */
function validateContainerCommon(ctr: Obj, volumes: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = typeof ctr.name === 'string' ? ctr.name : '';
  if (name.length === 0) errs.push(required(path.child('name')));
  else errs.push(...validateDNS1123Label(name, path.child('name')));
  if (!ctr.image) errs.push(required(path.child('image')));
  const tmp = (ctr.terminationMessagePolicy as string | undefined) ?? '';
  if (tmp === '') errs.push(required(path.child('terminationMessagePolicy')));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(notSupported(path.child('terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  errs.push(...validateContainerPorts(asList(ctr.ports), path.child('ports')));
  asList(ctr.env).forEach((raw, i) => {
    const ev = asObj(raw);
    const name = typeof ev.name === 'string' ? ev.name : '';
    const p = path.child('env').index(i).child('name');
    if (name.length === 0) errs.push(required(p));
    else errs.push(...isRelaxedEnvVarName(name).map((m) => invalid(p, name, m)));
  });
  asList(ctr.volumeMounts).forEach((raw, i) => {
    const vm = asObj(raw);
    const idx = path.child('volumeMounts').index(i);
    const name = typeof vm.name === 'string' ? vm.name : '';
    if (name.length === 0) errs.push(required(idx.child('name')));
    else if (!volumes.has(name)) errs.push(notFound(idx.child('name'), name));
    if (!vm.mountPath) errs.push(required(idx.child('mountPath')));
  });
  const policy = (ctr.imagePullPolicy as string | undefined) ?? '';
  if (policy === '') errs.push(required(path.child('imagePullPolicy')));
  else if (!['Always', 'IfNotPresent', 'Never'].includes(policy)) errs.push(notSupported(path.child('imagePullPolicy'), policy, ['Always', 'IfNotPresent', 'Never']));
  return errs;
}

/** checkHostPortConflicts. */
function hostPortConflicts(containers: unknown[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((raw, ci) => {
    asList(asObj(raw).ports).forEach((p, pi) => {
      const port = asObj(p);
      const hp = (port.hostPort as number | undefined) ?? 0;
      if (hp === 0) return;
      const key = `${(port.protocol as string | undefined) ?? ''}/${(port.hostIP as string | undefined) ?? ''}/${hp}`;
      if (seen.has(key)) errs.push(duplicate(path.index(ci).child('ports').index(pi).child('hostPort'), key));
      else seen.add(key);
    });
  });
  return errs;
}

function validateContainers(containers: unknown[], volumes: Set<string>, path: FieldPath): FieldError[] {
  if (containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((raw, i) => {
    const ctr = asObj(raw);
    const p = path.index(i);
    errs.push(...validateContainerCommon(ctr, volumes, p));
    const name = (ctr.name as string | undefined) ?? '';
    if (names.has(name)) errs.push(duplicate(p.child('name'), name));
    else names.add(name);
    errs.push(...validateProbe(ctr.livenessProbe, 'liveness', p.child('livenessProbe')));
    errs.push(...validateProbe(ctr.readinessProbe, 'readiness', p.child('readinessProbe')));
    errs.push(...validateProbe(ctr.startupProbe, 'startup', p.child('startupProbe')));
    if (ctr.restartPolicy !== undefined && ctr.restartPolicy !== null) errs.push(forbidden(p.child('restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(...hostPortConflicts(containers, path));
  return errs;
}

function validateInitContainers(containers: unknown[], regular: unknown[], volumes: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(regular.map((c) => (asObj(c).name as string | undefined) ?? ''));
  containers.forEach((raw, i) => {
    const ctr = asObj(raw);
    const p = path.index(i);
    errs.push(...validateContainerCommon(ctr, volumes, p));
    const restartAlways = ctr.restartPolicy === 'Always';
    if (ctr.restartPolicy !== undefined && ctr.restartPolicy !== null && !restartAlways) {
      errs.push(notSupported(p.child('restartPolicy'), ctr.restartPolicy, ['Always']));
    }
    const name = (ctr.name as string | undefined) ?? '';
    if (names.has(name)) errs.push(duplicate(p.child('name'), name));
    else if (name.length > 0) names.add(name);
    errs.push(...hostPortConflicts([ctr], path));
    if (restartAlways) {
      errs.push(...validateProbe(ctr.livenessProbe, 'liveness', p.child('livenessProbe')));
      errs.push(...validateProbe(ctr.readinessProbe, 'readiness', p.child('readinessProbe')));
      errs.push(...validateProbe(ctr.startupProbe, 'startup', p.child('startupProbe')));
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (ctr[f] !== undefined && ctr[f] !== null) errs.push(forbidden(p.child(f), 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}

function validateDNSConfig(raw: unknown, dnsPolicy: string | undefined, path: FieldPath): FieldError[] {
  const cfg = raw === undefined || raw === null ? undefined : asObj(raw);
  if (dnsPolicy === 'None') {
    if (!cfg) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (asList(cfg.nameservers).length === 0) return [required(path.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!cfg) return [];
  const errs: FieldError[] = [];
  const ns = asList(cfg.nameservers) as string[];
  if (ns.length > 3) errs.push(invalid(path.child('nameservers'), goStringSlice('[]string', ns), 'must not have more than 3 nameservers'));
  ns.forEach((n, i) => errs.push(...isValidIP(path.child('nameservers').index(i), String(n))));
  const searches = asList(cfg.searches) as string[];
  if (searches.length > 32) errs.push(invalid(path.child('searches'), goStringSlice('[]string', searches), 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048) errs.push(invalid(path.child('searches'), goStringSlice('[]string', searches), 'must not have more than 2048 characters (including spaces) in the search list'));
  searches.forEach((s, i) => {
    const search = String(s).replace(/\.$/, '');
    errs.push(...isDNS1123Subdomain(search).map((m) => invalid(path.child('searches').index(i), search, m)));
  });
  asList(cfg.options).forEach((o, i) => {
    if (!asObj(o).name) errs.push(required(path.child('options').index(i), 'must not be empty'));
  });
  return errs;
}

/** ValidatePodSpec. */
export function validatePodSpec(spec: PodSpec): FieldError[] {
  const path = fieldPath('spec');
  const s = spec as unknown as Obj;
  const errs: FieldError[] = [];
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) errs.push(required(path.child('terminationGracePeriodSeconds')));
  const { names: volumes, errs: volErrs } = validateVolumes(asList(s.volumes), path.child('volumes'));
  errs.push(...volErrs);
  const containers = asList(spec.containers);
  const initContainers = asList(s.initContainers);
  errs.push(...validateContainers(containers, volumes, path.child('containers')));
  errs.push(...validateInitContainers(initContainers, containers, volumes, path.child('initContainers')));
  if (spec.hostNetwork) {
    containers.forEach((c, ci) => {
      asList(asObj(c).ports).forEach((p, pi) => {
        const port = asObj(p);
        if ((port.hostPort ?? 0) !== (port.containerPort ?? 0)) {
          errs.push(invalid(path.child('containers').index(ci).child('ports').index(pi).child('hostPort'), port.hostPort ?? 0, 'must match `containerPort` when `hostNetwork` is true'));
        }
      });
    });
  }
  const rp = (spec.restartPolicy as string | undefined) ?? '';
  if (rp === '') errs.push(required(path.child('restartPolicy')));
  else if (!['Always', 'OnFailure', 'Never'].includes(rp)) errs.push(notSupported(path.child('restartPolicy'), rp, ['Always', 'OnFailure', 'Never']));
  const dp = (spec.dnsPolicy as string | undefined) ?? '';
  if (dp === '') errs.push(required(path.child('dnsPolicy')));
  else if (!['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'].includes(dp)) {
    errs.push(notSupported(path.child('dnsPolicy'), dp, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']));
  }
  errs.push(...validateLabels(s.nodeSelector as Record<string, string> | undefined, path.child('nodeSelector')));
  errs.push(...validateDNSConfig(spec.dnsConfig, spec.dnsPolicy, path.child('dnsConfig')));
  asList(s.readinessGates).forEach((g, i) => {
    const t = String(asObj(g).conditionType ?? '');
    errs.push(...isQualifiedName(t).map((m) => invalid(path.child('readinessGates').index(i).child('conditionType'), t, m)));
  });
  if (spec.serviceAccountName) for (const m of nameIsDNSSubdomain(spec.serviceAccountName, false)) errs.push(invalid(path.child('serviceAccountName'), spec.serviceAccountName, m));
  if (spec.nodeName) for (const m of nameIsDNSSubdomain(spec.nodeName, false)) errs.push(invalid(path.child('nodeName'), spec.nodeName, m));
  const ads = s.activeDeadlineSeconds;
  if (typeof ads === 'number' && (ads < 1 || ads > 2147483647)) errs.push(invalid(path.child('activeDeadlineSeconds'), ads, inclusiveRangeError(1, 2147483647)));
  if (spec.hostname) errs.push(...validateDNS1123Label(spec.hostname, path.child('hostname')));
  if (spec.subdomain) errs.push(...validateDNS1123Label(spec.subdomain, path.child('subdomain')));
  asList(s.hostAliases).forEach((raw, i) => {
    const ha = asObj(raw);
    const p = path.child('hostAliases').index(i);
    errs.push(...isValidIP(p.child('ip'), String(ha.ip ?? '')));
    asList(ha.hostnames).forEach((h, j) => errs.push(...isDNS1123Subdomain(String(h)).map((m) => invalid(p.child('hostnames').index(j), String(h), m))));
  });
  return errs;
}

/** validatePodMetadataAndSpec. */
function validatePodMetadataAndSpec(pod: Pod): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain, fieldPath('metadata'));
  errs.push(...validatePodSpec(pod.spec ?? ({} as PodSpec)));
  asList(pod.spec?.containers).forEach((raw, i) => {
    const image = asObj(raw).image;
    if (typeof image === 'string' && image.length !== image.trim().length) {
      errs.push(invalid(fieldPath('spec', 'containers').index(i).child('image'), image, 'must not have leading or trailing whitespace'));
    }
  });
  return errs;
}

/** ValidatePodCreate. */
export function validatePodCreate(pod: Pod): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  if (asList((pod.spec as unknown as Obj | undefined)?.ephemeralContainers).length > 0) errs.push(forbidden(fieldPath('spec', 'ephemeralContainers'), 'cannot be set on create'));
  return errs;
}

/** The fields a pod update may change, in upstream's wording (updatablePodSpecFields). */
const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

/**
 * ValidatePodUpdate. Labels and annotations may change; in the spec only container images,
 * activeDeadlineSeconds (downwards) and added tolerations. The Forbidden message ends with
 * cmp.Diff of the internal PodSpec; `describeSpecDiff` approximates that diff.
 */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata, fieldPath('metadata'));
  errs.push(...validatePodMetadataAndSpec(pod));
  const specPath = fieldPath('spec');
  for (const key of ['containers', 'initContainers'] as const) {
    const now = asList((pod.spec as unknown as Obj)[key]);
    const before = asList((old.spec as unknown as Obj)[key]);
    if (now.length !== before.length) {
      errs.push(forbidden(specPath.child(key), 'pod updates may not add or remove containers'));
      return errs;
    }
    now.forEach((c, i) => {
      const image = asObj(c).image;
      if (!image) errs.push(required(specPath.child(key).index(i).child('image')));
    });
  }
  const munged = JSON.parse(JSON.stringify(pod.spec ?? {})) as Obj;
  const oldSpec = (old.spec ?? {}) as unknown as Obj;
  for (const key of ['containers', 'initContainers']) {
    asList(munged[key]).forEach((c, i) => {
      (c as Obj).image = asObj(asList(oldSpec[key])[i]).image;
    });
  }
  const newAds = munged.activeDeadlineSeconds;
  const oldAds = oldSpec.activeDeadlineSeconds;
  if (typeof newAds === 'number') {
    if (newAds < 0 || newAds > 2147483647) {
      errs.push(invalid(specPath.child('activeDeadlineSeconds'), newAds, inclusiveRangeError(0, 2147483647)));
      return errs;
    }
    if (typeof oldAds === 'number' && oldAds < newAds) {
      errs.push(invalid(specPath.child('activeDeadlineSeconds'), newAds, 'must be less than or equal to previous value'));
      return errs;
    }
  } else if (typeof oldAds === 'number') {
    errs.push(invalid(specPath.child('activeDeadlineSeconds'), null, 'must not update from a positive integer to nil value'));
  }
  munged.activeDeadlineSeconds = oldAds;
  munged.tolerations = oldSpec.tolerations;
  if (munged.activeDeadlineSeconds === undefined) delete munged.activeDeadlineSeconds;
  if (munged.tolerations === undefined) delete munged.tolerations;
  const diff = describeSpecDiff(oldSpec, munged);
  if (diff !== undefined) {
    errs.push(forbidden(specPath, `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${diff}`));
  }
  return errs;
}
