import { describe, expect, it } from 'vitest';
import type { LabProblem } from '../../shared/lab-types';
import { appliedFile, parseLab } from './parse-lab';

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

  it.each([
    { name: 'no lab.yaml at all', files: {}, yaml: undefined, expected: { file: 'lab.yaml', message: 'the lab folder has no lab.yaml' } },
    { name: 'a YAML syntax error', yaml: VALID.replace('order: 3', 'order: [3'), expected: { line: 2, message: 'Flow sequence' } },
    { name: 'a plain value with ": " in it', yaml: VALID.replace('en: Summary', 'en: Summary: more'), expected: { line: 7, column: 7, message: 'quote a value that contains ": "' } },
    { name: 'a duplicate key', yaml: VALID.replace('order: 3', 'order: 3\norder: 4'), expected: { line: 2, message: 'Map keys must be unique' } },
    { name: 'not a mapping', yaml: '- just a list\n', expected: { line: 1, column: 1, message: 'lab.yaml must be a mapping' } },
    { name: 'an unknown top-level key', yaml: VALID.replace('order: 3', 'order: 3\nauthor: me'), expected: { line: 2, column: 1, message: 'the lab: unknown key "author"' } },
    { name: 'a misspelt key gets a suggestion', yaml: VALID.replace('summary:', 'sumary:'), expected: { line: 5, column: 1, message: 'unknown key "sumary" (did you mean "summary"?)' } },
    { name: 'a missing required key', yaml: VALID.replace(/summary:\n {2}ko: 요약\n {2}en: Summary\n/, ''), expected: { line: 1, message: 'the lab: missing summary' } },
    { name: 'missing English text', yaml: VALID.replace('  en: Headless Services\n', ''), expected: { line: 3, column: 3, message: 'title: missing en (English) text' } },
    { name: 'missing Korean text', yaml: VALID.replace('{ ko: 서비스, en: The Service }', '{ en: The Service }'), expected: { line: 10, column: 12, message: 'steps[0].title: missing ko (Korean) text' } },
    { name: 'text given in one language only, as a string', yaml: VALID.replace('{ ko: 힌트, en: Hint }', 'Hint'), expected: { line: 38, column: 11, message: 'steps[0].hint: must give the text in both languages' } },
    { name: 'an order that is not a whole number', yaml: VALID.replace('order: 3', 'order: first'), expected: { line: 1, column: 8, message: 'order: must be a whole number from 1' } },
    { name: 'an empty step list', yaml: VALID.replace(/steps:[\s\S]*$/, 'steps: []\n'), expected: { line: 8, message: 'steps: a lab needs at least one step' } },
    { name: 'a duplicate step id', yaml: VALID.replace('- id: pods', '- id: service'), expected: { line: 39, column: 9, message: 'steps[1].id: duplicate step id "service"' } },
    { name: 'a step id that is not a name', yaml: VALID.replace('- id: pods', '- id: Pods Step'), expected: { line: 39, column: 9, message: 'must be lowercase letters' } },
    { name: 'an unknown step key', yaml: VALID.replace('    hint:', '    tip: x\n    hint:'), expected: { line: 38, column: 5, message: 'steps[0]: unknown key "tip"' } },
    { name: 'a manifest that is not in the folder', yaml: VALID.replace('[svc.yaml]', '[svc.yaml, pods.yaml]'), expected: { line: 21, column: 27, message: 'steps[0].manifests[1]: manifest "pods.yaml" is not in the lab folder' } },
    { name: 'a command applying a file that is not in the folder', yaml: VALID.replace('line: kubectl apply -f svc.yaml', 'line: kubectl apply -f nope.yaml'), expected: { line: 24, column: 15, message: 'reads nope.yaml, which is not in the lab folder' } },
    { name: 'a command of several lines', yaml: VALID.replace('      - kubectl get svc\n', '      - |\n        kubectl get svc\n        kubectl get pods\n'), expected: { line: 23, message: 'steps[0].commands[0]: a command is one line' } },
    { name: 'an answer index out of range', yaml: VALID.replace('answer: 1', 'answer: 2'), expected: { line: 19, column: 15, message: 'steps[0].predict.answer: 2 is out of range: choices are numbered from 0 to 1' } },
    { name: 'a question with one choice', yaml: VALID.replace('        - { ko: 둘, en: Two }\n', '').replace('answer: 1', 'answer: 0'), expected: { line: 17, message: 'a question needs at least two choices' } },
    { name: 'a check without a kind', yaml: VALID.replace('      - kind: object\n        ref:', '      - ref:'), expected: { line: 27, column: 9, message: 'steps[0].checks[0]: missing kind' } },
    { name: 'an unknown check kind', yaml: VALID.replace('kind: object', 'kind: objects'), expected: { line: 27, column: 15, message: 'unsupported value "objects": supported values: "object", "dns", "output"' } },
    { name: 'an unknown key on a check', yaml: VALID.replace('        equals: None', '        equals: None\n        count: 1'), expected: { line: 31, column: 9, message: 'steps[0].checks[0]: unknown key "count"' } },
    { name: 'an object check without ref', yaml: VALID.replace('        ref: { kind: Service, name: headless1 }\n', ''), expected: { line: 27, message: 'steps[0].checks[0]: missing ref' } },
    { name: 'an unknown object kind', yaml: VALID.replace('kind: Service, name', 'kind: Services, name'), expected: { line: 28, column: 22, message: 'unknown kind "Services"' } },
    { name: 'a namespace on a cluster-scoped kind', yaml: VALID.replace('{ kind: Service, name: headless1 }', '{ kind: Node, namespace: default, name: node1 }'), expected: { line: 28, message: 'Node is not namespaced' } },
    { name: 'an invalid jsonpath', yaml: VALID.replace('"{.spec.clusterIP}"', '"{.spec.clusterIP"'), expected: { line: 29, column: 19, message: 'steps[0].checks[0].jsonpath: unclosed action' } },
    { name: 'equals without jsonpath', yaml: VALID.replace('        jsonpath: "{.spec.clusterIP}"\n', ''), expected: { line: 29, message: 'add jsonpath' } },
    { name: 'equals and matches together', yaml: VALID.replace('        equals: None', '        equals: None\n        matches: None'), expected: { line: 31, message: 'give equals or matches, not both' } },
    { name: 'absent with a jsonpath', yaml: VALID.replace('        equals: None', '        absent: true'), expected: { line: 29, message: 'an absent object has no fields to compare' } },
    { name: 'absent that is not a boolean', yaml: VALID.replace('        equals: None', '        equals: None\n        absent: yes please'), expected: { line: 31, message: 'absent: must be true or false' } },
    { name: 'an invalid regular expression', yaml: VALID.replace("matches: 'Address: 20\\.'", "matches: 'Address: (20'"), expected: { line: 37, column: 18, message: 'steps[0].checks[2].matches: not a valid regular expression' } },
    { name: 'an invalid command regular expression', yaml: VALID.replace("command: 'nslookup\\s+headless1'", "command: '[nslookup'"), expected: { line: 36, column: 18, message: 'steps[0].checks[2].command: not a valid regular expression' } },
    { name: 'an output check without command', yaml: VALID.replace("        command: 'nslookup\\s+headless1'\n", ''), expected: { line: 35, message: 'steps[0].checks[2]: missing command' } },
    { name: 'an unsupported DNS type', yaml: VALID.replace('type: A', 'type: MX'), expected: { line: 33, column: 15, message: 'unsupported value "MX"' } },
    { name: 'a negative DNS count', yaml: VALID.replace('count: 2', 'count: -1'), expected: { line: 34, column: 16, message: 'count: must be a whole number (0 or more)' } },
    { name: 'NXDOMAIN with a count', yaml: VALID.replace('count: 2', 'count: 2\n        rcode: NXDOMAIN'), expected: { line: 34, message: 'an NXDOMAIN answer has no records' } },
    { name: 'a key without a value', yaml: VALID.replace('    hint: { ko: 힌트, en: Hint }', '    hint:'), expected: { line: 38, column: 5, message: 'steps[0].hint: has no value' } },
  ])('$name', ({ yaml, files, expected }) => {
    const found = yaml === undefined ? (() => {
      const parsed = parseLab({ files: files ?? {}, id: 'x', source: 'teacher' });
      return 'problems' in parsed ? parsed.problems : [];
    })() : problems(yaml, files);
    const { message, ...where } = expected;
    const match = found.find((p) => p.message.includes(message));
    expect(match, `problems: ${JSON.stringify(found, null, 1)}`).toBeDefined();
    expect(match).toMatchObject({ file: 'lab.yaml', ...where });
  });

  it('reports every problem, not just the first', () => {
    const yaml = VALID.replace('answer: 1', 'answer: 9').replace('type: A', 'type: MX').replace('[svc.yaml]', '[gone.yaml]');
    expect(problems(yaml).map((p) => p.line)).toEqual([19, 21, 33]);
  });

  it('reports an invalid cluster.yaml against that file', () => {
    expect(problems(VALID, { ...FILES, 'cluster.yaml': 'cloudProvider: maybe\n' })).toEqual([{ file: 'cluster.yaml', message: expect.stringContaining('cloudProvider') }]);
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
