import { describe, expect, it } from 'vitest';
import type { EndpointSubset } from '../../shared/api-types';
import { repackSubsets } from './endpoints-repack';

const a = (ip: string, uid?: string) => ({ ip, ...(uid ? { targetRef: { kind: 'Pod', uid } } : {}) });
const p = (port: number, name?: string) => ({ port, protocol: 'TCP' as const, ...(name ? { name } : {}) });

describe('repackSubsets (endpoints.RepackSubsets)', () => {
  it.each<{ name: string; input: EndpointSubset[]; output: EndpointSubset[] }>([
    {
      name: 'merges addresses that share a port',
      input: [
        { addresses: [a('1.1.1.2')], ports: [p(80)] },
        { addresses: [a('1.1.1.1')], ports: [p(80)] },
      ],
      output: [{ addresses: [a('1.1.1.1'), a('1.1.1.2')], ports: [p(80)] }],
    },
    {
      name: 'merges ports that share the same addresses',
      input: [
        { addresses: [a('1.1.1.1')], ports: [p(443, 'https')] },
        { addresses: [a('1.1.1.1')], ports: [p(80, 'http')] },
      ],
      output: [{ addresses: [a('1.1.1.1')], ports: [p(80, 'http'), p(443, 'https')] }],
    },
    {
      name: 'not ready trumps ready for the same address and port',
      input: [
        { addresses: [a('1.1.1.1')], ports: [p(80)] },
        { notReadyAddresses: [a('1.1.1.1')], ports: [p(80)] },
      ],
      output: [{ notReadyAddresses: [a('1.1.1.1')], ports: [p(80)] }],
    },
    {
      name: 'keeps the same IP twice when the UIDs differ',
      input: [{ addresses: [a('1.1.1.1', 'b'), a('1.1.1.1', 'a')], ports: [p(80)] }],
      output: [{ addresses: [a('1.1.1.1', 'a'), a('1.1.1.1', 'b')], ports: [p(80)] }],
    },
    {
      name: 'keeps port-less addresses',
      input: [{ addresses: [a('1.1.1.1')] }],
      output: [{ addresses: [a('1.1.1.1')] }],
    },
    {
      name: 'splits addresses that offer different ports',
      input: [
        { addresses: [a('1.1.1.1')], ports: [p(80)] },
        { addresses: [a('1.1.1.2')], ports: [p(8080)] },
      ],
      output: [
        { addresses: [a('1.1.1.1')], ports: [p(80)] },
        { addresses: [a('1.1.1.2')], ports: [p(8080)] },
      ],
    },
  ])('$name', ({ input, output }) => {
    expect(repackSubsets(input)).toEqual(output);
  });
});
