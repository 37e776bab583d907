/**
 * curl 7.88.1 (Debian 12's; the fixtures in testdata/ are its real output): the options learners
 * use — -s -S -v -I -i -o -O -L -f -k -w -m --connect-timeout -X -H -A -d --resolve — over the
 * simulated network (http-client.ts).
 *
 * Output rules (src/tool_operate.c, lib/progress.c, src/tool_cb_dbg.c):
 * - The progress meter goes to stderr unless -s, and only when the body does not go to a
 *   terminal: with -o/-O, or when stdout is not a tty (`kubectl exec POD -- curl` without -t).
 *   It starts with a zero line; the final line has the sizes; a failed transfer repeats the zero
 *   line and ends the line; a name that does not resolve fails right after the first line.
 * - Errors: `curl: (N) message` (shown unless -s without -S). 6 Could not resolve host,
 *   7 Failed to connect … Couldn't connect to server (refused, no endpoints, no route),
 *   28 timeouts, 22 with -f on HTTP ≥ 400, 35/60 TLS, 52 empty reply, 1 unsupported protocol,
 *   3 malformed URL, 2 bad usage, 23 when -O has no file name.
 * - -v: `*` info lines, `>` request and `<` response headers with CRLF, `{ [N bytes data]` when
 *   the data does not go to a terminal; -I/-i print headers on stdout, names in bold on a tty.
 */

import type { TraceHop } from '../../../shared/dns-types';
import type { CommandResult } from '../shell-types';
import type { ExecEnv } from './exec-env';
import { exchange, parseUrl, type Exchange, type ParsedUrl } from './http-client';
import { Output } from './output';

const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** lib/progress.c max5data: a number in five columns (k/M suffixes past 99999). */
export function max5(n: number): string {
  const KB = 1024;
  const MB = 1024 * KB;
  if (n < 100000) return String(Math.floor(n)).padStart(5);
  if (n < 10000 * KB) return `${String(Math.floor(n / KB)).padStart(4)}k`;
  if (n < 100 * MB) return `${String(Math.floor(n / MB)).padStart(2)}.${Math.floor((n % MB) / (MB / 10))}M`;
  return `${String(Math.floor(n / MB)).padStart(4)}M`;
}

