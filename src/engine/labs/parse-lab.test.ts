import { describe, expect, it } from 'vitest';
import type { LabProblem } from '../../shared/lab-types';
import { appliedFile, parseLab } from './parse-lab';
import { bilingualMismatches } from './testing/bilingual-mismatches';

/** A small valid lab; each case changes one thing. */
const VALID = `order: 3
title:
  ko: 헤드리스 서비스
  en: Headless Services
summary:
  ko: 요약
  en: Summary
steps:
  - id: service
    title: { ko: 서비스, en: The Service }
    text:
      ko: 본문
      en: Body
    predict:
      question: { ko: 질문, en: Question }
      choices:
        - { ko: 하나, en: One }
        - { ko: 둘, en: Two }
      answer: 1
      explain: { ko: 설명, en: Why }
    manifests: [svc.yaml]
    commands:
      - kubectl get svc
      - line: kubectl apply -f svc.yaml
        note: { ko: 적용, en: Apply }
    checks:
      - kind: object
        ref: { kind: Service, name: headless1 }
        jsonpath: "{.spec.clusterIP}"
        equals: None
      - kind: dns
        name: headless1.default.svc.cluster.local
        type: A
        count: 2
      - kind: output
        command: 'nslookup\\s+headless1'
        matches: 'Address: 20\\.'
    hint: { ko: 힌트, en: Hint }
  - id: pods
    title: { ko: 파드, en: Pods }
    text: { ko: 본문, en: Body }
`;

const FILES = { 'svc.yaml': 'apiVersion: v1\nkind: Service\n' };

function parse(labYaml: string, files: Record<string, string> = FILES) {
  return parseLab({ files: { ...files, 'lab.yaml': labYaml }, id: 'headless', source: 'teacher' });
}

function problems(labYaml: string, files?: Record<string, string>): LabProblem[] {
  const parsed = parse(labYaml, files);
  return 'problems' in parsed ? parsed.problems : [];
}

/** One broken lab per case: the problem it must report (a part of its text in each language), located. */
interface Case {
  name: string;
  yaml: string | undefined;
  files?: Record<string, string>;
  expected: { en: string; ko: string; line?: number; column?: number; file?: string };
}

