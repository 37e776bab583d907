import { describe, expect, it } from 'vitest';
import { defaultCorefile } from './corefile';
import { ask, chapterObjects, lines, pod, stackWith, zone } from './testing/cluster-fixtures';

const objects = [...chapterObjects(), pod('v6pod', '2001:db8::1')];
const withPods = (mode: string): string => defaultCorefile('cluster.local').replace('pods insecure', `pods ${mode}`);

describe('pod records (spec §2.6): `pods insecure|verified|disabled`', () => {
  it.each([
    { mode: 'insecure', qname: '20-109-5-11.default.pod.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: '20-109-5-11.default.pod.cluster.local. 30 IN A 20.109.5.11' },
    { mode: 'insecure', qname: '1-2-3-4.default.pod.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: '1-2-3-4.default.pod.cluster.local. 30 IN A 1.2.3.4' },
    { mode: 'insecure', qname: '1-2-3-4.default.pod.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', answer: '' },
    { mode: 'insecure', qname: '1-2-3-4.nosuchns.pod.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', answer: '' },
    { mode: 'insecure', qname: '300-2-3-4.default.pod.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', answer: '' },
    { mode: 'insecure', qname: 'pod-a.default.pod.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', answer: '' },
    { mode: 'insecure', qname: '2001-db8--1.default.pod.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', answer: '2001-db8--1.default.pod.cluster.local. 30 IN AAAA 2001:db8::1' },
    { mode: 'insecure', qname: 'default.pod.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: '' },
    { mode: 'verified', qname: '20-109-5-11.default.pod.cluster.local.', qtype: 'A', rcode: 'NOERROR', answer: '20-109-5-11.default.pod.cluster.local. 30 IN A 20.109.5.11' },
    { mode: 'verified', qname: '1-2-3-4.default.pod.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', answer: '' },
    { mode: 'verified', qname: '20-109-5-11.kube-system.pod.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', answer: '' },
    { mode: 'verified', qname: '2001-db8--1.default.pod.cluster.local.', qtype: 'AAAA', rcode: 'NOERROR', answer: '2001-db8--1.default.pod.cluster.local. 30 IN AAAA 2001:db8::1' },
    { mode: 'disabled', qname: '20-109-5-11.default.pod.cluster.local.', qtype: 'A', rcode: 'NXDOMAIN', answer: '' },
  ])('$mode: $qname $qtype → $rcode', ({ mode, qname, qtype, rcode, answer }) => {
    const { stack } = stackWith(objects, withPods(mode));
    const m = ask(stack, qname, qtype as 'A');
    expect(m.rcode).toBe(rcode);
    expect(lines(m.answer)).toEqual(zone(answer));
  });

  it('verified: a pod that goes away takes its name with it', () => {
    const { stack, store } = stackWith(objects, withPods('verified'));
    expect(ask(stack, '20-109-5-12.default.pod.cluster.local.', 'A').rcode).toBe('NOERROR');
    store.delete('Pod', 'default', 'pod-b');
    expect(ask(stack, '20-109-5-12.default.pod.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
  });
});
