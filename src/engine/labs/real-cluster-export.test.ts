import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lab } from '../../shared/lab-types';
import { parseLab } from './parse-lab';
import { exportLabForRealCluster } from './real-cluster-export';

const labsDir = join(import.meta.dirname, '../../../resources/labs');

function builtIn(id: string): Lab {
  const dir = join(labsDir, id);
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) if (statSync(join(dir, name)).isFile()) files[name] = readFileSync(join(dir, name), 'utf8');
  const parsed = parseLab({ files, id, source: 'built-in' });
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  return parsed.lab;
}

/** The lines of a script that do something (no comments, no blank lines). */
const commandLines = (script: string): string[] => script.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));

/** A small lab: a pod applied from the editor, a command that reads the simulator's pod IP. */
const SMALL: Lab = (() => {
  const parsed = parseLab({
    id: 'small',
    source: 'teacher',
    files: {
      'lab.yaml': `order: 1
title: { ko: 작은 실습, en: A small lab }
summary: { ko: 요약, en: Summary }
steps:
  - id: pod
    title: { ko: 파드, en: The pod }
    text: { ko: 본문, en: Body }
    manifests: [pod.yaml]
    commands:
      - kubectl get pods -o wide
    checks:
      - { kind: object, ref: { kind: Pod, name: web } }
  - id: call
    title: { ko: 호출, en: Calling it }
    text: { ko: 본문, en: Body }
    predict:
      question: { ko: 답할까요?, en: Will it answer? }
      choices: [{ ko: 예, en: 'Yes' }, { ko: 아니요, en: 'No' }]
      answer: 0
      explain: { ko: 파드가 답합니다, en: The pod answers }
    commands:
      - curl -s 20.104.236.65:8080/hostname
      - kubectl get endpoints nothing
    checks:
      - { kind: output, command: curl }
`,
      'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: kubetm/app\n',
      'notes.txt': 'not a manifest',
    },
  });
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  return parsed.lab;
})();

