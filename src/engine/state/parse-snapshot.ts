/**
 * Checks untrusted JSON (a workspace file, a loadState request) before anything is built from
 * it: a malformed or wrong-version snapshot gets one clear message naming what is wrong, and
 * nothing changes.
 */

import type { KubeObject } from '../../shared/api-types';
import { CLUSTER_SNAPSHOT_FORMAT, CLUSTER_SNAPSHOT_VERSION, type ClusterSnapshot, type JournalEntry } from '../../shared/cluster-snapshot';

const RR_TYPES = new Set(['A', 'AAAA', 'CNAME', 'SRV', 'PTR', 'TXT', 'SOA', 'NS', 'ANY', 'MX']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optionalString = (v: unknown): boolean => v === undefined || isString(v);

function entryProblem(e: unknown): string | undefined {
  if (!isRecord(e)) return 'is not an object';
  if (!isFiniteNumber(e.at)) return 'has no time ("at")';
  switch (e.op) {
    case 'apply':
    case 'delete':
      return isString(e.text) && optionalString(e.fileName) ? undefined : 'has no manifest text';
    case 'lookup':
      return isRecord(e.pod) && isString(e.pod.name) && isString(e.pod.kind) && isString(e.name) && RR_TYPES.has(e.type as string) ? undefined : 'is not a valid lookup';
    case 'shell': {
      if (!isString(e.session) || !isString(e.line)) return 'is not a valid terminal line';
      if (e.files !== undefined && !(isRecord(e.files) && Object.values(e.files).every(isString))) return 'has invalid files';
      return undefined;
    }
    case 'restart':
      return undefined;
    default:
      return `has an unknown operation ${JSON.stringify(e.op)}`;
  }
}

function configProblem(c: unknown): string | undefined {
  if (!isRecord(c)) return 'config is missing';
  for (const key of ['clusterDomain', 'serviceCIDR', 'podCIDR'] as const) if (!isString(c[key])) return `config.${key} is not a string`;
  for (const key of ['seed', 'startTime'] as const) if (!isFiniteNumber(c[key])) return `config.${key} is not a number`;
  if (typeof c.cloudProvider !== 'boolean') return 'config.cloudProvider is not a boolean';
  if (!isRecord(c.nodePortRange) || !isFiniteNumber(c.nodePortRange.min) || !isFiniteNumber(c.nodePortRange.max)) return 'config.nodePortRange is invalid';
  if (!isRecord(c.dns) || !isFiniteNumber(c.dns.ttl) || !['insecure', 'verified', 'disabled'].includes(c.dns.pods as string)) return 'config.dns is invalid';
  if (!optionalString(c.serviceCIDRv6) || !optionalString(c.podCIDRv6)) return 'config IPv6 ranges are invalid';
  return undefined;
}

const isObject = (o: unknown): o is KubeObject => isRecord(o) && isString(o.kind) && isRecord(o.metadata) && isString(o.metadata.name);

/** The snapshot when `value` is one this version can restore, else what is wrong with it. */
export function parseSnapshot(value: unknown): { snapshot: ClusterSnapshot } | { error: string } {
  const bad = (why: string) => ({ error: `cannot restore the saved cluster: ${why}` });
  if (!isRecord(value)) return bad('it is not a snapshot object');
  if (value.format !== CLUSTER_SNAPSHOT_FORMAT) return bad('it is not a Service Lab cluster snapshot');
  if (value.version !== CLUSTER_SNAPSHOT_VERSION) return bad(`it has format version ${JSON.stringify(value.version)}; this version of Service Lab reads version ${CLUSTER_SNAPSHOT_VERSION}`);
  const config = configProblem(value.config);
  if (config) return bad(config);
  if (!isFiniteNumber(value.now)) return bad('its time ("now") is not a number');
  if (!isString(value.resourceVersion)) return bad('its resourceVersion is not a string');
  const journal = value.journal;
  if (!Array.isArray(journal)) return bad('its journal is missing');
  let last = -Infinity;
  for (let i = 0; i < journal.length; i++) {
    const entry = journal[i] as unknown;
    const problem = entryProblem(entry);
    if (problem) return bad(`journal entry ${i} ${problem}`);
    const at = (entry as JournalEntry).at;
    if (at < last) return bad(`journal entry ${i} runs before the one preceding it`);
    last = at;
  }
  if (value.now < last) return bad('it was saved before its last journal entry ran');
  if (!Array.isArray(value.undoPoints) || !value.undoPoints.every((p, i, all) => Number.isInteger(p) && p >= 0 && p < journal.length && (i === 0 || p > all[i - 1]))) return bad('its undo points are not ascending journal indexes');
  if (!Array.isArray(value.objects) || !value.objects.every(isObject)) return bad('its objects are not Kubernetes objects');
  return { snapshot: value as unknown as ClusterSnapshot };
}
