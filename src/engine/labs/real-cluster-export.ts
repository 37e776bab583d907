/**
 * Turns a lab into files a learner can run against a real cluster (kind, minikube, kubeadm …):
 * the manifests, `commands.sh` (every command in order, step titles as comments) and a README in
 * Korean and in English that walks the steps and says where a real cluster differs from the
 * simulator — the notes that apply to this lab only (pod IPs hard-coded in an Endpoints manifest,
 * LoadBalancer without a cloud provider, NodePort on Docker-based clusters, the course's internal
 * DNS, busybox's nslookup, the course image).
 *
 * `commands.sh` has no `set -e`: some lessons run a command that fails on purpose (`kubectl get
 * endpoints endpoint2` before the Endpoints exist) and the script must carry on past it. Pods are
 * waited for (`kubectl wait --for=condition=Ready`) after the command that creates them, as the
 * simulator lets the cluster settle before each line.
 */

import { parseAllDocuments } from 'yaml';
import { DEFAULT_CLUSTER_CONFIG } from '../../shared/cluster-config';
import type { Lab, LabStep, LocalizedText } from '../../shared/lab-types';
import { parseClusterConfig } from '../config/parse-cluster-config';
import { cidrContains, parseCidr } from '../net/ip-address';
import { DEFAULT_WORLD } from '../world/world';
import { walkLab } from './lab-walk';
import { appliedFile } from './parse-lab';
import { SimulatedAddresses, type AddressLookup } from './simulated-addresses';

type Lang = keyof LocalizedText;

/** What a manifest file holds that the export cares about. */
interface ManifestFacts {
  pods: string[];
  serviceTypes: string[];
  images: string[];
  /** Endpoints addresses inside the simulator's pod range: they are this simulator's pod IPs. */
  simulatedPodIPs: string[];
}

/** One line of commands.sh with what to say and set before it. */
interface ScriptLine {
  /** The line as the lab has it (what the simulator ran). */
  original: string;
  /** The line for a real cluster (simulator addresses replaced by lookups). */
  line: string;
  comments: string[];
  /** Shell variables the line uses, set from the real cluster before it. */
  setup: AddressLookup[];
  /** Pods the line creates (waited for after it). */
  pods: string[];
}

/**
 * The exported files by name. The lab is walked once in the simulator first, to learn which
 * object each address in its commands and manifests belongs to.
 */
export function exportLabForRealCluster(lab: Lab): Record<string, string> {
  const podCidr = parseCidr(clusterPodCidr(lab)) ?? parseCidr(DEFAULT_CLUSTER_CONFIG.podCIDR)!;
  const addresses = new SimulatedAddresses(walkLab(lab).engine);
  const facts = new Map<string, ManifestFacts>();
  const factsOf = (name: string): ManifestFacts => {
    let f = facts.get(name);
    if (!f) {
      f = manifestFacts(lab.files[name] ?? '', (ip) => cidrContains(podCidr, ip));
      facts.set(name, f);
    }
    return f;
  };
  const steps = lab.steps.map((step) => ({ step, lines: scriptLines(step, lab, factsOf, addresses) }));
  const files: Record<string, string> = {};
  for (const { lines } of steps)
    for (const l of lines) {
      const file = appliedFile(l.original);
      if (file !== undefined && lab.files[file] !== undefined) files[file] = lab.files[file];
    }
  files['commands.sh'] = commandsScript(lab, steps);
  const rewritten = steps.some((s) => s.lines.some((l) => l.setup.length > 0));
  const notes = differenceNotes([...facts.values()], steps.flatMap((s) => s.lines.map((l) => l.original)), [...facts.keys()].map((name) => lab.files[name] ?? ''), rewritten);
  files['README.ko.md'] = readme(lab, steps, notes, 'ko');
  files['README.en.md'] = readme(lab, steps, notes, 'en');
  return files;
}

function clusterPodCidr(lab: Lab): string {
  if (!lab.clusterConfig) return DEFAULT_CLUSTER_CONFIG.podCIDR;
  const parsed = parseClusterConfig(lab.clusterConfig);
  return 'config' in parsed && parsed.config.podCIDR ? parsed.config.podCIDR : DEFAULT_CLUSTER_CONFIG.podCIDR;
}

