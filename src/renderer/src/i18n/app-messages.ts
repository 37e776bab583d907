import { defineMessages } from './i18n.svelte';

/** The app frame's own text (features keep theirs beside them). */
export const appMessages = defineMessages({
  ko: {
    title: 'Service Lab',
    starting: '클러스터 시작 중…',
    topology: '토폴로지',
    dns: 'DNS 레코드',
    views: '보기',
    theme: '테마 전환',
    language: 'English',
    resizeEditor: '편집기 너비 조절',
    resizeTerminal: '터미널 높이 조절',
    applyResult: '적용 결과',
    applied: '{count}개 적용됨',
    failed: '{count}개 실패',
    engineRestarted: '시뮬레이션 엔진이 다시 시작되었습니다 ({reason}). 클러스터 상태를 다시 읽었습니다.',
    engineError: '엔진 오류: {message}',
    host: '{host} 모드',
  },
  en: {
    title: 'Service Lab',
    starting: 'Starting the cluster…',
    topology: 'Topology',
    dns: 'DNS records',
    views: 'Views',
    theme: 'Switch theme',
    language: '한국어',
    resizeEditor: 'Resize the editor',
    resizeTerminal: 'Resize the terminal',
    applyResult: 'Apply result',
    applied: '{count} applied',
    failed: '{count} failed',
    engineRestarted: 'The simulation engine restarted ({reason}). The cluster state was read again.',
    engineError: 'Engine error: {message}',
    host: '{host} mode',
  },
});
