/**
 * wget in its two flavours (fixtures: testdata/wget-*, tty-wget-*):
 *
 * busybox 1.35 (networking/wget.c; busybox and alpine images): `Connecting to HOST (IP:PORT)`,
 * `saving to 'FILE'` / `writing to stdout`, a progress bar (`FILE  100% |****|  SIZE  0:00:00 ETA`,
 * redrawn with \r on a terminal), `'FILE' saved`; errors `wget: bad address 'HOST'`,
 * `wget: can't connect to remote host (IP): Connection refused`, `wget: server returned error:
 * HTTP/1.1 404 Not Found` — all exit 1. It never overwrites a file it was not told to (-O).
 * TLS: busybox does not validate certificates, so an ExternalName alias over https "works".
 *
 * GNU Wget 1.21.3 (nicolaka/netshoot, the admin host): `--DATE--  URL`, `Resolving`,
 * `Connecting to … connected.`, `HTTP request sent, awaiting response... 200 OK`, `Length:`,
 * `Saving to: ‘FILE’`, dot progress off a terminal or a bar on one, `… saved [N/N]`; exit 4
 * for network failures, 8 for HTTP errors, 5 for certificate errors; `FILE.1` when FILE exists.
 */

import type { TraceHop } from '../../../shared/dns-types';
import type { CommandResult } from '../shell-types';
import type { ExecEnv } from './exec-env';
import { exchange, parseUrl, type Exchange, type ParsedUrl } from './http-client';
import { Output } from './output';

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The file name wget derives from a URL: the last path segment, `index.html` for a directory. */
function urlFileName(url: ParsedUrl): string {
  const path = url.path.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last || 'index.html';
}

interface WgetOptions {
  output?: string;
  quiet: boolean;
  tries: number;
  timeout?: number;
  noCheckCertificate: boolean;
  spider: boolean;
  serverResponse: boolean;
  headers: string[];
  userAgent?: string;
  urls: string[];
}

function parse(args: string[], flavor: 'gnu' | 'busybox'): WgetOptions | { error: string; exitCode: number } {
  const o: WgetOptions = { quiet: false, tries: 20, noCheckCertificate: false, spider: false, serverResponse: false, headers: [], urls: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      o.urls.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const value = (): string | undefined => inline ?? args[++i];
      switch (name) {
        case 'output-document':
          o.output = value();
          break;
        case 'quiet':
          o.quiet = true;
          break;
        case 'tries':
          o.tries = Number(value()) || 20;
          break;
        case 'timeout':
        case 'connect-timeout':
          o.timeout = Number(value());
          break;
        case 'no-check-certificate':
          o.noCheckCertificate = true;
          break;
        case 'spider':
          o.spider = true;
          break;
        case 'server-response':
          o.serverResponse = true;
          break;
        case 'header':
          o.headers.push(value() ?? '');
          break;
        case 'user-agent':
          o.userAgent = value();
          break;
        case 'no-verbose':
        case 'verbose':
        case 'continue':
        case 'no-clobber':
          break;
        default:
          return flavor === 'gnu'
            ? { error: `wget: unrecognized option '--${name}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`, exitCode: 2 }
            : { error: `wget: unrecognized option '--${name}'\n${BUSYBOX_USAGE}`, exitCode: 1 };
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const rest = a.slice(j + 1);
        const takeValue = (): string | undefined => (rest !== '' ? rest : args[++i]);
        if (c === 'q') o.quiet = true;
        else if (c === 'O') {
          o.output = takeValue();
          break;
        } else if (c === 't') {
          o.tries = Number(takeValue()) || 20;
          break;
        } else if (c === 'T') {
          o.timeout = Number(takeValue());
          break;
        } else if (c === 'S') o.serverResponse = true;
        else if (c === 'c' || c === 'v' || c === 'n' || c === 's' || c === 'N') continue;
        else if (c === 'U') {
          o.userAgent = takeValue();
          break;
        } else {
          return flavor === 'gnu'
            ? { error: `wget: invalid option -- '${c}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`, exitCode: 2 }
            : { error: `wget: invalid option -- '${c}'\n${BUSYBOX_USAGE}`, exitCode: 1 };
        }
      }
      continue;
    }
    o.urls.push(a);
  }
  return o;
}

