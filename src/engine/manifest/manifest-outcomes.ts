/** Outcomes for documents kubectl could not send: client-side failures and YAML syntax errors. */

import type { ApplyOutcome, LocatedMessage } from '../../shared/field-error-types';
import type { ParsedDocument } from './parse-manifest';

/** A client-side failure (kubectl never reached the server). */
export function parseFailure(message: string): { reason: 'ParseError'; code: 0; message: string; causes: [] } {
  return { reason: 'ParseError', code: 0, message, causes: [] };
}

/** The outcome of a document kubectl could not read. */
export function syntaxOutcome(doc: ParsedDocument, source: string): ApplyOutcome {
  const first = doc.messages.find((m) => m.severity === 'error');
  return {
    index: doc.index,
    action: 'failed',
    error: parseFailure(`error parsing ${source}: ${first?.message ?? 'unknown problem parsing YAML content'}`),
    messages: doc.messages,
    range: doc.range,
  };
}

/** The note added when a syntax error stops the file. */
export function stoppedMessage(doc: ParsedDocument, remaining: number): LocatedMessage {
  return {
    severity: 'warning',
    message: `kubectl stops reading the file at the YAML error on line ${doc.messages[0]?.range?.line ?? doc.range.line}: the ${remaining} document(s) after it were not sent`,
    range: doc.messages[0]?.range,
  };
}
