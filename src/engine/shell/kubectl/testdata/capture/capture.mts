/**
 * Records what the REAL kubectl v1.32 prints, as fixtures for this folder's tests:
 *
 *   npx tsx src/engine/shell/kubectl/testdata/capture/capture.mts [ENGINE_DIR]
 *
 * For each scenario it builds a simulated cluster (createEngine + the chapter's manifests), serves
 * it to kubectl through fake-apiserver.mts on 127.0.0.1, runs the scenario's command lines with
 * the kubectl binary (KUBECTL, default /usr/lib/google-cloud-sdk/bin/kubectl.1.32) and writes
 * testdata/fixtures/<scenario>.json: the objects kubectl saw, the virtual "now", and each
 * command's stdout, stderr and exit code. Table cells of `kubectl get` come from our own
 * printers (the apiserver prints them; kubectl only lays them out), so those fixtures check the
 * layout, not the cells. Client-only outputs (help, usage errors) go to testdata/client.json.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeApiserver } from './fake-apiserver.mts';
import { SCENARIOS, CLIENT_ONLY } from './scenarios.ts';
import type { createEngine as CreateEngine } from '../../../../engine';
import type { tableFor as TableForFn } from '../../printers/table-printers';

const here = path.dirname(fileURLToPath(import.meta.url));
const engineDir = process.argv[2] ?? path.resolve(here, '../../../..');
const { createEngine } = (await import(path.join(engineDir, 'engine.ts'))) as { createEngine: typeof CreateEngine };
const { tableFor } = (await import(path.resolve(here, '../../printers/table-printers.ts'))) as { tableFor: typeof TableForFn };
const KUBECTL = process.env.KUBECTL ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const work = fs.mkdtempSync('/tmp/kubectl-capture-');

function run(args: string[], kubeconfig: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return new Promise((resolve) => {
    const child = spawn(KUBECTL, args, { env: { PATH: process.env.PATH, HOME: work, KUBECONFIG: kubeconfig, KUBECACHEDIR: path.join(work, 'cache') } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end();
    child.on('close', (code) => resolve({ stdout, stderr, exitCode: code ?? -1 }));
  });
}

function kubeconfig(server: string): string {
  const file = path.join(work, `kubeconfig-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(
    file,
    `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: ${server}\n  name: kubernetes\ncontexts:\n- context:\n    cluster: kubernetes\n    user: kubernetes-admin\n  name: kubernetes-admin@kubernetes\ncurrent-context: kubernetes-admin@kubernetes\nusers:\n- name: kubernetes-admin\n  user: {}\n`,
  );
  return file;
}

const outDir = path.resolve(here, '../fixtures');
fs.mkdirSync(outDir, { recursive: true });
const only = process.env.SCENARIO;
for (const scenario of SCENARIOS) {
  if (only && scenario.name !== only) continue;
  const engine = createEngine();
  scenario.setup(engine);
  const kinds = ['Namespace', 'Node', 'Pod', 'Service', 'Endpoints', 'EndpointSlice', 'ConfigMap'];
  const objects = kinds.flatMap((k) => engine.store.list(k));
  const now = engine.now();
  const server = await startFakeApiserver(engine, (kind, objs, t) => tableFor(kind, objs, t));
  const config = kubeconfig(server.url);
  const cases = [];
  for (const args of scenario.commands) {
    const r = await run(args, config);
    const fix = (s: string): string => s.split(server.url).join('https://192.168.0.30:6443').replace(/^E\d{4} [\d:.]+\s+\d+ /gm, 'E0000 00:00:00.000000       1 ');
    cases.push({ args, stdout: fix(r.stdout), stderr: fix(r.stderr), exitCode: r.exitCode });
    console.log(`${scenario.name}: kubectl ${args.join(' ')} → ${r.exitCode}`);
  }
  await server.close();
  fs.writeFileSync(path.join(outDir, `${scenario.name}.json`), JSON.stringify({ scenario: scenario.name, kubectl: KUBECTL, now, objects, cases }, null, 1) + '\n');
}

if (!only || only === 'client') {
  const config = kubeconfig('https://127.0.0.1:1');
  const cases = [];
  for (const args of CLIENT_ONLY) {
    const r = await run(args, config);
    cases.push({ args, ...r });
  }
  fs.writeFileSync(path.join(outDir, 'client.json'), JSON.stringify({ kubectl: KUBECTL, cases }, null, 1) + '\n');
}
fs.rmSync(work, { recursive: true, force: true });
