/** Terminal UI text (Korean first). The shell's own output is the engine's, untranslated, as a real terminal prints it. */
import { defineMessages } from '../../i18n/i18n.svelte';

export const terminalMessages = defineMessages({
  ko: {
    label: '터미널',
    engineError: 'Service Lab: 엔진 오류: {message}',
    tabMovesFocus: 'Tab 키로 포커스 이동 중 — Ctrl+M으로 끄기',
    focusHint: 'Tab은 명령을 완성합니다. Ctrl+M을 누르면 Tab으로 터미널을 벗어날 수 있고, F6은 다음 영역으로 이동합니다.',
  },
  en: {
    label: 'Terminal',
    engineError: 'Service Lab: engine error: {message}',
    tabMovesFocus: 'Tab moves focus — Ctrl+M to turn off',
    focusHint: 'Tab completes commands. Press Ctrl+M to let Tab leave the terminal; F6 moves to the next pane.',
  },
});
