/** Picks a lab text in the current locale; an empty or missing side falls back to the other language. */
import type { LocalizedText } from '../../../../shared/lab-types';
import type { Locale } from '../../i18n/i18n.svelte';

export function localized(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  const other: Locale = locale === 'ko' ? 'en' : 'ko';
  return text[locale]?.trim() ? text[locale] : (text[other] ?? '');
}
