/**
 * Command-layer benchmark: prints figures, asserts nothing.
 *   npm run bench:shell        (builds nothing itself: run `npm run build` first for the CLI figure)
 * Targets (issue 3): `svclab run` of a 100-line lab script ≤ 300 ms wall, start-up included.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../../src/engine/engine';
import { ShellSession } from '../../src/engine/shell/shell-session';
import { workload } from '../engine/workload';

const noFiles = { read: () => undefined };

function perSecond(run: () => void, minMs = 1000): number {
  for (let i = 0; i < 20; i++) run();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    run();
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}

// kubectl get pods -A at 1,000 pods (plus the kube-system pods).
{
  const engine = createEngine({}, undefined, { freezeObjects: false });
  for (const file of workload(1000).files) engine.apply(file);
  engine.settle();
  const session = new ShellSession(engine, noFiles);
  const lines = session.run('kubectl get pods -A').stdout.split('\n').length - 2;
  console.log(`kubectl get pods -A (${lines} pods): ${perSecond(() => session.run('kubectl get pods -A')).toFixed(0)} commands/s`);
  console.log(`kubectl get svc -A -o wide (100 services): ${perSecond(() => session.run('kubectl get svc -A -o wide')).toFixed(0)} commands/s`);

  // nslookup through the search list, from inside a pod (bind9 nslookup in kubetm/app).
  const exec = 'kubectl exec pod1 -- nslookup svc3';
  console.log(`${exec} (search list: first candidate answers): ${perSecond(() => session.run(exec)).toFixed(0)} commands/s`);
  const outside = 'kubectl exec pod1 -- nslookup google.com';
  console.log(`${outside} (3 NXDOMAIN search candidates, then the chain): ${perSecond(() => session.run(outside)).toFixed(0)} commands/s`);
}

// svclab run of a 100-line lab script: wall time of the built CLI, start-up included.
{
  const cli = join(import.meta.dirname, '../../out/cli/svclab.js');
  if (!existsSync(cli)) {
    console.log('svclab run (100 lines): skipped — run `npm run build` first');
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'svclab-bench-'));
    writeFileSync(join(dir, 'app.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web1\n  labels:\n    app: web\nspec:\n  containers:\n  - name: app\n    image: kubetm/app\n');
    const commands = ['kubectl get pods -o wide', 'kubectl get svc', 'kubectl describe svc web', 'kubectl exec web1 -- nslookup web', 'kubectl exec web1 -- curl -s web/hostname', 'kubectl get endpoints web', 'kubectl exec web1 -- cat /etc/resolv.conf', 'kubectl get endpointslices', 'kubectl exec web1 -- nslookup google.com'];
    const lines = ['kubectl apply -f app.yaml'];
    while (lines.length < 100) lines.push(commands[lines.length % commands.length]);
    const script = join(dir, 'lab.svclab');
    writeFileSync(script, `${lines.join('\n')}\n`);
    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      const run = spawnSync(process.execPath, [cli, 'run', script], { encoding: 'utf8' });
      samples.push(performance.now() - start);
      if (run.status !== 0) throw new Error(run.stderr);
    }
    samples.sort((a, b) => a - b);
    console.log(`svclab run (100-line script, node start-up included): median ${samples[3].toFixed(0)} ms, best ${samples[0].toFixed(0)} ms over 7 runs`);
  }
}
