/**
 * parseManifest splits a manifest into documents, reads plain ones with its own fast reader and
 * caches every document by its text (parse-manifest.ts). These tests hold it to the reference
 * reading — the whole text as one stream through the `yaml` package — on every manifest the
 * parse and apply tests use (their tests run again here, with parseManifest checked on each
 * call) and on generated multi-document manifests: same values, ranges, messages and locate()
 * answers, cold and from the cache.
 */

import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type * as ParseManifestModule from './parse-manifest';
import { clearParseCache, parseManifest, parseManifestAsOneStream } from './parse-manifest';
import { readSimpleDocument } from './simple-yaml';
import { parseAnswers } from './test-parse-answers';

const checked = vi.hoisted(() => ({ texts: 0, mismatches: [] as string[] }));

vi.mock('./parse-manifest', async (importOriginal) => {
  const real = await importOriginal<typeof ParseManifestModule>();
  const { parseAnswers: answers } = await import('./test-parse-answers');
  return {
    ...real,
    parseManifest: (text: string) => {
      const got = real.parseManifest(text);
      const want = answers(real.parseManifestAsOneStream(text));
      // Where a pathologically deep document overflows the stack depends on the caller's stack
      // (it did before the split too): such answers are not comparable between two calls.
      if (want.includes('maximum call stack size exceeded')) return got;
      const again = answers(real.parseManifest(text));
      checked.texts++;
      if (answers(got) !== want || again !== want) checked.mismatches.push(text.length > 2000 ? `${text.slice(0, 2000)}…` : text);
      return got;
    },
  };
});

// The parse and apply tests (and the labs, for realistic manifests) run again here, through the check above.
import './parse-manifest.test';
import './apply-manifest.test';
import './goyaml-scalar.test';
import '../engine-labs.test';

describe('every manifest of the parse and apply tests', () => {
  it('reads alike split and cached, and as one stream', () => {
    expect(checked.texts).toBeGreaterThan(100);
    expect(checked.mismatches).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated manifests: mostly the plain block YAML the fast reader takes, with comments and
// blank lines in every position, and now and then what it refuses (so the `yaml` package reads
// that document) or what makes the whole text go to the one-stream reading.

const PLAIN_SCALARS = ['[a, b]', '[80, 443]', '{app: web}', '[{port: 80, targetPort: 8080}]', '{a: "x", b: [1, 2]}', '["sh", "-c"]', '[ ]', '{ a: b }', '{a: 1, a: 2}', 'x', 'web', 'nginx:1.27', 'a b', '80', '8080', '1.5', 'yes', 'no', '~', 'null', '"q"', "'q'", '"a b"', "'#x'", '{}', '[]', 'a#b', '-1', '0x1F', '0777', '1e3', '.5', 'é', '😀', 'http://x/y', '12:30', '"80"', "''", '""'];
const ODD_SCALARS = ['[a, ]', '[a: b]', '{a}', '{a: }', '[-]', '{"a":1}', '{a: b: c}', '[a #c]', '[a, b', '{.inf: 1}', '{<<: {a: 1}}', '{ a : b }', '[a]b', '{__proto__: {x: 1}}', '', '.inf', '.nan', '-.inf', '? x', ': x', '- x', '-', 'a: b', 'a #b', '[1, 2]', '{a: 1}', '[ ]', '"a\\"b"', '"a\\nb"', "'it''s'", '"unterminated', '&a x', '*a', '!!str 1', '!!int "8"', '|', '>', '%x', '@x', '`x', 'x\ty', '---', '...', '9223372036854775808', '1_000', 'x\u0085', '\ufeffx', ',x'];
const PLAIN_KEYS = ['a', 'b', 'name', 'app', 'port', 'spec', 'metadata', 'labels', '80', 'yes', 'null', '"q k"', "'s'", 'a b', 'a.b/c', 'é', '__proto__', 'constructor'];
const ODD_KEYS = ['<<', '? k', 'a:b', '.inf', '[k]', '{k}', 'k ', '"x": y', 'a#b', '#c', '"a\\"b"', '-k', '&a k'];

const scalar = fc.oneof({ weight: 60, arbitrary: fc.constantFrom(...PLAIN_SCALARS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_SCALARS) });
const key = fc.oneof({ weight: 60, arbitrary: fc.constantFrom(...PLAIN_KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_KEYS) });
/** Lines before an entry: blank, spaces only, or a comment indented relative to the entry. */
const decoration = fc.oneof(
  { weight: 8, arbitrary: fc.constant([] as [number | null, string][]) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.option(fc.integer({ min: -3, max: 3 })), fc.constantFrom('', '   ', '# c', '#', '# a: b')), { minLength: 1, maxLength: 2 }) },
);
const trail = fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(' # c', '  #c', '#c', '   ') });

