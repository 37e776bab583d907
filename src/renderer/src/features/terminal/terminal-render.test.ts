import { describe, expect, it } from 'vitest';
import { cellWidth, formatCandidates, formatOutput, renderEdit } from './terminal-render';

describe('cell width', () => {
  it.each([
    { name: 'ASCII is one cell a character', text: 'root@master:~# ', expected: 15 },
    { name: 'Hangul takes two cells', text: '한글', expected: 4 },
    { name: 'escape sequences take none', text: '\x1b[1;32mok\x1b[0m', expected: 2 },
  ])('$name', ({ text, expected }) => expect(cellWidth(text)).toBe(expected));
});

describe('redrawing the edited line', () => {
  it.each([
    { name: 'redraws on the row and puts the cursor after the text', args: ['$ ', 'ls', 2, 80, 0], out: '\r\x1b[J$ ls\r\x1b[4C', row: 0 },
    { name: 'moves the cursor back into the line', args: ['$ ', 'abc', 1, 80, 0], out: '\r\x1b[J$ abc\r\x1b[3C', row: 0 },
    { name: 'goes up to the first row of a wrapped line first', args: ['$ ', 'abcdefghij', 10, 8, 1], out: '\x1b[1A\r\x1b[J$ abcdefghij\r\x1b[4C', row: 1 },
    { name: 'moves up when the cursor is on an earlier row', args: ['$ ', 'abcdefghij', 0, 8, 1], out: '\x1b[1A\r\x1b[J$ abcdefghij\x1b[1A\r\x1b[2C', row: 0 },
    { name: 'leaves the pending wrap when the text fills the row', args: ['$ ', 'abcdef', 6, 8, 0], out: '\r\x1b[J$ abcdef \r\x1b[K\r', row: 1 },
    { name: 'counts Hangul as two cells for the cursor', args: ['$ ', '한a', 1, 80, 0], out: '\r\x1b[J$ 한a\r\x1b[4C', row: 0 },
  ] as const)('$name', ({ args, out, row }) => expect(renderEdit(args[0], args[1], args[2], args[3], args[4])).toEqual({ out, cursorRow: row }));
});

describe('command output', () => {
  it.each([
    { name: 'LF becomes CRLF', stdout: 'a\nb\n', stderr: '', expected: 'a\r\nb\r\n' },
    { name: 'stderr follows stdout in the same stream', stdout: 'out\n', stderr: 'err\n', expected: 'out\r\nerr\r\n' },
    { name: 'CRLF is not doubled', stdout: 'a\r\n', stderr: '', expected: 'a\r\n' },
    { name: 'output ending mid-line gets a line break', stdout: 'Hostname : pod-a', stderr: '', expected: 'Hostname : pod-a\r\n' },
    { name: 'a screen clear is passed through without one', stdout: '\x1b[H\x1b[2J\x1b[3J', stderr: '', expected: '\x1b[H\x1b[2J\x1b[3J' },
    { name: 'no output prints nothing', stdout: '', stderr: '', expected: '' },
  ])('$name', ({ stdout, stderr, expected }) => expect(formatOutput(stdout, stderr)).toBe(expected));
});

describe('completion candidates', () => {
  it('lists them down the columns across the width', () => {
    expect(formatCandidates(['apply', 'create', 'delete', 'describe', 'exec'], 30)).toBe('apply     delete    exec\r\ncreate    describe\r\n');
  });
  it('puts one a row on a narrow terminal', () => {
    expect(formatCandidates(['pod4', 'pod5'], 5)).toBe('pod4\r\npod5\r\n');
  });
});