describe('exportLabForRealCluster', () => {
  const files = exportLabForRealCluster(SMALL);

  it('writes the manifests the steps apply, commands.sh and a README in each language', () => {
    expect(Object.keys(files).sort()).toEqual(['README.en.md', 'README.ko.md', 'commands.sh', 'pod.yaml']);
    expect(files['pod.yaml']).toBe(SMALL.files['pod.yaml']);
  });

  it('commands.sh: the steps in order with their titles, the editor manifests applied, pods waited for, no set -e', () => {
    const script = files['commands.sh'];
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).not.toMatch(/^set -e/m);
    expect(script.indexOf('# --- Step 1: The pod')).toBeLessThan(script.indexOf('# --- Step 2: Calling it'));
    expect(script).toContain('# --- 2단계: 호출');
    expect(commandLines(script)).toEqual([
      'kubectl apply -f pod.yaml',
      'kubectl wait --for=condition=Ready pod/web --timeout=120s',
      'kubectl get pods -o wide',
      "WEB_IP=$(kubectl get pod web -o jsonpath='{.status.podIP}')",
      'curl -s $WEB_IP:8080/hostname',
      'kubectl get endpoints nothing',
    ]);
  });

  it('README: the steps, the prediction with its answer folded away, and the differences that apply', () => {
    for (const [lang, readme] of [['en', files['README.en.md']], ['ko', files['README.ko.md']]] as const) {
      expect(readme).toContain(`# ${SMALL.title[lang]}`);
      expect(readme).toContain(`### 2. ${SMALL.steps[1].title[lang]}`);
      expect(readme).toMatch(/<details><summary>(Answer|답)<\/summary>/);
      expect(readme).toContain('curl -s $WEB_IP:8080/hostname');
    }
    expect(files['README.en.md']).toContain('**The course image.**');
    expect(files['README.ko.md']).toContain('**강의 이미지.**');
    expect(files['README.en.md']).not.toContain('**LoadBalancer.**');
  });

  it.each([
    { id: 'service-types', has: ['**LoadBalancer.**', '**NodePort.**', '**Commands without kubectl**', '**Addresses in commands.**'], not: ['**Hand-written pod IPs.**', "**The internal network's DNS.**"] },
    { id: 'headless', has: ['**IP ranges.**', '**nslookup.**', '**The course image.**'], not: ['**Addresses in commands.**', '**Commands without kubectl**', '**The internet.**'] },
    { id: 'dns-chain', has: ["**The internal network's DNS.**", '**nslookup.**', '**The internet.**'], not: ['**LoadBalancer.**', '**The course image.**'] },
    { id: 'endpoint', has: ['**Hand-written pod IPs.**', '**The internet.**'], not: ['**LoadBalancer.**', '**nslookup.**'] },
    { id: 'externalname', has: ['**The internet.**', '**nslookup.**'], not: ['**NodePort.**'] },
    { id: 'load-balancer', has: ['**LoadBalancer.**', '**NodePort.**'], not: ['**nslookup.**'] },
  ])('$id: the README notes where a real cluster differs, for this lab only', ({ id, has, not }) => {
    const out = exportLabForRealCluster(builtIn(id));
    for (const h of has) expect(out['README.en.md']).toContain(h);
    for (const n of not) expect(out['README.en.md']).not.toContain(n);
    const notes = (text: string): number => text.split('## ')[text.split('## ').length - 1].split('\n').filter((l) => l.startsWith('- **')).length;
    expect(notes(out['README.ko.md'])).toBe(notes(out['README.en.md']));
  });

  it.each(['service-types', 'dns-chain', 'headless', 'endpoint', 'externalname', 'load-balancer'])('%s: every command of the lab is in commands.sh, in order, with no simulator address left', (id) => {
    const lab = builtIn(id);
    const script = exportLabForRealCluster(lab)['commands.sh'];
    const lines = commandLines(script).filter((l) => !/^[A-Z0-9_]+=\$\(/.test(l) && !l.startsWith('kubectl wait '));
    const expected = lab.steps.flatMap((s) => s.commands ?? []).map((c) => c.line);
    expect(lines).toHaveLength(expected.length + lab.steps.flatMap((s) => s.manifests ?? []).filter((m) => !expected.some((e) => e.endsWith(` ${m}`))).length);
    // Simulator addresses (pod range, cluster IPs handed out, the course's nodes) no longer appear in commands.
    expect(lines.filter((l) => /\b20\.(9[6-9]|1[01]\d)\.\d+\.\d+\b|\b20-\d+-\d+-\d+\b|\b10\.(9[6-9]|1[01]\d)\.\d+\.\d+\b|\b192\.168\.0\.3\d\b|\b203\.0\.113\.\d+\b/.test(l))).toEqual([]);
  });

  it('endpoint: the hand-written pod IP is replaced by the real pod IP on the way to kubectl', () => {
    const script = exportLabForRealCluster(builtIn('endpoint'))['commands.sh'];
    const lines = commandLines(script);
    const sed = lines.findIndex((l) => l.startsWith('sed '));
    expect(lines[sed]).toBe('sed -e "s/20\\.100\\.241\\.66/$POD9_IP/g" endpoints-for-2.yaml | kubectl apply -f -');
    expect(lines[sed - 1]).toBe("POD9_IP=$(kubectl get pod pod9 -o jsonpath='{.status.podIP}')");
  });

  it('sets each address variable once', () => {
    const script = exportLabForRealCluster(builtIn('load-balancer'))['commands.sh'];
    expect(commandLines(script).filter((l) => l.startsWith('NODE_IP=')).length).toBe(1);
    expect(script).toContain('curl -s $SVC3_EXTERNAL_IP:9000/hostname');
    expect(script).toContain('curl -s $NODE_IP:$SVC3_NODE_PORT/hostname');
  });

  it.each(['service-types', 'dns-chain', 'headless', 'endpoint', 'externalname', 'load-balancer'])('%s: commands.sh is valid sh (sh -n)', (id) => {
    const check = spawnSync('sh', ['-n'], { input: exportLabForRealCluster(builtIn(id))['commands.sh'], encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