type YNode = { t: 'scalar'; text: string; trail: string } | { t: 'map' | 'seq'; entries: Entry[] };
interface Entry {
  key: string;
  value: YNode;
  before: [number | null, string][];
  sep: string;
  indent: number;
  sameLine: boolean;
}

const { entry } = fc.letrec<{ node: YNode; entry: Entry }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ t: fc.constant('scalar' as const), text: scalar, trail }),
    fc.record({ t: fc.constantFrom('map' as const, 'seq' as const), entries: fc.array(tie('entry'), { minLength: 1, maxLength: 4 }) }),
  ),
  entry: fc.record({
    key,
    value: tie('node'),
    before: decoration,
    sep: fc.oneof({ weight: 30, arbitrary: fc.constantFrom(' ', ' ', '  ') }, { weight: 1, arbitrary: fc.constant('') }),
    indent: fc.constantFrom(2, 2, 2, 1, 3, 4, 0),
    sameLine: fc.boolean(),
  }),
}));

/** Renders a node as block YAML lines at `col`; `lead` replaces the first line's indentation (`- `). */
function render(n: YNode, col: number, lines: string[], lead?: string): void {
  const pad = (c: number): string => ' '.repeat(Math.max(0, c));
  let first = lead;
  const start = (): string => {
    const s = first ?? pad(col);
    first = undefined;
    return s;
  };
  if (n.t === 'scalar') {
    lines.push(`${start()}${n.text}${n.trail}`);
    return;
  }
  for (const e of n.entries) {
    for (const [delta, text] of e.before) lines.push(delta === null ? text : `${pad(col + delta)}${text}`);
    const head = n.t === 'map' ? `${e.key}:` : '-';
    if (e.value.t === 'scalar') lines.push(`${start()}${head}${e.sep}${e.value.text}${e.value.trail}`);
    else if (n.t === 'seq' && e.sameLine && e.value.t === 'map') render(e.value, col + 1 + Math.max(1, e.sep.length), lines, `${start()}-${e.sep || ' '}`);
    else {
      lines.push(`${start()}${head}`);
      // A list under a key may sit at the key's own column (indent 0).
      render(e.value, col + (n.t === 'map' && e.value.t === 'seq' ? e.indent : Math.max(1, e.indent)), lines);
    }
  }
}

const collection = fc.record({ t: fc.constantFrom('map' as const, 'seq' as const), entries: fc.array(entry, { minLength: 1, maxLength: 5 }) });
const documentText = fc.tuple(collection as fc.Arbitrary<YNode>, fc.constantFrom('', '', '', '# header\n', '\n', '  # indented header\n'), decoration).map(([n, header, after]) => {
  const lines: string[] = [];
  render(n, 0, lines);
  for (const [delta, text] of after) lines.push(delta === null ? text : `${' '.repeat(Math.max(0, delta))}${text}`);
  return header + lines.join('\n');
});

