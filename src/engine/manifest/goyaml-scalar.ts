/**
 * How kubectl's YAML decoder reads unquoted scalars. kubectl converts YAML to JSON with
 * sigs.k8s.io/yaml, which parses with a fork of go-yaml v2: YAML 1.1 booleans (`yes`, `on`, `y`
 * and friends are booleans, so a label value `on` must be quoted), `~`/`null`/empty as null,
 * integers through strconv.ParseInt(s, 0, 64) after removing `_` (so `0777` is octal 511 and
 * `0x1F` is 31), floats only when they look like `1.5`, `.5`, `1e3`; no base-60 numbers
 * (`22:22` stays a string); timestamps stay strings (go-yaml v2 decodes them into interface{} as
 * strings). Source: go-yaml v2 resolve.go.
 */

/** The JSON value of an unquoted scalar. */
export type ScalarValue = string | number | boolean | null;

const RESOLVE_MAP: Record<string, ScalarValue> = {
  '': null,
  '~': null,
  null: null,
  Null: null,
  NULL: null,
  '.nan': NaN,
  '.NaN': NaN,
  '.NAN': NaN,
  '.inf': Infinity,
  '.Inf': Infinity,
  '.INF': Infinity,
  '+.inf': Infinity,
  '+.Inf': Infinity,
  '+.INF': Infinity,
  '-.inf': -Infinity,
  '-.Inf': -Infinity,
  '-.INF': -Infinity,
};
for (const t of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) RESOLVE_MAP[t] = true;
for (const f of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) RESOLVE_MAP[f] = false;

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** strconv.ParseInt(s, 0, 64) (and ParseUint as go-yaml's fallback), as a JS number. */
export function goParseIntBase0(s: string): number | undefined {
  const m = /^([+-]?)(.*)$/.exec(s)!;
  const neg = m[1] === '-';
  const body = m[2];
  let digits: string;
  let base: number;
  if (/^0[xX]/.test(body)) [digits, base] = [body.slice(2), 16];
  else if (/^0[bB]/.test(body)) [digits, base] = [body.slice(2), 2];
  else if (/^0[oO]/.test(body)) [digits, base] = [body.slice(2), 8];
  else if (/^0./.test(body)) [digits, base] = [body.slice(1), 8];
  else [digits, base] = [body, 10];
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base as 2 | 8 | 10 | 16];
  if (!valid.test(digits)) return undefined;
  const big = BigInt(base === 10 ? digits : `0${base === 16 ? 'x' : base === 8 ? 'o' : 'b'}${digits}`);
  const value = neg ? -big : big;
  // int64, or uint64 for unsigned values.
  if (value < -(2n ** 63n) || value > 2n ** 64n - 1n || (neg && value > 0n)) return undefined;
  return Number(value);
}

/** True for a decimal integer without sign or leading zero, of at most 15 digits (exact as a double). */
function isSmallDecimal(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > 15) return false;
  const first = text.charCodeAt(0);
  if (first < 0x31 || first > 0x39) return n === 1 && first === 0x30;
  for (let i = 1; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * True when `text` may resolve to something other than itself: it starts like a number, a
 * float, or a word of RESOLVE_MAP (`~`, null, yes, no, y, n, true, false, on, off, .inf, .nan).
 */
function mayResolve(text: string): boolean {
  switch (text.charCodeAt(0)) {
    case 0x7e: // ~
    case 0x2e: // .
    case 0x2b: // +
    case 0x2d: // -
    case 0x4e: // N
    case 0x6e: // n
    case 0x59: // Y
    case 0x79: // y
    case 0x54: // T
    case 0x74: // t
    case 0x46: // F
    case 0x66: // f
    case 0x4f: // O
    case 0x6f: // o
      return true;
    default: {
      const c = text.charCodeAt(0);
      return text.length === 0 || (c >= 0x30 && c <= 0x39);
    }
  }
}

/** go-yaml v2 resolve() for a plain (unquoted, untagged) scalar. */
export function resolvePlainScalar(text: string): ScalarValue {
  if (!mayResolve(text)) return text;
  if (Object.prototype.hasOwnProperty.call(RESOLVE_MAP, text)) return RESOLVE_MAP[text];
  // The common case, `80` or `8080`: what strconv.ParseInt(s, 0, 64) gives, without the general path.
  if (isSmallDecimal(text)) return Number(text);
  const hint = text[0];
  if (hint === '.') {
    const f = goParseFloat(text);
    return f === undefined ? text : f;
  }
  if ('+-0123456789'.includes(hint)) {
    const plain = text.replace(/_/g, '');
    const i = goParseIntBase0(plain);
    if (i !== undefined) return i;
    if (YAML_STYLE_FLOAT.test(plain)) {
      const f = goParseFloat(plain);
      if (f !== undefined) return f;
    }
  }
  return text;
}

/** strconv.ParseFloat for the decimal forms go-yaml lets through. */
function goParseFloat(text: string): number | undefined {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** A scalar with an explicit core tag (`!!int "80"`), or undefined when the text does not fit the tag. */
export function resolveTaggedScalar(tag: string, text: string): ScalarValue | undefined {
  const short = tag.replace(/^tag:yaml\.org,2002:/, '!!');
  switch (short) {
    case '!!str':
    case '!!binary':
    case '!!timestamp':
      return text;
    case '!!null':
      return resolvePlainScalar(text) === null ? null : undefined;
    case '!!bool': {
      const v = resolvePlainScalar(text);
      return typeof v === 'boolean' ? v : undefined;
    }
    case '!!int': {
      const v = goParseIntBase0(text.replace(/_/g, ''));
      return v;
    }
    case '!!float': {
      const v = resolvePlainScalar(text);
      return typeof v === 'number' ? v : undefined;
    }
    default:
      // Unknown (local) tags decode as the plain string.
      return text;
  }
}
