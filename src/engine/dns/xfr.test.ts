import { describe, expect, it } from 'vitest';
import { FakeZoneLister } from './fake-zone-lister';
import { parseCorefile, findPlugin, defaultCorefile } from './corefile';
import { serviceRows, zoneTransfer } from './xfr';
import { namespace, service, slice, stackWith } from './testing/cluster-fixtures';
import { formatRecord } from './zone-text';

const kube = findPlugin(parseCorefile(defaultCorefile('cluster.local')).config!.servers[0], 'kubernetes')!;

describe('the zone as a table (transfer.go, plus PTR)', () => {
  const lister = new FakeZoneLister({
    namespaces: ['default'],
    modified: 1772442000,
    services: [
      service('web', { clusterIP: '10.96.5.5', ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { port: 9000, protocol: 'UDP' }] }),
      service('db', { clusterIP: 'None', ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] }),
      service('ext', { type: 'ExternalName', externalName: 'example.com' }),
    ],
    endpointSlices: [
      slice('web', [{ ip: '20.96.1.1', pod: 'web-1' }], { ports: [{ name: 'http', port: 8080 }, { port: 9000, protocol: 'UDP' }] }),
      slice('db', [{ ip: '20.96.2.1', hostname: 'db-0', pod: 'db-0' }, { ip: '20.96.2.2', pod: 'db-1' }, { ip: '20.96.2.3', ready: false }], { ports: [{ name: 'pg', port: 5432 }] }),
    ],
  });
  const opts = { config: kube, localIPs: ['20.96.0.2'] };

  it.each([
    { svc: 'web', rows: [
      'web.default.svc.cluster.local. 30 IN A 10.96.5.5 Service/web',
      '5.5.96.10.in-addr.arpa. 30 IN PTR web.default.svc.cluster.local. Service/web',
      'web.default.svc.cluster.local. 30 IN SRV 0 100 80 web.default.svc.cluster.local. Service/web',
      '_http._tcp.web.default.svc.cluster.local. 30 IN SRV 0 100 80 web.default.svc.cluster.local. Service/web',
      'web.default.svc.cluster.local. 30 IN SRV 0 100 9000 web.default.svc.cluster.local. Service/web',
      '1.1.96.20.in-addr.arpa. 30 IN PTR 20-96-1-1.web.default.svc.cluster.local. Pod/web-1',
    ] },
    { svc: 'db', rows: [
      'db.default.svc.cluster.local. 30 IN A 20.96.2.1 Pod/db-0',
      'db-0.db.default.svc.cluster.local. 30 IN A 20.96.2.1 Pod/db-0',
      '_pg._tcp.db.default.svc.cluster.local. 30 IN SRV 0 50 5432 db-0.db.default.svc.cluster.local. Pod/db-0',
      '1.2.96.20.in-addr.arpa. 30 IN PTR db-0.db.default.svc.cluster.local. Pod/db-0',
      'db.default.svc.cluster.local. 30 IN A 20.96.2.2 Pod/db-1',
      '20-96-2-2.db.default.svc.cluster.local. 30 IN A 20.96.2.2 Pod/db-1',
      '_pg._tcp.db.default.svc.cluster.local. 30 IN SRV 0 50 5432 20-96-2-2.db.default.svc.cluster.local. Pod/db-1',
      '2.2.96.20.in-addr.arpa. 30 IN PTR 20-96-2-2.db.default.svc.cluster.local. Pod/db-1',
    ] },
    { svc: 'ext', rows: ['ext.default.svc.cluster.local. 30 IN CNAME example.com. Service/ext'] },
  ])('rows of $svc', ({ svc, rows }) => {
    const view = lister.service('default', svc)!;
    expect(serviceRows(lister, view, opts).map((r) => `${formatRecord(r)} ${r.owner!.kind}/${r.owner!.name}`)).toEqual(rows);
  });

  it('an AXFR starts and ends with the SOA', () => {
    const records = zoneTransfer(lister, opts).map(formatRecord);
    expect(records[0]).toBe('cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1772442000 7200 1800 86400 30');
    expect(records[1]).toBe('cluster.local. 30 IN NS ns.dns.cluster.local.');
    expect(records[2]).toBe('ns.dns.cluster.local. 30 IN A 20.96.0.2');
    expect(records.at(-1)).toBe(records[0]);
    expect(records.some((r) => r.includes('in-addr.arpa'))).toBe(false);
  });
});

describe('DnsTable', () => {
  it('lists the chapter cluster sorted, apex first, reverse zones last', () => {
    const { stack } = stackWith();
    const rows = stack.table.rows();
    expect(rows.slice(0, 3).map(formatRecord)).toEqual([
      'cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1772442000 7200 1800 86400 30',
      'cluster.local. 30 IN NS kube-dns.kube-system.svc.cluster.local.',
      'dns-version.cluster.local. 28800 IN TXT "1.1.0"',
    ]);
    const zones = rows.map((r) => r.zone);
    expect(zones.indexOf('in-addr.arpa.')).toBeGreaterThan(zones.lastIndexOf('cluster.local.'));
    expect(rows.filter((r) => r.name === 'pod-a.headless1.default.svc.cluster.local.').map(formatRecord)).toEqual(['pod-a.headless1.default.svc.cluster.local. 30 IN A 20.109.5.11']);
  });

  it('re-derives only the changed service', () => {
    const { stack, store } = stackWith();
    const before = stack.table.rows();
    const service1 = before.filter((r) => r.owner?.name === 'service1');
    store.create(service('service2', { clusterIP: '10.96.7.7', ports: [{ port: 80, protocol: 'TCP' }] }));
    const after = stack.table.rows();
    expect(after.filter((r) => r.owner?.name === 'service2').map(formatRecord)).toEqual([
      'service2.default.svc.cluster.local. 30 IN A 10.96.7.7',
      'service2.default.svc.cluster.local. 30 IN SRV 0 100 80 service2.default.svc.cluster.local.',
      '7.7.96.10.in-addr.arpa. 30 IN PTR service2.default.svc.cluster.local.',
    ]);
    // Rows of untouched services are the very same objects.
    expect(after.filter((r) => r.owner?.name === 'service1')[0]).toBe(service1[0]);
    store.delete('Service', 'default', 'service2');
    expect(stack.table.rows().some((r) => r.owner?.name === 'service2')).toBe(false);
    expect(stack.table.rowsFor('default', 'headless1').length).toBeGreaterThan(0);
  });

  it('follows the Corefile (ttl, namespaces)', () => {
    const { stack } = stackWith();
    stack.coredns.reload(defaultCorefile('cluster.local').replace('ttl 30', 'ttl 7\n       namespaces kube-system'));
    const rows = stack.table.rows();
    expect(rows.some((r) => r.owner?.namespace === 'default')).toBe(false);
    expect(rows.find((r) => r.owner?.name === 'kube-dns')!.ttl).toBe(7);
  });

  it('a namespace filter hides a namespace from the fake lister too', () => {
    const l = new FakeZoneLister({ namespaces: ['default'], services: [service('a', { clusterIP: '10.96.0.50', namespace: 'other' })] });
    expect(serviceRows(l, l.service('other', 'a')!, { config: kube, localIPs: [] })).toEqual([]);
    expect(namespace('x').metadata.name).toBe('x');
  });
});
