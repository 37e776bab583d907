/**
 * Fills `{name}` placeholders of a text written in both languages (problem messages the engine
 * reports: it has no i18n library, so it produces both texts and the UI picks the locale's).
 */

import type { LocalizedText } from '../shared/lab-types';

/** A placeholder's value: the same in both languages, or its own text in each. */
export type TemplateParam = string | number | LocalizedText;

/** A template's values by placeholder name. */
export type TemplateParams = Readonly<Record<string, TemplateParam | undefined>>;

/** Both texts with their placeholders filled; a placeholder without a value stays visible. */
export function fillLocalized(template: LocalizedText, params: TemplateParams = {}): LocalizedText {
  const fill = (lang: keyof LocalizedText): string =>
    template[lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'object' ? value[lang] : String(value);
    });
  return { en: fill('en'), ko: fill('ko') };
}