function timeField(seconds: number | undefined): string {
  if (seconds === undefined || seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** One progress line (without the leading \r). */
export function meterLine(p: { total?: number; received: number; speed?: number; spent?: number; current?: number }): string {
  const total = p.total ?? 0;
  const pct = total > 0 ? Math.floor((p.received * 100) / total) : 0;
  const totalPct = pct;
  return `${String(totalPct).padStart(3)} ${max5(total)}  ${String(pct).padStart(3)} ${max5(p.received)}  ${'0'.padStart(3)} ${max5(0)}  ${max5(p.speed ?? 0)}  ${max5(0)} ${timeField(undefined)} ${timeField(p.spent)} ${timeField(undefined)} ${max5(p.current ?? p.speed ?? 0)}`;
}

const ZERO_LINE = `\r${meterLine({ received: 0 })}`;

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  include: boolean;
  location: boolean;
  fail: boolean;
  insecure: boolean;
  remoteName: boolean;
  output?: string;
  writeOut?: string;
  maxTime?: number;
  connectTimeout?: number;
  method?: string;
  headers: string[];
  userAgent?: string;
  data?: string;
  resolve: { host: string; port: number; ip: string }[];
  urls: string[];
}

type ParseResult = CurlOptions | { usage: string; exitCode: number };

const SHORT_FLAGS: Record<string, keyof CurlOptions> = { s: 'silent', S: 'showError', v: 'verbose', I: 'head', i: 'include', L: 'location', f: 'fail', k: 'insecure', O: 'remoteName' };
const LONG_FLAGS: Record<string, keyof CurlOptions> = {
  silent: 'silent',
  'show-error': 'showError',
  verbose: 'verbose',
  head: 'head',
  include: 'include',
  location: 'location',
  fail: 'fail',
  insecure: 'insecure',
  'remote-name': 'remoteName',
};
const SHORT_VALUE = new Set(['o', 'w', 'm', 'X', 'H', 'A', 'd', 'u', 'e']);
const LONG_VALUE: Record<string, string> = {
  output: 'o',
  'write-out': 'w',
  'max-time': 'm',
  request: 'X',
  header: 'H',
  'user-agent': 'A',
  data: 'd',
  user: 'u',
  referer: 'e',
  'connect-timeout': 'connect-timeout',
  resolve: 'resolve',
  url: 'url',
};
const IGNORED_FLAGS = new Set(['4', '6', 'N', 'q', 'ipv4', 'ipv6', 'no-buffer', 'compressed', 'http1.1', 'no-progress-meter', 'progress-bar', '#']);

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";

function parseArgs(args: string[]): ParseResult {
  const o: CurlOptions = { silent: false, showError: false, verbose: false, head: false, include: false, location: false, fail: false, insecure: false, remoteName: false, headers: [], resolve: [], urls: [] };
  const setValue = (key: string, value: string | undefined, shown: string): ParseResult | undefined => {
    if (value === undefined) return { usage: `curl: option ${shown}: requires parameter\n${TRY_HELP}`, exitCode: 2 };
    switch (key) {
      case 'o':
        o.output = value;
        break;
      case 'w':
        o.writeOut = value;
        break;
      case 'm':
      case 'connect-timeout': {
        const n = Number(value);
        if (!Number.isFinite(n) || n < 0) return { usage: `curl: option ${shown}: expected a proper numerical parameter\n${TRY_HELP}`, exitCode: 2 };
        if (key === 'm') o.maxTime = n;
        else o.connectTimeout = n;
        break;
      }
      case 'X':
        o.method = value;
        break;
      case 'H':
        o.headers.push(value);
        break;
      case 'A':
        o.userAgent = value;
        break;
      case 'd':
        o.data = value;
        break;
      case 'resolve': {
        const m = /^([^:]+):(\d+):(.+)$/.exec(value);
        if (m) o.resolve.push({ host: m[1].toLowerCase(), port: Number(m[2]), ip: m[3].replace(/^\[|\]$/g, '') });
        break;
      }
      case 'url':
        o.urls.push(value);
        break;
      default:
        break;
    }
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--') && a.length > 2) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const plainName = name.startsWith('no-') ? name.slice(3) : name;
      if (name === 'no-progress-meter') {
        o.silent = o.silent || false;
        continue;
      }
      if (LONG_FLAGS[plainName]) {
        (o as unknown as Record<string, boolean>)[LONG_FLAGS[plainName]] = !name.startsWith('no-');
        continue;
      }
      if (LONG_VALUE[name]) {
        const value = inline ?? args[++i];
        const err = setValue(LONG_VALUE[name], value, `--${name}`);
        if (err) return err;
        continue;
      }
      if (IGNORED_FLAGS.has(name)) continue;
      if (name === 'version') return { usage: '', exitCode: -1 };
      if (name === 'help') return { usage: '', exitCode: -2 };
      return { usage: `curl: option --${name}: is unknown\n${TRY_HELP}`, exitCode: 2 };
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (SHORT_FLAGS[c]) {
          (o as unknown as Record<string, boolean>)[SHORT_FLAGS[c]] = true;
          continue;
        }
        if (SHORT_VALUE.has(c)) {
          const rest = a.slice(j + 1);
          const value = rest !== '' ? rest : args[++i];
          const err = setValue(c, value, `-${c}`);
          if (err) return err;
          break;
        }
        if (IGNORED_FLAGS.has(c)) continue;
        if (c === 'V') return { usage: '', exitCode: -1 };
        if (c === 'h') return { usage: '', exitCode: -2 };
        return { usage: `curl: option -${a.slice(j)}: is unknown\n${TRY_HELP}`, exitCode: 2 };
      }
      continue;
    }
    o.urls.push(a);
  }
  return o;
}

function versionText(env: ExecEnv): string {
  return `curl ${env.curlVersion} (x86_64-pc-linux-gnu) libcurl/${env.curlVersion} OpenSSL/3.0.19 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 (+libidn2/2.3.3) libssh2/1.10.0 nghttp2/1.52.0 librtmp/2.3 OpenLDAP/2.5.13
Release-Date: 2023-02-20, security patched: 7.88.1-10+deb12u14
Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp
Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM NTLM_WB PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd
`;
}

