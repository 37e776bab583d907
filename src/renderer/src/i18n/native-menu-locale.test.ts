import { describe, expect, it } from 'vitest';
import { syncNativeMenuLocale } from './native-menu-locale';

describe('syncNativeMenuLocale', () => {
  it('sends the locale to main through the bridge', () => {
    const sent: string[] = [];
    syncNativeMenuLocale('ko', { setLocale: async (l) => void sent.push(l) });
    syncNativeMenuLocale('en', { setLocale: async (l) => void sent.push(l) });
    expect(sent).toEqual(['ko', 'en']);
  });

  it('does nothing without a bridge (web mode) and swallows a refusal', async () => {
    expect(() => syncNativeMenuLocale('ko', undefined)).not.toThrow();
    let rejected = false;
    syncNativeMenuLocale('en', { setLocale: () => ((rejected = true), Promise.reject(new Error('refused'))) });
    await Promise.resolve();
    expect(rejected).toBe(true);
  });
});
