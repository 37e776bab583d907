/**
 * kubectl describe's describers (k8s.io/kubectl/pkg/describe, v1.32) for the kinds we serve:
 * Service (endpoints from its EndpointSlices, as v1.32 does), Endpoints, EndpointSlice, Pod, Node,
 * Namespace, ConfigMap. Each writes PrefixWriter lines (`\t` between cells, two spaces per level)
 * through a tabwriter (minwidth 0, padding 2). Events are not modelled: every describer ends with
 * `Events:  <none>`, as for an object nothing has happened to.
 */

import type { ConfigMap, Container, ContainerStatus, Endpoints, EndpointSlice, KubeObject, Namespace, Node, Pod, Probe, Service } from '../../../../shared/api-types';
import type { ClusterView } from '../resources';
import { humanDuration } from './human-duration';
import { DESCRIBE_TABWRITER, tabwrite } from './tabwriter';
import { formatLabels, joinHostPort, nodeRoles } from './table-printers';

const LEVELS = ['', '  ', '    ', '      ', '        '];
const MAX_ANNOTATION_LEN = 140;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

class PrefixWriter {
  text = '';
  write(level: number, s: string): void {
    this.text += LEVELS[level] + s;
  }
  line(s: string): void {
    this.text += s + '\n';
  }
  done(): string {
    return tabwrite(this.text, DESCRIBE_TABWRITER);
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** time.RFC1123Z in UTC: `Mon, 02 Mar 2026 09:00:00 +0000`. */
export function rfc1123z(timestamp: string | undefined): string {
  if (!timestamp) return '';
  const d = new Date(Date.parse(timestamp));
  if (Number.isNaN(d.getTime())) return '';
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

function printLabels(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = ''): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`);
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

function printAnnotations(w: PrefixWriter, annotations: Record<string, string> | undefined, initialIndent = ''): void {
  w.write(0, `${initialIndent}Annotations:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort();
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`);
    const value = annotations![k].replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(0, `${initialIndent}  ${s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s}\n`);
    } else w.write(0, `${k}: ${value}\n`);
  });
}

const events = (w: PrefixWriter): void => w.write(0, 'Events:\t<none>\n');

// ------------------------------------------------------------------ Service

/** formatEndpointSlices: ready endpoints of the Service's slices for one port name (v1.32 describe). */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName?: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const eps = slice.endpoints ?? [];
    if ((slice.ports ?? []).length === 0) {
      for (const ep of eps) {
        if (list.length === max) more = true;
        if (ep.conditions?.ready === false) continue;
        if (!more) list.push(ep.addresses[0]);
        count++;
      }
      continue;
    }
    for (const port of slice.ports ?? []) {
      if (portName !== undefined && (port.name ?? '') !== portName) continue;
      for (const ep of eps) {
        if (list.length === max) more = true;
        if (ep.conditions?.ready === false) continue;
        if (!more) list.push(joinHostPort(ep.addresses[0], port.port ?? 0));
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export function describeService(svc: Service, view: ClusterView): string {
  const w = new PrefixWriter();
  const spec = svc.spec;
  const ns = svc.metadata.namespace ?? 'default';
  const slices = view.list('EndpointSlice', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name) as EndpointSlice[];
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${ns}\n`);
  printLabels(w, 'Labels', svc.metadata.labels);
  printAnnotations(w, svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies!.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs!.join(',') : '<none>'}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(0, `External IPs:\t${spec.externalIPs!.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? i.ip : i.hostname) + (i.ipMode ? ` (${i.ipMode})` : '')).join(', ')}\n`);
  for (const sp of spec.ports ?? []) {
    const name = sp.name || '<unset>';
    w.write(0, `Port:\t${name}\t${sp.port}/${sp.protocol ?? ''}\n`);
    w.write(0, `TargetPort:\t${sp.targetPort ?? ''}/${sp.protocol ?? ''}\n`);
    if (sp.nodePort) w.write(0, `NodePort:\t${name}\t${sp.nodePort}/${sp.protocol ?? ''}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  const hc = (spec as { healthCheckNodePort?: number }).healthCheckNodePort;
  if (hc) w.write(0, `HealthCheck NodePort:\t${hc}\n`);
  const ranges = (spec as { loadBalancerSourceRanges?: string[] }).loadBalancerSourceRanges ?? [];
  if (ranges.length > 0) w.write(0, `LoadBalancer Source Ranges:\t${ranges.join(',')}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  events(w);
  return w.done();
}

// ------------------------------------------------------------------ Endpoints, EndpointSlice

export function describeEndpoints(ep: Endpoints): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace}\n`);
  printLabels(w, 'Labels', ep.metadata.labels);
  printAnnotations(w, ep.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const subset of ep.subsets ?? []) {
    w.write(1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    if ((subset.ports ?? []).length > 0) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of subset.ports ?? []) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
    }
    w.write(0, '\n');
  }
  events(w);
  return w.done();
}

export function describeEndpointSlice(eps: EndpointSlice): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${eps.metadata.name}\n`);
  w.write(0, `Namespace:\t${eps.metadata.namespace}\n`);
  printLabels(w, 'Labels', eps.metadata.labels);
  printAnnotations(w, eps.metadata.annotations);
  w.write(0, `AddressType:\t${eps.addressType}\n`);
  if ((eps.ports ?? []).length === 0) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of eps.ports ?? []) w.write(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? '<unset>'}\n`);
  }
  if ((eps.endpoints ?? []).length === 0) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const e of eps.endpoints) {
      w.write(1, `- Addresses:\t${e.addresses.join(',')}\n`);
      w.write(2, 'Conditions:\n');
      w.write(3, `Ready:\t${e.conditions?.ready === undefined ? '<unset>' : String(e.conditions.ready)}\n`);
      w.write(2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(2, `Zone:\t${e.zone ?? '<unset>'}\n`);
    }
  }
  events(w);
  return w.done();
}

// ------------------------------------------------------------------ Pod

function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const h = p.httpGet as { host?: string; path?: string; port: number | string; scheme?: string };
    const port = String(h.port ?? '');
    const host = port ? joinHostPort(h.host ?? '', port) : h.host ?? '';
    return `http-get ${(h.scheme ?? 'HTTP').toLowerCase()}://${host}${h.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${(p.tcpSocket as { host?: string }).host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeContainerState(w: PrefixWriter, status: ContainerStatus | undefined): void {
  const state = status?.state;
  if (state?.running) {
    w.write(2, 'State:\tRunning\n');
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, 'State:\tWaiting\n');
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, 'State:\tTerminated\n');
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else w.write(2, 'State:\tWaiting\n');
}

