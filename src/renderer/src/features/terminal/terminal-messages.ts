/** Terminal UI text (Korean first). The shell's own output is the engine's, untranslated, as a real terminal prints it. */
import { defineMessages } from '../../i18n/i18n.svelte';

export const terminalMessages = defineMessages({
  ko: {
    label: '터미널',
    engineError: 'Service Lab: 엔진 오류: {message}',
  },
  en: {
    label: 'Terminal',
    engineError: 'Service Lab: engine error: {message}',
  },
});
