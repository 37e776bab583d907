import { describe, expect, it } from 'vitest';
import type { DnsTableRow } from '../../../../shared/dns-types';
import { DEFAULT_WORLD } from '../../../../engine/world/world';
import { RowChangeTracker, diffRows, filterRows, groupByZone, ownerKey, toViewRows, worldGroups } from './dns-table-model';

const pod4 = { kind: 'Pod', namespace: 'default', name: 'pod4' };
const pod5 = { kind: 'Pod', namespace: 'default', name: 'pod5' };
const row = (name: string, type: DnsTableRow['type'], data: string, zone: string, owner?: DnsTableRow['owner'], ttl = 30): DnsTableRow => ({ name, type, ttl, data, zone, ...(owner ? { owner } : {}) });

const HEADLESS: DnsTableRow[] = [
  row('cluster.local.', 'SOA', 'ns.dns.cluster.local. hostmaster.cluster.local. 1 7200 1800 86400 30', 'cluster.local.'),
  row('65.236.104.20.in-addr.arpa.', 'PTR', 'pod-a.headless1.default.svc.cluster.local.', 'in-addr.arpa.', pod4),
  row('headless1.default.svc.cluster.local.', 'A', '20.100.241.66', 'cluster.local.', pod5),
  row('headless1.default.svc.cluster.local.', 'A', '20.104.236.65', 'cluster.local.', pod4),
  row('1.0.0.0.ip6.arpa.', 'PTR', 'web.default.svc.cluster.local.', 'ip6.arpa.', { kind: 'Service', namespace: 'default', name: 'web' }),
  row('pod-a.headless1.default.svc.cluster.local.', 'A', '20.104.236.65', 'cluster.local.', pod4),
  row('nodes.example.', 'A', '1.2.3.4', 'example.'),
];

describe('owner keys', () => {
  it.each([
    { name: 'a namespaced owner is Kind/namespace/name', owner: pod4, expected: 'Pod/default/pod4' },
    { name: 'a cluster-scoped owner has an empty namespace', owner: { kind: 'Node', name: 'node1' }, expected: 'Node//node1' },
    { name: 'no owner, no key', owner: undefined, expected: undefined },
  ])('$name', ({ owner, expected }) => expect(ownerKey(owner)).toBe(expected));

  it('prints the owner as Kind namespace/name', () => {
    expect(toViewRows([HEADLESS[2]])[0].ownerLabel).toBe('Pod default/pod5');
  });

  it('keeps keys unique when the same record repeats (kube-dns UDP and TCP port 53 SRV)', () => {
    const srv = row('kube-dns.kube-system.svc.cluster.local.', 'SRV', '0 100 53 kube-dns.kube-system.svc.cluster.local.', 'cluster.local.');
    const keys = toViewRows([srv, srv]).map((r) => r.key);
    expect(new Set(keys).size).toBe(2);
  });
});

describe('grouping by zone', () => {
  it('orders cluster.local, in-addr.arpa, ip6.arpa, then other zones, keeping row order inside a zone', () => {
    const groups = groupByZone(toViewRows(HEADLESS));
    expect(groups.map((g) => g.zone)).toEqual(['cluster.local.', 'in-addr.arpa.', 'ip6.arpa.', 'example.']);
    expect(groups[0].rows.map((r) => r.data)).toEqual([HEADLESS[0].data, '20.100.241.66', '20.104.236.65', '20.104.236.65']);
  });
});

describe('filtering', () => {
  const rows = toViewRows(HEADLESS);
  it.each([
    { name: 'an empty query keeps every row', query: '  ', expected: 7 },
    { name: 'matches the record name', query: 'pod-a', expected: 2 },
    { name: 'matches the data', query: '20.100.241.66', expected: 1 },
    { name: 'matches the owner object', query: 'pod5', expected: 1 },
    { name: 'matches the owner kind', query: 'service', expected: 1 },
    { name: 'is case-insensitive', query: 'HEADLESS1', expected: 4 },
    { name: 'needs every word to match', query: 'headless1 pod4', expected: 3 },
    { name: 'matches nothing', query: 'nginx', expected: 0 },
  ])('$name', ({ query, expected }) => expect(filterRows(rows, query)).toHaveLength(expected));
});

