/**
 * Field paths as apimachinery prints them (k8s.io/apimachinery/pkg/util/validation/field/path.go):
 * children joined by `.`, list indexes as `[0]`, map keys as `[key]` (unquoted). A path is an
 * immutable value; `child`, `index` and `key` return new paths.
 */

/** One step of a field path. */
export type PathSegment = { name: string } | { index: number } | { key: string };

/** An immutable field path (field.Path). */
export class FieldPath {
  readonly segments: readonly PathSegment[];

  constructor(segments: readonly PathSegment[] = []) {
    this.segments = segments;
  }

  /** field.Path.Child: one or more named children. */
  child(...names: string[]): FieldPath {
    return new FieldPath([...this.segments, ...names.map((name) => ({ name }))]);
  }

  /** field.Path.Index: a list element. */
  index(i: number): FieldPath {
    return new FieldPath([...this.segments, { index: i }]);
  }

  /** field.Path.Key: a map entry. */
  key(k: string): FieldPath {
    return new FieldPath([...this.segments, { key: k }]);
  }

  /** field.Path.String(). */
  toString(): string {
    let out = '';
    for (const s of this.segments) {
      if ('name' in s) out += out === '' ? s.name : `.${s.name}`;
      else if ('index' in s) out += `[${s.index}]`;
      else out += `[${s.key}]`;
    }
    return out;
  }
}

/** field.NewPath(name, more...). */
export function fieldPath(name: string, ...more: string[]): FieldPath {
  return new FieldPath([{ name }, ...more.map((m) => ({ name: m }))]);
}

/**
 * Splits a printed path back into steps: `spec.ports[0].port` → name, name, bracket, name.
 * Bracket contents stay text (`{ key }`) because `[0]` may be a list index or a map key named
 * "0"; whoever walks the object decides by what it finds there.
 */
export function parseFieldPath(text: string): PathSegment[] {
  const out: PathSegment[] = [];
  let i = 0;
  let name = '';
  const flush = (): void => {
    if (name !== '') out.push({ name });
    name = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '.') {
      flush();
      i++;
    } else if (ch === '[') {
      flush();
      const close = text.indexOf(']', i + 1);
      if (close < 0) {
        name = text.slice(i);
        break;
      }
      out.push({ key: text.slice(i + 1, close) });
      i = close + 1;
    } else {
      name += ch;
      i++;
    }
  }
  flush();
  return out;
}
