/**
 * `svclab` — the headless runner. `svclab run FILE [--config CLUSTER.yaml]` starts one fresh
 * simulated cluster, runs FILE's lines as commands typed at the admin host, and prints the
 * transcript. Deterministic: the same FILE and config always print the same thing.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { parseClusterConfig } from '../engine/config/parse-cluster-config';
import { createEngine } from '../engine/engine';
import { ShellSession } from '../engine/shell/shell-session';
import { runScript } from '../engine/shell/run-script';
import { NODE_VERSIONS } from '../engine/controllers/nodes';
import { walkLab } from '../engine/labs/lab-walk';
import { parseLab } from '../engine/labs/parse-lab';
import { exportLabForRealCluster } from '../engine/labs/real-cluster-export';
import type { Lab } from '../shared/lab-types';
import type { ClusterConfig } from '../shared/cluster-config';

const VERSION = '0.1.0';

const HELP = `svclab — run Service Lab scripts against a simulated Kubernetes cluster

Usage:
  svclab run FILE [--config CLUSTER.yaml]   run each line of FILE as a command at the admin host
  svclab check-lab LAB_DIR                  check a lab folder: parse lab.yaml, walk its steps, run its checks
  svclab export-lab LAB_DIR OUT_DIR [--force]
                                            write the lab for a real cluster: its manifests,
                                            commands.sh, README.ko.md and README.en.md
  svclab version                            print the version
  svclab --help                             print this help

FILE: one command per line (kubectl, nslookup, dig, curl, …); blank lines and lines starting
with # are skipped; relative paths in commands resolve from FILE's folder. Before each line the
cluster settles (pods that can start are Running). A command's own failure is printed, not fatal.

CLUSTER.yaml keys (defaults in brackets): clusterDomain [cluster.local], serviceCIDR
[10.96.0.0/12], podCIDR [20.96.0.0/12], dns.ttl [30], dns.pods [insecure], cloudProvider [off],
seed [20240106]; serviceCIDRv6 / podCIDRv6 make the cluster dual-stack.

LAB_DIR: a lab folder (lab.yaml, the manifests it names, an optional cluster.yaml); the format
is described in resources/labs/README.md. check-lab walks the steps on a fresh cluster as a
learner would and exits 1 if lab.yaml has problems or a check does not pass after its step.
export-lab refuses a non-empty OUT_DIR unless --force is given (then it overwrites those files).
`;

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs the CLI; returns the exit code. */
export function main(args: string[], io: CliIO): number {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === 'version' || command === '--version') {
    io.stdout(`svclab ${VERSION} (simulated Kubernetes ${NODE_VERSIONS.kubelet})\n`);
    return 0;
  }
  if (command === 'check-lab') return checkLab(rest, io);
  if (command === 'export-lab') return exportLab(rest, io);
  if (command !== 'run') {
    io.stderr(`svclab: unknown command "${command}"\nRun 'svclab --help' for usage.\n`);
    return 2;
  }
  let file: string | undefined;
  let configPath: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--config') {
      configPath = rest[++i];
      if (configPath === undefined) return usage(io, 'flag needs an argument: --config');
    } else if (arg.startsWith('--config=')) configPath = arg.slice('--config='.length);
    else if (arg.startsWith('-')) return usage(io, `unknown flag: ${arg}`);
    else if (file === undefined) file = arg;
    else return usage(io, `unexpected argument: ${arg}`);
  }
  if (file === undefined) return usage(io, 'svclab run needs a FILE');

  let script: string;
  try {
    script = readFileSync(file, 'utf8');
  } catch (error) {
    io.stderr(`svclab: cannot read ${file}: ${reason(error)}\n`);
    return 1;
  }
  let config: Partial<ClusterConfig> = {};
  if (configPath !== undefined) {
    let text: string;
    try {
      text = readFileSync(configPath, 'utf8');
    } catch (error) {
      io.stderr(`svclab: cannot read ${configPath}: ${reason(error)}\n`);
      return 1;
    }
    const parsed = parseClusterConfig(text);
    if ('errors' in parsed) {
      io.stderr(`svclab: ${configPath} is not a valid cluster configuration:\n${parsed.errors.map((e) => `  ${e.en}\n`).join('')}`);
      return 1;
    }
    config = parsed.config;
  }

  const base = dirname(resolve(file));
  const at = (path: string): string => (isAbsolute(path) ? path : join(base, path));
  const engine = createEngine(config, undefined, { freezeObjects: false });
  const session = new ShellSession(engine, {
    read: (path) => {
      const full = at(path);
      try {
        return statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    list: (path) => {
      const full = at(path);
      return existsSync(full) && statSync(full).isDirectory() ? readdirSync(full).sort().map((name) => join(path, name)) : undefined;
    },
  });
  io.stdout(runScript(engine, session, script).transcript);
  return 0;
}

function usage(io: CliIO, message: string, line = 'svclab run FILE [--config CLUSTER.yaml]'): number {
  io.stderr(`svclab: ${message}\nUsage: ${line}\n`);
  return 2;
}

const CHECK_USAGE = 'svclab check-lab LAB_DIR';
const EXPORT_USAGE = 'svclab export-lab LAB_DIR OUT_DIR [--force]';

/** Reads a lab folder (its files, not subfolders) and parses it; problems go to stderr. */
function loadLabFolder(dir: string, io: CliIO): Lab | undefined {
  let files: Record<string, string>;
  try {
    if (!statSync(dir).isDirectory()) {
      io.stderr(`svclab: ${dir} is not a folder\n`);
      return undefined;
    }
    files = {};
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isFile()) files[name] = readFileSync(full, 'utf8');
    }
  } catch (error) {
    io.stderr(`svclab: cannot read ${dir}: ${reason(error)}\n`);
    return undefined;
  }
  const parsed = parseLab({ files, id: basename(resolve(dir)), source: 'teacher' });
  if ('problems' in parsed) {
    const where = (p: { file: string; line?: number; column?: number }): string => [join(dir, p.file), p.line, p.column].filter((x) => x !== undefined).join(':');
    io.stderr(`svclab: ${dir} is not a valid lab:\n${parsed.problems.map((p) => `  ${where(p)}: ${p.message.en}\n`).join('')}`);
    return undefined;
  }
  return parsed.lab;
}

