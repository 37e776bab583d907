/**
 * Equality-based label selectors, as Services use them (spec.selector is a map: every key must
 * be present with the same value; an empty selector on a Service selects nothing — the
 * endpoints controller skips Services without one). Also the `-l` string form kubectl accepts:
 * `a=b,c!=d,e,!f,g in (x,y),h notin (z)`.
 */

export type Requirement =
  | { key: string; op: '=' | '!='; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!exists' };

export type LabelSelector = Requirement[];

/** True when every key/value of `selector` is among `labels`. */
export function matchesMap(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>> | undefined): boolean {
  for (const key in selector) {
    if (!labels || labels[key] !== selector[key]) return false;
  }
  return true;
}

export function selectorFromMap(map: Readonly<Record<string, string>>): LabelSelector {
  return Object.keys(map)
    .sort()
    .map((key) => ({ key, op: '=' as const, value: map[key] }));
}

export function matches(selector: LabelSelector, labels: Readonly<Record<string, string>> | undefined): boolean {
  const l = labels ?? {};
  return selector.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case '=':
        return has && l[r.key] === r.value;
      case '!=':
        return !has || l[r.key] !== r.value;
      case 'in':
        return has && r.values.includes(l[r.key]);
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
      case 'exists':
        return has;
      case '!exists':
        return !has;
    }
  });
}

/** Parses kubectl's `-l` syntax. Returns an error string (kubectl's wording) on bad input. */
export function parseSelector(text: string): LabelSelector | { error: string } {
  const out: LabelSelector = [];
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') {
      if (text.trim() === '') continue;
      return { error: `unable to parse requirement: found '', expected: identifier` };
    }
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^([^\s!=(),]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      out.push({ key: m[1], op: m[2] as 'in' | 'notin', values: m[3].split(',').map((v) => v.trim()).filter((v) => v !== '') });
    } else if ((m = part.match(/^([^\s!=(),]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/))) {
      out.push({ key: m[1], op: m[2] === '!=' ? '!=' : '=', value: m[3] });
    } else if ((m = part.match(/^!\s*([^\s!=(),]+)$/))) {
      out.push({ key: m[1], op: '!exists' });
    } else if ((m = part.match(/^([^\s!=(),]+)$/))) {
      out.push({ key: m[1], op: 'exists' });
    } else {
      return { error: `unable to parse requirement: ${part}` };
    }
  }
  return out;
}
