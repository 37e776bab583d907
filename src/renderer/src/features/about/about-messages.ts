/** Help ▸ About text (Korean first). */
import { defineMessages } from '../../i18n/i18n.svelte';

export const aboutMessages = defineMessages({
  ko: {
    title: 'Service Lab 정보',
    version: '버전 {version}',
    tagline: '매니페스트를 쓰면 시뮬레이션된 클러스터의 서비스, 엔드포인트, 클러스터 DNS가 바로 답하는 오프라인 실습 도구입니다. 인터넷 연결 없이 동작하고, 아무것도 내려받지 않습니다.',
    cluster: '클러스터: Kubernetes {kubernetes} (마스터 1대 + 노드 2대), 서비스 대역 {serviceCidr}, 파드 대역 {podCidr}, 도메인 {domain}',
    differencesTitle: '실제 클러스터와 다른 점',
    differencesIntro: '이 시뮬레이터는 실제 클러스터가 하는 그대로 보여 주는 것을 목표로 합니다. 일부러 다르게 만든 부분은 아래와 같습니다.',
    close: '닫기',
    openAbout: '정보와 실제 클러스터와 다른 점',
  },
  en: {
    title: 'About Service Lab',
    version: 'Version {version}',
    tagline: "Write manifests and watch a simulated cluster's Services, Endpoints and cluster DNS answer at once. Works offline; downloads nothing.",
    cluster: 'Cluster: Kubernetes {kubernetes} (1 control-plane + 2 nodes), service range {serviceCidr}, pod range {podCidr}, domain {domain}',
    differencesTitle: 'Where it differs from a real cluster',
    differencesIntro: 'The simulator aims to show exactly what a real cluster does. These are the deliberate differences.',
    close: 'Close',
    openAbout: 'About, and how it differs from a real cluster',
  },
});
