/**
 * Pure conversions between what the engine and the YAML language server report and Monaco's
 * marker data, so errors show on their line (Headlamp #5932 shows them away from it). No Monaco
 * import: Monaco cannot load under vitest, and the numbers below are its stable API values.
 */
import type { Locale } from '../../i18n/i18n.svelte';
import type { ApplyReport, LocatedMessage, SourceRange } from '../../../../shared/field-error-types';
import { editorMessages } from './editor-messages';
import { validationGloss } from './validation-gloss';

/** monaco.MarkerSeverity values. */
export const MarkerSeverity = { Hint: 1, Info: 2, Warning: 4, Error: 8 } as const;

/** The fields of monaco.editor.IMarkerData the editor sets. */
export interface MarkerData {
  severity: number;
  message: string;
  source?: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** The owner name of apply markers (the language server's are `yaml`). */
export const APPLY_MARKER_OWNER = 'svclab-apply';

/**
 * Monaco markers for located messages. Field errors come from the apiserver; the rest (YAML
 * syntax, "stopped at document N", client-side checks) from kubectl's side. A message without a
 * range marks line 1 rather than vanishing. In the Korean UI a gloss of the error type follows the
 * verbatim message on its own line.
 */
export function toMarkers(messages: readonly LocatedMessage[], locale: Locale = 'en'): MarkerData[] {
  return messages.map((m) => {
    const r: SourceRange = m.range ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
    // An empty range would draw nothing visible; widen it by one column.
    const endColumn = r.endLine === r.line && r.endColumn <= r.column ? r.column + 1 : r.endColumn;
    return {
      severity: m.severity === 'error' ? MarkerSeverity.Error : MarkerSeverity.Warning,
      message: withGloss(m.message, locale),
      source: m.field !== undefined ? 'kube-apiserver' : 'kubectl',
      startLineNumber: r.line,
      startColumn: r.column,
      endLineNumber: r.endLine,
      endColumn,
    };
  });
}

/** The message, then its Korean gloss on the next line (the message alone in English). */
export function withGloss(message: string, locale: Locale): string {
  const gloss = validationGloss(message, locale);
  return gloss ? `${message}\n${gloss}` : message;
}

/**
 * Every located message of an apply, in text order: the whole text's, then each document's.
 * Messages without a range (apiserver warnings) point at their document's first line; a failed
 * document without messages gets its status message there.
 */
export function reportMessages(report: ApplyReport): LocatedMessage[] {
  const out: LocatedMessage[] = [...report.messages];
  for (const o of report.outcomes) {
    const head = o.range ? { line: o.range.line, column: o.range.column, endLine: o.range.line, endColumn: o.range.column + 1 } : undefined;
    const messages = o.messages.length === 0 && o.error ? [{ severity: 'error' as const, message: o.error.message }] : o.messages;
    for (const m of messages) out.push(m.range || !head ? m : { ...m, range: head });
  }
  return out;
}

/** The YAML language server's message for a failed oneOf: true of no schema a learner can act on. */
const OPAQUE = /^Matches multiple schemas when only one must validate/i;

/** Whether a language-server message must not reach the user. */
export const isOpaqueSchemaMessage = (message: string): boolean => OPAQUE.test(message.trim());

/** The language server's common schema messages, in the learner's language. */
const TRANSLATIONS: readonly [RegExp, keyof (typeof editorMessages)['ko']][] = [
  [/^Value is not accepted\. Valid values: (?<values>.+)\.$/, 'lsValueNotAccepted'],
  [/^Property (?<name>.+) is not allowed\.$/, 'lsPropertyNotAllowed'],
  [/^Missing property "(?<name>.+)"\.$/, 'lsMissingProperty'],
  [/^Incorrect type\. Expected "(?<type>.+)"\.$/, 'lsIncorrectType'],
];

/** A language-server message in `locale`; messages without a translation stay in English. */
export function localizeSchemaMessage(message: string, locale: Locale): string {
  if (locale === 'en') return message;
  for (const [pattern, key] of TRANSLATIONS) {
    const groups = pattern.exec(message)?.groups;
    if (groups) return editorMessages.ko[key].replace(/\{(\w+)\}/g, (m, name: string) => groups[name] ?? m);
  }
  return message;
}

/** The language server's markers as the learner sees them: opaque ones dropped, the rest localized. */
export function languageServerMarkers<T extends { message: string }>(markers: readonly T[], locale: Locale): T[] {
  return markers.filter((m) => !isOpaqueSchemaMessage(m.message)).map((m) => ({ ...m, message: localizeSchemaMessage(m.message, locale) }));
}

/**
 * Messages of an apply of a selection, placed in the file: the engine numbers lines from the
 * selection's first line, the editor from the file's. Unranged messages go to the selection's start.
 */
export function offsetMessages(messages: readonly LocatedMessage[], start: { line: number; column: number } | undefined): LocatedMessage[] {
  if (!start || (start.line === 1 && start.column === 1)) return [...messages];
  const shift = (line: number, column: number): [number, number] => [line + start.line - 1, line === 1 ? column + start.column - 1 : column];
  return messages.map((m) => {
    const r = m.range ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const [line, column] = shift(r.line, r.column);
    const [endLine, endColumn] = shift(r.endLine, r.endColumn);
    return { ...m, range: { ...r, line, column, endLine, endColumn } };
  });
}
