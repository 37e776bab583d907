/**
 * Korean-first UI text. Each feature keeps its own dictionary (`{ ko: {...}, en: {...} }`) next to
 * this file; `i18n.t(dict, key, params)` picks the current locale and fills `{name}` placeholders.
 * A key missing in one language falls back to the other, never to the raw key.
 */

export type Locale = 'ko' | 'en';
export type Dictionary<K extends string = string> = { ko: Record<K, string>; en: Record<K, string> };

export function defineMessages<K extends string>(dict: Dictionary<K>): Dictionary<K> {
  return dict;
}

class I18n {
  locale = $state<Locale>('ko');

  t<K extends string>(dict: Dictionary<K>, key: K, params: Record<string, string | number> = {}): string {
    const text = dict[this.locale][key] ?? dict[this.locale === 'ko' ? 'en' : 'ko'][key] ?? key;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  }
}

/** The app's one i18n instance (the locale is app-wide). */
export const i18n = new I18n();