const BUSYBOX_USAGE = `BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.

Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]
	[--post-data STR | --post-file FILE] [-Y on/off]
	[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...

Retrieve files via HTTP or FTP
`;

// ---------------------------------------------------------------------------------------------
// busybox

function busyboxBar(name: string, size: number, columns: number): string {
  const bar = Math.max(0, columns - 48);
  return `${name.slice(0, 20).padEnd(20)} 100% |${'*'.repeat(bar)}| ${String(size).padStart(5)}  0:00:00 ETA`;
}

function busyboxWget(o: WgetOptions, env: ExecEnv, columns: number): CommandResult {
  const out = new Output();
  const hops: TraceHop[] = [];
  if (o.urls.length === 0) return out.err(BUSYBOX_USAGE).result(1, env.tty);
  for (const raw of o.urls) {
    let parsed = parseUrl(raw);
    if ('error' in parsed) return out.err(parsed.error === 'scheme' ? `wget: not an http or ftp url: ${raw}\n` : `wget: bad address '${raw}'\n`).result(1, env.tty, hops);
    const target = o.output ?? urlFileName(parsed);
    const toStdout = target === '-';
    let ex: Exchange;
    for (let redirects = 0; ; redirects++) {
      const url: ParsedUrl = parsed;
      const hostShown = url.explicitPort ? `${url.host}:${url.port}` : url.host;
      ex = exchange(env, url, { headers: { 'User-Agent': o.userAgent ?? 'Wget' }, insecure: true });
      hops.push(...ex.hops);
      if (!ex.ip) return out.err(`wget: bad address '${hostShown}'\n`).result(1, env.tty, hops);
      if (!o.quiet) out.err(`Connecting to ${hostShown} (${ex.ip}:${url.port})\n`);
      const conn = ex.connection!;
      if (!conn.target) {
        const why = conn.outcome === 'timeout' ? 'Connection timed out' : conn.outcome === 'no-route' ? 'No route to host' : 'Connection refused';
        return out.err(`wget: can't connect to remote host (${ex.ip}): ${why}\n`).result(1, env.tty, hops);
      }
      if (url.scheme === 'https' && !o.quiet) out.err('wget: note: TLS certificate validation not implemented\n');
      if (url.scheme === 'https' && ex.tls && !ex.tls.ok && ex.tls.reason === 'not-tls') return out.err('wget: error getting response: Connection reset by peer\n').result(1, env.tty, hops);
      const r = ex.response!;
      if (r.status === 0) return out.err('wget: error getting response: Connection reset by peer\n').result(1, env.tty, hops);
      if (r.status >= 300 && r.status < 400 && r.headers.Location && redirects < 20) {
        const next = parseUrl(r.headers.Location);
        if ('error' in next) break;
        parsed = next;
        continue;
      }
      if (r.status >= 400 || r.status < 200) return out.err(`wget: server returned error: HTTP/1.1 ${r.status} ${r.statusText}\n`).result(1, env.tty, hops);
      break;
    }
    // busybox opens the file with O_EXCL once the server has answered: it never overwrites.
    if (!toStdout && o.output === undefined && env.fs.files.has(env.fs.resolve(target))) {
      return out.err(`wget: can't open '${target}': File exists\n`).result(1, env.tty, hops);
    }
    const body = ex.response!.body;
    const size = utf8Length(body);
    const name = toStdout ? '-' : target;
    if (!o.quiet) out.err(toStdout ? 'writing to stdout\n' : `saving to '${target}'\n`);
    if (toStdout) out.out(body);
    else env.fs.write(target, body);
    if (!o.quiet) {
      out.err(`${env.tty ? '\r' : ''}${busyboxBar(name, size, columns)}\n`);
      out.err(toStdout ? 'written to stdout\n' : `'${target}' saved\n`);
    }
  }
  return out.result(0, env.tty, hops);
}

