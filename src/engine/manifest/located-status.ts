/**
 * Turns an apiserver answer into editor markers: each field error of an Invalid status lands on
 * its field's node; strict-decoding unknown fields on the unknown key; warnings without a place.
 */

import type { LocatedMessage, StatusError } from '../../shared/field-error-types';
import { formatFieldError } from '../admission/format-field-error';
import type { ParsedDocument } from './parse-manifest';

/** Field paths that apimachinery reports at the map level, where the bad value names an entry. */
const MAP_LEVEL_FIELDS = /(^|\.)(labels|annotations|selector|nodeSelector|deprecatedTopology)$/;

/** Markers for a failed call on the object found at `pathPrefix` of `doc`. */
export function locateStatus(error: StatusError, doc: ParsedDocument, pathPrefix: string): LocatedMessage[] {
  if (error.causes.length > 0) {
    return error.causes.map((cause) => {
      const field = `${pathPrefix}${cause.field}`;
      const range = MAP_LEVEL_FIELDS.test(cause.field) ? doc.locateEntry(field, cause.badValue) : doc.locate(field);
      return { severity: 'error' as const, message: formatFieldError(cause), field: cause.field, range };
    });
  }
  const unknown = [...error.message.matchAll(/unknown field "([^"]+)"/g)].map((m) => m[1]);
  if (unknown.length > 0) {
    return unknown.map((f) => ({ severity: 'error' as const, message: `unknown field "${f}"`, field: f, range: doc.locateKey(`${pathPrefix}${f}`) }));
  }
  const typed = /Go struct field [A-Za-z]+\.([A-Za-z.]+) of type/.exec(error.message);
  const field = typed ? typed[1] : undefined;
  return [{ severity: 'error', message: error.message, field, range: field ? doc.locate(`${pathPrefix}${field}`) : doc.locate(pathPrefix.replace(/\.$/, '')) }];
}

/** Warning markers (no position: they are about the object as a whole). */
export function warningMessages(warnings: readonly string[]): LocatedMessage[] {
  return warnings.map((w) => ({ severity: 'warning' as const, message: w }));
}
