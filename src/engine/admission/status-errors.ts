/**
 * StatusErrors as k8s.io/apimachinery/pkg/api/errors builds them: the same reasons, codes and
 * message formats (`services "x" not found`, `Service "x" is invalid: …`, …).
 */

import type { FieldError, StatusError } from '../../shared/field-error-types';
import { aggregateMessage, dedupeFieldErrors, formatFieldError } from './format-field-error';
import { goQuote } from './go-value';

/** errors.NewInvalid: `<Kind[.group]> "<name>" is invalid: <aggregate>`, code 422. */
export function newInvalid(qualifiedKind: string, name: string, errs: readonly FieldError[]): StatusError {
  const distinct = dedupeFieldErrors(errs);
  const prefix = `${qualifiedKind} ${goQuote(name)} is invalid`;
  const message = distinct.length === 0 ? prefix : `${prefix}: ${aggregateMessage(distinct.map(formatFieldError))}`;
  return { reason: 'Invalid', code: 422, message, causes: [...errs] };
}

/** errors.NewNotFound: `<resource[.group]> "<name>" not found`, code 404. */
export function newNotFound(qualifiedResource: string, name: string): StatusError {
  return { reason: 'NotFound', code: 404, message: `${qualifiedResource} ${goQuote(name)} not found`, causes: [] };
}

/** errors.NewAlreadyExists: `<resource> "<name>" already exists`, code 409. */
export function newAlreadyExists(qualifiedResource: string, name: string): StatusError {
  return { reason: 'AlreadyExists', code: 409, message: `${qualifiedResource} ${goQuote(name)} already exists`, causes: [] };
}

/** errors.NewBadRequest, code 400. */
export function newBadRequest(message: string): StatusError {
  return { reason: 'BadRequest', code: 400, message, causes: [] };
}

/** errors.NewForbidden: `<resource> "<name>" is forbidden: <reason>` (no name: `<resource> is forbidden: …`), code 403. */
export function newForbidden(qualifiedResource: string, name: string, reason: string): StatusError {
  const message = name === '' ? `${qualifiedResource} is forbidden: ${reason}` : `${qualifiedResource} ${goQuote(name)} is forbidden: ${reason}`;
  return { reason: 'Forbidden', code: 403, message, causes: [] };
}

/** errors.NewConflict: `Operation cannot be fulfilled on <resource> "<name>": <reason>`, code 409. */
export function newConflict(qualifiedResource: string, name: string, reason: string): StatusError {
  return { reason: 'Conflict', code: 409, message: `Operation cannot be fulfilled on ${qualifiedResource} ${goQuote(name)}: ${reason}`, causes: [] };
}

/** errors.NewInternalError: `Internal error occurred: <reason>`, code 500. */
export function newInternalError(reason: string): StatusError {
  return { reason: 'InternalError', code: 500, message: `Internal error occurred: ${reason}`, causes: [] };
}
