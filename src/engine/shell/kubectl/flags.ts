/**
 * spf13/pflag as kubectl's commands use it: `--name=value`, `--name value`, `-n value`, `-nvalue`,
 * `-n=value`, combined boolean shorthands (`-it`), `--` ending the flags (its position kept, as
 * cobra's ArgsLenAtDash), flags interspersed with arguments, and pflag's error texts.
 */

export type FlagType = 'bool' | 'string' | 'stringArray' | 'int';

export interface FlagDef {
  name: string;
  short?: string;
  type: FlagType;
}

export type FlagValue = string | boolean | number | string[];

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  args: string[];
  /** Number of arguments before `--`, or -1 when there was none. */
  argsLenAtDash: number;
}

/** Flags every kubectl command accepts (kubectl's persistent flags); only `namespace` is used. */
export const GLOBAL_FLAGS: FlagDef[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'server', short: 's', type: 'string' },
  { name: 'request-timeout', type: 'string' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'v', short: 'v', type: 'string' },
  { name: 'token', type: 'string' },
  { name: 'as', type: 'string' },
  { name: 'cache-dir', type: 'string' },
  { name: 'warnings-as-errors', type: 'bool' },
  { name: 'match-server-version', type: 'bool' },
  { name: 'profile', type: 'string' },
  { name: 'log-flush-frequency', type: 'string' },
];

const flagDisplay = (def: FlagDef): string => (def.short ? `-${def.short}, --${def.name}` : `--${def.name}`);

function parseBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return false;
  return undefined;
}

function setValue(values: Map<string, FlagValue>, def: FlagDef, raw: string): string | undefined {
  switch (def.type) {
    case 'bool': {
      const b = parseBool(raw);
      if (b === undefined) return `invalid argument "${raw}" for "${flagDisplay(def)}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`;
      values.set(def.name, b);
      return undefined;
    }
    case 'int': {
      if (!/^[-+]?\d+$/.test(raw)) return `invalid argument "${raw}" for "${flagDisplay(def)}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`;
      values.set(def.name, Number(raw));
      return undefined;
    }
    case 'stringArray': {
      const prev = values.get(def.name);
      values.set(def.name, [...(Array.isArray(prev) ? prev : []), raw]);
      return undefined;
    }
    default:
      values.set(def.name, raw);
      return undefined;
  }
}

/** Parses argv (without the command words). Returns pflag's error text on failure. */
export function parseFlags(argv: readonly string[], defs: readonly FlagDef[]): ParsedFlags | { error: string } {
  const all = [...defs, ...GLOBAL_FLAGS];
  const byName = new Map(all.map((d) => [d.name, d] as const));
  const byShort = new Map(all.filter((d) => d.short).map((d) => [d.short!, d] as const));
  const values = new Map<string, FlagValue>();
  const args: string[] = [];
  let argsLenAtDash = -1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      argsLenAtDash = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const def = byName.get(name);
      if (!def) return { error: `unknown flag: --${name}` };
      if (eq >= 0) {
        const err = setValue(values, def, a.slice(eq + 1));
        if (err) return { error: err };
      } else if (def.type === 'bool') {
        values.set(def.name, true);
      } else {
        if (i + 1 >= argv.length) return { error: `flag needs an argument: --${name}` };
        const err = setValue(values, def, argv[++i]);
        if (err) return { error: err };
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const shorts = a.slice(1);
      for (let j = 0; j < shorts.length; j++) {
        const c = shorts[j];
        const def = byShort.get(c);
        if (!def) return { error: `unknown shorthand flag: '${c}' in ${a}` };
        const rest = shorts.slice(j + 1);
        if (rest.startsWith('=')) {
          const err = setValue(values, def, rest.slice(1));
          if (err) return { error: err };
          break;
        }
        if (def.type === 'bool') {
          values.set(def.name, true);
          continue;
        }
        if (rest.length > 0) {
          const err = setValue(values, def, rest);
          if (err) return { error: err };
          break;
        }
        if (i + 1 >= argv.length) return { error: `flag needs an argument: '${c}' in ${a}` };
        const err = setValue(values, def, argv[++i]);
        if (err) return { error: err };
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { values, args, argsLenAtDash };
}

/** Typed readers over parsed values. */
export class Flags {
  constructor(readonly parsed: ParsedFlags) {}
  has(name: string): boolean {
    return this.parsed.values.has(name);
  }
  str(name: string, fallback = ''): string {
    const v = this.parsed.values.get(name);
    return typeof v === 'string' ? v : fallback;
  }
  bool(name: string, fallback = false): boolean {
    const v = this.parsed.values.get(name);
    return typeof v === 'boolean' ? v : fallback;
  }
  int(name: string, fallback: number): number {
    const v = this.parsed.values.get(name);
    return typeof v === 'number' ? v : fallback;
  }
  list(name: string): string[] {
    const v = this.parsed.values.get(name);
    return Array.isArray(v) ? v : [];
  }
  get args(): string[] {
    return this.parsed.args;
  }
}
