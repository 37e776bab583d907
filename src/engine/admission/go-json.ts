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
  if (Array.isArray(value)) return `[${value.map(goJsonMarshal).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${quote(k)}:${goJsonMarshal(obj[k])}`).join(',')}}`;
}

function quote(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
