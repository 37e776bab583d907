import { describe, expect, it } from 'vitest';
import { parseManifest } from './parse-manifest';

describe('scalars resolve as go-yaml v2 (YAML 1.1) resolves them for kubectl', () => {
  it.each([
    ['yes', true],
    ['on', true],
    ['Off', false],
    ['n', false],
    ['~', null],
    ['', null],
    ['0777', 511],
    ['0x1F', 31],
    ['0o17', 15],
    ['0b101', 5],
    ['1_000', 1000],
    ['08', 8],
    ['1e3', 1000],
    ['.5', 0.5],
    ['-42', -42],
    ['22:22', '22:22'],
    ['2001-12-14', '2001-12-14'],
    ['"8080"', '8080'],
    ["'yes'", 'yes'],
    ['!!str 12', '12'],
    ['!!int "80"', 80],
    ['nginx:1.27', 'nginx:1.27'],
    ['|\n  two\n  lines', 'two\nlines\n'],
  ])('%s', (yamlText, value) => {
    const doc = parseManifest(`v: ${yamlText}\n`).documents[0];
    expect(doc.messages).toEqual([]);
    expect((doc.object as unknown as { v: unknown }).v).toEqual(value);
  });

  it('turns a `y` key into "true", as YAML 1.1 does', () => {
    expect(parseManifest('y: 1\n').documents[0].object).toEqual({ true: 1 });
  });

  it('merges << keys, explicit keys winning', () => {
    expect(parseManifest('base: &b {x: 1, z: 2}\nm:\n  <<: *b\n  z: 3\n').documents[0].object).toEqual({ base: { x: 1, z: 2 }, m: { x: 1, z: 3 } });
  });
});
