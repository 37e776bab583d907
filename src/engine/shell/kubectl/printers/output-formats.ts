/**
 * kubectl's client-side printers over a set of fetched objects: the table layout (column
 * selection for `-o wide`, NAMESPACE for `-A`, `TYPE/` name prefixes when several types were
 * asked for, `--show-labels`, `-L`, `--no-headers`), `-o name`, `-o yaml|json` (one object, or a
 * `List`), `-o jsonpath=…` and `-o custom-columns=…`.
 */

import type { KubeObject } from '../../../../shared/api-types';
import { kindPrefix, typeOfKind } from '../resources';
import { toGoJson } from './go-json';
import { toGoYaml } from './go-yaml';
import { evalJsonPath, JsonPathError, jsonPathValues, goCompactJson } from './jsonpath';
import { TABLE_TABWRITER, tabwrite } from './tabwriter';
import { formatLabels, tableFor } from './table-printers';

export interface TableOptions {
  wide: boolean;
  withNamespace: boolean;
  withKind: boolean;
  showLabels: boolean;
  noHeaders: boolean;
  labelColumns: string[];
}

/** One kind's objects as kubectl prints them (no trailing blank line). */
export function printTable(kind: string, objects: readonly KubeObject[], now: number, opts: TableOptions): string {
  const table = tableFor(kind, objects, now);
  const keep = table.columns.map((c) => c.priority === 0 || opts.wide);
  const lines: string[][] = [];
  if (!opts.noHeaders) {
    const header = table.columns.filter((_, i) => keep[i]).map((c) => c.name.toUpperCase());
    if (opts.withNamespace) header.unshift('NAMESPACE');
    for (const l of opts.labelColumns) header.push(l.split('/').pop()!.toUpperCase());
    if (opts.showLabels) header.push('LABELS');
    lines.push(header);
  }
  const type = typeOfKind(kind);
  table.rows.forEach((cells, r) => {
    const obj = objects[r];
    const row = cells.filter((_, i) => keep[i]);
    if (opts.withKind && type) row[0] = `${kindPrefix(type)}/${row[0]}`;
    if (opts.withNamespace) row.unshift(obj.metadata.namespace ?? '');
    for (const l of opts.labelColumns) row.push(obj.metadata.labels?.[l] ?? '');
    if (opts.showLabels) row.push(formatLabels(obj.metadata.labels));
    lines.push(row);
  });
  return tabwrite(lines.map((l) => l.join('\t')).join('\n') + '\n', TABLE_TABWRITER);
}

/** The object as kubectl's printers see it: apiVersion and kind set. */
export function withTypeMeta(obj: KubeObject): KubeObject {
  const type = typeOfKind(obj.kind);
  return { ...obj, apiVersion: obj.apiVersion || (type ? (type.group ? `${type.group}/${type.version}` : type.version) : 'v1'), kind: obj.kind };
}

/** A `kind: List` around items, as `kubectl get` prints several objects. */
export function asList(items: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: items.map(withTypeMeta), kind: 'List', metadata: { resourceVersion: '' } };
}

export type OutputFormat = { kind: 'table'; wide: boolean } | { kind: 'name' } | { kind: 'yaml' } | { kind: 'json' } | { kind: 'jsonpath'; template: string } | { kind: 'custom-columns'; spec: string };

const ALLOWED = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** Parses `-o`; the error is kubectl's. */
export function parseOutputFormat(o: string): OutputFormat | { error: string } {
  if (o === '') return { kind: 'table', wide: false };
  if (o === 'wide') return { kind: 'table', wide: true };
  if (o === 'name' || o === 'yaml' || o === 'json') return { kind: o };
  const eq = o.indexOf('=');
  const head = eq >= 0 ? o.slice(0, eq) : o;
  const rest = eq >= 0 ? o.slice(eq + 1) : '';
  if (head === 'jsonpath') {
    if (rest === '') return { error: 'template format specified but no template given' };
    return { kind: 'jsonpath', template: rest };
  }
  if (head === 'custom-columns') {
    if (rest === '') return { error: 'custom-columns format specified but no custom columns given' };
    return { kind: 'custom-columns', spec: rest };
  }
  return { error: `unable to match a printer suitable for the output format "${o}", allowed formats are: ${ALLOWED}` };
}

/** `-o jsonpath`: the template over the object (or List); errors as kubectl words them. */
export function printJsonPath(template: string, data: unknown): { text: string } | { error: string } {
  try {
    return { text: evalJsonPath(template, data) };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/unclosed|unterminated|unrecognized|invalid array/.test(msg)) return { error: `error parsing jsonpath ${template}, ${msg}` };
    return { error: `error executing jsonpath "${template}": Error executing template: ${msg}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${goCompactJson(data)}\n\n` };
  }
}

/** custom-columns: `HEADER:.path,…` (kubectl relaxes `.path` to `{.path}`). */
export function printCustomColumns(spec: string, objects: readonly KubeObject[], noHeaders: boolean): { text: string } | { error: string } {
  const columns: { header: string; path: string }[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) return { error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    let path = part.slice(colon + 1);
    if (!path.startsWith('{')) path = `{${path.startsWith('.') ? path : '.' + path}}`;
    columns.push({ header: part.slice(0, colon), path });
  }
  const lines: string[] = [];
  if (!noHeaders) lines.push(columns.map((c) => c.header).join('\t'));
  for (const obj of objects) {
    const cells = columns.map((c) => {
      let values: unknown[];
      try {
        values = jsonPathValues(c.path, withTypeMeta(obj));
      } catch {
        values = [];
      }
      if (values.length === 0) return '<none>';
      return values.map((v) => (v !== null && typeof v === 'object' ? goCompactJson(v) : String(v))).join(',');
    });
    lines.push(cells.join('\t'));
  }
  return { text: tabwrite(lines.join('\n') + '\n', TABLE_TABWRITER) };
}

/** `-o name`. */
export const nameOf = (obj: KubeObject): string => {
  const type = typeOfKind(obj.kind);
  return `${type ? kindPrefix(type) : obj.kind.toLowerCase()}/${obj.metadata.name ?? ''}`;
};

export const printYaml = (v: unknown): string => toGoYaml(v);
export const printJson = (v: unknown): string => toGoJson(v);
export { JsonPathError };