const CASES: Case[] = [
  { name: 'no lab.yaml at all', files: {}, yaml: undefined, expected: { file: 'lab.yaml', en: 'the lab folder has no lab.yaml', ko: '실습 폴더에 lab.yaml 파일이 없습니다' } },
  { name: 'a YAML syntax error', yaml: VALID.replace('order: 3', 'order: [3'), expected: { line: 2, en: 'Flow sequence', ko: 'YAML 문법 오류: Flow sequence' } },
  { name: 'a plain value with ": " in it', yaml: VALID.replace('en: Summary', 'en: Summary: more'), expected: { line: 7, column: 7, en: 'quote a value that contains ": "', ko: '": "가 들어간 값은 따옴표로 감싸거나' } },
  { name: 'a duplicate key', yaml: VALID.replace('order: 3', 'order: 3\norder: 4'), expected: { line: 2, en: 'Map keys must be unique', ko: 'YAML 문법 오류: Map keys must be unique' } },
  { name: 'not a mapping', yaml: '- just a list\n', expected: { line: 1, column: 1, en: 'lab.yaml must be a mapping', ko: 'lab.yaml 파일은 order, title, summary, steps 키가 있는 매핑이어야 합니다' } },
  { name: 'an unknown top-level key', yaml: VALID.replace('order: 3', 'order: 3\nauthor: me'), expected: { line: 2, column: 1, en: 'the lab: unknown key "author"', ko: '실습: 알 수 없는 키 "author" (쓸 수 있는 키: order, title, summary, steps)' } },
  { name: 'a misspelt key gets a suggestion', yaml: VALID.replace('summary:', 'sumary:'), expected: { line: 5, column: 1, en: 'unknown key "sumary" (did you mean "summary"?)', ko: '실습: 알 수 없는 키 "sumary" — 혹시 "summary" 키를 쓰려던 건가요?' } },
  { name: 'a missing required key', yaml: VALID.replace(/summary:\n {2}ko: 요약\n {2}en: Summary\n/, ''), expected: { line: 1, en: 'the lab: missing summary', ko: '실습: summary 키가 없습니다' } },
  { name: 'missing English text', yaml: VALID.replace('  en: Headless Services\n', ''), expected: { line: 3, column: 3, en: 'title: missing en (English) text', ko: 'title: en(영어) 텍스트가 없습니다' } },
  { name: 'missing Korean text', yaml: VALID.replace('{ ko: 서비스, en: The Service }', '{ en: The Service }'), expected: { line: 10, column: 12, en: 'steps[0].title: missing ko (Korean) text', ko: 'steps[0].title: ko(한국어) 텍스트가 없습니다' } },
  { name: 'text given in one language only, as a string', yaml: VALID.replace('{ ko: 힌트, en: Hint }', 'Hint'), expected: { line: 38, column: 11, en: 'steps[0].hint: must give the text in both languages', ko: 'steps[0].hint: 텍스트를 두 언어로 모두 적어야 합니다' } },
  { name: 'an order that is not a whole number', yaml: VALID.replace('order: 3', 'order: first'), expected: { line: 1, column: 8, en: 'order: must be a whole number from 1', ko: 'order: 1 이상의 정수여야 합니다' } },
  { name: 'an empty step list', yaml: VALID.replace(/steps:[\s\S]*$/, 'steps: []\n'), expected: { line: 8, en: 'steps: a lab needs at least one step', ko: 'steps: 실습에는 단계가 하나 이상 있어야 합니다' } },
  { name: 'a duplicate step id', yaml: VALID.replace('- id: pods', '- id: service'), expected: { line: 39, column: 9, en: 'steps[1].id: duplicate step id "service"', ko: 'steps[1].id: 단계 id "service" 값이 중복됩니다' } },
  { name: 'a step id that is not a name', yaml: VALID.replace('- id: pods', '- id: Pods Step'), expected: { line: 39, column: 9, en: 'must be lowercase letters', ko: 'steps[1].id: "Pods Step" — 영문 소문자, 숫자, \'-\'만 쓸 수 있습니다' } },
  { name: 'an unknown step key', yaml: VALID.replace('    hint:', '    tip: x\n    hint:'), expected: { line: 38, column: 5, en: 'steps[0]: unknown key "tip"', ko: 'steps[0]: 알 수 없는 키 "tip"' } },
  { name: 'a manifest that is not in the folder', yaml: VALID.replace('[svc.yaml]', '[svc.yaml, pods.yaml]'), expected: { line: 21, column: 27, en: 'steps[0].manifests[1]: manifest "pods.yaml" is not in the lab folder', ko: 'steps[0].manifests[1]: 매니페스트 "pods.yaml" 파일이 실습 폴더에 없습니다' } },
  { name: 'a command applying a file that is not in the folder', yaml: VALID.replace('line: kubectl apply -f svc.yaml', 'line: kubectl apply -f nope.yaml'), expected: { line: 24, column: 15, en: 'reads nope.yaml, which is not in the lab folder', ko: 'steps[0].commands[1]: "kubectl apply -f nope.yaml" 명령이 읽는 nope.yaml 파일이 실습 폴더에 없습니다' } },
  { name: 'a command of several lines', yaml: VALID.replace('      - kubectl get svc\n', '      - |\n        kubectl get svc\n        kubectl get pods\n'), expected: { line: 23, en: 'steps[0].commands[0]: a command is one line', ko: 'steps[0].commands[0]: 명령은 한 줄이어야 합니다' } },
  { name: 'an answer index out of range', yaml: VALID.replace('answer: 1', 'answer: 2'), expected: { line: 19, column: 15, en: 'steps[0].predict.answer: 2 is out of range: choices are numbered from 0 to 1', ko: 'steps[0].predict.answer: 범위를 벗어난 값 2 — 보기 번호는 0부터 1까지입니다' } },
  { name: 'a question with one choice', yaml: VALID.replace('        - { ko: 둘, en: Two }\n', '').replace('answer: 1', 'answer: 0'), expected: { line: 17, en: 'a question needs at least two choices', ko: 'steps[0].predict.choices: 질문에는 보기가 두 개 이상 있어야 합니다' } },
  { name: 'a check without a kind', yaml: VALID.replace('      - kind: object\n        ref:', '      - ref:'), expected: { line: 27, column: 9, en: 'steps[0].checks[0]: missing kind', ko: 'steps[0].checks[0]: kind 키가 없습니다' } },
  { name: 'an unknown check kind', yaml: VALID.replace('kind: object', 'kind: objects'), expected: { line: 27, column: 15, en: 'unsupported value "objects": supported values: "object", "dns", "output"', ko: 'steps[0].checks[0].kind: 지원하지 않는 값 "objects" — 쓸 수 있는 값: "object", "dns", "output"' } },
  { name: 'an unknown key on a check', yaml: VALID.replace('        equals: None', '        equals: None\n        count: 1'), expected: { line: 31, column: 9, en: 'steps[0].checks[0]: unknown key "count"', ko: 'steps[0].checks[0]: 알 수 없는 키 "count"' } },
  { name: 'an object check without ref', yaml: VALID.replace('        ref: { kind: Service, name: headless1 }\n', ''), expected: { line: 27, en: 'steps[0].checks[0]: missing ref', ko: 'steps[0].checks[0]: ref 키가 없습니다' } },
  { name: 'an unknown object kind', yaml: VALID.replace('kind: Service, name', 'kind: Services, name'), expected: { line: 28, column: 22, en: 'unknown kind "Services"', ko: 'steps[0].checks[0].ref.kind: 알 수 없는 kind "Services" (Pod, Service' } },
  { name: 'a namespace on a cluster-scoped kind', yaml: VALID.replace('{ kind: Service, name: headless1 }', '{ kind: Node, namespace: default, name: node1 }'), expected: { line: 28, en: 'Node is not namespaced', ko: 'steps[0].checks[0].ref.namespace: Node 리소스는 네임스페이스에 속하지 않습니다' } },
  { name: 'an invalid jsonpath', yaml: VALID.replace('"{.spec.clusterIP}"', '"{.spec.clusterIP"'), expected: { line: 29, column: 19, en: 'steps[0].checks[0].jsonpath: unclosed action', ko: 'steps[0].checks[0].jsonpath: 잘못된 jsonpath — unclosed action' } },
  { name: 'equals without jsonpath', yaml: VALID.replace('        jsonpath: "{.spec.clusterIP}"\n', ''), expected: { line: 29, en: 'add jsonpath', ko: 'equals와 matches는 jsonpath의 출력과 비교합니다. jsonpath 키를 추가하세요' } },
  { name: 'equals and matches together', yaml: VALID.replace('        equals: None', '        equals: None\n        matches: None'), expected: { line: 31, en: 'give equals or matches, not both', ko: 'steps[0].checks[0]: equals와 matches 중 하나만 쓰세요' } },
  { name: 'absent with a jsonpath', yaml: VALID.replace('        equals: None', '        absent: true'), expected: { line: 29, en: 'an absent object has no fields to compare', ko: 'steps[0].checks[0]: 없어야 하는 오브젝트에는 비교할 필드가 없습니다' } },
  { name: 'absent that is not a boolean', yaml: VALID.replace('        equals: None', '        equals: None\n        absent: yes please'), expected: { line: 31, en: 'absent: must be true or false', ko: 'steps[0].checks[0].absent: true 또는 false여야 합니다' } },
  { name: 'an invalid regular expression', yaml: VALID.replace("matches: 'Address: 20\\.'", "matches: 'Address: (20'"), expected: { line: 37, column: 18, en: 'steps[0].checks[2].matches: not a valid regular expression', ko: 'steps[0].checks[2].matches: 올바른 정규 표현식이 아닙니다 — ' } },
  { name: 'an invalid command regular expression', yaml: VALID.replace("command: 'nslookup\\s+headless1'", "command: '[nslookup'"), expected: { line: 36, column: 18, en: 'steps[0].checks[2].command: not a valid regular expression', ko: 'steps[0].checks[2].command: 올바른 정규 표현식이 아닙니다 — ' } },
  { name: 'an output check without command', yaml: VALID.replace("        command: 'nslookup\\s+headless1'\n", ''), expected: { line: 35, en: 'steps[0].checks[2]: missing command', ko: 'steps[0].checks[2]: command 키가 없습니다' } },
  { name: 'an unsupported DNS type', yaml: VALID.replace('type: A', 'type: MX'), expected: { line: 33, column: 15, en: 'unsupported value "MX"', ko: 'steps[0].checks[1].type: 지원하지 않는 값 "MX" — 쓸 수 있는 값: "A", "AAAA", "SRV", "PTR", "CNAME", "TXT"' } },
  { name: 'a negative DNS count', yaml: VALID.replace('count: 2', 'count: -1'), expected: { line: 34, column: 16, en: 'count: must be a whole number (0 or more)', ko: 'steps[0].checks[1].count: 0 이상의 정수여야 합니다' } },
  { name: 'NXDOMAIN with a count', yaml: VALID.replace('count: 2', 'count: 2\n        rcode: NXDOMAIN'), expected: { line: 34, en: 'an NXDOMAIN answer has no records', ko: 'steps[0].checks[1]: NXDOMAIN 응답에는 레코드가 없습니다. count와 contains를 빼세요' } },
  { name: 'a top-level key without a value', yaml: VALID.replace('order: 3', 'order:'), expected: { line: 1, column: 1, en: 'order: has no value', ko: 'order: 값이 없습니다' } },
  { name: 'a key without a value', yaml: VALID.replace('    hint: { ko: 힌트, en: Hint }', '    hint:'), expected: { line: 38, column: 5, en: 'steps[0].hint: has no value', ko: 'steps[0].hint: 값이 없습니다' } },
]

