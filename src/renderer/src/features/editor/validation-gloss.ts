/**
 * Korean glosses for the apiserver's and kubectl's errors. The message itself stays verbatim
 * English — it is what kubectl prints, and what a learner will search for — and in the Korean UI a
 * short gloss of each error type it contains goes under it (ApplyResult, the editor's markers).
 * Types as apimachinery's field.ErrorType prints them (k8s.io/apimachinery/pkg/util/validation/field
 * errors.go), StatusReasons NotFound/AlreadyExists, go-yaml's syntax errors as kubectl wraps them,
 * and strict decoding's `unknown field`.
 */
import type { Locale } from '../../i18n/i18n.svelte';

/** Each error type's pattern and its Korean gloss, in the order glosses are listed. */
const GLOSSES: readonly [RegExp, string][] = [
  [/error converting YAML to JSON|error parsing .*: yaml:|^yaml: /, 'YAML 문법 오류입니다. 들여쓰기와 콜론(:)을 확인하세요.'],
  [/unknown field "/, '알 수 없는 필드입니다. 철자와 들여쓰기 위치를 확인하세요.'],
  [/: Required value\b/, '필수 값이 없습니다.'],
  [/: Invalid value: /, '값이 올바르지 않습니다.'],
  [/: Unsupported value: /, '지원하지 않는 값입니다. 허용되는 값 중 하나를 쓰세요.'],
  [/: Duplicate value: /, '같은 값이 중복되었습니다.'],
  [/: Forbidden: /, '허용되지 않는 설정입니다.'],
  [/: Too long: /, '값이 너무 깁니다.'],
  [/: Too many: /, '항목이 너무 많습니다.'],
  [/field is immutable/, '만든 뒤에는 바꿀 수 없는 필드입니다. 지우고 다시 만들어야 합니다.'],
  [/\(NotFound\)|: Not found: | not found$/m, '해당 오브젝트를 찾을 수 없습니다.'],
  [/\(AlreadyExists\)| already exists\b/, '같은 이름의 오브젝트가 이미 있습니다.'],
];

/** The glosses of the error types in `message`, for `locale` (none in English: the message is English). */
export function validationGlosses(message: string, locale: Locale): string[] {
  if (locale !== 'ko') return [];
  return GLOSSES.filter(([pattern]) => pattern.test(message)).map(([, gloss]) => gloss);
}

/** The glosses as one line (`` when there are none). */
export function validationGloss(message: string, locale: Locale): string {
  return validationGlosses(message, locale).join(' ');
}
