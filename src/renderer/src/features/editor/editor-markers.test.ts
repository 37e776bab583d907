import { describe, expect, it } from 'vitest';
import type { ApplyReport, LocatedMessage } from '../../../../shared/field-error-types';
import { isOpaqueSchemaMessage, languageServerMarkers, localizeSchemaMessage, MarkerSeverity, offsetMessages, reportMessages, toMarkers } from './editor-markers';

const range = { line: 10, column: 7, endLine: 10, endColumn: 11 };

describe('toMarkers', () => {
  it.each<{ name: string; input: LocatedMessage; expected: ReturnType<typeof toMarkers>[number] }>([
    {
      name: 'a field error is the apiserver’s, an error, at its range',
      input: { severity: 'error', message: 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive', field: 'spec.ports[0].port', range },
      expected: { severity: MarkerSeverity.Error, message: 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive', source: 'kube-apiserver', startLineNumber: 10, startColumn: 7, endLineNumber: 10, endColumn: 11 },
    },
    {
      name: 'a YAML error without a field is kubectl’s',
      input: { severity: 'error', message: 'error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context', range: { line: 3, column: 5, endLine: 4, endColumn: 1 } },
      expected: { severity: MarkerSeverity.Error, message: 'error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context', source: 'kubectl', startLineNumber: 3, startColumn: 5, endLineNumber: 4, endColumn: 1 },
    },
    {
      name: 'a warning stays a warning',
      input: { severity: 'warning', message: 'duplicate key', range },
      expected: { severity: MarkerSeverity.Warning, message: 'duplicate key', source: 'kubectl', startLineNumber: 10, startColumn: 7, endLineNumber: 10, endColumn: 11 },
    },
    {
      name: 'an empty range is widened to one column so it shows',
      input: { severity: 'error', message: 'm', field: 'kind', range: { line: 2, column: 1, endLine: 2, endColumn: 1 } },
      expected: { severity: MarkerSeverity.Error, message: 'm', source: 'kube-apiserver', startLineNumber: 2, startColumn: 1, endLineNumber: 2, endColumn: 2 },
    },
    {
      name: 'no range: line 1',
      input: { severity: 'warning', message: 'w' },
      expected: { severity: MarkerSeverity.Warning, message: 'w', source: 'kubectl', startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 2 },
    },
  ])('$name', ({ input, expected }) => {
    expect(toMarkers([input])).toEqual([expected]);
  });
});

describe('reportMessages', () => {
  const doc = { line: 5, column: 1, endLine: 12, endColumn: 1 };
  it.each<{ name: string; report: ApplyReport; expected: LocatedMessage[] }>([
    { name: 'an empty report', report: { outcomes: [], messages: [] }, expected: [] },
    {
      name: 'whole-text messages first, then each document’s',
      report: { messages: [{ severity: 'error', message: 'a', range }], outcomes: [{ index: 0, action: 'failed', messages: [{ severity: 'error', message: 'b', field: 'spec', range }], range: doc }] },
      expected: [
        { severity: 'error', message: 'a', range },
        { severity: 'error', message: 'b', field: 'spec', range },
      ],
    },
    {
      name: 'a warning without a range points at its document’s first line',
      report: { messages: [], outcomes: [{ index: 0, action: 'created', messages: [{ severity: 'warning', message: 'w' }], range: doc }] },
      expected: [{ severity: 'warning', message: 'w', range: { line: 5, column: 1, endLine: 5, endColumn: 2 } }],
    },
    {
      name: 'a failed document without messages shows its status message',
      report: { messages: [], outcomes: [{ index: 1, action: 'failed', error: { reason: 'AlreadyExists', code: 409, message: 'services "x" already exists', causes: [] }, messages: [], range: doc }] },
      expected: [{ severity: 'error', message: 'services "x" already exists', range: { line: 5, column: 1, endLine: 5, endColumn: 2 } }],
    },
    {
      name: 'a created document adds nothing',
      report: { messages: [], outcomes: [{ index: 0, action: 'created', messages: [], range: doc }] },
      expected: [],
    },
  ])('$name', ({ report, expected }) => {
    expect(reportMessages(report)).toEqual(expected);
  });
});

describe('language-server messages', () => {
  it.each([
    ['Matches multiple schemas when only one must validate.', true],
    ['  Matches multiple schemas when only one must validate.', true],
    ['Property x is not allowed.', false],
    ['Value is not accepted. Valid values: "A".', false],
  ])('opaque(%j) = %s', (message, expected) => {
    expect(isOpaqueSchemaMessage(message)).toBe(expected);
  });

  it.each([
    { input: 'Value is not accepted. Valid values: "ClusterIP", "NodePort".', ko: '허용되지 않는 값입니다. 쓸 수 있는 값: "ClusterIP", "NodePort".' },
    { input: 'Property hostname is not allowed.', ko: '알 수 없는 필드입니다: hostname.' },
    { input: 'Missing property "containers".', ko: '필수 필드 "containers"가 없습니다.' },
    { input: 'Incorrect type. Expected "integer".', ko: '타입이 맞지 않습니다. "integer"이어야 합니다.' },
    { input: 'Value is above the maximum of 65535.', ko: 'Value is above the maximum of 65535.' },
  ])('ko: $input', ({ input, ko }) => {
    expect(localizeSchemaMessage(input, 'ko')).toBe(ko);
    expect(localizeSchemaMessage(input, 'en')).toBe(input);
  });

  it('drops opaque markers, localizes the rest, keeps other fields', () => {
    const markers = [
      { message: 'Matches multiple schemas when only one must validate.', startLineNumber: 1 },
      { message: 'Property hostname is not allowed.', startLineNumber: 6 },
    ];
    expect(languageServerMarkers(markers, 'ko')).toEqual([{ message: '알 수 없는 필드입니다: hostname.', startLineNumber: 6 }]);
  });
});

describe('markers in the Korean UI', () => {
  it.each([
    { name: 'a field error keeps its English text and gets a gloss below', message: 'spec.ports[0].port: Required value', locale: 'ko' as const, expected: 'spec.ports[0].port: Required value\n필수 값이 없습니다.' },
    { name: 'English stays as kubectl prints it', message: 'spec.ports[0].port: Required value', locale: 'en' as const, expected: 'spec.ports[0].port: Required value' },
    { name: 'a message of no known type gets no gloss', message: 'duplicate key', locale: 'ko' as const, expected: 'duplicate key' },
  ])('$name', ({ message, locale, expected }) => {
    expect(toMarkers([{ severity: 'error', message, range }], locale)[0].message).toBe(expected);
  });
});

describe('offsetMessages (apply of a selection)', () => {
  it.each([
    { name: 'no selection: unchanged', start: undefined, input: { line: 2, column: 3, endLine: 2, endColumn: 9 }, expected: { line: 2, column: 3, endLine: 2, endColumn: 9 } },
    { name: 'lines move down by the selection start', start: { line: 11, column: 1 }, input: { line: 2, column: 3, endLine: 3, endColumn: 9 }, expected: { line: 12, column: 3, endLine: 13, endColumn: 9 } },
    { name: 'the first line also moves right when the selection starts mid-line', start: { line: 11, column: 5 }, input: { line: 1, column: 3, endLine: 1, endColumn: 9 }, expected: { line: 11, column: 7, endLine: 11, endColumn: 13 } },
    { name: 'an unranged message goes to the selection start', start: { line: 7, column: 1 }, input: undefined, expected: { line: 7, column: 1, endLine: 7, endColumn: 1 } },
  ])('$name', ({ start, input, expected }) => {
    const [m] = offsetMessages([{ severity: 'error', message: 'x', ...(input ? { range: input } : {}) }], start);
    expect(m.range ?? { line: 1, column: 1, endLine: 1, endColumn: 1 }).toEqual(expected);
  });
});