const HELP = `Usage: curl [options...] <url>
 -d, --data <data>          HTTP POST data
 -f, --fail                 Fail fast with no output on HTTP errors
 -h, --help <category>      Get help for commands
 -i, --include              Include protocol response headers in the output
 -o, --output <file>        Write to file instead of stdout
 -O, --remote-name          Write output to a file named as the remote file
 -s, --silent               Silent mode
 -T, --upload-file <file>   Transfer local FILE to destination
 -u, --user <user:password> Server user and password
 -A, --user-agent <name>    Send User-Agent <name> to server
 -v, --verbose              Make the operation more talkative
 -V, --version              Show version number and quit

This is not the full help, this menu is stripped into categories.
Use "--help category" to get an overview of all categories.
For all options use the manual or "--help all".
`;

/** A transfer's observable facts, for -w. */
interface Transfer {
  url: ParsedUrl;
  ex?: Exchange;
  code: number;
  sizeDownload: number;
  sizeHeader: number;
  redirects: number;
  totalMs: number;
  exitCode: number;
  error?: string;
}

function statusLine(ex: Exchange): string {
  const r = ex.response!;
  return `HTTP/1.1 ${r.status} ${r.statusText}`;
}

function headerBlock(ex: Exchange, bold: boolean): string {
  const r = ex.response!;
  let out = `${statusLine(ex)}\r\n`;
  for (const [k, v] of Object.entries(r.headers)) out += bold ? `\x1b[1m${k}\x1b[0m: ${v}\r\n` : `${k}: ${v}\r\n`;
  return `${out}\r\n`;
}

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

function writeOut(format: string, t: Transfer, out: Output): void {
  let text = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '\\' && i + 1 < format.length) {
      const n = format[i + 1];
      if (n === 'n') text += '\n';
      else if (n === 't') text += '\t';
      else if (n === 'r') text += '\r';
      else if (n === '\\') text += '\\';
      else text += `\\${n}`;
      i++;
      continue;
    }
    if (c === '%' && format[i + 1] === '%') {
      text += '%';
      i++;
      continue;
    }
    if (c === '%' && format[i + 1] === '{') {
      const end = format.indexOf('}', i);
      if (end < 0) {
        text += c;
        continue;
      }
      const name = format.slice(i + 2, end);
      i = end;
      const secs = (ms: number): string => (ms / 1000).toFixed(6);
      const r = t.ex?.response;
      const values: Record<string, string> = {
        http_code: String(t.code).padStart(3, '0'),
        response_code: String(t.code).padStart(3, '0'),
        url_effective: t.url.href,
        url: t.url.href,
        remote_ip: t.ex?.connection?.target || t.ex?.response ? (t.ex?.ip ?? '') : '',
        remote_port: t.ex?.connection?.target || t.ex?.response ? String(t.url.port) : '',
        local_ip: '',
        local_port: '',
        size_download: String(t.sizeDownload),
        size_header: String(t.sizeHeader),
        size_upload: '0',
        size_request: '0',
        content_type: r?.headers['Content-Type'] ?? '',
        num_redirects: String(t.redirects),
        redirect_url: r && r.status >= 300 && r.status < 400 && !t.url ? '' : (r?.headers.Location ?? ''),
        time_total: secs(t.totalMs),
        time_namelookup: secs(t.ex?.dnsMs ?? 0),
        time_connect: secs((t.ex?.dnsMs ?? 0) + (t.ex?.connectMs ?? 0)),
        time_starttransfer: t.ex?.response ? secs(t.totalMs) : secs(0),
        exitcode: String(t.exitCode),
        errormsg: t.error ?? '',
        scheme: t.url.scheme.toUpperCase(),
        method: t.ex?.response ? 'GET' : '',
        http_version: t.ex?.response ? '1.1' : '0',
        num_connects: t.ex?.connection?.target ? '1' : '0',
      };
      if (name in values) text += values[name];
      else {
        if (text) out.out(text);
        text = '';
        out.err(`curl: unknown --write-out variable: '${name}'\n`);
      }
      continue;
    }
    text += c;
  }
  out.out(text);
}

