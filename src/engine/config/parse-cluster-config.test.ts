import { describe, expect, it } from 'vitest';
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
    { name: 'a misspelt key, with the likely one', text: 'clusterDomian: x\n', error: 'unknown key "clusterDomian" (did you mean "clusterDomain"?)' },
    { name: 'an unknown key, with the known ones', text: 'colour: blue\n', error: 'unknown key "colour" (known keys: clusterDomain, serviceCIDR' },
    { name: 'a bad domain', text: 'clusterDomain: Cluster_Local\n', error: 'clusterDomain: "Cluster_Local" is not a DNS name' },
    { name: 'a bad CIDR', text: 'serviceCIDR: 10.96.0.0\n', error: 'serviceCIDR: "10.96.0.0" is not an IPv4 CIDR' },
    { name: 'a service range too large', text: 'serviceCIDR: 10.0.0.0/8\n', error: 'serviceCIDR: 10.0.0.0/8 is too large' },
    { name: 'a TTL out of range', text: 'dns:\n  ttl: 4000\n', error: 'dns.ttl: 4000 must be a whole number of seconds from 0 to 3600' },
    { name: 'an unknown pods mode', text: 'dns:\n  pods: yes\n', error: 'dns.pods: "yes" must be insecure, verified or disabled' },
    { name: 'a non-boolean cloudProvider', text: 'cloudProvider: maybe\n', error: 'cloudProvider: "maybe" must be on or off' },
    { name: 'a list instead of a mapping', text: '- a\n- b\n', error: 'must be a YAML mapping' },
    { name: 'broken YAML', text: 'a: [\n', error: 'not valid YAML' },
  ])('rejects $name with a clear message', ({ text, error }) => {
    const parsed = parseClusterConfig(text);
    expect('errors' in parsed && parsed.errors.join('\n')).toContain(error);
  });
});
