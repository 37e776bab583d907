import { describe, expect, it } from 'vitest';
import { objectKey } from './cluster-state.svelte';
import { parseObjectKey } from './selection.svelte';

describe('parseObjectKey', () => {
  it.each([
    { key: objectKey('Service', 'default', 'headless1'), want: { kind: 'Service', namespace: 'default', name: 'headless1' } },
    { key: objectKey('Node', undefined, 'node1'), want: { kind: 'Node', name: 'node1' } },
    { key: 'CoreDNS', want: undefined },
    { key: undefined, want: undefined },
  ])('reads $key', ({ key, want }) => {
    expect(parseObjectKey(key)).toEqual(want);
  });
});
