/**
 * Errors as kube-apiserver reports them (k8s.io/apimachinery/pkg/util/validation/field and
 * pkg/api/errors), plus where in the user's YAML they point, so the editor can mark the line.
 */

/** apimachinery's field.ErrorType; `typeText` of each is what the message prints. */
export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

/** One field error: `spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`. */
export interface FieldError {
  type: FieldErrorType;
  /** Field path as apimachinery prints it: `spec.ports[0].port`, `metadata.labels[app]`. */
  field: string;
  /** The offending value, when the error type prints one. */
  badValue?: unknown;
  detail: string;
}

/** 1-based line/column range in the source text, end exclusive. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** metav1.StatusReason values the simulator produces. */
export type StatusReason = 'Invalid' | 'AlreadyExists' | 'NotFound' | 'BadRequest' | 'Conflict' | 'Forbidden' | 'MethodNotAllowed' | 'InternalError';

/** A failed API call, shaped like metav1.Status. */
export interface StatusError {
  reason: StatusReason;
  /** HTTP code the apiserver would answer with (422 Invalid, 409 AlreadyExists, 404 NotFound, 400 BadRequest …). */
  code: number;
  /** The Status message, e.g. `Service "x" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`. */
  message: string;
  /** The field errors behind an Invalid status, in the order the validator produced them. */
  causes: FieldError[];
}

/** A problem located in the user's text (a YAML error, a field error mapped to its node, a warning). */
export interface LocatedMessage {
  severity: 'error' | 'warning';
  message: string;
  /** The field path, when the message is about one field. */
  field?: string;
  range?: SourceRange;
}

/** What `apply` did with one YAML document, in document order (like kubectl's one line per object). */
export interface ApplyOutcome {
  /** 0-based index of the document in the text. */
  index: number;
  kind?: string;
  apiVersion?: string;
  name?: string;
  namespace?: string;
  action: 'created' | 'configured' | 'unchanged' | 'deleted' | 'failed';
  /** The failure, when action is 'failed'. */
  error?: StatusError | { reason: 'ParseError'; code: 0; message: string; causes: [] };
  /** Errors and warnings with source positions, for editor markers. */
  messages: LocatedMessage[];
  /** The whole document's range in the text. */
  range?: SourceRange;
}

export interface ApplyReport {
  outcomes: ApplyOutcome[];
  /** Problems of the text as a whole (e.g. a YAML syntax error that stops parsing). */
  messages: LocatedMessage[];
}
