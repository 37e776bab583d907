import { describe, expect, it } from 'vitest';
import { bilingualMismatches } from '../labs/testing/bilingual-mismatches';
import { CLUSTER_CONFIG_PROBLEMS, type ClusterConfigProblemId } from './cluster-config-messages';
import { parseClusterConfig } from './parse-cluster-config';

describe('cluster config file', () => {
  it.each([
    { name: 'empty file means defaults', text: '', config: {} },
    { name: 'every documented key', text: 'clusterDomain: school.local\nserviceCIDR: 10.0.0.0/16\npodCIDR: 10.244.0.0/16\ndns:\n  ttl: 5\n  pods: verified\ncloudProvider: on\nseed: 7\n', config: { clusterDomain: 'school.local', serviceCIDR: '10.0.0.0/16', podCIDR: '10.244.0.0/16', dns: { ttl: 5, pods: 'verified' }, cloudProvider: true, seed: 7 } },
    { name: 'cloudProvider off and booleans', text: 'cloudProvider: false\n', config: { cloudProvider: false } },
    { name: 'a CIDR is normalised to its network address', text: 'serviceCIDR: 10.96.3.4/12\n', config: { serviceCIDR: '10.96.0.0/12' } },
    { name: 'dual-stack ranges', text: 'serviceCIDRv6: fd00:10:96::/112\npodCIDRv6: fd00:10:244::/56\n', config: { serviceCIDRv6: 'fd00:10:96::/112', podCIDRv6: 'fd00:10:244::/56' } },
  ])('accepts $name', ({ text, config }) => {
    expect(parseClusterConfig(text)).toEqual({ config });
  });

  it.each([
    { name: 'a misspelt key, with the likely one', text: 'clusterDomian: x\n', error: 'unknown key "clusterDomian" (did you mean "clusterDomain"?)', ko: '알 수 없는 키 "clusterDomian" — 혹시 "clusterDomain" 키를 쓰려던 건가요?' },
    { name: 'an unknown key, with the known ones', text: 'colour: blue\n', error: 'unknown key "colour" (known keys: clusterDomain, serviceCIDR', ko: '알 수 없는 키 "colour" (쓸 수 있는 키: clusterDomain, serviceCIDR' },
    { name: 'a bad domain', text: 'clusterDomain: Cluster_Local\n', error: 'clusterDomain: "Cluster_Local" is not a DNS name', ko: 'clusterDomain: "Cluster_Local" — DNS 이름이 아닙니다' },
    { name: 'a bad CIDR', text: 'serviceCIDR: 10.96.0.0\n', error: 'serviceCIDR: "10.96.0.0" is not an IPv4 CIDR', ko: 'serviceCIDR: "10.96.0.0" — IPv4 CIDR 형식이 아닙니다' },
    { name: 'a service range too large', text: 'serviceCIDR: 10.0.0.0/8\n', error: 'serviceCIDR: 10.0.0.0/8 is too large', ko: 'serviceCIDR: 10.0.0.0/8 범위가 너무 큽니다 — apiserver는 /12까지만 허용합니다' },
    { name: 'a TTL out of range', text: 'dns:\n  ttl: 4000\n', error: 'dns.ttl: 4000 must be a whole number of seconds from 0 to 3600', ko: 'dns.ttl: 4000 — 0부터 3600까지의 정수(초)여야 합니다' },
    { name: 'an unknown pods mode', text: 'dns:\n  pods: yes\n', error: 'dns.pods: "yes" must be insecure, verified or disabled', ko: 'dns.pods: "yes" — insecure, verified, disabled 중 하나여야 합니다' },
    { name: 'a non-boolean cloudProvider', text: 'cloudProvider: maybe\n', error: 'cloudProvider: "maybe" must be on or off', ko: 'cloudProvider: "maybe" — on 또는 off여야 합니다' },
    { name: 'a list instead of a mapping', text: '- a\n- b\n', error: 'must be a YAML mapping', ko: '설정은 YAML 매핑(key: value 줄)이어야 합니다' },
    { name: 'broken YAML', text: 'a: [\n', error: 'not valid YAML', ko: 'YAML 형식이 올바르지 않습니다: ' },
  ])('rejects $name with a clear message in English and Korean', ({ text, error, ko }) => {
    const parsed = parseClusterConfig(text);
    const errors = 'errors' in parsed ? parsed.errors : [];
    expect(errors.map((e) => e.en).join('\n')).toContain(error);
    expect(errors.map((e) => e.ko).join('\n')).toContain(ko);
    for (const e of errors) expect(bilingualMismatches(e), JSON.stringify(e)).toEqual([]);
  });

  it.each(Object.keys(CLUSTER_CONFIG_PROBLEMS) as ClusterConfigProblemId[])('%s exists in Korean and English with the same placeholders and quoted values', (id) => {
    expect(bilingualMismatches(CLUSTER_CONFIG_PROBLEMS[id])).toEqual([]);
  });
});
