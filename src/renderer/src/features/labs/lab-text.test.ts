import { describe, expect, it } from 'vitest';
import { parseLabText, plainLabText } from './lab-text';

describe('lab text', () => {
  it.each([
    { name: 'plain text is one paragraph', input: 'Apply the Service.', expected: [[{ kind: 'text', text: 'Apply the Service.' }]] },
    {
      name: 'blank lines split paragraphs and single newlines join lines',
      input: 'one\ntwo\n\n  three  ',
      expected: [[{ kind: 'text', text: 'one two' }], [{ kind: 'text', text: 'three' }]],
    },
    {
      name: 'code and bold spans are marked',
      input: 'Run `nslookup headless1` and **look** at it',
      expected: [
        [
          { kind: 'text', text: 'Run ' },
          { kind: 'code', text: 'nslookup headless1' },
          { kind: 'text', text: ' and ' },
          { kind: 'bold', text: 'look' },
          { kind: 'text', text: ' at it' },
        ],
      ],
    },
    { name: 'stars inside code stay literal', input: '`a **b** c`', expected: [[{ kind: 'code', text: 'a **b** c' }]] },
    { name: 'markup is text, not HTML', input: '<img src=x onerror=alert(1)>', expected: [[{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]] },
    { name: 'an unclosed backtick is text', input: 'a `b', expected: [[{ kind: 'text', text: 'a `b' }]] },
    { name: 'CRLF paragraphs split too', input: 'a\r\n\r\nb', expected: [[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b' }]] },
  ])('$name', ({ input, expected }) => {
    expect(parseLabText(input)).toEqual(expected);
  });

  it('gives plain text for labels: markup dropped, paragraphs joined', () => {
    expect(plainLabText("What does `svc3`'s **EXTERNAL-IP** show?\n\nPick one.")).toBe("What does svc3's EXTERNAL-IP show? Pick one.");
  });
});
