/**
 * The small commands around the network tools: cat, ls, hostname, env/printenv, echo, pwd, cd,
 * date, whoami, id, uname, getent hosts. GNU coreutils and busybox differ in their error lines
 * (`cat: x: No such file or directory` vs `cat: can't open 'x': No such file or directory`);
 * the environment's flavour picks.
 *
 * Files a container has: /etc/resolv.conf, /etc/hosts, /etc/hostname (written by kubelet and the
 * runtime, exec-env.ts), and whatever curl -O / wget saved (the per-container FileSystem).
 */

import type { CommandResult } from '../shell-types';
import { ipFamily, reverseName } from '../../net/ip-address';
import { resolvConfText, type ExecEnv } from './exec-env';
import { Output } from './output';
import { getentHosts, parseHosts } from './resolver';

function busyboxish(env: ExecEnv): boolean {
  return env.userland === 'busybox';
}

/** Files the runtime provides, by absolute path. */
function systemFile(env: ExecEnv, path: string): string | undefined {
  switch (path) {
    case '/etc/resolv.conf':
      return resolvConfText(env);
    case '/etc/hosts':
      return env.hostsFile;
    case '/etc/hostname':
      return `${env.hostname}\n`;
    default:
      return undefined;
  }
}

function readFile(env: ExecEnv, path: string): string | undefined {
  const abs = env.fs.resolve(path, env.home);
  return env.fs.files.get(abs) ?? systemFile(env, abs);
}

function isDir(env: ExecEnv, path: string): boolean {
  return env.fs.dirs.has(env.fs.resolve(path, env.home));
}

export function cat(args: string[], env: ExecEnv): CommandResult {
  const out = new Output();
  let code = 0;
  const files = args.filter((a) => a === '-' || !a.startsWith('-'));
  for (const f of files) {
    const text = readFile(env, f);
    if (text !== undefined) {
      out.out(text);
      continue;
    }
    code = 1;
    if (isDir(env, f)) out.err(busyboxish(env) ? 'cat: read error: Is a directory\n' : `cat: ${f}: Is a directory\n`);
    else out.err(busyboxish(env) ? `cat: can't open '${f}': No such file or directory\n` : `cat: ${f}: No such file or directory\n`);
  }
  return out.result(code, env.tty);
}

/** Entries of a directory: the filesystem's, plus the runtime files under /etc. */
function entries(env: ExecEnv, dir: string): string[] | undefined {
  const abs = env.fs.resolve(dir, env.home);
  const listed = env.fs.list(abs);
  if (!listed) return undefined;
  const names = new Set(listed);
  if (abs === '/etc') for (const n of ['hostname', 'hosts', 'resolv.conf']) names.add(n);
  return [...names].sort((a, b) => a.localeCompare(b, 'en'));
}

/** GNU ls's indent(): tabs (every 8 columns) where a tab does not overshoot, then spaces. */
function gnuIndent(from: number, to: number): string {
  let out = '';
  let col = from;
  while (col < to) {
    if (Math.floor(to / 8) > Math.floor((col + 1) / 8)) {
      out += '\t';
      col += 8 - (col % 8);
    } else {
      out += ' ';
      col++;
    }
  }
  return out;
}

/**
 * ls -C on a terminal: names fill columns top to bottom. GNU sizes each column to its longest
 * name plus two and pads with tabs; busybox gives every column the longest name plus two, in
 * spaces.
 */
function columns(names: string[], width: number, busybox: boolean): string {
  if (names.length === 0) return '';
  if (busybox) {
    const colWidth = Math.max(...names.map((n) => n.length)) + 2;
    let cols = Math.max(1, Math.floor(width / colWidth));
    const rows = Math.ceil(names.length / cols);
    cols = Math.ceil(names.length / rows);
    let text = '';
    for (let r = 0; r < rows; r++) {
      let line = '';
      for (let c = 0; c < cols; c++) {
        const n = names[c * rows + r];
        if (n === undefined) continue;
        const last = c === cols - 1 || names[(c + 1) * rows + r] === undefined;
        line += last ? n : n.padEnd(colWidth);
      }
      text += `${line}\n`;
    }
    return text;
  }
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const widths: number[] = [];
    for (let c = 0; c * rows < names.length; c++) widths.push(Math.max(...names.slice(c * rows, c * rows + rows).map((n) => n.length)) + 2);
    const total = widths.reduce((a, b) => a + b, 0) - 2;
    if (total < width || cols === 1) {
      let text = '';
      for (let r = 0; r < rows; r++) {
        let line = '';
        let col = 0;
        for (let c = 0; c < widths.length; c++) {
          const n = names[c * rows + r];
          if (n === undefined) continue;
          line += n;
          const end = col + n.length;
          if (c < widths.length - 1 && names[(c + 1) * rows + r] !== undefined) {
            line += gnuIndent(end, col + widths[c]);
          }
          col += widths[c];
        }
        text += `${line}\n`;
      }
      return text;
    }
  }
  return '';
}

