import { describe, expect, it } from 'vitest';
import { ensureControllerIndexes } from './indexes';
import { podsForSelector } from './pods-for-selector';
import { clusterFixture, pendingPod } from './test-support/cluster-fixture';

describe('podsForSelector', () => {
  it('selects by every pair, sorted by name, per namespace', () => {
    const fx = clusterFixture();
    ensureControllerIndexes(fx.store);
    for (const [name, labels, ns] of [['b', { app: 'web', tier: 'x' }, 'default'], ['a', { app: 'web', tier: 'x' }, 'default'], ['c', { app: 'web' }, 'default'], ['d', { app: 'web', tier: 'x' }, 'other']] as const) {
      fx.store.create(pendingPod(name, { ...labels }, {}, ns));
    }
    const selector = { app: 'web', tier: 'x' };
    expect(podsForSelector(fx.store, 'default', selector).map((p) => p.metadata.name)).toEqual(['a', 'b']);
    expect(podsForSelector(fx.store, 'other', selector).map((p) => p.metadata.name)).toEqual(['d']);
    expect(podsForSelector(fx.store, 'default', {})).toEqual([]);
  });

  it('answers a second caller with the same selector from memory until a Pod is written', () => {
    const fx = clusterFixture();
    ensureControllerIndexes(fx.store);
    fx.store.create(pendingPod('a', { app: 'web' }));
    const selector = { app: 'web' };
    const first = podsForSelector(fx.store, 'default', selector);
    expect(podsForSelector(fx.store, 'default', selector)).toBe(first);
    // An equal selector object of another Service is answered alike (computed afresh).
    expect(podsForSelector(fx.store, 'default', { app: 'web' })).toEqual(first);
    const a = fx.store.get('Pod', 'default', 'a')!;
    fx.store.update({ ...a, metadata: { ...a.metadata, labels: { app: 'other' } } });
    expect(podsForSelector(fx.store, 'default', selector)).toEqual([]);
    fx.store.create(pendingPod('b', { app: 'web' }));
    expect(podsForSelector(fx.store, 'default', selector).map((p) => p.metadata.name)).toEqual(['b']);
  });
});