// ---------------------------------------------------------------------------------------------
// GNU

const pad2 = (n: number): string => String(n).padStart(2, '0');
function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** wget's retr_rate: B/s, KB/s, MB/s, GB/s with 2, 1 or 0 decimals. */
function rate(bytesPerSec: number, short: boolean): string {
  const names = short ? ['B', 'K', 'M', 'G'] : ['B/s', 'KB/s', 'MB/s', 'GB/s'];
  let r = bytesPerSec;
  let u = 0;
  while (r >= 1024 && u < 3) {
    r /= 1024;
    u++;
  }
  const digits = r >= 99.95 ? 0 : r >= 9.995 ? 1 : 2;
  return `${r.toFixed(digits)}${short ? '' : ' '}${names[u]}`;
}

/** The terminal bar (progress.c create_image) for a finished or just-started download. */
function gnuBar(name: string, size: number, done: boolean, columns: number): string {
  const width = Math.max(10, columns - 1 - 59);
  const pct = done ? '100%' : '  0%';
  const bar = done ? `${'='.repeat(width - 1)}>` : ' '.repeat(width);
  const tail = done ? '    in 0s      ' : '               ';
  return `${name.slice(0, 20).padEnd(20)}${pct}[${bar}]${String(done ? size : 0).padStart(8)}  --.-KB/s${tail}`;
}