export function ls(args: string[], env: ExecEnv, width = 80): CommandResult {
  const out = new Output();
  const flags = args.filter((a) => a.startsWith('-') && a.length > 1).join('');
  const long = flags.includes('l');
  const all = flags.includes('a');
  const one = flags.includes('1') || !env.tty;
  const paths = args.filter((a) => !a.startsWith('-') || a === '-');
  const targets = paths.length > 0 ? paths : ['.'];
  let code = 0;
  const date = new Date(env.engine.now());
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const stamp = `${months[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2)} ${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
  const render = (names: string[], base: string): string => {
    const shown = all ? ['.', '..', ...names] : names.filter((n) => !n.startsWith('.'));
    if (long) {
      let text = `total ${shown.length * 4}\n`;
      for (const n of shown) {
        const p = base === '/' ? `/${n}` : `${base}/${n}`;
        const dir = env.fs.dirs.has(p) || n === '.' || n === '..';
        const size = dir ? 4096 : (readFile(env, p)?.length ?? 0);
        text += `${dir ? 'drwxr-xr-x' : '-rw-r--r--'} ${dir ? 2 : 1} root root ${String(size).padStart(5)} ${stamp} ${n}\n`;
      }
      return text;
    }
    return one ? shown.map((n) => `${n}\n`).join('') : columns(shown, width, busyboxish(env));
  };
  const multiple = targets.length > 1;
  targets.forEach((t, i) => {
    const abs = env.fs.resolve(t, env.home);
    const list = entries(env, t);
    if (list) {
      if (multiple) out.out(`${i > 0 ? '\n' : ''}${t}:\n`);
      out.out(render(list, abs));
      return;
    }
    if (readFile(env, t) !== undefined) {
      out.out(`${t}\n`);
      return;
    }
    code = busyboxish(env) ? 1 : 2;
    out.err(busyboxish(env) ? `ls: ${t}: No such file or directory\n` : `ls: cannot access '${t}': No such file or directory\n`);
  });
  return out.result(code, env.tty);
}

export function hostname(args: string[], env: ExecEnv): CommandResult {
  const out = new Output();
  const opt = args.find((a) => a.startsWith('-')) ?? '';
  const entries = parseHosts(env.hostsFile).filter((e) => e.names.includes(env.hostname) || e.names.some((n) => n.split('.')[0] === env.hostname));
  switch (opt) {
    case '':
      if (args.length > 0) return out.err(busyboxish(env) ? `hostname: sethostname: Operation not permitted\n` : `hostname: you must be root to change the host name\n`).result(1, env.tty);
      return out.out(`${env.hostname}\n`).result(0, env.tty);
    case '-f':
    case '--fqdn':
    case '--long':
      return out.out(`${env.fqdn}\n`).result(0, env.tty);
    case '-s':
    case '--short':
      return out.out(`${env.hostname.split('.')[0]}\n`).result(0, env.tty);
    case '-d':
    case '--domain': {
      const dot = env.fqdn.indexOf('.');
      return out.out(dot >= 0 ? `${env.fqdn.slice(dot + 1)}\n` : '\n').result(0, env.tty);
    }
    case '-i':
    case '--ip-address': {
      const ips = entries.map((e) => e.ip).filter((ip) => ipFamily(ip) === 'IPv4');
      return out.out(`${ips.join(' ')}\n`).result(0, env.tty);
    }
    case '-I':
    case '--all-ip-addresses':
      return out.out(`${env.ip} \n`).result(0, env.tty);
    default:
      return out.err(busyboxish(env) ? `hostname: invalid option -- '${opt.replace(/^-+/, '')}'\n` : `hostname: invalid option -- '${opt.replace(/^-+/, '')}'\nTry 'hostname --help' or 'hostname --usage' for more information.\n`).result(1, env.tty);
  }
}

/** The environment `env` prints: the container's, plus what the shell adds. */
export function environment(env: ExecEnv): Record<string, string> {
  const vars = { ...env.environment() };
  if (env.tty && !('TERM' in vars)) vars.TERM = 'xterm';
  if (env.kind === 'pod') {
    if (env.shell === 'bash') {
      vars.PWD = env.fs.cwd;
      vars.SHLVL = '1';
      vars._ = '/usr/bin/env';
    } else if (!('PWD' in vars)) vars.PWD = env.fs.cwd;
  } else vars.PWD = env.fs.cwd;
  return vars;
}

export function envCommand(args: string[], env: ExecEnv): CommandResult {
  const out = new Output();
  if (args.length > 0 && !args[0].startsWith('-')) return out.err(`env: '${args[0]}': No such file or directory\n`).result(127, env.tty);
  const vars = environment(env);
  return out.out(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join('')).result(0, env.tty);
}

export function printenv(args: string[], env: ExecEnv): CommandResult {
  const out = new Output();
  const vars = environment(env);
  delete vars._;
  if (args.length === 0) return out.out(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join('')).result(0, env.tty);
  let code = 0;
  for (const a of args) {
    if (a in vars) out.out(`${vars[a]}\n`);
    else code = 1;
  }
  return out.result(code, env.tty);
}

export function echo(args: string[], env: ExecEnv): CommandResult {
  let newline = true;
  let rest = args;
  while (rest[0] === '-n' || rest[0] === '-e' || rest[0] === '-E') {
    if (rest[0] === '-n') newline = false;
    rest = rest.slice(1);
  }
  return new Output().out(`${rest.join(' ')}${newline ? '\n' : ''}`).result(0, env.tty);
}

export function date(_args: string[], env: ExecEnv): CommandResult {
  const d = new Date(env.engine.now());
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number): string => String(n).padStart(2, '0');
  const day = busyboxish(env) ? p(d.getUTCDate()) : String(d.getUTCDate()).padStart(2);
  return new Output().out(`${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${day} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}\n`).result(0, env.tty);
}

export function uname(args: string[], env: ExecEnv): CommandResult {
  const all = args.includes('-a');
  const kernel = '6.8.0-52-generic';
  const text = all ? `Linux ${env.hostname} ${kernel} #53-Ubuntu SMP PREEMPT_DYNAMIC Sat Jan 11 00:06:25 UTC 2025 x86_64${busyboxish(env) ? '' : ' GNU/Linux'}\n` : args.includes('-r') ? `${kernel}\n` : 'Linux\n';
  return new Output().out(text).result(0, env.tty);
}

