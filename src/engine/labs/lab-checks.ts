/**
 * Evaluates a step's checks: object checks read the store and print a field with kubectl's own
 * jsonpath printer (what `kubectl get KIND NAME -o jsonpath=…` prints); DNS checks ask the
 * cluster DNS (cluster-dns-probe.ts); output checks look for a command the learner ran in the
 * transcript. Every result carries a detail in Korean and English that says what was seen, so a
 * red step tells the learner why ("headless1 서비스에 아직 엔드포인트가 없습니다").
 *
 * Evaluating never changes the cluster and never throws: a check that cannot be evaluated (a
 * regular expression that does not compile, a jsonpath kubectl would reject) fails with the reason.
 */

import type { KubeObject } from '../../shared/api-types';
import type { DnsCheck, LabCheck, LabCheckResult, LocalizedText, ObjectCheck, OutputCheck, TranscriptEntry } from '../../shared/lab-types';
import type { Engine } from '../engine';
import { printJsonPath, withTypeMeta } from '../shell/kubectl/printers/output-formats';
import { typeOfKind } from '../shell/kubectl/resources';
import { probeClusterDns } from './cluster-dns-probe';

/** How the Korean texts name each kind (the glossary's terms: resources/labs/glossary.yaml). */
export const KIND_KO: Record<string, string> = {
  Pod: '파드',
  Service: '서비스',
  Endpoints: '엔드포인트',
  EndpointSlice: '엔드포인트슬라이스',
  ConfigMap: '컨피그맵',
  Namespace: '네임스페이스',
  Node: '노드',
};

/** Evaluates each check, in order. */
export function evaluateChecks(engine: Engine, checks: readonly LabCheck[], transcript: readonly TranscriptEntry[]): LabCheckResult[] {
  return checks.map((check) => {
    try {
      if (check.kind === 'object') return objectCheck(engine, check);
      if (check.kind === 'dns') return dnsCheck(engine, check);
      if (check.kind === 'output') return outputCheck(check, transcript);
      return fail({ en: `Unknown check kind "${(check as { kind?: unknown }).kind}"`, ko: `알 수 없는 확인 종류 "${(check as { kind?: unknown }).kind}"` });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return fail({ en: `This check could not be evaluated: ${why}`, ko: `이 확인은 평가할 수 없습니다: ${why}` });
    }
  });
}

/** A Korean subject with the right particle (가 after a vowel, 이 after a final consonant); 이(가) when it cannot tell. */
export function subject(word: string): string {
  const code = word.charCodeAt(word.length - 1);
  if (code < 0xac00 || code > 0xd7a3) return `${word}이(가)`;
  return `${word}${(code - 0xac00) % 28 === 0 ? '가' : '이'}`;
}

const pass = (detail: LocalizedText): LabCheckResult => ({ ok: true, detail });
const fail = (detail: LocalizedText): LabCheckResult => ({ ok: false, detail });

// ------------------------------------------------------------------ object

