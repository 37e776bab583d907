/**
 * A readable stand-in for the cmp.Diff that ValidatePodUpdate appends to its Forbidden message
 * (github.com/google/go-cmp over the internal core.PodSpec). Go prints every field of the
 * internal struct; we print only the changed JSON fields, in cmp's `-`/`+` style, with Go-style
 * capitalised field names. The header sentence before it is upstream's, verbatim.
 */

import { goPlusV, goQuote } from '../go-value';

type Json = unknown;

function render(v: Json): string {
  if (typeof v === 'string') return goQuote(v);
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'object') return goPlusV(v);
  return String(v);
}

/** Element types of the lists cmp.Diff names (`Containers: []core.Container{`). */
const LIST_TYPES: Record<string, string> = {
  Containers: 'Container',
  InitContainers: 'Container',
  Ports: 'ContainerPort',
  Env: 'EnvVar',
  Volumes: 'Volume',
  VolumeMounts: 'VolumeMount',
  Tolerations: 'Toleration',
};

function goName(key: string): string {
  return key.length === 0 ? key : key[0].toUpperCase() + key.slice(1);
}

function diffInto(before: Json, after: Json, indent: string, label: string, out: string[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const isObj = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObj(before) && isObj(after)) {
    out.push(`  ${indent}${label}{`);
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const k of keys) diffInto(before[k], after[k], `${indent}\t`, `${goName(k)}: `, out);
    out.push(`  ${indent}},`);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    const elem = LIST_TYPES[label.replace(/: $/, '')];
    out.push(`  ${indent}${label}${elem ? `[]core.${elem}` : ''}{`);
    before.forEach((b, i) => diffInto(b, after[i], `${indent}\t`, '', out));
    out.push(`  ${indent}},`);
    return;
  }
  if (before !== undefined) out.push(`- ${indent}${label}${render(before)},`);
  if (after !== undefined) out.push(`+ ${indent}${label}${render(after)},`);
}

/** The changed fields between two pod specs, or undefined when they are equal. */
export function describeSpecDiff(before: Record<string, Json>, after: Record<string, Json>): string | undefined {
  if (JSON.stringify(sortKeys(before)) === JSON.stringify(sortKeys(after))) return undefined;
  const lines: string[] = [];
  diffInto(sortKeys(before), sortKeys(after), '', 'core.PodSpec', lines);
  if (lines.length > 0) {
    lines[0] = lines[0].replace(/^ {2}core\.PodSpec/, '  core.PodSpec');
    lines[lines.length - 1] = lines[lines.length - 1].replace(/},$/, '}');
  }
  return lines.join('\n') + '\n';
}

function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(v as Record<string, Json>).sort()) {
      const x = (v as Record<string, Json>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}
