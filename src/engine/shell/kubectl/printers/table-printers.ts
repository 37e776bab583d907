/**
 * The apiserver's table printers for the kinds we serve (kubernetes pkg/printers/internalversion/
 * printers.go, v1.32): column definitions (priority 1 = only with `-o wide`) and each row's cells.
 * `kubectl get` asks the server for a Table; these are what the server would answer.
 */

import type { ConfigMap, Endpoints, EndpointSlice, KubeObject, Namespace, Node, Pod, Service } from '../../../../shared/api-types';
import { ageSince } from './human-duration';

export interface Column {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TableRows {
  columns: Column[];
  rows: string[][];
}

const col = (name: string, priority = 0, format = '', type = 'string'): Column => ({ name, type, format, description: '', priority });
const NAME = col('Name', 0, 'name');
const AGE = col('Age');

export const COLUMNS: Record<string, Column[]> = {
  Pod: [NAME, col('Ready'), col('Status'), col('Restarts'), AGE, col('IP', 1), col('Node', 1), col('Nominated Node', 1), col('Readiness Gates', 1)],
  Service: [NAME, col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), AGE, col('Selector', 1)],
  Endpoints: [NAME, col('Endpoints'), AGE],
  EndpointSlice: [NAME, col('AddressType'), col('Ports'), col('Endpoints'), AGE],
  Node: [NAME, col('Status'), col('Roles'), AGE, col('Version'), col('Internal-IP', 1), col('External-IP', 1), col('OS-Image', 1), col('Kernel-Version', 1), col('Container-Runtime', 1)],
  Namespace: [NAME, col('Status'), AGE],
  ConfigMap: [NAME, col('Data'), AGE],
};

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, `<none>` when empty. */
export function formatLabels(map: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(map ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${map![k]}`).join(',');
}

/** net.JoinHostPort. */
export const joinHostPort = (host: string, port: number | string): string => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

// ------------------------------------------------------------------ pods

/** printPod's READY and STATUS (reason) for the pod shapes the simulator produces. */
export function podReadyAndStatus(pod: Pod): { ready: string; status: string; restarts: string } {
  const status = pod.status ?? {};
  let reason: string = status.phase ?? '';
  const r = (status as { reason?: string }).reason;
  if (r) reason = r;
  for (const c of status.conditions ?? []) if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  const total = pod.spec.containers.length;
  let ready = 0;
  let restarts = 0;
  let hasRunning = false;
  const statuses = status.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const cs = statuses[i];
    restarts += cs.restartCount ?? 0;
    if (cs.state?.waiting?.reason) reason = cs.state.waiting.reason;
    else if (cs.state?.terminated?.reason) reason = cs.state.terminated.reason;
    else if (cs.state?.terminated) reason = `ExitCode:${cs.state.terminated.exitCode}`;
    else if (cs.ready && cs.state?.running) {
      hasRunning = true;
      ready++;
    }
  }
  if (reason === 'Completed' && hasRunning) {
    reason = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
  }
  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && r === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';
  return { ready: `${ready}/${total}`, status: reason, restarts: String(restarts) };
}

function podRow(pod: Pod, now: number): string[] {
  const { ready, status, restarts } = podReadyAndStatus(pod);
  const readinessGates = (pod.spec as { readinessGates?: { conditionType: string }[] }).readinessGates ?? [];
  let gates = '<none>';
  if (readinessGates.length > 0) {
    const trueCount = readinessGates.filter((g) => pod.status?.conditions?.find((c) => (c.type as string) === g.conditionType)?.status === 'True').length;
    gates = `${trueCount}/${readinessGates.length}`;
  }
  const nominated = (pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName;
  return [pod.metadata.name ?? '', ready, status, restarts, ageSince(pod.metadata.creationTimestamp, now), pod.status?.podIPs?.[0]?.ip || '<none>', pod.spec.nodeName || '<none>', nominated || '<none>', gates];
}

// ------------------------------------------------------------------ services

function serviceExternalIP(svc: Service, wide: boolean): string {
  const spec = svc.spec;
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const set = new Set<string>();
      for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
        if (ing.ip) set.add(ing.ip);
        else if (ing.hostname) set.add(ing.hostname);
      }
      let lb = [...set].sort().join(',');
      if (!wide && lb.length > 16) lb = lb.slice(0, 13) + '...';
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}

/** makePortString: `80/TCP`, `80:30000/TCP`, comma-joined. */
export function servicePorts(svc: Service): string {
  return (svc.spec.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`)).join(',');
}

