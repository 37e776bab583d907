import { describe, expect, it } from 'vitest';
import { fillLocalized } from './localized-template';

describe('fillLocalized', () => {
  it.each([
    { name: 'fills one value into both languages', params: { key: 'sumary' }, expected: { en: 'unknown key "sumary"', ko: '알 수 없는 키 "sumary"' } },
    { name: 'fills a localized value per language', params: { key: { en: 'the lab', ko: '실습' } }, expected: { en: 'unknown key "the lab"', ko: '알 수 없는 키 "실습"' } },
    { name: 'writes a number as it is', params: { key: 7 }, expected: { en: 'unknown key "7"', ko: '알 수 없는 키 "7"' } },
    { name: 'leaves a placeholder without a value visible rather than guessing', params: {}, expected: { en: 'unknown key "{key}"', ko: '알 수 없는 키 "{key}"' } },
  ])('$name', ({ params, expected }) => {
    expect(fillLocalized({ en: 'unknown key "{key}"', ko: '알 수 없는 키 "{key}"' }, params)).toEqual(expected);
  });
});