/** The file name -O picks: the URL path's last segment (no query). */
function remoteFileName(url: ParsedUrl): string {
  const path = url.path.replace(/[?#].*$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Runs curl. */
export function curl(args: string[], env: ExecEnv): CommandResult {
  const out = new Output();
  const parsed = parseArgs(args);
  if ('usage' in parsed) {
    if (parsed.exitCode === -1) return out.out(versionText(env)).result(0, env.tty);
    if (parsed.exitCode === -2) return out.out(HELP).result(0, env.tty);
    return out.err(parsed.usage).result(parsed.exitCode, env.tty);
  }
  const o = parsed;
  if (o.urls.length === 0) return out.err(TRY_HELP).result(2, env.tty);
  const hops: TraceHop[] = [];
  let exit = 0;
  let connectionNo = 0;
  for (const raw of o.urls) {
    const r = transfer(raw, o, env, out, hops, connectionNo);
    connectionNo = r.nextConnection;
    exit = r.exitCode;
  }
  return out.result(exit, env.tty, hops);
}

function errorsShown(o: CurlOptions): boolean {
  return !o.silent || o.showError;
}

function transfer(raw: string, o: CurlOptions, env: ExecEnv, out: Output, hops: TraceHop[], connectionNo: number): { exitCode: number; nextConnection: number } {
  const fail = (code: number, message: string, t?: Transfer): { exitCode: number; nextConnection: number } => {
    if (errorsShown(o)) out.err(`curl: (${code}) ${message}\n`);
    if (o.writeOut && t) writeOut(o.writeOut, { ...t, exitCode: code, error: message }, out);
    return { exitCode: code, nextConnection: connectionNo + 1 };
  };
  let parsedUrl = parseUrl(raw);
  if ('error' in parsedUrl) {
    if (parsedUrl.error === 'scheme') {
      if (o.verbose) out.err(`* Protocol "${parsedUrl.scheme}" not supported or disabled in libcurl\n* Closing connection -1\n`);
      return fail(1, `Protocol "${parsedUrl.scheme}" not supported or disabled in libcurl`);
    }
    if (parsedUrl.error === 'port') return fail(3, 'URL using bad/illegal format or missing URL');
    return fail(3, 'URL using bad/illegal format or missing URL');
  }
  const toFile = o.remoteName || (o.output !== undefined && o.output !== '-');
  let fileName: string | undefined;
  if (o.remoteName && o.output === undefined) {
    fileName = remoteFileName(parsedUrl);
    if (!fileName) {
      if (errorsShown(o)) out.err('curl: Remote file name has no length!\n');
      return fail(23, 'Failed writing received data to disk/application');
    }
  } else if (o.output !== undefined && o.output !== '-') fileName = o.output;
  const meter = !o.silent && (toFile || !env.tty);
  const dataToTerminal = env.tty && !toFile;
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  if (meter) out.err(METER_HEADER).err(ZERO_LINE);
  let redirects = 0;
  let totalMs = 0;
  let body = '';
  let sizeHeader = 0;
  let last: Exchange | undefined;
  for (;;) {
    const url: ParsedUrl = parsedUrl;
    const forced = o.resolve.find((r) => r.host === url.host.toLowerCase() && r.port === url.port);
    if (forced && o.verbose) out.err(`* Added ${forced.host}:${forced.port}:${forced.ip} to DNS cache\n`);
    // -H replaces a default header of the same name (Host, User-Agent, Accept) or adds one.
    const custom = o.headers.map((h) => {
      const i = h.indexOf(':');
      return i > 0 ? { name: h.slice(0, i).trim(), value: h.slice(i + 1).trim() } : { name: h.trim(), value: '' };
    });
    const customValue = (name: string): string | undefined => custom.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
    const ex = exchange(env, url, {
      method,
      insecure: o.insecure,
      resolved: forced?.ip,
      hostHeader: customValue('Host'),
      headers: { 'User-Agent': customValue('User-Agent') ?? o.userAgent ?? `curl/${env.curlVersion}`, Accept: customValue('Accept') ?? '*/*' },
    });
    hops.push(...ex.hops);
    last = ex;
    totalMs += ex.dnsMs + ex.connectMs;
    const t = (code: number): Transfer => ({ url, ex, code, sizeDownload: utf8Length(body), sizeHeader, redirects, totalMs, exitCode: 0 });
    if (!ex.ip) {
      if (o.verbose) out.err(`* Could not resolve host: ${url.host}\n* Closing connection ${connectionNo}\n`);
      return fail(6, `Could not resolve host: ${url.host}`, t(0));
    }
    const hostPort = `${url.host.includes(':') ? `[${url.host}]` : url.host}`;
    if (o.verbose) out.err(`*   Trying ${ex.ip.includes(':') ? `[${ex.ip}]` : ex.ip}:${url.port}...\n`);
    const conn = ex.connection!;
    if (!conn.target) {
      const failMs = totalMs;
      if (conn.outcome === 'timeout') {
        const limit = o.maxTime ?? o.connectTimeout;
        if (limit !== undefined && limit * 1000 < 127000) {
          const ms = Math.round(limit * 1000) + 1;
          const seconds = Math.floor(ms / 1000);
          const overall = o.maxTime !== undefined && (o.connectTimeout === undefined || o.maxTime <= o.connectTimeout);
          // The verbose line comes just before the meter's last update.
          meterSeconds(out, meter, seconds - 1);
          if (o.verbose) out.err(overall ? `* Connection timed out after ${ms} milliseconds\n` : `* Failed to connect to ${hostPort} port ${url.port} after ${ms} ms: Timeout was reached\n`);
          if (meter) out.err(`\r${meterLine({ received: 0, spent: seconds })}\n`);
          if (o.verbose) out.err(`* Closing connection ${connectionNo}\n`);
          if (overall) return fail(28, `Connection timed out after ${ms} milliseconds`, t(0));
          return fail(28, `Failed to connect to ${hostPort} port ${url.port} after ${ms} ms: Timeout was reached`, t(0));
        }
        const ms = 127000 + 60 + failMs;
        meterSeconds(out, meter, Math.floor(ms / 1000));
        if (o.verbose) out.err(`* connect to ${ex.ip} port ${url.port} failed: Connection timed out\n* Failed to connect to ${hostPort} port ${url.port} after ${ms} ms: Couldn't connect to server\n`);
        if (meter) out.err('\n');
        if (o.verbose) out.err(`* Closing connection ${connectionNo}\n`);
        return fail(28, `Failed to connect to ${hostPort} port ${url.port} after ${ms} ms: Couldn't connect to server`, t(0));
      }
      const ms = conn.outcome === 'no-route' ? 3070 + failMs : failMs;
      const why = conn.outcome === 'no-route' ? 'No route to host' : 'Connection refused';
      if (o.verbose) out.err(`* connect to ${ex.ip} port ${url.port} failed: ${why}\n* Failed to connect to ${hostPort} port ${url.port} after ${ms} ms: Couldn't connect to server\n`);
      if (meter) out.err(`${ZERO_LINE}\n`);
      if (o.verbose) out.err(`* Closing connection ${connectionNo}\n`);
      return fail(7, `Failed to connect to ${hostPort} port ${url.port} after ${ms} ms: Couldn't connect to server`, t(0));
    }
    if (o.verbose) out.err(`* Connected to ${hostPort} (${ex.ip}) port ${url.port} (#${connectionNo})\n`);
    if (url.scheme === 'https' && ex.tls && !ex.tls.ok && !(o.insecure && ex.tls.reason !== 'not-tls')) {
      if (meter) out.err(`${ZERO_LINE}\n`);
      if (o.verbose) out.err(`* Closing connection ${connectionNo}\n`);
      if (ex.tls.reason === 'not-tls') return fail(35, 'OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number', t(0));
      const why = ex.tls.reason === 'name-mismatch' ? `SSL: no alternative certificate subject name matches target host name '${url.host}'` : 'SSL certificate problem: unable to get local issuer certificate';
      const r = fail(60, `${why}\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.`, t(0));
      return r;
    }
    if (url.protocol) {
      if (meter) out.err(`${ZERO_LINE}\n`);
      if (o.verbose) out.err(`* Closing connection ${connectionNo}\n`);
      return fail(8, 'Weird server reply', t(0));
    }
    const reqHost = url.port === (url.scheme === 'https' ? 443 : 80) && !url.explicitPort ? hostPort : `${hostPort}:${url.port}`;
    if (o.verbose) {
      let req = `> ${method} ${url.path} HTTP/1.1\r\n> Host: ${customValue('Host') ?? reqHost}\r\n> User-Agent: ${customValue('User-Agent') ?? o.userAgent ?? `curl/${env.curlVersion}`}\r\n> Accept: ${customValue('Accept') ?? '*/*'}\r\n`;
      for (const h of custom) if (!['host', 'user-agent', 'accept'].includes(h.name.toLowerCase())) req += `> ${h.name}: ${h.value}\r\n`;
      if (o.data !== undefined) req += `> Content-Length: ${utf8Length(o.data)}\r\n> Content-Type: application/x-www-form-urlencoded\r\n`;
      out.err(`${req}> \r\n`);
    }
    const response = ex.response!;
    if (response.status === 0) {
      if (o.verbose) out.err(`* Empty reply from server\n`);
      if (meter) out.err(`${ZERO_LINE}\n`);
      if (o.verbose) out.err(`* Closing connection ${connectionNo}\n`);
      return fail(52, 'Empty reply from server', t(0));
    }
    const headers = headerBlock(ex, false);
    sizeHeader += utf8Length(headers);
    if (o.verbose) out.err(headers.split('\r\n').slice(0, -1).map((l) => `< ${l}\r\n`).join(''));
    const status = response.status;
    const location = response.headers.Location;
    if (o.fail && status >= 400) {
      if (meter) out.err(`${ZERO_LINE}\n`);
      if (o.verbose) out.err(`* The requested URL returned error: ${status}\n* Closing connection ${connectionNo}\n`);
      return fail(22, `The requested URL returned error: ${status}`, t(status));
    }
    if (o.include || o.head) out.out(headerBlock(ex, dataToTerminal && !o.verbose));
    const responseBody = method === 'HEAD' ? '' : response.body;
    const size = utf8Length(responseBody);
    const elapsed = Math.max(1, totalMs + 1);
    if (o.location && location && status >= 300 && status < 400) {
      // The redirect's body is read and thrown away; the meter shows it as a finished transfer.
      if (o.verbose) out.err(`* Ignoring the response-body\n`);
      if (!dataToTerminal && o.verbose && size > 0) out.err(`{ [${size} bytes data]\n`);
      if (meter) {
        const speed = Math.floor((size * 1000) / elapsed);
        out.err(`\r${meterLine({ total: contentLength(ex) ?? size, received: size, speed, current: speed })}\n`);
      }
      if (o.verbose) out.err(`* Connection #${connectionNo} to host ${hostPort} left intact\n* Issue another request to this URL: '${location}'\n`);
      const next = parseUrl(location);
      redirects++;
      if ('error' in next || redirects > 50) return fail(47, 'Maximum (50) redirects followed', t(status));
      if (next.host.toLowerCase() !== url.host.toLowerCase() || next.port !== url.port) connectionNo++;
      parsedUrl = next;
      continue;
    }
    if (!dataToTerminal && o.verbose && size > 0) out.err(`{ [${size} bytes data]\n`);
    body = responseBody;
    if (fileName) {
      if (fileName !== '/dev/null') env.fs.write(fileName, responseBody);
    } else out.out(responseBody);
    if (meter) {
      const speed = Math.floor((size * 1000) / elapsed);
      if (method === 'HEAD') out.err(`${ZERO_LINE}\r${meterLine({ total: contentLength(ex), received: 0 })}\n`);
      else out.err(`\r${meterLine({ total: contentLength(ex) ?? size, received: size, speed, current: speed })}\n`);
    }
    if (o.verbose) out.err(`* Connection #${connectionNo} to host ${hostPort} left intact\n`);
    if (o.writeOut) writeOut(o.writeOut, { url, ex: last, code: status, sizeDownload: size, sizeHeader, redirects, totalMs: elapsed, exitCode: 0 }, out);
    return { exitCode: 0, nextConnection: connectionNo + 1 };
  }
}

function contentLength(ex: Exchange): number | undefined {
  const v = ex.response?.headers['Content-Length'];
  return v === undefined ? undefined : Number(v);
}

/** The meter's once-a-second updates while a connect hangs. */
function meterSeconds(out: Output, meter: boolean, seconds: number): void {
  if (!meter) return;
  for (let s = 1; s <= seconds; s++) out.err(`\r${meterLine({ received: 0, spent: s })}`);
}
