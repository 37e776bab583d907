/**
 * Defaulting as the apiserver applies it on decode: SetDefaults_* in pkg/apis/core/v1/defaults.go
 * and pkg/apis/discovery/v1/defaults.go. Mutates the object it is given (a private copy).
 * IP families and policies are not defaulted here: the Service REST does that at allocation time
 * (see service-allocation.ts), as upstream.
 */

import type { KubeObject } from '../../shared/api-types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const objList = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** Applies the kind's defaults in place. */
export function setDefaults(obj: KubeObject): void {
  switch (obj.kind) {
    case 'Service':
      defaultService(obj);
      break;
    case 'Pod':
      defaultPod(obj);
      break;
    case 'Endpoints':
      for (const ss of objList(obj.subsets)) for (const p of objList(ss.ports)) if (!p.protocol) p.protocol = 'TCP';
      break;
    case 'EndpointSlice':
      // SetDefaults_EndpointPort (discovery/v1): name "" and protocol TCP.
      for (const p of objList(obj.ports)) {
        if (p.name === undefined || p.name === null) p.name = '';
        if (p.protocol === undefined || p.protocol === null) p.protocol = 'TCP';
      }
      break;
    case 'Namespace':
      // SetDefaults_Namespace: the kubernetes.io/metadata.name label.
      if (obj.metadata.name) obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
      break;
  }
}

/** SetDefaults_Service. */
function defaultService(svc: KubeObject): void {
  if (!isObj(svc.spec)) svc.spec = {};
  const spec = svc.spec as Obj;
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = spec.sessionAffinityConfig as { clientIP?: { timeoutSeconds?: number } } | undefined;
    if (!cfg || !cfg.clientIP || cfg.clientIP.timeoutSeconds === undefined || cfg.clientIP.timeoutSeconds === null) {
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
    }
  }
  if (!spec.type) spec.type = 'ClusterIP';
  for (const sp of objList(spec.ports)) {
    if (!sp.protocol) sp.protocol = 'TCP';
    if (sp.targetPort === undefined || sp.targetPort === null || sp.targetPort === 0 || sp.targetPort === '') sp.targetPort = sp.port;
  }
  const externallyAccessible =
    spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
  if (externallyAccessible && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if ((spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type as string)) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer' && (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null)) {
    spec.allocateLoadBalancerNodePorts = true;
  }
}

/** The tag of an image reference (parsers.ParseImageName): "latest" when none and no digest. */
export function imageTag(image: string): string {
  if (image.includes('@')) return '';
  const lastSlash = image.lastIndexOf('/');
  const lastPart = image.slice(lastSlash + 1);
  const colon = lastPart.indexOf(':');
  return colon < 0 ? 'latest' : lastPart.slice(colon + 1);
}

/** SetDefaults_Container and friends (ports, probes). */
function defaultContainer(c: Obj): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(typeof c.image === 'string' ? c.image : '') === 'latest' ? 'Always' : 'IfNotPresent';
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  if (!isObj(c.resources)) c.resources = {};
  for (const p of objList(c.ports)) if (!p.protocol) p.protocol = 'TCP';
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = c[key];
    if (!isObj(probe)) continue;
    // SetDefaults_Probe.
    if (!probe.timeoutSeconds) probe.timeoutSeconds = 1;
    if (!probe.periodSeconds) probe.periodSeconds = 10;
    if (!probe.successThreshold) probe.successThreshold = 1;
    if (!probe.failureThreshold) probe.failureThreshold = 3;
    // SetDefaults_HTTPGetAction.
    if (isObj(probe.httpGet)) {
      if (!probe.httpGet.path) probe.httpGet.path = '/';
      if (!probe.httpGet.scheme) probe.httpGet.scheme = 'HTTP';
    }
  }
}

/** SetDefaults_Pod + SetDefaults_PodSpec. */
function defaultPod(pod: KubeObject): void {
  if (!isObj(pod.spec)) pod.spec = {};
  const spec = pod.spec as Obj;
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (!isObj(spec.securityContext)) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  for (const c of [...objList(spec.containers), ...objList(spec.initContainers)]) defaultContainer(c);
  if (spec.hostNetwork === true) {
    // defaultHostNetworkPorts: hostPort follows containerPort.
    for (const c of [...objList(spec.containers), ...objList(spec.initContainers)]) {
      for (const p of objList(c.ports)) if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
}
