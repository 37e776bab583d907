/**
 * kubectl's JSONPath (k8s.io/client-go/util/jsonpath): literal text around `{…}` actions; fields
 * (`.a.b`, `['a']`), `..` recursive descent, `[n]`, `[start:end:step]`, `[*]`, unions `[0,2]`,
 * filters `[?(@.type=="Ready")]` (==, !=, <, <=, >, >=, existence), `{range …}…{end}`, string
 * literals `{"\n"}`. Results of one action are joined by spaces; strings print raw, maps and lists
 * as compact JSON with sorted keys. kubectl allows missing keys (they print nothing).
 */

type Value = unknown;

type Node =
  | { t: 'text'; text: string }
  | { t: 'list'; nodes: Node[] }
  | { t: 'field'; names: string[] }
  | { t: 'recursive' }
  | { t: 'array'; params: [number | undefined, number | undefined, number | undefined]; single: boolean }
  | { t: 'wildcard' }
  | { t: 'union'; items: Node[][] }
  | { t: 'filter'; left: Node[]; op: string; right: Node[] | undefined }
  | { t: 'literal'; value: string | number | boolean | null }
  | { t: 'range'; nodes: Node[] }
  | { t: 'end' }
  | { t: 'root' }
  | { t: 'current' };

export class JsonPathError extends Error {}

// ------------------------------------------------------------------ parser

class Parser {
  pos = 0;
  constructor(readonly src: string) {}

  parseTemplate(): Node[] {
    const out: Node[] = [];
    let text = '';
    while (this.pos < this.src.length) {
      const open = this.src.indexOf('{', this.pos);
      if (open < 0) {
        text += this.src.slice(this.pos);
        this.pos = this.src.length;
        break;
      }
      text += this.src.slice(this.pos, open);
      if (text) out.push({ t: 'text', text });
      text = '';
      const close = this.findClose(open);
      if (close < 0) throw new JsonPathError('unclosed action');
      const inner = this.src.slice(open + 1, close);
      this.pos = close + 1;
      out.push(this.parseAction(inner));
    }
    if (text) out.push({ t: 'text', text });
    return out;
  }

  findClose(open: number): number {
    let quote: string | undefined;
    for (let i = open + 1; i < this.src.length; i++) {
      const c = this.src[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = undefined;
      } else if (c === '"') quote = c;
      else if (c === '}') return i;
    }
    return -1;
  }

  parseAction(inner: string): Node {
    const s = inner.trim();
    if (s === 'end') return { t: 'end' };
    if (s.startsWith('range ') || s === 'range') return { t: 'range', nodes: parsePath(s.slice(5).trim()) };
    if (s.startsWith('"')) return { t: 'literal', value: unquote(s) };
    return { t: 'list', nodes: parsePath(s) };
  }
}

function unquote(s: string): string {
  const body = s.slice(1, -1);
  return body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"' })[c] ?? c);
}

/** Parses one path expression (`.items[*].metadata.name`). */
function parsePath(s: string): Node[] {
  const nodes: Node[] = [];
  let i = 0;
  const ident = (): string => {
    let j = i;
    while (j < s.length && /[A-Za-z0-9_\-/]/.test(s[j])) j++;
    const name = s.slice(i, j);
    i = j;
    return name;
  };
  while (i < s.length) {
    const c = s[i];
    if (c === ' ') {
      i++;
      continue;
    }
    if (c === '$') {
      nodes.push({ t: 'root' });
      i++;
    } else if (c === '@') {
      nodes.push({ t: 'current' });
      i++;
    } else if (c === '.') {
      if (s[i + 1] === '.') {
        nodes.push({ t: 'recursive' });
        i += 2;
        continue;
      }
      i++;
      if (s[i] === '*') {
        nodes.push({ t: 'wildcard' });
        i++;
        continue;
      }
      const name = ident();
      if (name) nodes.push({ t: 'field', names: [name] });
    } else if (c === '[') {
      const close = matchBracket(s, i);
      if (close < 0) throw new JsonPathError('unterminated array');
      nodes.push(parseBracket(s.slice(i + 1, close)));
      i = close + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      nodes.push({ t: 'field', names: [ident()] });
    } else if (c === '"' || c === "'") {
      const end = s.indexOf(c, i + 1);
      nodes.push({ t: 'literal', value: s.slice(i + 1, end) });
      i = end + 1;
    } else if (/[-0-9]/.test(c)) {
      let j = i + 1;
      while (j < s.length && /[0-9.]/.test(s[j])) j++;
      nodes.push({ t: 'literal', value: Number(s.slice(i, j)) });
      i = j;
    } else throw new JsonPathError(`unrecognized character in action: U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${c}'`);
  }
  return nodes;
}

