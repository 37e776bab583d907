/** ConfigMap validation (ValidateConfigMap, ValidateConfigMapUpdate in pkg/apis/core/validation). */

import type { FieldError } from '../../../shared/field-error-types';
import type { ConfigMap } from '../../../shared/api-types';
import { forbidden, invalid, tooLong } from '../field-error';
import { FieldPath, fieldPath } from '../field-path';
import { byteLength, nameIsDNSSubdomain } from './dns-name-rules';
import { isConfigMapKey } from './qualified-name-rules';
import { validateObjectMeta, validateObjectMetaUpdate } from './validate-object-meta';
import { jsonEqual } from '../../store/clone';

/** core.MaxSecretSize: data plus binaryData may hold at most 1 MiB. */
const MAX_CONFIG_MAP_SIZE = 1024 * 1024;

/** ValidateConfigMap. */
export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain, fieldPath('metadata'));
  let total = 0;
  const binary = (cm.binaryData as Record<string, string> | undefined) ?? {};
  for (const [key, value] of Object.entries(cm.data ?? {})) {
    const p = fieldPath('data').key(key);
    errs.push(...isConfigMapKey(key).map((m) => invalid(p, key, m)));
    if (key in binary) errs.push(invalid(p, key, 'duplicate of key present in binaryData'));
    total += byteLength(String(value));
  }
  for (const [key, value] of Object.entries(binary)) {
    errs.push(...isConfigMapKey(key).map((m) => invalid(fieldPath('binaryData').key(key), key, m)));
    total += Math.floor((String(value).length * 3) / 4);
  }
  // Upstream passes an empty path to mean "the whole object".
  if (total > MAX_CONFIG_MAP_SIZE) errs.push(tooLong(new FieldPath([]), MAX_CONFIG_MAP_SIZE));
  return errs;
}

/** ValidateConfigMapUpdate: an immutable ConfigMap keeps its data. */
export function validateConfigMapUpdate(cm: ConfigMap, old: ConfigMap): FieldError[] {
  const errs = validateObjectMetaUpdate(cm.metadata, old.metadata, fieldPath('metadata'));
  if (old.immutable === true) {
    if (cm.immutable !== true) errs.push(forbidden(fieldPath('immutable'), 'field is immutable when `immutable` is set'));
    if (!jsonEqual(cm.data ?? {}, old.data ?? {})) errs.push(forbidden(fieldPath('data'), 'field is immutable when `immutable` is set'));
    if (!jsonEqual(cm.binaryData ?? {}, old.binaryData ?? {})) errs.push(forbidden(fieldPath('binaryData'), 'field is immutable when `immutable` is set'));
  }
  return [...errs, ...validateConfigMap(cm)];
}
