/**
 * Go's fmt printing of the values apimachinery puts in field errors. `(*field.Error).ErrorBody`
 * prints strings with %q, simple numbers and bools with %v, and everything else (slices, maps,
 * structs, named string types) with %#v (k8s.io/apimachinery/pkg/util/validation/field/errors.go).
 * Validators build composite bad values with these helpers so the message matches byte for byte.
 */

/** A value that prints verbatim (already in Go %#v syntax). Plain data, so it survives structured clone. */
export interface GoLiteral {
  $go: string;
}

/** Wraps Go-syntax text. */
export function goLiteral(text: string): GoLiteral {
  return { $go: text };
}

/** True for values built by `goLiteral`. */
export function isGoLiteral(value: unknown): value is GoLiteral {
  return typeof value === 'object' && value !== null && typeof (value as GoLiteral).$go === 'string';
}

/** strconv.Quote: Go escapes, printable Unicode kept as is. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x80 || isGoPrintable(ch)) out += ch;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return out + '"';
}

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols (and ASCII space). */
function isGoPrintable(ch: string): boolean {
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch);
}

/** %v of a float64 (strconv.FormatFloat(f, 'g', -1, 64)); integers print without a decimal point. */
export function goFormatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  // Shortest representation; %g switches to an exponent when exp < -4 || exp >= 21 for shortest.
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) {
    const [mant, e] = n.toExponential().split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[+-]/, '').padStart(2, '0');
    return `${mant}e${sign}${digits}`;
  }
  return String(n);
}

/** %#v of a []string (or a slice of a named string type): `[]string{"a", "b"}`, nil as `[]string(nil)`. */
export function goStringSlice(typeName: string, values: readonly string[] | undefined | null): GoLiteral {
  if (values === undefined || values === null) return goLiteral(`${typeName}(nil)`);
  return goLiteral(`${typeName}{${values.map(goQuote).join(', ')}}`);
}

/** %#v of a map[string]string: keys sorted, `map[string]string{"a":"b", "c":"d"}`. */
export function goStringMap(typeName: string, map: Readonly<Record<string, string>> | undefined | null): GoLiteral {
  if (map === undefined || map === null) return goLiteral(`${typeName}(nil)`);
  const keys = Object.keys(map).sort();
  return goLiteral(`${typeName}{${keys.map((k) => `${goQuote(k)}:${goQuote(String(map[k]))}`).join(', ')}}`);
}

/** %#v of a struct: `core.ServicePort{Name:"", Port:80}`; field values given already formatted. */
export function goStruct(typeName: string, fields: readonly (readonly [string, string])[]): GoLiteral {
  return goLiteral(`${typeName}{${fields.map(([k, v]) => `${k}:${v}`).join(', ')}}`);
}

/**
 * Go's %+v of a decoded JSON value (map[string]interface{} and friends), as the apiserver prints a
 * patch it could not apply: `map[spec:map[foo:1]]`, keys sorted, strings bare, slices `[a b]`.
 */
export function goPlusV(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return goFormatNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goPlusV).join(' ')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).sort();
    return `map[${keys.map((k) => `${k}:${goPlusV(obj[k])}`).join(' ')}]`;
  }
  return String(value);
}