function manifestFacts(text: string, inPodRange: (ip: string) => boolean): ManifestFacts {
  const out: ManifestFacts = { pods: [], serviceTypes: [], images: [], simulatedPodIPs: [] };
  for (const doc of parseAllDocuments(text)) {
    if (!('toJS' in doc) || doc.errors.length > 0) continue;
    const obj = doc.toJS() as { kind?: string; metadata?: { name?: string }; spec?: { type?: string; containers?: { image?: string }[] }; subsets?: { addresses?: { ip?: string }[] }[] } | null;
    if (!obj || typeof obj !== 'object') continue;
    if (obj.kind === 'Pod' && obj.metadata?.name) out.pods.push(obj.metadata.name);
    if (obj.kind === 'Pod') for (const c of obj.spec?.containers ?? []) if (c.image) out.images.push(c.image);
    if (obj.kind === 'Service') out.serviceTypes.push(obj.spec?.type ?? 'ClusterIP');
    if (obj.kind === 'Endpoints')
      for (const s of obj.subsets ?? []) for (const a of s.addresses ?? []) if (a.ip && inPodRange(a.ip)) out.simulatedPodIPs.push(a.ip);
  }
  return out;
}

/** A step's lines: its manifests not applied by one of its commands are applied first. */
function scriptLines(step: LabStep, lab: Lab, factsOf: (name: string) => ManifestFacts, addresses: SimulatedAddresses): ScriptLine[] {
  const commands = step.commands ?? [];
  const appliedByCommand = new Set(commands.map((c) => appliedFile(c.line)).filter((f): f is string => f !== undefined));
  const lines: ScriptLine[] = [];
  const push = (original: string): void => {
    const file = appliedFile(original);
    const comments: string[] = [];
    let pods: string[] = [];
    let { line, setup } = addresses.rewrite(original);
    if (file !== undefined) {
      const f = factsOf(file);
      if (/^kubectl\s+(apply|create)\b/.test(original)) pods = f.pods;
      const podIps = addresses.podIpsIn(lab.files[file] ?? '');
      if (podIps.length > 0 && /^kubectl\s+(apply|create)\s+-f\s+\S+$/.test(original.trim())) {
        // A hand-written pod IP: put the real pod's IP in its place on the way to kubectl.
        comments.push(`${file} names ${podIps.map((p) => p.ip).join(', ')}, a pod IP in the simulator: sed puts your cluster's in its place.`);
        const verb = original.trim().split(/\s+/)[1];
        line = `sed ${podIps.map((p) => `-e "s/${p.ip.replace(/\./g, '\\.')}/$${p.lookup.variable}/g"`).join(' ')} ${file} | kubectl ${verb} -f -`;
        setup = [...setup, ...podIps.map((p) => p.lookup).filter((l) => !setup.some((s) => s.variable === l.variable))];
      }
    }
    if (/\bkubectl\s+exec\b/.test(original) && /\s-(it|ti|i|t)\s/.test(` ${original} `)) comments.push('interactive (-it): run this one by hand in a terminal.');
    lines.push({ original, line, comments, setup, pods });
  };
  for (const name of step.manifests ?? []) if (!appliedByCommand.has(name)) push(`kubectl apply -f ${name}`);
  for (const c of commands) push(c.line);
  return lines;
}

/** The shell text of a step's lines; variables already set earlier in the script are not set again. */
function shellLines(lines: ScriptLine[], defined: Set<string>, withComments: boolean): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (withComments) for (const c of l.comments) out.push(`# ${c}`);
    for (const s of l.setup) {
      if (defined.has(s.variable)) continue;
      defined.add(s.variable);
      out.push(`${s.variable}=${s.command}`);
    }
    out.push(l.line);
    for (const pod of l.pods) out.push(`kubectl wait --for=condition=Ready pod/${pod} --timeout=120s`);
  }
  return out;
}

function commandsScript(lab: Lab, steps: { step: LabStep; lines: ScriptLine[] }[]): string {
  const out = [
    '#!/bin/sh',
    `# ${lab.title.en} — ${lab.title.ko}`,
    '# Exported from Service Lab to run on a real cluster (kind, minikube, kubeadm …), from this folder:',
    '#   sh commands.sh',
    '# No `set -e` on purpose: some commands show an error that the lesson is about.',
    "# Addresses the simulator showed (pod, Service, node IPs) are looked up from your cluster into variables.",
    '# Where a real cluster differs from the simulator: README.en.md / README.ko.md.',
  ];
  const defined = new Set<string>();
  steps.forEach(({ step, lines }, i) => {
    out.push('', `# --- Step ${i + 1}: ${step.title.en}`, `# --- ${i + 1}단계: ${step.title.ko}`, ...shellLines(lines, defined, true));
  });
  return `${out.join('\n')}\n`;
}