function objectCheck(engine: Engine, check: ObjectCheck): LabCheckResult {
  const { kind, name } = check.ref;
  const type = typeOfKind(kind);
  const namespace = type && !type.namespaced ? undefined : (check.ref.namespace ?? 'default');
  const obj = engine.store.get<KubeObject>(kind, namespace, name);
  const en = `${kind} ${name}`;
  const ko = `${name} ${KIND_KO[kind] ?? kind}`;
  const where = namespace && namespace !== 'default' ? { en: ` in namespace ${namespace}`, ko: `${namespace} 네임스페이스의 ` } : { en: '', ko: '' };
  if (check.absent) {
    return obj ? fail({ en: `${en}${where.en} still exists`, ko: `${where.ko}${subject(ko)} 아직 있습니다` }) : pass({ en: `${en}${where.en} is gone`, ko: `${where.ko}${subject(ko)} 없습니다` });
  }
  if (!obj) return fail(missingObject(engine, kind, namespace, name, where));
  if (!check.jsonpath) return pass({ en: `${en}${where.en} exists`, ko: `${where.ko}${subject(ko)} 있습니다` });

  const printed = printJsonPath(check.jsonpath, withTypeMeta(obj));
  if ('error' in printed) return fail({ en: `kubectl cannot print ${check.jsonpath} of ${en}: ${printed.error.split('\n')[0]}`, ko: `${ko}의 ${check.jsonpath}을(를) 출력할 수 없습니다: ${printed.error.split('\n')[0]}` });
  const value = printed.text;
  const shown = value === '' ? { en: 'empty', ko: '비어 있음' } : { en: `"${value}"`, ko: `"${value}"` };
  if (check.equals !== undefined && value === check.equals) return pass({ en: `${en} ${check.jsonpath} is "${value}"`, ko: `${ko}의 ${check.jsonpath} 값은 "${value}"입니다` });
  if (check.matches !== undefined && new RegExp(check.matches, 'm').test(value)) return pass({ en: `${en} ${check.jsonpath} is ${shown.en}`, ko: `${ko}의 ${check.jsonpath} 값은 ${shown.ko}입니다` });
  if (check.equals === undefined && check.matches === undefined) {
    if (value !== '') return pass({ en: `${en} ${check.jsonpath} is "${value}"`, ko: `${ko}의 ${check.jsonpath} 값은 "${value}"입니다` });
    return fail(emptyField(kind, name, check.jsonpath, en, ko));
  }
  if (value === '' && kind === 'Endpoints') return fail(emptyField(kind, name, check.jsonpath, en, ko));
  const expected = check.equals !== undefined ? { en: `"${check.equals}"`, ko: `"${check.equals}"` } : { en: `something matching /${check.matches}/`, ko: `/${check.matches}/에 맞는 값` };
  return fail({ en: `${en} ${check.jsonpath} is ${shown.en}, expected ${expected.en}`, ko: `${ko}의 ${check.jsonpath} 값은 ${shown.ko}입니다 (기대한 값: ${expected.ko})` });
}

/** Why an object is not there, in the terms of the lesson. */
function missingObject(engine: Engine, kind: string, namespace: string | undefined, name: string, where: LocalizedText): LocalizedText {
  if (kind === 'Endpoints') {
    const svc = engine.store.get<KubeObject & { spec?: { selector?: Record<string, string>; type?: string } }>('Service', namespace, name);
    if (svc && svc.spec?.type === 'ExternalName')
      return { en: `Service ${name} is an ExternalName Service: it gets no Endpoints`, ko: `${name} 서비스는 ExternalName 서비스라서 엔드포인트가 만들어지지 않습니다` };
    if (svc && !svc.spec?.selector)
      return {
        en: `Service ${name} has no selector, so the endpoints controller makes no Endpoints for it: write an Endpoints object named ${name}`,
        ko: `${name} 서비스에는 셀렉터가 없어서 엔드포인트 컨트롤러가 엔드포인트를 만들지 않습니다. 이름이 ${name}인 엔드포인트를 직접 만들어 주세요`,
      };
    if (!svc) return { en: `There is no Service ${name}${where.en} yet, so no Endpoints ${name} either`, ko: `${where.ko}${name} 서비스가 아직 없어서 ${name} 엔드포인트도 없습니다` };
  }
  return { en: `There is no ${kind} ${name}${where.en} yet`, ko: `${where.ko}${subject(`${name} ${KIND_KO[kind] ?? kind}`)} 아직 없습니다` };
}

function emptyField(kind: string, name: string, jsonpath: string, en: string, ko: string): LocalizedText {
  if (kind === 'Endpoints') return { en: `Service ${name} has no endpoints yet`, ko: `${name} 서비스에 아직 엔드포인트가 없습니다` };
  if (kind === 'Service' && /loadBalancer/.test(jsonpath))
    return { en: `Service ${name} has no load balancer address yet (EXTERNAL-IP <pending>)`, ko: `${name} 서비스에 아직 로드밸런서 주소가 없습니다 (EXTERNAL-IP <pending>)` };
  if (kind === 'Pod' && /podIP/.test(jsonpath)) return { en: `Pod ${name} has no IP yet (it is not running)`, ko: `${name} 파드에 아직 IP가 없습니다 (실행 중이 아닙니다)` };
  return { en: `${en} ${jsonpath} is empty`, ko: `${ko}의 ${jsonpath} 값이 비어 있습니다` };
}

// ------------------------------------------------------------------ dns