function serviceRow(svc: Service, now: number, wide: boolean): string[] {
  const clusterIP = svc.spec.clusterIPs?.[0] ?? '<none>';
  return [svc.metadata.name ?? '', svc.spec.type ?? '', clusterIP, serviceExternalIP(svc, wide), servicePorts(svc) || '<none>', ageSince(svc.metadata.creationTimestamp, now), formatLabels(svc.spec.selector)];
}

// ------------------------------------------------------------------ endpoints, endpointslices

/** formatEndpoints: the first three `ip:port`s and `+ N more...`; `<none>` without subsets. Pass `ports` to keep only those port names. */
export function formatEndpoints(ep: Endpoints | undefined, ports?: ReadonlySet<string>): string {
  const subsets = ep?.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if ((ss.ports ?? []).length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports ?? []) {
      if (ports && !ports.has(port.name ?? '')) continue;
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

function sliceRow(slice: EndpointSlice, now: number): string[] {
  const max = 3;
  const ports: string[] = [];
  let morePorts = false;
  let portCount = 0;
  for (const p of slice.ports ?? []) {
    if (ports.length < max) ports.push(p.port !== undefined && p.port !== null ? String(p.port) : p.name !== undefined ? p.name : '*');
    else if (ports.length === max) morePorts = true;
    portCount++;
  }
  const addrs: string[] = [];
  let moreAddrs = false;
  let addrCount = 0;
  for (const e of slice.endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (addrs.length < max) addrs.push(a);
      else if (addrs.length === max) moreAddrs = true;
      addrCount++;
    }
  }
  return [slice.metadata.name ?? '', slice.addressType ?? '', listWithMore(ports, morePorts, portCount, max), listWithMore(addrs, moreAddrs, addrCount, max), ageSince(slice.metadata.creationTimestamp, now)];
}

// ------------------------------------------------------------------ nodes, namespaces, configmaps

/** findNodeRoles: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role`. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

export function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeRow(node: Node, now: number): string[] {
  const info = node.status?.nodeInfo ?? {};
  const addr = (type: string): string => node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
  return [
    node.metadata.name ?? '',
    nodeStatus(node),
    nodeRoles(node).join(',') || '<none>',
    ageSince(node.metadata.creationTimestamp, now),
    info.kubeletVersion ?? '',
    addr('InternalIP'),
    addr('ExternalIP'),
    info.osImage || '<unknown>',
    info.kernelVersion || '<unknown>',
    info.containerRuntimeVersion || '<unknown>',
  ];
}

/** The rows of one kind, all columns (kubectl drops priority>0 ones unless `-o wide`). */
export function tableFor(kind: string, objects: readonly KubeObject[], now: number, wide = true): TableRows {
  const columns = COLUMNS[kind] ?? [NAME, AGE];
  const rows = objects.map((o): string[] => {
    switch (kind) {
      case 'Pod':
        return podRow(o as Pod, now);
      case 'Service':
        return serviceRow(o as Service, now, wide);
      case 'Endpoints':
        return [o.metadata.name ?? '', formatEndpoints(o as Endpoints), ageSince(o.metadata.creationTimestamp, now)];
      case 'EndpointSlice':
        return sliceRow(o as EndpointSlice, now);
      case 'Node':
        return nodeRow(o as Node, now);
      case 'Namespace':
        return [o.metadata.name ?? '', (o as Namespace).status?.phase ?? '', ageSince(o.metadata.creationTimestamp, now)];
      case 'ConfigMap': {
        const cm = o as ConfigMap & { binaryData?: Record<string, string> };
        return [o.metadata.name ?? '', String(Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length), ageSince(o.metadata.creationTimestamp, now)];
      }
      default:
        return [o.metadata.name ?? '', ageSince(o.metadata.creationTimestamp, now)];
    }
  });
  return { columns, rows };
}
