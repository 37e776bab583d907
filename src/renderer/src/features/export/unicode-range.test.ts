import { describe, expect, it } from 'vitest';
import { parseUnicodeRange, rangesCover } from './unicode-range';

describe('unicode-range parsing', () => {
  it.each([
    { name: 'a single code point', input: 'U+26', expected: [[0x26, 0x26]] },
    { name: 'an interval', input: 'U+0-7F', expected: [[0, 0x7f]] },
    { name: 'lower-case hex and spaces', input: ' u+ac00-d7a3 , U+20 ', expected: [[0xac00, 0xd7a3], [0x20, 0x20]] },
    { name: 'a wildcard', input: 'U+4??', expected: [[0x400, 0x4ff]] },
    { name: 'a reversed interval (dropped)', input: 'U+7F-0', expected: [] },
    { name: 'garbage beside a good part (garbage dropped)', input: 'nonsense,U+41', expected: [[0x41, 0x41]] },
    { name: 'a wildcard with an end (dropped)', input: 'U+4??-500', expected: [] },
  ])('reads $name', ({ input, expected }) => {
    expect(parseUnicodeRange(input)).toEqual(expected);
  });

  it.each([
    { cp: 0x41, covered: true },
    { cp: 0xac00, covered: true },
    { cp: 0xd7a4, covered: false },
    { cp: 0x80, covered: false },
  ])('U+$cp covered: $covered', ({ cp, covered }) => {
    expect(rangesCover(parseUnicodeRange('U+0-7F,U+AC00-D7A3'), cp)).toBe(covered);
  });
});
