/**
 * `kubectl get -o json`: encoding/json MarshalIndent(obj, "", "    ") of the unstructured object —
 * map keys sorted bytewise, `<`, `>`, `&`, U+2028 and U+2029 escaped, `{}`/`[]` for empty
 * collections — plus a trailing newline.
 */

const escapeString = (s: string): string => JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Go compares strings bytewise (UTF-8); code point order is the same order. */
const compareBytes = (a: string, b: string): number => {
  const ea = [...a].map((c) => c.codePointAt(0)!);
  const eb = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < ea.length && i < eb.length; i++) if (ea[i] !== eb[i]) return ea[i] - eb[i];
  return ea.length - eb.length;
};

function encode(value: unknown, indent: string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return escapeString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const inner = indent + '    ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + encode(v, inner)).join(',\n')}\n${indent}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort(compareBytes);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${escapeString(k)}: ${encode(obj[k], inner)}`).join(',\n')}\n${indent}}`;
}

/** MarshalIndent with four spaces, and the newline kubectl's JSON printer adds. */
export function toGoJson(value: unknown): string {
  return encode(value, '') + '\n';
}
