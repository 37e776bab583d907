/**
 * Constructors for field errors, one per apimachinery helper (field.Required, field.Invalid, …),
 * with the same detail texts (k8s.io/apimachinery/pkg/util/validation/field/errors.go).
 */

import type { FieldError } from '../../shared/field-error-types';
import type { FieldPath } from './field-path';
import { goQuote } from './go-value';

/** field.Required: `Required value`, optional detail. */
export function required(path: FieldPath, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field: path.toString(), badValue: '', detail };
}

/** field.Invalid. */
export function invalid(path: FieldPath, badValue: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field: path.toString(), badValue, detail };
}

/** field.NotSupported: detail lists the supported values, each strconv.Quote'd. */
export function notSupported(path: FieldPath, badValue: unknown, validValues: readonly string[]): FieldError {
  const detail = validValues.length > 0 ? `supported values: ${validValues.map(goQuote).join(', ')}` : '';
  return { type: 'FieldValueNotSupported', field: path.toString(), badValue, detail };
}

/** field.Forbidden. */
export function forbidden(path: FieldPath, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field: path.toString(), badValue: '', detail };
}

/** field.Duplicate. */
export function duplicate(path: FieldPath, badValue: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field: path.toString(), badValue, detail: '' };
}

/** field.NotFound. */
export function notFound(path: FieldPath, badValue: unknown, detail = ''): FieldError {
  return { type: 'FieldValueNotFound', field: path.toString(), badValue, detail };
}

/** field.TooLong (the value itself is never printed). */
export function tooLong(path: FieldPath, maxLength: number): FieldError {
  return { type: 'FieldValueTooLong', field: path.toString(), badValue: '', detail: `must have at most ${maxLength} bytes` };
}

/** field.TooMany. */
export function tooMany(path: FieldPath, actual: number, max: number): FieldError {
  return { type: 'FieldValueTooMany', field: path.toString(), badValue: actual, detail: `must have at most ${max} items` };
}

/** field.InternalError. */
export function internalError(path: FieldPath, message: string): FieldError {
  return { type: 'InternalError', field: path.toString(), badValue: null, detail: message };
}
