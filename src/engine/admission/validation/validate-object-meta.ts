/**
 * ObjectMeta validation: apimachinery's ValidateObjectMetaAccessor / ValidateObjectMetaAccessorUpdate
 * (k8s.io/apimachinery/pkg/api/validation/objectmeta.go) and ValidateLabels
 * (k8s.io/apimachinery/pkg/apis/meta/v1/validation). Label and annotation errors carry the map's
 * path (`metadata.labels`), not the key, exactly as upstream; Go iterates maps randomly, we use
 * document order.
 */

import type { FieldError } from '../../../shared/field-error-types';
import type { ObjectMeta } from '../../../shared/api-types';
import { forbidden, invalid, required, tooLong } from '../field-error';
import type { FieldPath } from '../field-path';
import { goStringSlice } from '../go-value';
import { byteLength, nameIsDNSLabel, type NameValidator } from './dns-name-rules';
import { isQualifiedName, isValidLabelValue } from './qualified-name-rules';

/** v1validation.ValidateLabelName. */
export function validateLabelName(name: string, path: FieldPath): FieldError[] {
  return isQualifiedName(name).map((m) => invalid(path, name, m));
}

/** v1validation.ValidateLabels: keys are qualified names, values label values. */
export function validateLabels(labels: Readonly<Record<string, string>> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    for (const m of isValidLabelValue(String(v))) errs.push(invalid(path, String(v), m));
  }
  return errs;
}

/** Total annotation size limit (TotalAnnotationSizeLimitB, 256 KiB). */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** apimachineryvalidation.ValidateAnnotations: keys are qualified names once lowercased; 256 KiB in all. */
export function validateAnnotations(annotations: Readonly<Record<string, string>> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, m));
    total += byteLength(k) + byteLength(String(v));
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

function validateOwnerReferences(meta: ObjectMeta, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const ref of meta.ownerReferences ?? []) {
    const version = (ref.apiVersion ?? '').split('/').pop() ?? '';
    if (version.length === 0) errs.push(invalid(path.child('apiVersion'), ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(invalid(path.child('kind'), ref.kind ?? '', 'must not be empty'));
    if (!ref.name) errs.push(invalid(path.child('name'), ref.name ?? '', 'must not be empty'));
    if (!ref.uid) errs.push(invalid(path.child('uid'), ref.uid ?? '', 'must not be empty'));
  }
  return errs;
}

/**
 * ValidateObjectMeta on create. The name has already been generated from generateName (the
 * registry does that first), so both are checked like upstream.
 */
export function validateObjectMeta(meta: ObjectMeta, namespaced: boolean, nameFn: NameValidator, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) for (const m of nameFn(meta.generateName, true)) errs.push(invalid(path.child('generateName'), meta.generateName, m));
  if (!meta.name) errs.push(required(path.child('name'), 'name or generateName is required'));
  else for (const m of nameFn(meta.name, false)) errs.push(invalid(path.child('name'), meta.name, m));
  if (namespaced) {
    if (!meta.namespace) errs.push(required(path.child('namespace')));
    else for (const m of nameIsDNSLabel(meta.namespace, false)) errs.push(invalid(path.child('namespace'), meta.namespace, m));
  } else if (meta.namespace) {
    errs.push(forbidden(path.child('namespace'), 'not allowed on this type'));
  }
  if (typeof meta.generation === 'number' && meta.generation < 0) errs.push(invalid(path.child('generation'), meta.generation, 'must be greater than or equal to 0'));
  errs.push(...validateLabels(meta.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(meta, path.child('ownerReferences')));
  for (const f of (meta as { finalizers?: string[] }).finalizers ?? []) {
    for (const m of isQualifiedName(f)) errs.push(invalid(path.child('finalizers'), f, m));
  }
  return errs;
}

/** ValidateObjectMetaAccessorUpdate: identity fields are immutable (`field is immutable`). */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!meta.resourceVersion) errs.push(invalid(path.child('resourceVersion'), meta.resourceVersion ?? '', 'must be specified for an update'));
  if ((meta.generation ?? 0) < (old.generation ?? 0)) errs.push(invalid(path.child('generation'), meta.generation ?? 0, 'must not be decremented'));
  const immutable = (field: 'name' | 'namespace' | 'uid' | 'creationTimestamp' | 'deletionTimestamp'): void => {
    if ((meta[field] ?? '') !== (old[field] ?? '')) errs.push(invalid(path.child(field), meta[field] ?? '', 'field is immutable'));
  };
  immutable('name');
  immutable('namespace');
  immutable('uid');
  immutable('creationTimestamp');
  immutable('deletionTimestamp');
  errs.push(...validateLabels(meta.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(meta, path.child('ownerReferences')));
  return errs;
}

/** Renders a []string bad value (used by several validators). */
export const stringSlice = (values: readonly string[] | undefined): ReturnType<typeof goStringSlice> => goStringSlice('[]string', values);