function describeContainers(w: PrefixWriter, title: string, containers: readonly Container[], statuses: readonly ContainerStatus[]): void {
  w.write(0, `${title}:\n`);
  for (const c of containers) {
    const status = statuses.find((s) => s.name === c.name);
    w.write(1, `${c.name}:\n`);
    w.write(2, `Container ID:\t${status?.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    w.write(2, `Image ID:\t${status?.imageID ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    if (ports.includes(',')) w.write(2, `Ports:\t${ports}\n`);
    else w.write(2, `Port:\t${ports || '<none>'}\n`);
    if (hostPorts.includes(',')) w.write(2, `Host Ports:\t${hostPorts}\n`);
    else w.write(2, `Host Port:\t${hostPorts || '<none>'}\n`);
    if ((c.command ?? []).length > 0) {
      w.write(2, 'Command:\n');
      for (const line of c.command!) for (const l of line.split('\n')) w.write(3, `${l}\n`);
    }
    if ((c.args ?? []).length > 0) {
      w.write(2, 'Args:\n');
      for (const line of c.args!) for (const l of line.split('\n')) w.write(3, `${l}\n`);
    }
    describeContainerState(w, status);
    w.write(2, `Ready:\t${status?.ready ? 'True' : 'False'}\n`);
    w.write(2, `Restart Count:\t${status?.restartCount ?? 0}\n`);
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    const env = c.env ?? [];
    if (env.length === 0) w.write(2, 'Environment:\t<none>\n');
    else {
      w.write(2, 'Environment:\n');
      for (const e of env) w.write(3, `${e.name}:\t${e.value ?? ''}\n`);
    }
    w.write(2, 'Mounts:\t<none>\n');
  }
}

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export function describePod(pod: Pod): string {
  const w = new PrefixWriter();
  const spec = pod.spec as Pod['spec'] & { priority?: number; priorityClassName?: string; nodeSelector?: Record<string, string>; tolerations?: Toleration[]; initContainers?: Container[] };
  const status = pod.status ?? {};
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  w.write(0, `Service Account:\t${spec.serviceAccountName ?? ''}\n`);
  w.write(0, `Node:\t${spec.nodeName ? `${spec.nodeName}/${status.hostIP ?? ''}` : '<none>'}\n`);
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabels(w, 'Labels', pod.metadata.labels);
  printAnnotations(w, pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp) {
    w.write(0, `Status:\tTerminating (lasts ${humanDuration(Date.parse(pod.metadata.deletionTimestamp) - Date.parse(pod.metadata.creationTimestamp ?? pod.metadata.deletionTimestamp))})\n`);
    w.write(0, `Termination Grace Period:\t${spec.terminationGracePeriodSeconds ?? 30}s\n`);
  } else w.write(0, `Status:\t${status.phase ?? ''}\n`);
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  if ((spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', spec.initContainers!, []);
  describeContainers(w, 'Containers', spec.containers, status.containerStatuses ?? []);
  if ((status.conditions ?? []).length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\n');
    for (const c of status.conditions!) w.write(1, `${c.type} \t${c.status} \n`);
  }
  w.write(0, 'Volumes:\t<none>\n');
  if (status.qosClass) w.write(0, `QoS Class:\t${status.qosClass}\n`);
  printLabels(w, 'Node-Selectors', spec.nodeSelector);
  const tolerations = spec.tolerations ?? [];
  w.write(0, 'Tolerations:\t');
  if (tolerations.length === 0) w.line('<none>');
  tolerations.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
  events(w);
  return w.done();
}

// ------------------------------------------------------------------ Node

export function describeNode(node: Node, view: ClusterView): string {
  const w = new PrefixWriter();
  const status = node.status ?? {};
  const spec = node.spec ?? {};
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
  printLabels(w, 'Labels', node.metadata.labels);
  printAnnotations(w, node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  w.write(0, 'Taints:\t');
  const taints = spec.taints ?? [];
  if (taints.length === 0) w.line('<none>');
  taints.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`);
  });
  w.write(0, `Unschedulable:\t${spec.unschedulable ? 'true' : 'false'}\n`);
  // The kubelet renews its Lease in kube-node-lease every 10 s.
  const renew = new Date(Math.floor(view.now() / 10000) * 10000).toISOString().replace('.000Z', 'Z');
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${node.metadata.name}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  w.write(1, `RenewTime:\t${rfc1123z(renew)}\n`);
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
  }
  w.write(0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  const resources = (title: string, list: Record<string, string> | undefined): void => {
    if (!list || Object.keys(list).length === 0) return;
    w.write(0, `${title}:\n`);
    for (const k of Object.keys(list).sort()) w.write(1, `${k}:\t${list[k]}\n`);
  };
  resources('Capacity', status.capacity);
  resources('Allocatable', status.allocatable);
  const info = status.nodeInfo ?? {};
  w.write(0, 'System Info:\n');
  w.write(1, `Machine ID:\t${info.machineID ?? ''}\n`);
  w.write(1, `System UUID:\t${info.systemUUID ?? ''}\n`);
  w.write(1, `Boot ID:\t${info.bootID ?? ''}\n`);
  w.write(1, `Kernel Version:\t${info.kernelVersion ?? ''}\n`);
  w.write(1, `OS Image:\t${info.osImage ?? ''}\n`);
  w.write(1, `Operating System:\t${info.operatingSystem ?? ''}\n`);
  w.write(1, `Architecture:\t${info.architecture ?? ''}\n`);
  w.write(1, `Container Runtime Version:\t${info.containerRuntimeVersion ?? ''}\n`);
  w.write(1, `Kubelet Version:\t${info.kubeletVersion ?? ''}\n`);
  w.write(1, `Kube-Proxy Version:\t${info.kubeProxyVersion ?? ''}\n`);
  if (spec.podCIDR) w.write(0, `PodCIDR:\t${spec.podCIDR}\n`);
  if ((spec.podCIDRs ?? []).length > 0) w.write(0, `PodCIDRs:\t${spec.podCIDRs!.join(',')}\n`);
  const pods = (view.list('Pod') as Pod[]).filter((p) => p.spec.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  for (const p of pods) w.write(1, `${p.metadata.namespace}\t${p.metadata.name}\t\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)\t${humanDuration(view.now() - Date.parse(p.metadata.creationTimestamp ?? ''))}\n`);
  w.write(0, 'Allocated resources:\n');
  w.write(1, '(Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) w.write(1, `${r}\t0 (0%)\t0 (0%)\n`);
  for (const r of Object.keys(status.allocatable ?? {})
    .filter((k) => k.startsWith('hugepages-'))
    .sort())
    w.write(1, `${r}\t0 (0%)\t0 (0%)\n`);
  events(w);
  return w.done();
}

// ------------------------------------------------------------------ Namespace, ConfigMap

export function describeNamespace(ns: Namespace): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  printLabels(w, 'Labels', ns.metadata.labels);
  printAnnotations(w, ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  w.write(0, '\n');
  w.write(0, 'No resource quota.\n');
  w.write(0, '\n');
  w.write(0, 'No LimitRange resource.\n');
  return w.done();
}

export function describeConfigMap(cm: ConfigMap): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace}\n`);
  printLabels(w, 'Labels', cm.metadata.labels);
  printAnnotations(w, cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${cm.data![k]}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  const binary = (cm as { binaryData?: Record<string, string> }).binaryData ?? {};
  for (const k of Object.keys(binary).sort()) w.write(0, `${k}: ${Math.floor((binary[k].length * 3) / 4)} bytes\n`);
  w.write(0, '\n');
  events(w);
  return w.done();
}

/** The describer for an object, or undefined when kubectl has none we model. */
export function describeObject(obj: KubeObject, view: ClusterView): string | undefined {
  switch (obj.kind) {
    case 'Service':
      return describeService(obj as Service, view);
    case 'Endpoints':
      return describeEndpoints(obj as Endpoints);
    case 'EndpointSlice':
      return describeEndpointSlice(obj as EndpointSlice);
    case 'Pod':
      return describePod(obj as Pod);
    case 'Node':
      return describeNode(obj as Node, view);
    case 'Namespace':
      return describeNamespace(obj as Namespace);
    case 'ConfigMap':
      return describeConfigMap(obj as ConfigMap);
  }
  return undefined;
}
