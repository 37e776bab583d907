/**
 * Where the simulator deliberately differs from a real cluster, in both languages, shown in
 * Help ▸ About. The engine's README keeps the same list for developers ("Deliberately not
 * modelled, or modelled differently"); a test checks that every item there is here, by `topic`.
 */
import type { LocalizedText } from '../../../../shared/lab-types';

export interface Difference {
  /** The bold lead of the item in src/engine/README.md. */
  topic: string;
  title: LocalizedText;
  text: LocalizedText;
}

export const DIFFERENCES: readonly Difference[] = [
  {
    topic: 'Workload controllers',
    title: { ko: '워크로드 컨트롤러', en: 'Workload controllers' },
    text: {
      ko: 'Deployment, ReplicaSet, DaemonSet은 없습니다. CoreDNS 파드(Pod)는 일반 파드로 만들어지고, 컨트롤 플레인의 static 파드, kube-proxy, CNI 파드는 kube-system에 보이지 않습니다.',
      en: 'Deployment, ReplicaSet and DaemonSet are out of scope. The CoreDNS pods are plain pods; the static control-plane pods, kube-proxy and CNI pods are not shown in kube-system.',
    },
  },
  {
    topic: 'Deleting a pod',
    title: { ko: '파드 삭제', en: 'Deleting a pod' },
    text: {
      ko: '파드는 바로 사라집니다. 실제 클러스터에서는 유예 기간(kubetm/app은 30초) 동안 Terminating으로 보입니다. 네임스페이스 삭제도 바로 끝납니다.',
      en: 'A pod disappears at once; a real cluster shows it Terminating for its grace period (30 s for kubetm/app). Namespace deletion is immediate too.',
    },
  },
  {
    topic: 'Containers',
    title: { ko: '컨테이너', en: 'Containers' },
    text: {
      ko: '컨테이너는 죽거나 재시작하지 않습니다. liveness/startup 프로브, 재시작, 이미지 풀, CrashLoopBackOff는 없습니다. exec와 HTTPS readiness 프로브는 통과한다고 보고, 실패한 readiness 프로브는 회복되지 않습니다.',
      en: 'Containers never crash or restart: no liveness/startup probes, restarts, image pulls or CrashLoopBackOff. exec and HTTPS readiness probes are assumed to pass; a failing readiness probe never recovers.',
    },
  },
  {
    topic: 'kube-proxy',
    title: { ko: 'kube-proxy와 스케줄러', en: 'kube-proxy and the scheduler' },
    text: {
      ko: '선생님의 시연이 매번 같도록 kube-proxy는 엔드포인트를 차례대로(round-robin) 고릅니다. 실제 iptables 모드는 무작위로 고릅니다. 스케줄러도 동점일 때 무작위 대신 이름 순으로 정합니다.',
      en: "So a teacher's demo repeats, kube-proxy picks endpoints round-robin; real iptables mode picks at random. The scheduler breaks ties by name, not at random.",
    },
  },
  {
    topic: 'Endpoints ordering',
    title: { ko: '엔드포인트 순서', en: 'Endpoints ordering' },
    text: {
      ko: '주소는 실제와 같은 순서이지만, 포트와 서브셋은 읽기 쉽게 (포트, 이름 순) 정렬합니다. 실제로는 해시 순서입니다.',
      en: 'Addresses sort as upstream does; ports and subsets are ordered readably (by port, then name) where upstream orders by a hash.',
    },
  },
  {
    topic: 'YAML duplicate keys',
    title: { ko: 'YAML 중복 키', en: 'YAML duplicate keys' },
    text: {
      ko: 'kubectl은 말없이 마지막 값을 쓰지만, 편집기는 어떤 값을 썼는지 경고로 알려 줍니다. 1 MiB보다 큰 매니페스트는 거부합니다.',
      en: 'kubectl silently keeps the last value; the editor also warns which value was kept. Manifests over 1 MiB are refused with a message.',
    },
  },
  {
    topic: 'HTTPS',
    title: { ko: 'HTTPS', en: 'HTTPS' },
    text: {
      ko: 'HTTPS는 흉내 내지 않습니다. https:// 요청에는 그렇다는 안내가 돌아옵니다. HTTP로 *.github.io에 가면 https로 리다이렉트되고, 모르는 Host 헤더에는 GitHub Pages가 404 "Site not found"로 답합니다 — curl externalname1/... 이 실제로 받는 응답입니다.',
      en: 'HTTPS is not simulated: an https:// request gets a note saying so. Over HTTP, *.github.io redirects to https, and GitHub Pages answers 404 "Site not found" for an unknown Host header — what curl externalname1/... really gets.',
    },
  },
  {
    topic: 'The internet',
    title: { ko: '인터넷', en: 'The internet' },
    text: {
      ko: '인터넷에는 몇 개의 존(google.com, github.com, github.io, githubusercontent.com, naver.com, kubernetes.io, example.com)만 있고, 주소는 실제로 조회되던 값입니다. 나머지 이름은 모두 NXDOMAIN입니다.',
      en: 'The internet holds a handful of zones (google.com, github.com, github.io, githubusercontent.com, naver.com, kubernetes.io, example.com) with addresses those names really resolved to. Everything else is NXDOMAIN.',
    },
  },
  {
    topic: "The internal network's DNS",
    title: { ko: '내부망 DNS', en: "The internal network's DNS" },
    text: {
      ko: '내부망 DNS는 dnsmasq처럼 동작합니다: 호스트를 짧은 이름과 lab.internal 아래 이름으로 답하고, 나머지는 8.8.8.8로 넘깁니다.',
      en: 'The internal network DNS behaves as dnsmasq: it answers its hosts by short name and under lab.internal, and forwards the rest to 8.8.8.8.',
    },
  },
  {
    topic: 'RBAC',
    title: { ko: '범위 밖', en: 'Out of scope' },
    text: {
      ko: 'RBAC, 어드미션 웹훅, 네트워크 정책, IPVS/nftables 프록시 모드, TCP 타이밍은 다루지 않습니다.',
      en: 'RBAC, admission webhooks, network policies, IPVS/nftables proxy modes and TCP timing are out of scope.',
    },
  },
];