function dnsCheck(engine: Engine, check: DnsCheck): LabCheckResult {
  const exchange = probeClusterDns(engine, check.name, check.type);
  const m = exchange.message;
  const q = `${check.name.replace(/\.$/, '')} ${check.type}`;
  if (exchange.timedOut) return fail({ en: `The cluster DNS did not answer ${q}`, ko: `클러스터 DNS가 ${q} 질의에 답하지 않았습니다` });
  const wantRcode = check.rcode ?? 'NOERROR';
  if (m.rcode !== wantRcode) {
    if (m.rcode === 'NXDOMAIN')
      return fail({ en: `The cluster DNS answers NXDOMAIN for ${q}: no such name (yet)`, ko: `클러스터 DNS가 ${q}에 NXDOMAIN으로 답합니다: 그런 이름이 (아직) 없습니다` });
    return fail({ en: `The cluster DNS answers ${m.rcode} for ${q}, expected ${wantRcode}`, ko: `클러스터 DNS가 ${q}에 ${m.rcode}(으)로 답합니다 (기대한 응답: ${wantRcode})` });
  }
  if (wantRcode === 'NXDOMAIN') return pass({ en: `The cluster DNS answers NXDOMAIN for ${q}`, ko: `클러스터 DNS가 ${q}에 NXDOMAIN으로 답합니다` });
  // Sorted: the loadbalance plugin shuffles A records, and a detail should read the same each time.
  const answers = m.answer.filter((r) => r.type === check.type).map((r) => r.data).sort();
  const list = answers.length > 0 ? answers.join(', ') : 'none';
  const listKo = answers.length > 0 ? answers.join(', ') : '없음';
  if (check.count !== undefined && answers.length !== check.count)
    return fail({
      en: `The cluster DNS answers ${q} with ${answers.length} record(s) (${list}), expected ${check.count}`,
      ko: `클러스터 DNS가 ${q}에 레코드 ${answers.length}개로 답합니다 (${listKo}). 기대한 개수: ${check.count}개`,
    });
  if (check.count === undefined && answers.length === 0)
    return fail({ en: `The cluster DNS has no ${check.type} record for ${check.name.replace(/\.$/, '')}`, ko: `클러스터 DNS에 ${check.name.replace(/\.$/, '')}의 ${check.type} 레코드가 없습니다` });
  if (check.contains !== undefined) {
    const needle = check.contains.toLowerCase();
    if (!answers.some((a) => a.toLowerCase().includes(needle)))
      return fail({ en: `The cluster DNS answers ${q} with ${list}, not ${check.contains}`, ko: `클러스터 DNS가 ${q}에 ${listKo}(으)로 답합니다. ${check.contains}은(는) 없습니다` });
  }
  return pass({ en: `The cluster DNS answers ${q}: ${list}`, ko: `클러스터 DNS의 ${q} 응답: ${listKo}` });
}

// ------------------------------------------------------------------ output

function outputCheck(check: OutputCheck, transcript: readonly TranscriptEntry[]): LabCheckResult {
  const command = new RegExp(check.command);
  const output = check.matches !== undefined ? new RegExp(check.matches, 'm') : undefined;
  const ran = transcript.filter((e) => command.test(e.line.trim()));
  if (ran.length === 0) return fail({ en: `No command matching /${check.command}/ has run yet`, ko: `아직 /${check.command}/에 맞는 명령을 실행하지 않았습니다` });
  if (!output) return pass({ en: `Ran: ${ran[ran.length - 1].line.trim()}`, ko: `실행함: ${ran[ran.length - 1].line.trim()}` });
  const hit = [...ran].reverse().find((e) => output.test(e.output));
  if (hit) return pass({ en: `${hit.line.trim()} printed what was expected`, ko: `${hit.line.trim()} 명령이 기대한 내용을 출력했습니다` });
  const last = ran[ran.length - 1];
  const firstLine = last.output.split('\n').find((l) => l.trim() !== '') ?? '';
  return fail({
    en: `${last.line.trim()} ran, but its output does not match /${check.matches}/${firstLine ? ` (it printed: ${firstLine.trim()})` : ' (it printed nothing)'}`,
    ko: `${last.line.trim()} 명령을 실행했지만 출력이 /${check.matches}/에 맞지 않습니다${firstLine ? ` (출력: ${firstLine.trim()})` : ' (출력 없음)'}`,
  });
}