/** A difference between the simulator and a real cluster, in both languages. */
interface Note {
  ko: string;
  en: string;
}

/** The notes that apply to this lab, most important first. */
export function differenceNotes(facts: ManifestFacts[], lines: string[], manifests: string[] = [], rewritten = false): Note[] {
  const notes: Note[] = [];
  const all = lines.join('\n');
  const types = new Set(facts.flatMap((f) => f.serviceTypes));
  const podIPs = facts.flatMap((f) => f.simulatedPodIPs);
  const images = new Set(facts.flatMap((f) => f.images));
  // kind: sigs.k8s.io/kind pkg/apis/config/v1alpha4/default.go (10.244.0.0/16, 10.96.0.0/16);
  // minikube: --service-cluster-ip-range 10.96.0.0/12, pods 10.244.0.0/16 with its default CNIs.
  notes.push({
    en: `**IP ranges.** This simulator gives Services addresses from ${DEFAULT_CLUSTER_CONFIG.serviceCIDR} and pods from ${DEFAULT_CLUSTER_CONFIG.podCIDR}, as the course's cluster does. kind uses 10.96.0.0/16 for Services and 10.244.0.0/16 for pods; minikube 10.96.0.0/12 and 10.244.0.0/16 (depending on the CNI). The IPs you see will differ; the names and the behaviour will not.`,
    ko: `**IP 대역.** 이 시뮬레이터는 강의의 클러스터처럼 서비스에 ${DEFAULT_CLUSTER_CONFIG.serviceCIDR}, 파드에 ${DEFAULT_CLUSTER_CONFIG.podCIDR} 대역의 IP를 줍니다. kind는 서비스에 10.96.0.0/16, 파드에 10.244.0.0/16을 쓰고, minikube는 10.96.0.0/12와 (CNI에 따라) 10.244.0.0/16을 씁니다. 보이는 IP는 다르지만 이름과 동작은 같습니다.`,
  });
  if (rewritten)
    notes.push({
      en: '**Addresses in commands.** Where a command uses an address the simulator gave (a pod IP, a cluster IP, an external IP, a node IP or node port), `commands.sh` and the steps below look it up from your cluster first (`SVC1_CLUSTER_IP=$(kubectl get svc svc1 -o jsonpath=…)`).',
      ko: '**명령 속의 주소.** 명령에 시뮬레이터가 준 주소(파드 IP, Cluster IP, 외부 IP, 노드 IP나 NodePort)가 들어 있으면, `commands.sh`와 아래 단계는 그 주소를 먼저 여러분의 클러스터에서 조회해 씁니다(`SVC1_CLUSTER_IP=$(kubectl get svc svc1 -o jsonpath=…)`).',
    });
  if (podIPs.length > 0)
    notes.push({
      en: `**Hand-written pod IPs.** ${unique(podIPs).join(', ')} in the Endpoints manifest is the IP the pod gets in the simulator. \`commands.sh\` puts your pod's IP in its place with \`sed\`; if you apply the file yourself, edit it first (\`kubectl get pods -o wide\`).`,
      ko: `**직접 적은 파드 IP.** 엔드포인트 매니페스트에 적힌 IP(${unique(podIPs).join(', ')})는 시뮬레이터에서 파드가 받는 IP입니다. \`commands.sh\`는 \`sed\`로 여러분 파드의 IP로 바꿔서 적용합니다. 파일을 직접 적용한다면 먼저 \`kubectl get pods -o wide\`로 확인한 IP로 고치세요.`,
    });
  if (lines.some((l) => !/^kubectl\b/.test(l.trim())))
    notes.push({
      en: "**Commands without kubectl** (`curl`, `nslookup`, `cat /etc/resolv.conf` …) run on the course's master node, inside the cluster's network. Run them on a node too: `minikube ssh`, or `docker exec -it kind-control-plane bash` on kind (install curl or dnsutils there if missing). From your own machine, cluster IPs are not reachable.",
      ko: '**kubectl이 아닌 명령**(`curl`, `nslookup`, `cat /etc/resolv.conf` …)은 강의의 master 노드, 즉 클러스터 네트워크 안에서 실행합니다. 실제 클러스터에서도 노드에 들어가서 실행하세요. minikube는 `minikube ssh`, kind는 `docker exec -it kind-control-plane bash`입니다(curl이나 dnsutils가 없으면 설치). 내 PC에서는 Cluster IP에 닿지 않습니다.',
    });
  if (types.has('LoadBalancer'))
    notes.push({
      en: '**LoadBalancer.** Without a cloud provider nothing assigns an external address, so EXTERNAL-IP stays `<pending>` — on kind and minikube too. `minikube tunnel` (in a second terminal) or MetalLB on kind gives LoadBalancer Services an address, as this lab’s cloud provider does.',
      ko: '**LoadBalancer.** 클라우드 프로바이더가 없으면 외부 주소를 붙여 주는 주체가 없어서 EXTERNAL-IP는 `<pending>`으로 남습니다. kind와 minikube도 마찬가지입니다. minikube에서는 다른 터미널에서 `minikube tunnel`을, kind에서는 MetalLB를 쓰면 이 실습의 클라우드 프로바이더처럼 LoadBalancer 서비스에 주소가 붙습니다.',
    });
  if (types.has('NodePort') || types.has('LoadBalancer') || /\b192\.168\.0\.3\d:\d+/.test(all))
    notes.push({
      en: "**NodePort.** Here the nodes are 192.168.0.30–32 on the course's internal network. On your cluster use a node's address (`kubectl get nodes -o wide`, or `minikube ip`). kind and Docker Desktop run nodes in containers: a NodePort is reachable from your machine only through a port mapping (kind's `extraPortMappings`) or `minikube service NAME --url`.",
      ko: '**NodePort.** 여기서 노드는 강의의 내부망 주소 192.168.0.30~32입니다. 실제 클러스터에서는 노드의 주소(`kubectl get nodes -o wide` 또는 `minikube ip`)를 쓰세요. kind와 Docker Desktop은 노드를 컨테이너로 띄우기 때문에, 포트 매핑(kind의 `extraPortMappings`)이나 `minikube service NAME --url`을 거쳐야 내 PC에서 NodePort에 닿습니다.',
    });
  const internalNames = [DEFAULT_WORLD.internal.domain, ...[...DEFAULT_WORLD.internal.nodes, ...DEFAULT_WORLD.internal.pcs].map((h) => h.name.split('.')[0])];
  const usesInternal = lines.some((l) => /\b(nslookup|dig|host|ping|curl|getent)\b/.test(l) && internalNames.some((n) => new RegExp(`(^|[\\s@/])${n.replace(/\./g, '\\.')}([\\s.:/]|$)`).test(l)));
  if (usesInternal || /resolv\.conf/.test(all))
    notes.push({
      en: `**The internal network's DNS.** The course's internal network (its DNS server 192.168.0.2, the domain \`${DEFAULT_WORLD.internal.domain}\`, hosts such as user1 and node1) exists only in this simulator. On your cluster the pods' search list ends with your node's own search domains (if any), and names like \`user1\` are NXDOMAIN unless your network's DNS knows them.`,
      ko: `**내부망 DNS.** 강의의 내부망(DNS 서버 192.168.0.2, 도메인 \`${DEFAULT_WORLD.internal.domain}\`, user1·node1 같은 호스트)은 이 시뮬레이터에만 있습니다. 실제 클러스터에서 파드의 검색 목록(search list) 끝에는 노드의 검색 도메인이 (있다면) 붙고, \`user1\` 같은 이름은 여러분 네트워크의 DNS가 알지 못하면 NXDOMAIN입니다.`,
    });
  if (/\bnslookup\b/.test(all))
    notes.push({
      en: `**nslookup.** busybox's nslookup (in busybox and alpine images) may not apply the search list to short names: if \`nslookup headless1\` fails there, ask for the full name (\`headless1.default.svc.cluster.local\`) or use an image with bind's tools, such as nicolaka/netshoot${images.has('kubetm/app') ? ' or kubetm/app, which this lab uses' : ''}.`,
      ko: `**nslookup.** busybox의 nslookup(busybox, alpine 이미지)은 짧은 이름에 검색 목록을 적용하지 않을 때가 있습니다. 거기서 \`nslookup headless1\`이 실패하면 전체 이름(\`headless1.default.svc.cluster.local\`)으로 묻거나, nicolaka/netshoot${images.has('kubetm/app') ? '나 이 실습이 쓰는 kubetm/app' : ''}처럼 bind 도구가 든 이미지를 쓰세요.`,
    });
  if (images.has('kubetm/app'))
    notes.push({
      en: "**The course image.** `kubetm/app` is the course's image on Docker Hub: it answers HTTP on port 8080 (`/hostname` prints the pod's hostname). Your cluster pulls it on first use, so the first pods take a little longer to become Ready.",
      ko: '**강의 이미지.** `kubetm/app`은 Docker Hub에 있는 강의용 이미지로, 8080 포트에서 HTTP에 답합니다(`/hostname`은 파드의 호스트명을 출력). 처음 쓸 때 이미지를 내려받으므로 첫 파드가 Ready가 되기까지 조금 더 걸립니다.',
    });
  if (/\b(google\.com|github\.(github\.)?io|github\.com|naver\.com|kubernetes\.io|example\.com)\b|185\.199\.|externalname/.test([all, ...manifests].join('\n')) || facts.some((f) => f.serviceTypes.includes('ExternalName')))
    notes.push({
      en: "**The internet.** Names and addresses on the internet (google.com, GitHub Pages …) need your cluster's nodes to reach the internet and its DNS. The addresses may differ from the simulator's. GitHub Pages answers a plain-HTTP request for a Host it does not serve with 404 \"Site not found\", on a real cluster just as here.",
      ko: '**인터넷.** 인터넷의 이름과 주소(google.com, GitHub Pages …)는 클러스터의 노드가 인터넷과 그 DNS에 닿아야 동작하고, 주소는 시뮬레이터와 다를 수 있습니다. GitHub Pages는 자기가 서비스하지 않는 Host로 온 HTTP 요청에 404 "Site not found"로 답합니다. 실제 클러스터에서도 여기와 똑같습니다.',
    });
  return notes;
}

