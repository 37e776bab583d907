/**
 * Go's encoding/json output for decoded JSON values (maps with sorted keys, compact, HTML-safe
 * escaping of <, > and & and U+2028/U+2029), which is how kubectl serialises the
 * kubectl.kubernetes.io/last-applied-configuration annotation (json.Encoder.Encode adds "\n").
 */

/** json.Marshal of a JSON value. */
export function goJsonMarshal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) {
    let out = '[';
    // A hole in a sparse array prints as nothing (Array.prototype.map skips it, join writes '').
    for (let i = 0; i < value.length; i++) out += `${i === 0 ? '' : ','}${i in value ? goJsonMarshal(value[i]) : ''}`;
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const v = obj[keys[i]];
    if (v === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${quote(keys[i])}:${goJsonMarshal(v)}`;
  }
  return `${out}}`;
}

/** True when JSON.stringify would write `s` as is between quotes, and Go would too. */
function plainString(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Controls, `"`, `\`, `<`, `>`, `&`, U+2028/U+2029 and surrogates need escaping (or a closer look).
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

function quote(s: string): string {
  if (plainString(s)) return `"${s}"`;
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
