/**
 * Every problem parseLab can report, in English and Korean (issue 5 §2: every validation text
 * exists in both). The engine has no i18n library: a problem carries both texts and the renderer
 * shows the current locale's (the CLI prints the English one).
 *
 * Templates fill `{name}` placeholders. Code identifiers, keys, file names and values stay
 * verbatim in both languages; the Korean puts a noun after a value (`"{name}" 파일이`) so it never
 * needs 을(를)-style particles. Terms follow resources/labs/glossary.yaml (실습, 단계, 확인, 매니페스트).
 */

import type { LocalizedText } from '../../shared/lab-types';
import { fillLocalized, type TemplateParams } from '../localized-template';

export const LAB_PROBLEMS = {
  noLabFile: { en: 'the lab folder has no {file}', ko: '실습 폴더에 {file} 파일이 없습니다' },
  yamlSyntax: { en: '{detail}', ko: 'YAML 문법 오류: {detail}' },
  // The usual cause in lab texts: an unquoted sentence with ": " in it reads as a nested key.
  yamlColon: {
    en: '{detail} (quote a value that contains ": ", or write it as a block with | or >-)',
    ko: 'YAML 문법 오류: {detail} (": "가 들어간 값은 따옴표로 감싸거나 | 또는 >- 블록으로 쓰세요)',
  },
  labNotMapping: { en: 'lab.yaml must be a mapping with order, title, summary and steps', ko: 'lab.yaml 파일은 order, title, summary, steps 키가 있는 매핑이어야 합니다' },
  noSteps: { en: '{path}: a lab needs at least one step', ko: '{path}: 실습에는 단계가 하나 이상 있어야 합니다' },
  stepNotMapping: { en: '{path}: a step must be a mapping with id, title and text', ko: '{path}: 단계는 id, title, text 키가 있는 매핑이어야 합니다' },
  badStepId: {
    en: '{path}: "{id}" must be lowercase letters, digits and \'-\' (like a Kubernetes name)',
    ko: '{path}: "{id}" — 영문 소문자, 숫자, \'-\'만 쓸 수 있습니다 (쿠버네티스 이름과 같은 규칙)',
  },
  duplicateStepId: { en: '{path}: duplicate step id "{id}"', ko: '{path}: 단계 id "{id}" 값이 중복됩니다' },
  predictNotMapping: { en: '{path}: must be a mapping with question, choices, answer and explain', ko: '{path}: question, choices, answer, explain 키가 있는 매핑이어야 합니다' },
  tooFewChoices: { en: '{path}: a question needs at least two choices', ko: '{path}: 질문에는 보기가 두 개 이상 있어야 합니다' },
  answerOutOfRange: {
    en: '{path}: {answer} is out of range: choices are numbered from 0 to {last}',
    ko: '{path}: 범위를 벗어난 값 {answer} — 보기 번호는 0부터 {last}까지입니다',
  },
  ownFile: { en: '{path}: "{name}" is the lab\'s own file, not a manifest', ko: '{path}: "{name}" 파일은 실습 자체의 파일이라 매니페스트로 쓸 수 없습니다' },
  missingManifest: { en: '{path}: manifest "{name}" is not in the lab folder', ko: '{path}: 매니페스트 "{name}" 파일이 실습 폴더에 없습니다' },
  multiLineCommand: {
    en: '{path}: a command is one line (one click runs one line in the terminal)',
    ko: '{path}: 명령은 한 줄이어야 합니다 (한 번 클릭하면 터미널에서 한 줄을 실행합니다)',
  },
  commandFileMissing: { en: '{path}: "{line}" reads {file}, which is not in the lab folder', ko: '{path}: "{line}" 명령이 읽는 {file} 파일이 실습 폴더에 없습니다' },
  checkNotMapping: { en: '{path}: a check must be a mapping with kind: object, dns or output', ko: '{path}: 확인은 kind: object, dns, output 중 하나가 있는 매핑이어야 합니다' },
  missingCheckKind: { en: '{path}: missing kind (object, dns or output)', ko: '{path}: kind 키가 없습니다 (object, dns, output 중 하나)' },
  unsupportedValue: { en: '{path}: unsupported value "{value}": supported values: {allowed}', ko: '{path}: 지원하지 않는 값 "{value}" — 쓸 수 있는 값: {allowed}' },
  unknownObjectKind: { en: '{path}: unknown kind "{kind}" (one of {kinds})', ko: '{path}: 알 수 없는 kind "{kind}" ({kinds} 중 하나여야 합니다)' },
  notNamespaced: { en: '{path}: {kind} is not namespaced', ko: '{path}: {kind} 리소스는 네임스페이스에 속하지 않습니다' },
  refNotMapping: {
    en: '{path}: must be a mapping with kind, name and optionally namespace',
    ko: '{path}: kind, name 키(필요하면 namespace 키도)가 있는 매핑이어야 합니다',
  },
  badJsonpath: { en: '{path}: {detail}', ko: '{path}: 잘못된 jsonpath — {detail}' },
  comparesNeedJsonpath: {
    en: "{path}: equals and matches compare a jsonpath's output: add jsonpath",
    ko: '{path}: equals와 matches는 jsonpath의 출력과 비교합니다. jsonpath 키를 추가하세요',
  },
  equalsAndMatches: { en: '{path}: give equals or matches, not both', ko: '{path}: equals와 matches 중 하나만 쓰세요' },
  absentWithJsonpath: {
    en: '{path}: an absent object has no fields to compare: drop jsonpath or absent',
    ko: '{path}: 없어야 하는 오브젝트에는 비교할 필드가 없습니다. jsonpath나 absent 중 하나를 빼세요',
  },
  nxdomainWithRecords: {
    en: '{path}: an NXDOMAIN answer has no records: drop count and contains',
    ko: '{path}: NXDOMAIN 응답에는 레코드가 없습니다. count와 contains를 빼세요',
  },
  unknownKeyNear: { en: '{path}: unknown key "{key}" (did you mean "{near}"?)', ko: '{path}: 알 수 없는 키 "{key}" — 혹시 "{near}" 키를 쓰려던 건가요?' },
  unknownKey: { en: '{path}: unknown key "{key}" (known keys: {known})', ko: '{path}: 알 수 없는 키 "{key}" (쓸 수 있는 키: {known})' },
  noValue: { en: '{path}: has no value', ko: '{path}: 값이 없습니다' },
  missingKey: { en: '{path}: missing {key}', ko: '{path}: {key} 키가 없습니다' },
  notLocalized: { en: '{path}: must give the text in both languages (ko: …, en: …)', ko: '{path}: 텍스트를 두 언어로 모두 적어야 합니다 (ko: …, en: …)' },
  missingKo: { en: '{path}: missing ko (Korean) text', ko: '{path}: ko(한국어) 텍스트가 없습니다' },
  missingEn: { en: '{path}: missing en (English) text', ko: '{path}: en(영어) 텍스트가 없습니다' },
  notList: { en: '{path}: must be a list', ko: '{path}: 목록이어야 합니다' },
  notText: { en: '{path}: must be text', ko: '{path}: 텍스트여야 합니다' },
  emptyText: { en: '{path}: must be non-empty text', ko: '{path}: 비어 있지 않은 텍스트여야 합니다' },
  notWholeNumberFrom: { en: '{path}: must be a whole number from {min}', ko: '{path}: {min} 이상의 정수여야 합니다' },
  notWholeNumber: { en: '{path}: must be a whole number (0 or more)', ko: '{path}: 0 이상의 정수여야 합니다' },
  notBoolean: { en: '{path}: must be true or false', ko: '{path}: true 또는 false여야 합니다' },
  badRegex: { en: '{path}: not a valid regular expression: {detail}', ko: '{path}: 올바른 정규 표현식이 아닙니다 — {detail}' },
} as const satisfies Record<string, LocalizedText>;

export type LabProblemId = keyof typeof LAB_PROBLEMS;

/** The problem's text in both languages, with `{name}` placeholders filled. */
export function labProblemText(id: LabProblemId, params: TemplateParams = {}): LocalizedText {
  return fillLocalized(LAB_PROBLEMS[id], params);
}