/** `svclab check-lab LAB_DIR`: parse, walk the steps on a fresh cluster, report each check. */
function checkLab(args: string[], io: CliIO): number {
  const flag = args.find((a) => a.startsWith('-'));
  if (flag) return usage(io, `unknown flag: ${flag}`, CHECK_USAGE);
  if (args.length !== 1) return usage(io, args.length === 0 ? 'check-lab needs a LAB_DIR' : `unexpected argument: ${args[1]}`, CHECK_USAGE);
  const lab = loadLabFolder(args[0], io);
  if (!lab) return 1;
  let failed = 0;
  io.stdout(`${lab.title.en} — ${lab.title.ko}\n`);
  for (const [i, { step, after, applied }] of walkLab(lab).steps.entries()) {
    io.stdout(`${i + 1}. ${step.id}: ${step.title.en}\n`);
    for (const a of applied) for (const e of a.errors) {
      failed++;
      io.stdout(`   ✗ applying ${a.file}: ${e}\n`);
    }
    for (const r of after) {
      if (!r.ok) failed++;
      io.stdout(`   ${r.ok ? '✓' : '✗'} ${r.detail.en}\n`);
    }
  }
  io.stdout(failed === 0 ? 'Every check passes after its step.\n' : `${failed} check(s) fail.\n`);
  return failed === 0 ? 0 : 1;
}

/** `svclab export-lab LAB_DIR OUT_DIR [--force]`: the lab as files for a real cluster. */
function exportLab(args: string[], io: CliIO): number {
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  const flag = rest.find((a) => a.startsWith('-'));
  if (flag) return usage(io, `unknown flag: ${flag}`, EXPORT_USAGE);
  if (rest.length !== 2) return usage(io, rest.length < 2 ? 'export-lab needs a LAB_DIR and an OUT_DIR' : `unexpected argument: ${rest[2]}`, EXPORT_USAGE);
  const [labDir, outDir] = rest;
  const lab = loadLabFolder(labDir, io);
  if (!lab) return 1;
  const files = exportLabForRealCluster(lab);
  try {
    if (existsSync(outDir)) {
      if (!statSync(outDir).isDirectory()) {
        io.stderr(`svclab: ${outDir} is not a folder\n`);
        return 1;
      }
      // Never overwrite someone's files without being asked to.
      if (!force && readdirSync(outDir).length > 0) {
        io.stderr(`svclab: ${outDir} is not empty (add --force to overwrite the exported files in it)\n`);
        return 1;
      }
    }
    mkdirSync(outDir, { recursive: true });
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(outDir, name), text);
      if (name.endsWith('.sh')) chmodSync(join(outDir, name), 0o755);
    }
  } catch (error) {
    io.stderr(`svclab: cannot write ${outDir}: ${reason(error)}\n`);
    return 1;
  }
  io.stdout(Object.keys(files).sort().map((name) => `${join(outDir, name)}\n`).join(''));
  return 0;
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