describe('change detection', () => {
  const before = toViewRows(HEADLESS.slice(0, 3));
  it.each([
    { name: 'an unchanged table flashes nothing', next: HEADLESS.slice(0, 3), expected: [] },
    { name: 'a new name is added', next: [...HEADLESS.slice(0, 3), HEADLESS[5]], expected: [['pod-a.headless1.default.svc.cluster.local.', 'added']] },
    {
      name: 'new data under an existing name and type is changed',
      next: [HEADLESS[0], HEADLESS[1], row('headless1.default.svc.cluster.local.', 'A', '20.96.0.9', 'cluster.local.', pod5)],
      expected: [['headless1.default.svc.cluster.local.', 'changed']],
    },
    { name: 'a TTL change is changed', next: [HEADLESS[0], HEADLESS[1], { ...HEADLESS[2], ttl: 5 }], expected: [['headless1.default.svc.cluster.local.', 'changed']] },
    { name: 'a removed row has nothing to flash', next: HEADLESS.slice(0, 2), expected: [] },
    { name: 'one more address under an existing name is added', next: HEADLESS.slice(0, 4), expected: [['headless1.default.svc.cluster.local.', 'added']] },
  ])('$name', ({ next, expected }) => {
    const nextRows = toViewRows(next);
    const changes = diffRows(before, nextRows);
    expect([...changes].map(([key, change]) => [nextRows.find((r) => r.key === key)!.name, change])).toEqual(expected);
  });

  it('flashes nothing for the first table, then the rows each new table brought', () => {
    const tracker = new RowChangeTracker();
    const first = tracker.update(HEADLESS.slice(0, 3));
    expect(first.changes.size).toBe(0);
    const second = tracker.update(HEADLESS.slice(0, 4));
    expect([...second.changes.values()]).toEqual(['added']);
    expect(second.generation).toBe(1);
  });

  it('answers the same for the same table (a re-read does not clear the flash)', () => {
    const tracker = new RowChangeTracker();
    tracker.update(HEADLESS.slice(0, 3));
    const next = HEADLESS.slice(0, 4);
    const a = tracker.update(next);
    expect(tracker.update(next)).toEqual(a);
  });
});

describe('row identity', () => {
  it('keeps the view object of a row that stays, so keyed views skip it', () => {
    const tracker = new RowChangeTracker();
    const first = tracker.update(HEADLESS.slice(0, 3)).rows;
    const second = tracker.update([...HEADLESS.slice(0, 3), HEADLESS[3]]).rows;
    expect(second.slice(0, 3).every((r, i) => r === first[i])).toBe(true);
    expect(second[3]).not.toBe(undefined);
  });
});

describe('world zones', () => {
  const groups = worldGroups(DEFAULT_WORLD);
  it('starts with the internal network, served by its DNS server', () => {
    expect(groups[0].zone).toBe('lab.internal.');
    expect(groups[0].server).toBe('ns.lab.internal 192.168.0.2');
    expect(groups[0].rows.find((r) => r.name === 'user1.lab.internal.')?.data).toBe('192.168.0.21');
  });
  it('lists each internet zone with its name servers and records, no owner objects', () => {
    const github = groups.find((g) => g.zone === 'github.com.')!;
    expect(github.rows.map((r) => `${r.name} ${r.type} ${r.data}`)).toEqual([
      'github.com. NS dns1.p08.nsone.net.',
      'github.com. NS dns2.p08.nsone.net.',
      'github.com. A 20.200.245.247',
      'www.github.com. CNAME github.com.',
    ]);
    expect(groups.flatMap((g) => g.rows).every((r) => r.ownerKey === undefined)).toBe(true);
  });
});