function matchBracket(s: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') {
      depth--;
      if (depth === 0 && c === ']') return i;
    }
  }
  return -1;
}

function parseBracket(inner: string): Node {
  const s = inner.trim();
  if (s === '*') return { t: 'wildcard' };
  if (s.startsWith('?')) {
    const m = /^\?\((.*)\)$/s.exec(s);
    if (!m) throw new JsonPathError(`unclosed filter`);
    const expr = m[1];
    const op = /(==|!=|<=|>=|<|>|=~)/.exec(expr);
    if (!op) return { t: 'filter', left: parsePath(expr.trim()), op: 'exists', right: undefined };
    return { t: 'filter', left: parsePath(expr.slice(0, op.index).trim()), op: op[1], right: parsePath(expr.slice(op.index + op[1].length).trim()) };
  }
  if (s.startsWith("'") || s.startsWith('"')) {
    const names = s.split(',').map((p) => p.trim().slice(1, -1));
    return { t: 'field', names };
  }
  if (s.includes(',')) return { t: 'union', items: s.split(',').map((p) => [parseBracket(p)]) };
  const parts = s.split(':');
  if (parts.length > 3 || parts.some((p) => p.trim() !== '' && !/^-?\d+$/.test(p.trim()))) throw new JsonPathError(`invalid array index ${s}`);
  const num = (p: string | undefined): number | undefined => (p === undefined || p.trim() === '' ? undefined : Number(p));
  return { t: 'array', params: [num(parts[0]), num(parts[1]), num(parts[2])], single: parts.length === 1 };
}

// ------------------------------------------------------------------ evaluator

const isObj = (v: Value): v is Record<string, Value> => v !== null && typeof v === 'object' && !Array.isArray(v);

function evalNodes(nodes: Node[], input: Value[], root: Value): Value[] {
  let cur = input;
  for (const n of nodes) cur = evalNode(n, cur, root);
  return cur;
}

function evalNode(n: Node, input: Value[], root: Value): Value[] {
  switch (n.t) {
    case 'root':
      return [root];
    case 'current':
      return input;
    case 'field': {
      const out: Value[] = [];
      for (const v of input) {
        if (!isObj(v)) continue;
        for (const name of n.names) if (name in v && v[name] !== undefined) out.push(v[name]);
      }
      return out;
    }
    case 'wildcard': {
      const out: Value[] = [];
      for (const v of input) {
        if (Array.isArray(v)) out.push(...v);
        else if (isObj(v)) for (const k of Object.keys(v).sort()) out.push(v[k]);
      }
      return out;
    }
    case 'recursive': {
      const out: Value[] = [];
      const walk = (v: Value): void => {
        out.push(v);
        if (Array.isArray(v)) v.forEach(walk);
        else if (isObj(v)) Object.keys(v).sort().forEach((k) => walk(v[k]));
      };
      input.forEach(walk);
      return out;
    }
    case 'array': {
      const out: Value[] = [];
      for (const v of input) {
        if (!Array.isArray(v)) continue;
        const len = v.length;
        let [start, end, step] = n.params;
        start = start ?? 0;
        if (start < 0) start += len;
        if (n.single) {
          if (start < 0 || start >= len) throw new JsonPathError(`array index out of bounds: index ${n.params[0]}, length ${len}`);
          out.push(v[start]);
          continue;
        }
        end = end ?? len;
        if (end < 0) end += len;
        if (start < 0 || start > len) throw new JsonPathError(`array index out of bounds: index ${n.params[0]}, length ${len}`);
        end = Math.min(end, len);
        step = step ?? 1;
        for (let i = start; i < end; i += step) out.push(v[i]);
      }
      return out;
    }
    case 'union':
      return n.items.flatMap((item) => evalNodes(item, input, root));
    case 'filter': {
      const out: Value[] = [];
      for (const v of input) {
        const items = Array.isArray(v) ? v : [v];
        for (const item of items) {
          const left = evalNodes(n.left, [item], root);
          if (n.op === 'exists') {
            if (left.length > 0) out.push(item);
            continue;
          }
          const right = evalNodes(n.right ?? [], [item], root);
          if (left.length === 0 || right.length === 0) continue;
          if (compare(left[0], n.op, right[0])) out.push(item);
        }
      }
      return out;
    }
    case 'literal':
      return [n.value];
    default:
      return input;
  }
}

