import { describe, expect, it } from 'vitest';
import { CorednsConfig } from './coredns-config';
import { defaultCorefile, findPlugin, parseCorefile } from './corefile';
import { tokenize } from './caddyfile';

const base = defaultCorefile('cluster.local');

describe('Corefile parsing', () => {
  it("reads kubeadm's Corefile into the plugins CoreDNS runs, in plugin.cfg order", () => {
    const { config } = parseCorefile(base);
    expect(config).toBeDefined();
    const server = config!.servers[0];
    expect(server.zones).toEqual(['.']);
    expect(server.port).toBe(53);
    expect(server.plugins.map((p) => (p.plugin === 'other' ? p.name : p.plugin))).toEqual([
      'reload', 'ready', 'health', 'prometheus', 'errors', 'loadbalance', 'cache', 'kubernetes', 'loop', 'forward',
    ]);
    expect(findPlugin(server, 'kubernetes')).toMatchObject({
      zones: ['cluster.local.', 'in-addr.arpa.', 'ip6.arpa.'], primaryZoneIndex: 0, pods: 'insecure', ttl: 30,
      fallthrough: ['in-addr.arpa.', 'ip6.arpa.'], namespaces: [], ignoreEmptyService: false,
    });
    expect(findPlugin(server, 'forward')).toMatchObject({ from: '.', to: [{ kind: 'resolv.conf', path: '/etc/resolv.conf' }], maxConcurrent: 1000, policy: 'random' });
    expect(findPlugin(server, 'cache')).toMatchObject({ successTtl: 30, denialTtl: 30, successMinTtl: 5, disableSuccess: ['cluster.local.'], disableDenial: ['cluster.local.'] });
    expect(findPlugin(server, 'reload')).toMatchObject({ intervalMs: 30_000, jitterMs: 15_000 });
  });

  it('tokenizes quotes, escapes and comments like Caddy', () => {
    expect(tokenize('a "b c" "d\\"e" # comment\nf#g\n""').map((t) => [t.text, t.line])).toEqual([
      ['a', 1], ['b c', 1], ['d"e', 1], ['f', 2], ['', 3],
    ]);
  });

  it.each([
    { name: 'kubernetes with its defaults', text: '.:53 {\n  kubernetes cluster.local\n}', check: { ttl: 5, pods: 'disabled', endpointPodNames: false } },
    { name: 'zones from the server block', text: 'cluster.local:53 {\n  kubernetes\n}', check: { zones: ['cluster.local.'] } },
    { name: 'a CIDR zone becomes reverse zones', text: '.:53 {\n  kubernetes cluster.local 10.96.0.0/16\n}', check: { zones: ['cluster.local.', '96.10.in-addr.arpa.'] } },
    { name: 'bare fallthrough: every zone', text: '.:53 {\n  kubernetes cluster.local {\n    fallthrough\n  }\n}', check: { fallthrough: ['.'] } },
    { name: 'namespaces', text: '.:53 {\n  kubernetes cluster.local {\n    namespaces default prod\n  }\n}', check: { namespaces: ['default', 'prod'] } },
    { name: 'ignore empty_service', text: '.:53 {\n  kubernetes cluster.local {\n    ignore empty_service\n  }\n}', check: { ignoreEmptyService: true } },
  ])('kubernetes: $name', ({ text, check }) => {
    const { config, error } = parseCorefile(text);
    expect(error).toBeUndefined();
    expect(findPlugin(config!.servers[0], 'kubernetes')).toMatchObject(check);
  });

  it.each([
    { name: 'unknown directive', text: base.replace('    loop\n', '    loop\n    foo\n'), error: "/etc/coredns/Corefile:21 - Error during parsing: Unknown directive 'foo'" },
    { name: 'ttl without a value', text: base.replace('ttl 30', 'ttl'), error: "plugin/kubernetes: /etc/coredns/Corefile:10 - Error during parsing: Wrong argument count or unexpected line ending after 'ttl'" },
    { name: 'ttl out of range', text: base.replace('ttl 30', 'ttl 3601'), error: 'plugin/kubernetes: /etc/coredns/Corefile:10 - Error during parsing: ttl must be in range [0, 3600]: 3601' },
    { name: 'ttl not a number', text: base.replace('ttl 30', 'ttl ten'), error: 'plugin/kubernetes: strconv.Atoi: parsing "ten": invalid syntax' },
    { name: 'unknown kubernetes property', text: base.replace('pods insecure', 'pods insecure\n       bogus 1'), error: "plugin/kubernetes: /etc/coredns/Corefile:9 - Error during parsing: unknown property 'bogus'" },
    { name: 'wrong pods mode', text: base.replace('pods insecure', 'pods always'), error: 'plugin/kubernetes: wrong value for pods: always,  must be one of: disabled, verified, insecure' },
    { name: 'bad ignore', text: base.replace('pods insecure', 'ignore everything'), error: "plugin/kubernetes: unable to parse ignore value: 'everything'" },
    { name: 'only reverse zones', text: '.:53 {\n  kubernetes in-addr.arpa\n}', error: 'plugin/kubernetes: non-reverse zone name must be used' },
    { name: 'kubernetes twice', text: '.:53 {\n  kubernetes cluster.local\n  kubernetes other.local\n}', error: 'plugin/kubernetes: this plugin can only be used once per Server Block' },
    { name: 'forward without a target', text: base.replace('forward . /etc/resolv.conf', 'forward .'), error: "plugin/forward: /etc/coredns/Corefile:13 - Error during parsing: Wrong argument count or unexpected line ending after '.'" },
    { name: 'forward to a missing file', text: base.replace('forward . /etc/resolv.conf', 'forward . /etc/other.conf'), error: 'plugin/forward: not an IP address or file: "/etc/other.conf"' },
    { name: 'forward to a name', text: base.replace('forward . /etc/resolv.conf', 'forward . dns.google'), error: 'plugin/forward: not an IP address or file: "dns.google"' },
    { name: 'unknown forward property', text: base.replace('max_concurrent 1000', 'maxconcurrent 1000'), error: "plugin/forward: /etc/coredns/Corefile:14 - Error during parsing: unknown property 'maxconcurrent'" },
    { name: 'cache TTL zero', text: base.replace('cache 30', 'cache 0'), error: 'plugin/cache: cache TTL can not be zero or negative: 0' },
    { name: 'cache disable of an unknown type', text: base.replace('disable success cluster.local', 'disable positive cluster.local'), error: 'plugin/cache: cache type for disable must be "success" or "denial"' },
    { name: 'unknown cache property', text: base.replace('disable success cluster.local', 'flush'), error: "plugin/cache: /etc/coredns/Corefile:17 - Error during parsing: Wrong argument count or unexpected line ending after 'flush'" },
    { name: 'unclosed block', text: base.replace(/\}\n$/, ''), error: "/etc/coredns/Corefile:22 - Syntax error: Unexpected token 'loadbalance', expecting '}'" },
    { name: 'stray closing brace', text: '.:53 {\n  errors }\n}', error: "/etc/coredns/Corefile:2 - Error during parsing: Unexpected '}' because no matching opening brace" },
    { name: 'duplicate server block', text: '.:53 {\n  errors\n}\n.:53 {\n  errors\n}', error: 'cannot serve dns://.:53 - it is already defined' },
  ])('reports $name as CoreDNS does', ({ text, error }) => {
    expect(parseCorefile(text)).toEqual({ error });
  });
});

