/**
 * Prints field errors exactly like apimachinery: `(*field.Error).Error()` is
 * `<field>: <ErrorBody>`, and ErrorBody prints the type text, then the bad value (except for
 * Required, Forbidden, TooLong and Internal), then `: <detail>` when there is one
 * (k8s.io/apimachinery/pkg/util/validation/field/errors.go). ToAggregate drops repeated
 * messages and an aggregate of several prints as `[a, b]` (k8s.io/apimachinery/pkg/util/errors).
 */

import type { FieldError, FieldErrorType } from '../../shared/field-error-types';
import { goFormatNumber, goQuote, isGoLiteral } from './go-value';

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** ErrorType.String(). */
export function errorTypeText(type: FieldErrorType): string {
  return TYPE_TEXT[type];
}

/** How ErrorBody prints a bad value (%q for strings, %v for numbers/bools, %#v for the rest). */
export function formatBadValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return goFormatNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (isGoLiteral(value)) return value.$go;
  return JSON.stringify(value);
}

/** (*field.Error).ErrorBody(). */
export function errorBody(e: FieldError): string {
  let s: string;
  switch (e.type) {
    case 'FieldValueRequired':
    case 'FieldValueForbidden':
    case 'FieldValueTooLong':
    case 'InternalError':
      s = errorTypeText(e.type);
      break;
    default:
      s = `${errorTypeText(e.type)}: ${formatBadValue(e.badValue)}`;
  }
  if (e.detail.length > 0) s += `: ${e.detail}`;
  return s;
}

/** (*field.Error).Error(): `spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`. */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** The distinct messages of a list, in order, as ToAggregate keeps them. */
export function dedupeFieldErrors(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    const msg = formatFieldError(e);
    if (seen.has(msg)) continue;
    seen.add(msg);
    out.push(e);
  }
  return out;
}

/** utilerrors.Aggregate.Error(): one message alone, several as `[a, b]`. */
export function aggregateMessage(messages: readonly string[]): string {
  if (messages.length === 1) return messages[0];
  return `[${messages.join(', ')}]`;
}
