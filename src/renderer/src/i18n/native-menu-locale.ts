/**
 * Tells Electron's main process the UI language, so the native menu's labels follow the header's
 * and the menu's own switch (main rebuilds the menu with menuTemplate(platform, locale)). In web
 * mode there is no native menu and no bridge: nothing to do.
 */
import type { SvclabApi } from '../../../preload';
import type { Locale } from './i18n.svelte';

export function syncNativeMenuLocale(locale: Locale, bridge: Pick<SvclabApi, 'setLocale'> | undefined = (globalThis as { svclab?: SvclabApi }).svclab): void {
  // A refused or failed message leaves the menu in its old language; the UI itself has switched.
  bridge?.setLocale(locale).catch(() => undefined);
}
