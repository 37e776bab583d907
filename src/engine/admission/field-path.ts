/**
 * Field paths as apimachinery prints them (k8s.io/apimachinery/pkg/util/validation/field/path.go):
 * children joined by `.`, list indexes as `[0]`, map keys as `[key]` (unquoted). A path is an
 * immutable value; `child`, `index` and `key` return new paths.
 */

/** One step of a field path. */
export type PathSegment = { name: string } | { index: number } | { key: string };

/**
 * An immutable field path (field.Path). Validators build a path for every field they look at
 * and print only the few that end up in errors, so a path is a link to its parent plus its own
 * steps; `segments` and the printed form are worked out when first asked for.
 */
export class FieldPath {
  readonly #parent: FieldPath | undefined;
  readonly #own: readonly PathSegment[];
  #segments: readonly PathSegment[] | undefined;
  #text: string | undefined;

  constructor(segments: readonly PathSegment[] = [], parent?: FieldPath) {
    this.#own = segments;
    this.#parent = parent;
    if (!parent) this.#segments = segments;
  }

  /** The steps, from the root. */
  get segments(): readonly PathSegment[] {
    return (this.#segments ??= [...this.#parent!.segments, ...this.#own]);
  }

  /** field.Path.Child: one or more named children. */
  child(...names: string[]): FieldPath {
    return new FieldPath(
      names.map((name) => ({ name })),
      this,
    );
  }

  /** field.Path.Index: a list element. */
  index(i: number): FieldPath {
    return new FieldPath([{ index: i }], this);
  }

  /** field.Path.Key: a map entry. */
  key(k: string): FieldPath {
    return new FieldPath([{ key: k }], this);
  }

  /** field.Path.String(). */
  toString(): string {
    if (this.#text !== undefined) return this.#text;
    let out = this.#parent ? this.#parent.toString() : '';
    for (const s of this.#own) {
      if ('name' in s) out += out === '' ? s.name : `.${s.name}`;
      else if ('index' in s) out += `[${s.index}]`;
      else out += `[${s.key}]`;
    }
    return (this.#text = out);
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
