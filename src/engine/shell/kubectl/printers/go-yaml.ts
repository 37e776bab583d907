/**
 * `kubectl get -o yaml`: the object as JSON, turned into YAML by sigs.k8s.io/yaml's JSONToYAML
 * (go-yaml v2): map keys in go-yaml's key order (natural order: digit runs compare as numbers,
 * non-letters before letters), block sequences not indented under their key, `{}`/`[]` for empty
 * collections, strings plain when go-yaml may (otherwise single- or double-quoted: `"80"`,
 * `"2026-03-02T09:00:00Z"`, `""`, `'*'`), multi-line strings as literal blocks (`|`, `|-`, `|+`),
 * and long scalars folded at spaces past column 80 (go-yaml's best_width). Ported from
 * gopkg.in/yaml.v2 encode.go / emitterc.go / resolve.go / sorter.go.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const BEST_WIDTH = 80;
const INDENT = 2;

// ------------------------------------------------------------------ key order (sorter.go)

const isLetter = (c: string): boolean => /\p{L}/u.test(c);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** go-yaml v2 keyList.Less for string keys. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

export function goYamlSortKeys(keys: string[]): string[] {
  return [...keys].sort((x, y) => (goYamlKeyLess(x, y) ? -1 : goYamlKeyLess(y, x) ? 1 : 0));
}

// ------------------------------------------------------------------ resolve.go (what a plain scalar would read back as)

const TIMESTAMP = [/^\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}(?::\d{2})?))?$/, /^\d{4}-\d{1,2}-\d{1,2}$/];

function resolvesToString(s: string): boolean {
  if (s === '') return false;
  const plainWords = ['~', 'null', 'Null', 'NULL', 'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF'];
  if (plainWords.includes(s)) return false;
  if (/^[-+]?\.(inf|Inf|INF)$/.test(s) || /^\.(nan|NaN|NAN)$/.test(s)) return false;
  const c = s[0];
  if (!('+-.0123456789'.includes(c))) return true;
  // ints (strconv.ParseInt base 0 after removing '_'), floats, timestamps.
  const plain = s.replace(/_/g, '');
  if (/^[-+]?(0b[01]+|0x[0-9a-fA-F]+|0o?[0-7]*|[1-9][0-9]*|0)$/.test(plain)) return false;
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain)) return false;
  if (TIMESTAMP.some((r) => r.test(s))) return false;
  return true;
}

const isBase60Float = (s: string): boolean => /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);

// ------------------------------------------------------------------ emitterc.go scalar analysis

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isSpace = (c: string | undefined): boolean => c === ' ';
const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlankz = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || isBreak(c);
const isPrintable = (c: string): boolean => {
  const cp = c.codePointAt(0)!;
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || cp === 0x85 || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) || (cp >= 0x10000 && cp <= 0x10ffff);
};

function analyze(value: string): Analysis {
  const chars = [...value];
  if (chars.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const followedByWhitespace = isBlankz(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) {
        flowIndicators = true;
        blockIndicators = true;
      }
      if (c === '?' || c === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (c === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else {
      if (',?[]{}'.includes(c)) flowIndicators = true;
      if (c === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (c === '#' && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }
    if (!isPrintable(c)) specialCharacters = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }
  const a: Analysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) a.blockPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  void flowIndicators;
  return a;
}

// ------------------------------------------------------------------ writer

class Out {
  text = '';
  column = 0;

  write(s: string): void {
    this.text += s;
    const nl = s.lastIndexOf('\n');
    this.column = nl >= 0 ? [...s.slice(nl + 1)].length : this.column + [...s].length;
  }

  /** write_indent: a line break (when not at the indentation already) and spaces up to `indent`. */
  indent(indent: number): void {
    if (this.text.endsWith('\n')) this.write(' '.repeat(indent));
    else this.write('\n' + ' '.repeat(indent));
  }
}

type Style = 'plain' | 'single' | 'double' | 'literal';

function scalarStyle(s: string, simpleKey: boolean): Style {
  let style: Style = s.includes('\n') ? 'literal' : resolvesToString(s) && !isBase60Float(s) ? 'plain' : 'double';
  const a = analyze(s);
  if (style === 'plain') {
    if (!a.blockPlainAllowed || (simpleKey && a.multiline)) style = 'single';
    if (s.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && (!a.singleQuotedAllowed || (simpleKey && a.multiline))) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

function writePlain(out: Out, s: string, indent: number, allowBreaks: boolean): void {
  const chars = [...s];
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === ' ') {
      if (allowBreaks && !spaces && out.column > BEST_WIDTH && chars[i + 1] !== ' ') out.indent(indent);
      else out.write(c);
      spaces = true;
    } else {
      out.write(c);
      spaces = false;
    }
  }
}

function writeSingle(out: Out, s: string, indent: number, allowBreaks: boolean): void {
  const chars = [...s];
  out.write("'");
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === ' ') {
      if (allowBreaks && !spaces && out.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1 && chars[i + 1] !== ' ') out.indent(indent);
      else out.write(c);
      spaces = true;
    } else {
      out.write(c === "'" ? "''" : c);
      spaces = false;
    }
  }
  out.write("'");
}

