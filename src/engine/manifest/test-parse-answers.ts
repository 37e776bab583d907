/**
 * For tests: everything a caller can learn from a parse, as one string — each document's value
 * and object, range, messages, syntax-error flag, and the answers of locate / locateKey /
 * locateEntry for every field path of its value (both `a.b` and `a[b]` spellings) plus a few
 * missing ones. Two parses answer alike exactly when these strings are equal.
 */

import type { ParsedManifest } from './parse-manifest';

const MISSING_PATHS = ['', 'nope', 'metadata.nope', 'metadata.name', 'spec.ports[0].port', 'spec.ports[9].port', 'items[0]', 'items[0].kind', 'x[1]', 'a.b.c'];
const BAD_VALUES: unknown[] = ['x', 'a', 'web', 'name', 80];
const MAX_PATHS = 60;

function fieldPaths(value: unknown): string[] {
  const paths = [...MISSING_PATHS];
  const walk = (v: unknown, p: string): void => {
    if (paths.length > MAX_PATHS) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        paths.push(`${p}[${i}]`);
        walk(x, `${p}[${i}]`);
      });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const q = p === '' ? k : `${p}.${k}`;
        paths.push(q, `${p}[${k}]`);
        walk(x, q);
      }
    }
  };
  walk(value, '');
  return paths;
}

/** The answers of a parse, as a string (-0, undefined and non-finite numbers spelled out). */
export function parseAnswers(parsed: ParsedManifest): string {
  const docs = parsed.documents.map((d) => {
    const locations: unknown[] = [];
    for (const p of fieldPaths(d.value)) {
      locations.push(p, d.locate(p), d.locateKey(p));
      for (const bad of BAD_VALUES) locations.push(d.locateEntry(p, bad));
    }
    return { index: d.index, object: d.object, value: d.value, objectIsValue: d.object === undefined || d.object === d.value, range: d.range, messages: d.messages, syntaxError: d.syntaxError, locations };
  });
  return JSON.stringify({ messages: parsed.messages, docs }, (_k, v: unknown) =>
    v === undefined ? '<undefined>' : typeof v === 'number' && (Object.is(v, -0) || !Number.isFinite(v)) ? `<${Object.is(v, -0) ? '-0' : v}>` : v,
  );
}