function compare(a: Value, op: string, b: Value): boolean {
  const x = typeof a === 'number' && typeof b === 'string' && b !== '' && !Number.isNaN(Number(b)) ? String(a) : a;
  switch (op) {
    case '==':
      return String(x) === String(b);
    case '!=':
      return String(x) !== String(b);
    case '<':
      return Number(a) < Number(b);
    case '<=':
      return Number(a) <= Number(b);
    case '>':
      return Number(a) > Number(b);
    case '>=':
      return Number(a) >= Number(b);
    case '=~':
      return new RegExp(String(b)).test(String(a));
  }
  return false;
}

/** json.Marshal (compact, sorted keys). */
export function goCompactJson(v: Value): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(goCompactJson).join(',')}]`;
  if (isObj(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort();
    return `{${keys.map((k) => `${escape(k)}:${goCompactJson(v[k])}`).join(',')}}`;
  }
  if (typeof v === 'string') return escape(v);
  return String(v);
}

const escape = (s: string): string => JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function printResults(values: Value[]): string {
  return values
    .map((v) => {
      if (v !== null && typeof v === 'object') return goCompactJson(v);
      if (v === null || v === undefined) return '<nil>';
      return String(v);
    })
    .join(' ');
}

function execute(nodes: Node[], data: Value, root: Value): string {
  let out = '';
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (n.t === 'text') out += n.text;
    else if (n.t === 'literal') out += String(n.value);
    else if (n.t === 'range') {
      // collect the body up to the matching end
      let depth = 1;
      let j = i + 1;
      for (; j < nodes.length; j++) {
        if (nodes[j].t === 'range') depth++;
        if (nodes[j].t === 'end' && --depth === 0) break;
      }
      if (j >= nodes.length) throw new JsonPathError('not in range, nothing to end');
      const body = nodes.slice(i + 1, j);
      for (const item of evalNodes(n.nodes, [data], root)) {
        const items = Array.isArray(item) ? item : [item];
        for (const it of items) out += execute(body, it, root);
      }
      i = j;
    } else if (n.t === 'end') throw new JsonPathError('not in range, nothing to end');
    else if (n.t === 'list') out += printResults(evalNodes(n.nodes, [data], root));
  }
  return out;
}

/** Parses a template; throws JsonPathError with client-go's wording on a syntax error. */
export function parseJsonPath(template: string): Node[] {
  return new Parser(template).parseTemplate();
}

/** Evaluates a template against an object (kubectl: missing keys allowed). */
export function evalJsonPath(template: string, data: Value): string {
  return execute(parseJsonPath(template), data, data);
}

/** The values a single path yields (custom-columns uses these). */
export function jsonPathValues(template: string, data: Value): Value[] {
  const nodes = parseJsonPath(template);
  const out: Value[] = [];
  for (const n of nodes) if (n.t === 'list') out.push(...evalNodes(n.nodes, [data], data));
  return out;
}
