/** Namespace validation (ValidateNamespace, ValidateNamespaceUpdate in pkg/apis/core/validation). */

import type { FieldError } from '../../../shared/field-error-types';
import type { Namespace } from '../../../shared/api-types';
import { invalid } from '../field-error';
import { fieldPath } from '../field-path';
import { nameIsDNSLabel } from './dns-name-rules';
import { isQualifiedName } from './qualified-name-rules';
import { validateObjectMeta, validateObjectMetaUpdate } from './validate-object-meta';

/** helper.IsStandardFinalizerName: the only unqualified finalizer names allowed. */
const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];

/** ValidateNamespace: name is a DNS-1123 label; spec.finalizers are qualified or standard names. */
export function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, false, nameIsDNSLabel, fieldPath('metadata'));
  for (const f of ns.spec?.finalizers ?? []) {
    const p = fieldPath('spec', 'finalizers');
    errs.push(...isQualifiedName(f).map((m) => invalid(p, f, m)));
    if (!f.includes('/') && !STANDARD_FINALIZERS.includes(f)) errs.push(invalid(p, f, 'name is neither a standard finalizer name nor is it fully qualified'));
  }
  return errs;
}

/** ValidateNamespaceUpdate: metadata rules only. */
export function validateNamespaceUpdate(ns: Namespace, old: Namespace): FieldError[] {
  return validateObjectMetaUpdate(ns.metadata, old.metadata, fieldPath('metadata'));
}