const manifest = fc
  .tuple(
    fc.array(documentText, { minLength: 1, maxLength: 4 }),
    fc.constantFrom('\n---\n', '\n---\n', '\n--- \n', '\n---\n\n', '\n\n---\n# c\n', '\n---\n---\n', '\n--- # c\n', '\n...\n---\n'),
    fc.constantFrom('', '', '---\n', '# top\n---\n', '\n', '%YAML 1.1\n---\n', '\ufeff'),
    fc.boolean(),
    fc.oneof({ weight: 20, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  )
  .map(([docs, joiner, prefix, newlineAtEnd, crlf]) => {
    const text = prefix + docs.join(joiner) + (newlineAtEnd ? '\n' : '');
    return { docs, joiner, text: crlf ? text.replace(/\n/g, '\r\n') : text };
  });

describe('generated multi-document manifests', () => {
  it('read alike split, cached and as one stream', () => {
    fc.assert(
      fc.property(manifest, fc.boolean(), ({ docs, joiner, text }, cold) => {
        if (cold) clearParseCache();
        const want = parseAnswers(parseManifestAsOneStream(text));
        expect(parseAnswers(parseManifest(text))).toBe(want);
        expect(parseAnswers(parseManifest(text))).toBe(want);
        // The same documents elsewhere in a manifest (the cache keeps where-independent results only).
        const moved = [...docs].reverse().join(joiner);
        expect(parseAnswers(parseManifest(moved))).toBe(parseAnswers(parseManifestAsOneStream(moved)));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('read alike when they hold one-line flow collections, well formed or not', () => {
    const atom = fc.constantFrom('a', 'b c', '80', '0x1F', 'yes', '~', '"q"', "'q'", '"a:b"', 'a:b', 'http://x', '-x', '-', '?', ':', 'a#b', '#c', '', '"', '&a', '*a', '!t', '.inf', '__proto__', '<<', 'é', '"a\\"b"', "'it''s'", '@x', '|');
    const gap = fc.constantFrom('', '', '', ' ', '  ', '\t');
    const { flow } = fc.letrec<{ flow: string }>((tie) => ({
      flow: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        atom,
        fc
          .tuple(gap, fc.array(fc.tuple(gap, tie('flow'), gap), { maxLength: 3 }), fc.constantFrom(',', ',', ', ', ' ,', ',,'), fc.constantFrom(']', ']', ']', ',]', ''))
          .map(([g, items, sep, end]) => `[${g}${items.map((i) => i.join('')).join(sep)}${end}`),
        fc
          .tuple(gap, fc.array(fc.tuple(gap, atom, fc.constantFrom(': ', ': ', ':', ' : ', ':  '), tie('flow'), gap), { maxLength: 3 }), fc.constantFrom(',', ', ', ' ,'), fc.constantFrom('}', '}', '}', ',}', ''))
          .map(([g, entries, sep, end]) => `{${g}${entries.map((e) => e.join('')).join(sep)}${end}`),
      ),
    }));
    const text = fc
      .tuple(flow, flow, fc.constantFrom('', ' # c', '#c', ' x', '  '), fc.integer({ min: 0, max: 4 }))
      .map(([f, g, tail, shape]) => [`a: ${f}${tail}\nb: 1\n`, `- ${f}${tail}\n- x\n`, `k:\n  - ${f}${tail}\n  - ${g}\n`, `---\nm: ${f}${tail}\n`, `a: ${f}\n---\nb: ${g}\n`][shape]);
    fc.assert(
      fc.property(text, (t) => {
        expect(parseAnswers(parseManifest(t))).toBe(parseAnswers(parseManifestAsOneStream(t)));
      }),
      { numRuns: 1500 },
    );
  }, 120_000);

  it('are mostly read by the fast reader, so it is what the check above exercises', () => {
    let read = 0;
    fc.assert(
      fc.property(documentText, (text) => {
        if (readSimpleDocument(text)) read++;
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(read).toBeGreaterThan(75);
  });
});