const DOUBLE_ESCAPES: Record<string, string> = { '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\x0b': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e', '"': '"', '\\': '\\', '\u0085': 'N', '\u00a0': '_', '\u2028': 'L', '\u2029': 'P' };

function writeDouble(out: Out, s: string, indent: number, allowBreaks: boolean): void {
  const chars = [...s];
  out.write('"');
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const cp = c.codePointAt(0)!;
    if (!isPrintable(c) || c === '\ufeff' || isBreak(c) || c === '"' || c === '\\') {
      const esc = DOUBLE_ESCAPES[c];
      if (esc) out.write('\\' + esc);
      else if (cp <= 0xff) out.write('\\x' + cp.toString(16).toUpperCase().padStart(2, '0'));
      else if (cp <= 0xffff) out.write('\\u' + cp.toString(16).toUpperCase().padStart(4, '0'));
      else out.write('\\U' + cp.toString(16).toUpperCase().padStart(8, '0'));
      spaces = false;
    } else if (c === ' ') {
      if (allowBreaks && !spaces && out.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
        out.indent(indent);
        if (chars[i + 1] === ' ') out.write('\\');
      } else out.write(c);
      spaces = true;
    } else {
      out.write(c);
      spaces = false;
    }
  }
  out.write('"');
}

function writeLiteral(out: Out, s: string, indent: number): void {
  let hints = '';
  if (s.startsWith(' ') || s.startsWith('\n')) hints += String(INDENT);
  if (!s.endsWith('\n')) hints += '-';
  else if (s.length === 1 || s.endsWith('\n\n')) hints += '+';
  out.write('|' + hints);
  const lines = s.split('\n');
  if (s.endsWith('\n')) lines.pop();
  for (const line of lines) out.write(line === '' ? '\n' : '\n' + ' '.repeat(indent) + line);
  out.write('\n');
}

/** Writes a scalar at the current position; the caller has written `key: ` or `- `. */
function writeScalar(out: Out, value: Exclude<Json, Json[] | { [key: string]: Json }>, indent: number, simpleKey = false): void {
  if (value === null) return out.write('null');
  if (typeof value === 'boolean') return out.write(value ? 'true' : 'false');
  if (typeof value === 'number') return out.write(formatNumber(value));
  const style = scalarStyle(value, simpleKey);
  const allowBreaks = !simpleKey;
  if (style === 'plain') return writePlain(out, value, indent, allowBreaks);
  if (style === 'single') return writeSingle(out, value, indent, allowBreaks);
  if (style === 'double') return writeDouble(out, value, indent, allowBreaks);
  return writeLiteral(out, value, indent);
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  if (n === Infinity) return '+.inf';
  if (n === -Infinity) return '-.inf';
  if (Number.isNaN(n)) return '.nan';
  // strconv.FormatFloat(f, 'g', -1, 64)
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

const isMap = (v: Json): v is { [key: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);
const isEmptyCollection = (v: Json): boolean => (Array.isArray(v) && v.length === 0) || (isMap(v) && Object.keys(v).length === 0);

/** Emits a mapping whose keys start at `indent`; the first key is written at the current position. */
function emitMap(out: Out, map: { [key: string]: Json }, indent: number, first: boolean): void {
  const keys = goYamlSortKeys(Object.keys(map).filter((k) => map[k] !== undefined));
  keys.forEach((key, i) => {
    if (i > 0 || !first) out.indent(indent);
    writeScalar(out, key, indent, true);
    out.write(':');
    emitValue(out, map[key], indent, 'map');
  });
}

function emitList(out: Out, list: Json[], indent: number, first: boolean): void {
  list.forEach((item, i) => {
    if (i > 0 || !first) out.indent(indent);
    out.write('-');
    emitValue(out, item, indent, 'list');
  });
}

/** A value after `key:` (context map) or `-` (context list). */
function emitValue(out: Out, value: Json, indent: number, context: 'map' | 'list'): void {
  if (isEmptyCollection(value)) return out.write(Array.isArray(value) ? ' []' : ' {}');
  if (isMap(value)) {
    if (context === 'list') {
      out.write(' ');
      return emitMap(out, value, indent + INDENT, true);
    }
    return emitMap(out, value, indent + INDENT, false);
  }
  if (Array.isArray(value)) {
    if (context === 'list') {
      out.write(' ');
      return emitList(out, value, indent + INDENT, true);
    }
    // go-yaml v2: a sequence that is a mapping value is not indented
    return emitList(out, value, indent, false);
  }
  out.write(' ');
  writeScalar(out, value, indent + INDENT);
}

/** sigs.k8s.io/yaml.JSONToYAML of a JSON value (ends with a newline). */
export function toGoYaml(value: unknown): string {
  const v = JSON.parse(JSON.stringify(value ?? null)) as Json;
  const out = new Out();
  if (isEmptyCollection(v)) return Array.isArray(v) ? '[]\n' : '{}\n';
  if (isMap(v)) emitMap(out, v, 0, true);
  else if (Array.isArray(v)) emitList(out, v, 0, true);
  else writeScalar(out, v, 0);
  return out.text.endsWith('\n') ? out.text : out.text + '\n';
}
