/**
 * Every problem parseClusterConfig can report, in English and Korean: a teacher's lab folder may
 * carry a cluster.yaml, and the lab panel shows its problems in the app's language (the CLI prints
 * the English). Keys and values stay verbatim in both; `{value}` is the value as JSON.
 */

import type { LocalizedText } from '../../shared/lab-types';
import { fillLocalized, type TemplateParams } from '../localized-template';

export const CLUSTER_CONFIG_PROBLEMS = {
  notYaml: { en: 'not valid YAML: {detail}', ko: 'YAML 형식이 올바르지 않습니다: {detail}' },
  notMapping: { en: 'the configuration must be a YAML mapping (key: value lines)', ko: '설정은 YAML 매핑(key: value 줄)이어야 합니다' },
  unknownKeyNear: { en: 'unknown key "{key}" (did you mean "{near}"?)', ko: '알 수 없는 키 "{key}" — 혹시 "{near}" 키를 쓰려던 건가요?' },
  unknownKey: { en: 'unknown key "{key}" (known keys: {known})', ko: '알 수 없는 키 "{key}" (쓸 수 있는 키: {known})' },
  badDomain: { en: 'clusterDomain: {value} is not a DNS name (e.g. cluster.local)', ko: 'clusterDomain: {value} — DNS 이름이 아닙니다 (예: cluster.local)' },
  badCidr: { en: '{key}: {value} is not an {family} CIDR (e.g. {example})', ko: '{key}: {value} — {family} CIDR 형식이 아닙니다 (예: {example})' },
  cidrTooLarge: {
    en: '{key}: {value} is too large: the apiserver allows at most a /{prefix} (2^20 addresses)',
    ko: '{key}: {value} 범위가 너무 큽니다 — apiserver는 /{prefix}까지만 허용합니다 (주소 2^20개)',
  },
  badNodePortRange: {
    en: 'nodePortRange: needs min and max ports, 1 ≤ min ≤ max ≤ 65535 (default min: 30000, max: 32767)',
    ko: 'nodePortRange: min과 max 포트가 필요하며 1 ≤ min ≤ max ≤ 65535여야 합니다 (기본값 min: 30000, max: 32767)',
  },
  dnsNotMapping: { en: 'dns: must be a mapping with ttl and/or pods', ko: 'dns: ttl이나 pods 키가 있는 매핑이어야 합니다' },
  unknownDnsKey: { en: 'unknown key "dns.{key}" (known keys: dns.ttl, dns.pods)', ko: '알 수 없는 키 "dns.{key}" (쓸 수 있는 키: dns.ttl, dns.pods)' },
  badTtl: { en: 'dns.ttl: {value} must be a whole number of seconds from 0 to 3600', ko: 'dns.ttl: {value} — 0부터 3600까지의 정수(초)여야 합니다' },
  badPods: { en: 'dns.pods: {value} must be insecure, verified or disabled', ko: 'dns.pods: {value} — insecure, verified, disabled 중 하나여야 합니다' },
  badCloudProvider: { en: 'cloudProvider: {value} must be on or off', ko: 'cloudProvider: {value} — on 또는 off여야 합니다' },
  badSeed: { en: 'seed: {value} must be a whole number from 0 to 4294967295', ko: 'seed: {value} — 0부터 4294967295까지의 정수여야 합니다' },
} as const satisfies Record<string, LocalizedText>;

export type ClusterConfigProblemId = keyof typeof CLUSTER_CONFIG_PROBLEMS;

/** The problem's text in both languages, with `{name}` placeholders filled. */
export function clusterConfigProblem(id: ClusterConfigProblemId, params: TemplateParams = {}): LocalizedText {
  return fillLocalized(CLUSTER_CONFIG_PROBLEMS[id], params);
}
