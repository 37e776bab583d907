/**
 * `svclab` — the headless runner. `svclab run FILE [--config CLUSTER.yaml]` starts one fresh
 * simulated cluster, runs FILE's lines as commands typed at the admin host, and prints the
 * transcript. Deterministic: the same FILE and config always print the same thing.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseClusterConfig } from '../engine/config/parse-cluster-config';
import { createEngine } from '../engine/engine';
import { ShellSession } from '../engine/shell/shell-session';
import { runScript } from '../engine/shell/run-script';
import { NODE_VERSIONS } from '../engine/controllers/nodes';
import type { ClusterConfig } from '../shared/cluster-config';

const VERSION = '0.1.0';

const HELP = `svclab — run Service Lab scripts against a simulated Kubernetes cluster

Usage:
  svclab run FILE [--config CLUSTER.yaml]   run each line of FILE as a command at the admin host
  svclab version                            print the version
  svclab --help                             print this help

FILE: one command per line (kubectl, nslookup, dig, curl, …); blank lines and lines starting
with # are skipped; relative paths in commands resolve from FILE's folder. Before each line the
cluster settles (pods that can start are Running). A command's own failure is printed, not fatal.

CLUSTER.yaml keys (defaults in brackets): clusterDomain [cluster.local], serviceCIDR
[10.96.0.0/12], podCIDR [20.96.0.0/12], dns.ttl [30], dns.pods [insecure], cloudProvider [off],
seed [20240106]; serviceCIDRv6 / podCIDRv6 make the cluster dual-stack.
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
      io.stderr(`svclab: ${configPath} is not a valid cluster configuration:\n${parsed.errors.map((e) => `  ${e}\n`).join('')}`);
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

function usage(io: CliIO, message: string): number {
  io.stderr(`svclab: ${message}\nUsage: svclab run FILE [--config CLUSTER.yaml]\n`);
  return 2;
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