describe('reloading the Corefile (plugin/reload)', () => {
  it('applies a good Corefile and keeps the old one when the new one does not parse', () => {
    const holder = new CorednsConfig(base);
    const first = holder.config;
    const bad = holder.reload(base.replace('ttl 30', 'ttl'));
    expect(bad.applied).toBe(false);
    expect(bad.log).toEqual([
      "[ERROR] plugin/reload: Corefile changed but reload failed: plugin/kubernetes: /etc/coredns/Corefile:10 - Error during parsing: Wrong argument count or unexpected line ending after 'ttl'",
    ]);
    expect(holder.config).toBe(first);
    expect(holder.serving).toBe(true);
    const good = holder.reload(base.replace('ttl 30', 'ttl 10'));
    expect(good.applied).toBe(true);
    expect(findPlugin(holder.config.servers[0], 'kubernetes')!.ttl).toBe(10);
  });

  it('without the reload plugin, a change waits for a restart; a broken restart stops serving', () => {
    const holder = new CorednsConfig(base.replace('    reload\n', ''));
    const change = holder.reload(base.replace('ttl 30', 'ttl 10'));
    expect(change.applied).toBe(false);
    expect(findPlugin(holder.config.servers[0], 'kubernetes')!.ttl).toBe(30);
    expect(holder.restart().applied).toBe(true);
    expect(findPlugin(holder.config.servers[0], 'kubernetes')!.ttl).toBe(10);
    expect(holder.restart('.:53 {\n  nope\n}').applied).toBe(false);
    expect(holder.serving).toBe(false);
  });
});
