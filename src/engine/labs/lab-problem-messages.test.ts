import { describe, expect, it } from 'vitest';
import { LAB_PROBLEMS, labProblemText, type LabProblemId } from './lab-problem-messages';
import { bilingualMismatches } from './testing/bilingual-mismatches';

// parse-lab.test.ts applies the same check to every problem the parser actually reports.
describe('LAB_PROBLEMS', () => {
  it.each(Object.keys(LAB_PROBLEMS) as LabProblemId[])('%s exists in Korean and English with the same placeholders and quoted values', (id) => {
    expect(bilingualMismatches(LAB_PROBLEMS[id])).toEqual([]);
  });
});

describe('bilingualMismatches', () => {
  it.each([
    { name: 'an empty Korean text', text: { en: 'x', ko: '' }, expected: 'ko is empty' },
    { name: 'English copied into ko', text: { en: 'must be a list', ko: 'must be a list' }, expected: 'ko is not Korean' },
    { name: 'a placeholder missing in one language', text: { en: '{path}: missing {key}', ko: '{path}: 키가 없습니다' }, expected: 'placeholders differ' },
    { name: 'a quoted value missing in one language', text: { en: 'unknown key "{key}"', ko: '알 수 없는 키 {key}' }, expected: 'quoted values differ' },
  ])('notices $name', ({ text, expected }) => {
    expect(bilingualMismatches(text).join('\n')).toContain(expected);
  });
});

describe('labProblemText', () => {
  it.each([
    {
      name: 'fills the same value into both languages',
      id: 'missingManifest' as const,
      params: { path: 'steps[0].manifests[1]', name: 'pods.yaml' },
      expected: { en: 'steps[0].manifests[1]: manifest "pods.yaml" is not in the lab folder', ko: 'steps[0].manifests[1]: 매니페스트 "pods.yaml" 파일이 실습 폴더에 없습니다' },
    },
    {
      name: 'fills a localized value per language',
      id: 'missingKey' as const,
      params: { path: { en: 'the lab', ko: '실습' }, key: 'summary' },
      expected: { en: 'the lab: missing summary', ko: '실습: summary 키가 없습니다' },
    },
    {
      name: 'writes numbers as they are',
      id: 'answerOutOfRange' as const,
      params: { path: 'steps[0].predict.answer', answer: 2, last: 1 },
      expected: { en: 'steps[0].predict.answer: 2 is out of range: choices are numbered from 0 to 1', ko: 'steps[0].predict.answer: 범위를 벗어난 값 2 — 보기 번호는 0부터 1까지입니다' },
    },
  ])('$name', ({ id, params, expected }) => {
    expect(labProblemText(id, params)).toEqual(expected);
  });
});
