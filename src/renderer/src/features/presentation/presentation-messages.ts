import { defineMessages } from '../../i18n/i18n.svelte';

/** Presentation mode's text. */
export const presentationMessages = defineMessages({
  ko: {
    enter: '발표 모드',
    enterTitle: '발표 모드: 큰 글씨, 프로젝터용 밝은 테마 (F5)',
    exit: '발표 모드 끝내기',
    exitTitle: '발표 모드 끝내기 (Esc 또는 F5)',
    caption: '현재 실습 단계',
  },
  en: {
    enter: 'Present',
    enterTitle: 'Presentation mode: large type, a light projector theme (F5)',
    exit: 'Exit presentation',
    exitTitle: 'Leave presentation mode (Esc or F5)',
    caption: 'Current lab step',
  },
});
