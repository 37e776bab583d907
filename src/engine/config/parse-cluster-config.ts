/**
 * Reads a cluster configuration file (`svclab run --config CLUSTER.yaml`, the app's settings):
 * YAML with the keys of ClusterConfig. Every problem is reported with its key and what is
 * allowed, and nothing half-valid is returned.
 */

import { parse } from 'yaml';
import type { ClusterConfig } from '../../shared/cluster-config';
import type { LocalizedText } from '../../shared/lab-types';
import { parseCidr } from '../net/ip-address';
import { clusterConfigProblem as problem } from './cluster-config-messages';

/** Errors in both languages (the CLI prints `en`; the lab panel shows the app's language). */
export type ParsedClusterConfig = { config: Partial<ClusterConfig> } | { errors: LocalizedText[] };

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const TOP_KEYS = ['clusterDomain', 'serviceCIDR', 'serviceCIDRv6', 'podCIDR', 'podCIDRv6', 'nodePortRange', 'dns', 'cloudProvider', 'seed'];

export function parseClusterConfig(text: string): ParsedClusterConfig {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    return { errors: [problem('notYaml', { detail: error instanceof Error ? error.message.split('\n')[0] : String(error) })] };
  }
  if (doc === null || doc === undefined) return { config: {} };
  if (typeof doc !== 'object' || Array.isArray(doc)) return { errors: [problem('notMapping')] };
  const input = doc as Record<string, unknown>;
  const errors: LocalizedText[] = [];
  const config: Partial<ClusterConfig> = {};
  for (const key of Object.keys(input)) {
    if (TOP_KEYS.includes(key)) continue;
    const near = TOP_KEYS.find((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
    errors.push(near ? problem('unknownKeyNear', { key, near }) : problem('unknownKey', { key, known: TOP_KEYS.join(', ') }));
  }

  if ('clusterDomain' in input) {
    const v = input.clusterDomain;
    if (typeof v === 'string' && v.length <= 253 && DNS_SUBDOMAIN.test(v)) config.clusterDomain = v;
    else errors.push(problem('badDomain', { value: JSON.stringify(v) }));
  }
  for (const [key, family] of [['serviceCIDR', 'IPv4'], ['podCIDR', 'IPv4'], ['serviceCIDRv6', 'IPv6'], ['podCIDRv6', 'IPv6']] as const) {
    if (!(key in input)) continue;
    const v = input[key];
    const cidr = typeof v === 'string' ? parseCidr(v) : undefined;
    if (!cidr || cidr.family !== family) errors.push(problem('badCidr', { key, value: JSON.stringify(v), family, example: family === 'IPv4' ? '10.96.0.0/12' : 'fd00:10:96::/112' }));
    else if (key.startsWith('service') && cidr.bits - cidr.prefix > 20) errors.push(problem('cidrTooLarge', { key, value: String(v), prefix: cidr.bits - 20 }));
    else config[key] = cidr.text;
  }
  if ('nodePortRange' in input) {
    const v = input.nodePortRange as { min?: unknown; max?: unknown } | null;
    const min = v?.min;
    const max = v?.max;
    if (typeof min === 'number' && typeof max === 'number' && Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max <= 65535 && min <= max) config.nodePortRange = { min, max };
    else errors.push(problem('badNodePortRange'));
  }
  if ('dns' in input) {
    const v = input.dns;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) errors.push(problem('dnsNotMapping'));
    else {
      const dns = v as Record<string, unknown>;
      const out: Partial<ClusterConfig['dns']> = {};
      for (const key of Object.keys(dns)) if (key !== 'ttl' && key !== 'pods') errors.push(problem('unknownDnsKey', { key }));
      if ('ttl' in dns) {
        // The kubernetes plugin accepts 0–3600 (plugin/kubernetes/setup.go).
        if (typeof dns.ttl === 'number' && Number.isInteger(dns.ttl) && dns.ttl >= 0 && dns.ttl <= 3600) out.ttl = dns.ttl;
        else errors.push(problem('badTtl', { value: JSON.stringify(dns.ttl) }));
      }
      if ('pods' in dns) {
        if (dns.pods === 'insecure' || dns.pods === 'verified' || dns.pods === 'disabled') out.pods = dns.pods;
        else errors.push(problem('badPods', { value: JSON.stringify(dns.pods) }));
      }
      config.dns = out as ClusterConfig['dns'];
    }
  }
  if ('cloudProvider' in input) {
    // YAML 1.2 reads on/off as strings; accept them as the "on/off" wording does.
    const v = input.cloudProvider;
    if (v === true || v === 'on') config.cloudProvider = true;
    else if (v === false || v === 'off') config.cloudProvider = false;
    else errors.push(problem('badCloudProvider', { value: JSON.stringify(v) }));
  }
  if ('seed' in input) {
    const v = input.seed;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff) config.seed = v;
    else errors.push(problem('badSeed', { value: JSON.stringify(v) }));
  }
  return errors.length ? { errors } : { config };
}

/** Levenshtein distance, for "did you mean" on misspelt keys. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