function gnuWget(o: WgetOptions, env: ExecEnv, columns: number): CommandResult {
  const out = new Output();
  const hops: TraceHop[] = [];
  const log = (text: string): void => {
    if (!o.quiet) out.err(text);
  };
  if (o.urls.length === 0) return out.err("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n").result(1, env.tty);
  let exitCode = 0;
  let now = env.engine.now();
  for (const raw of o.urls) {
    let parsed = parseUrl(raw);
    if ('error' in parsed) {
      log(parsed.error === 'scheme' ? `${raw}: Unsupported scheme ‘${parsed.scheme}’.\n` : `${raw}: Invalid port number.\n`);
      exitCode = 1;
      continue;
    }
    for (let redirects = 0; ; redirects++) {
      const url: ParsedUrl = parsed;
      const href = url.port === (url.scheme === 'https' ? 443 : 80) ? `${url.scheme}://${url.host}${url.path}` : `${url.scheme}://${url.host}:${url.port}${url.path}`;
      log(`--${stamp(now)}--  ${href}\n`);
      const ex = exchange(env, url, { headers: { 'User-Agent': o.userAgent ?? 'Wget/1.21.3' }, insecure: o.noCheckCertificate });
      hops.push(...ex.hops);
      const numeric = ex.resolution?.outcome === 'numeric';
      if (!ex.ip) {
        log(`Resolving ${url.host} (${url.host})... failed: ${ex.resolution?.outcome === 'timeout' ? 'Temporary failure in name resolution' : 'Name or service not known'}.\nwget: unable to resolve host address ‘${url.host}’\n`);
        exitCode = 4;
        break;
      }
      if (!numeric) log(`Resolving ${url.host} (${url.host})... ${ex.resolution!.addresses.join(', ')}\n`);
      const connecting = numeric ? `Connecting to ${ex.ip}:${url.port}... ` : `Connecting to ${url.host} (${url.host})|${ex.ip}|:${url.port}... `;
      const conn = ex.connection!;
      if (!conn.target) {
        if (conn.outcome === 'timeout') {
          // Each try waits out the kernel's SYN retries; wget retries a timed-out connect.
          for (let t = 1; t <= o.tries; t++) {
            if (t > 1) log(`--${stamp(now)}--  (try:${String(t).padStart(2)})  ${href}\n${connecting}`);
            else log(connecting);
            log(`failed: Connection timed out.\n${t < o.tries ? 'Retrying.\n\n' : 'Giving up.\n\n'}`);
            now += 127000 + t * 1000;
          }
        } else {
          log(`${connecting}failed: ${conn.outcome === 'no-route' ? 'No route to host' : 'Connection refused'}.\n`);
        }
        exitCode = 4;
        break;
      }
      log(`${connecting}connected.\n`);
      if (url.scheme === 'https' && ex.tls && !ex.tls.ok) {
        if (ex.tls.reason === 'name-mismatch') {
          log(`ERROR: no certificate subject alternative name matches\n\trequested host name ‘${url.host}’.\nTo connect to ${url.host} insecurely, use \`--no-check-certificate'.\n`);
          exitCode = 5;
        } else if (ex.tls.reason === 'untrusted') {
          log(`ERROR: cannot verify ${url.host}'s certificate, issued by ‘CN=kubernetes’:\n  Unable to locally verify the issuer's authority.\nTo connect to ${url.host} insecurely, use \`--no-check-certificate'.\n`);
          exitCode = 5;
        } else {
          log(`GnuTLS: An unexpected TLS packet was received.\nUnable to establish SSL connection.\n`);
          exitCode = 4;
        }
        break;
      }
      const r = ex.response!;
      if (r.status === 0) {
        log('HTTP request sent, awaiting response... No data received.\nRetrying.\n\n');
        exitCode = 4;
        break;
      }
      log(`HTTP request sent, awaiting response... ${r.status} ${r.statusText}\n`);
      if (r.status >= 300 && r.status < 400 && r.headers.Location && redirects < 20) {
        log(`Location: ${r.headers.Location} [following]\n`);
        const next = parseUrl(r.headers.Location);
        if ('error' in next) break;
        parsed = next;
        continue;
      }
      if (r.status >= 400) {
        log(`${stamp(now)} ERROR ${r.status}: ${r.statusText}.\n\n`);
        exitCode = 8;
        break;
      }
      const size = utf8Length(r.body);
      const type = r.headers['Content-Type'];
      log(`Length: ${r.headers['Content-Length'] ?? 'unspecified'}${type ? ` [${type}]` : ''}\n`);
      const toStdout = o.output === '-';
      let target = o.output ?? urlFileName(url);
      if (!toStdout && o.output === undefined) {
        const base = target;
        for (let n = 1; env.fs.files.has(env.fs.resolve(target)); n++) target = `${base}.${n}`;
      }
      log(`Saving to: ‘${toStdout ? 'STDOUT' : target}’\n\n`);
      const shown = toStdout ? '-' : target;
      const speed = size / 0.000003;
      if (env.tty && !o.quiet) {
        out.err(`\r${gnuBar(shown, size, false, columns)}`);
        if (toStdout) out.out(r.body);
        out.err(`\r${gnuBar(shown, size, true, columns)}\n\n`);
      } else {
        if (toStdout) out.out(r.body);
        log(`     0K${' '.repeat(55)}100% ${rate(speed, true)}=0s\n\n`);
      }
      if (!toStdout) env.fs.write(target, r.body);
      log(toStdout ? `${stamp(now)} (${rate(speed, false)}) - written to stdout [${size}/${size}]\n\n` : `${stamp(now)} (${rate(speed, false)}) - ‘${target}’ saved [${size}/${size}]\n\n`);
      break;
    }
  }
  return out.result(exitCode, env.tty, hops);
}

/** wget in this environment's flavour. */
export function wget(args: string[], env: ExecEnv, columns = 80): CommandResult {
  const o = parse(args, env.wget);
  if ('error' in o) return new Output().err(o.error).result(o.exitCode, env.tty);
  return env.wget === 'busybox' ? busyboxWget(o, env, columns) : gnuWget(o, env, columns);
}