/** getent hosts NAME | ADDRESS (glibc getent.c: `%-15s %s` + aliases). */
export function getent(args: string[], env: ExecEnv): CommandResult {
  const out = new Output();
  const [db, ...keys] = args;
  if (!db) return out.err('Usage: getent [OPTION...] database [key ...]\nTry `getent --help\' or `getent --usage\' for more information.\n').result(1, env.tty);
  if (db !== 'hosts' && db !== 'ahosts' && db !== 'ahostsv4') {
    if (['passwd', 'group', 'services', 'protocols', 'networks'].includes(db)) return out.result(2, env.tty);
    return out.err(`Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.\n`).result(1, env.tty);
  }
  if (keys.length === 0) return out.out(env.hostsFile.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => `${l}\n`).join('')).result(0, env.tty);
  let code = 0;
  for (const key of keys) {
    if (ipFamily(key)) {
      const fromHosts = parseHosts(env.hostsFile).find((e) => e.ip === key);
      if (fromHosts) {
        out.out(`${key.padEnd(15)} ${fromHosts.names.join(' ')}\n`);
        continue;
      }
      const server = env.resolvConf.nameservers[0];
      const ex = server ? env.engine.dns.query(env.actor, server, reverseName(key) ?? '', 'PTR') : undefined;
      out.hops.push(...(ex?.hops ?? []));
      const name = ex && !ex.timedOut ? ex.message.answer.find((r) => r.type === 'PTR')?.data : undefined;
      if (name) out.out(`${key.padEnd(15)} ${name.replace(/\.$/, '')}\n`);
      else code = 2;
      continue;
    }
    const r = getentHosts(env, key);
    out.hops.push(...r.hops);
    if (r.addresses.length === 0) {
      code = 2;
      continue;
    }
    const aliases = r.aliases && r.aliases.length > 0 ? r.aliases : cnameAliases(r.attempts, r.canonical);
    for (const ip of r.addresses) out.out(`${ip.padEnd(15)} ${[r.canonical ?? key, ...aliases].join(' ')}\n`);
  }
  return out.result(code, env.tty);
}

function cnameAliases(attempts: ReturnType<typeof getentHosts>['attempts'], canonical: string | undefined): string[] {
  const out: string[] = [];
  for (const a of attempts) for (const r of a.message?.answer ?? []) if (r.type === 'CNAME') out.push(r.name.replace(/\.$/, ''));
  return [...new Set(out)].filter((n) => n !== canonical);
}