function problemsOf({ yaml, files }: Pick<Case, 'yaml' | 'files'>): LabProblem[] {
  if (yaml !== undefined) return problems(yaml, files);
  const parsed = parseLab({ files: files ?? {}, id: 'x', source: 'teacher' });
  return 'problems' in parsed ? parsed.problems : [];
}

describe('parseLab', () => {
  it('reads a valid lab into the Lab shape', () => {
    const parsed = parse(VALID);
    if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
    const { lab } = parsed;
    expect(lab).toMatchObject({ id: 'headless', order: 3, source: 'teacher', title: { ko: '헤드리스 서비스', en: 'Headless Services' } });
    expect(lab.files).toEqual(FILES);
    expect(lab.steps.map((s) => s.id)).toEqual(['service', 'pods']);
    const step = lab.steps[0];
    expect(step.predict?.answer).toBe(1);
    expect(step.commands).toEqual([{ line: 'kubectl get svc' }, { line: 'kubectl apply -f svc.yaml', note: { ko: '적용', en: 'Apply' } }]);
    expect(step.checks).toEqual([
      { kind: 'object', ref: { kind: 'Service', name: 'headless1' }, jsonpath: '{.spec.clusterIP}', equals: 'None' },
      { kind: 'dns', name: 'headless1.default.svc.cluster.local', type: 'A', count: 2 },
      { kind: 'output', command: 'nslookup\\s+headless1', matches: 'Address: 20\\.' },
    ]);
    expect(lab.clusterConfig).toBeUndefined();
  });

  it('keeps the folder cluster.yaml as the lab cluster config', () => {
    const parsed = parse(VALID, { ...FILES, 'cluster.yaml': 'cloudProvider: on\n' });
    expect('lab' in parsed && parsed.lab.clusterConfig).toBe('cloudProvider: on\n');
  });

  it.each(CASES)('$name', ({ yaml, files, expected }) => {
    const found = problemsOf({ yaml, files });
    const { en, ko, ...where } = expected;
    const match = found.find((p) => p.message.en.includes(en));
    expect(match, `problems: ${JSON.stringify(found, null, 1)}`).toBeDefined();
    expect(match).toMatchObject({ file: 'lab.yaml', ...where });
    expect(match?.message.ko).toContain(ko);
  });

  it('reports every problem in Korean and English, with the same values in both', () => {
    const found = [...CASES.flatMap(problemsOf), ...problems(VALID, { ...FILES, 'cluster.yaml': 'colour: blue\nseed: -1\n' })];
    expect(found.length).toBeGreaterThanOrEqual(CASES.length);
    for (const p of found) expect(bilingualMismatches(p.message), JSON.stringify(p.message)).toEqual([]);
  });

  it('reports every problem, not just the first', () => {
    const yaml = VALID.replace('answer: 1', 'answer: 9').replace('type: A', 'type: MX').replace('[svc.yaml]', '[gone.yaml]');
    expect(problems(yaml).map((p) => p.line)).toEqual([19, 21, 33]);
  });

  it('reports an invalid cluster.yaml against that file', () => {
    expect(problems(VALID, { ...FILES, 'cluster.yaml': 'cloudProvider: maybe\n' })).toEqual([
      { file: 'cluster.yaml', message: { en: 'cloudProvider: "maybe" must be on or off', ko: 'cloudProvider: "maybe" — on 또는 off여야 합니다' } },
    ]);
  });

  it.each([
    { line: 'kubectl apply -f pods.yaml', file: 'pods.yaml' },
    { line: 'kubectl apply -f ./pods.yaml', file: 'pods.yaml' },
    { line: 'kubectl create --filename=svc.yaml', file: 'svc.yaml' },
    { line: 'kubectl delete -f svc.yaml', file: 'svc.yaml' },
    { line: 'kubectl get -f svc.yaml', file: undefined },
    { line: 'kubectl exec pod4 -- nslookup headless1', file: undefined },
  ])('appliedFile($line) is $file', ({ line, file }) => {
    expect(appliedFile(line)).toBe(file);
  });
});