function readme(lab: Lab, steps: { step: LabStep; lines: ScriptLine[] }[], notes: Note[], lang: Lang): string {
  const t = (ko: string, en: string): string => (lang === 'ko' ? ko : en);
  const out: string[] = [`# ${lab.title[lang]}`, '', lab.summary[lang], ''];
  out.push(
    t('## 실제 클러스터에서 실행하기', '## Run it on a real cluster'),
    '',
    t(
      '`kubectl`이 클러스터(kind, minikube, kubeadm …)를 가리키고 있는지 확인하고, 이 폴더에서 실행하세요:',
      'Make sure `kubectl` points at your cluster (kind, minikube, kubeadm …), then run from this folder:',
    ),
    '',
    '```sh',
    'sh commands.sh',
    '```',
    '',
    t(
      '또는 아래 단계의 명령을 하나씩 실행하세요. 일부 명령은 일부러 오류를 보여 줍니다(그래서 스크립트에 `set -e`가 없습니다).',
      'Or run the commands of each step below one at a time. Some commands show an error on purpose (which is why the script has no `set -e`).',
    ),
    '',
  );
  if (lab.clusterConfig)
    out.push(
      t('이 실습은 시뮬레이터에서 다음 클러스터 설정(`cluster.yaml`)으로 실행됩니다:', 'In the simulator this lab runs with these cluster settings (`cluster.yaml`):'),
      '',
      '```yaml',
      lab.clusterConfig.trimEnd(),
      '```',
      '',
    );
  out.push(t('## 단계', '## Steps'), '');
  const defined = new Set<string>();
  steps.forEach(({ step, lines }, i) => {
    out.push(`### ${i + 1}. ${step.title[lang]}`, '', step.text[lang], '');
    if (step.predict) {
      out.push(`> **${t('먼저 예상해 보세요', 'Predict first')}:** ${step.predict.question[lang]}`);
      step.predict.choices.forEach((c, n) => out.push(`> ${n + 1}. ${c[lang]}`));
      out.push('');
    }
    if (lines.length > 0) out.push('```sh', ...shellLines(lines, defined, false), '```', '');
    if (step.predict) out.push(`<details><summary>${t('답', 'Answer')}</summary>`, '', `${step.predict.choices[step.predict.answer][lang]} — ${step.predict.explain[lang]}`, '', '</details>', '');
  });
  out.push(t('## 실제 클러스터와 다른 점', 'Where a real cluster differs'), '');
  for (const n of notes) out.push(`- ${n[lang]}`);
  out.push('');
  return out.join('\n');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
