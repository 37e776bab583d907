/**
 * Loading and comparing the captured outputs (testdata/*.json, written by testdata/capture):
 * placeholders (`{{pod4}}`, `{{svc:endpoint1}}`, `{{pod4|rev}}`) are filled in with the scenario's
 * addresses, then both texts go through the same normalizer, which replaces only what is
 * genuinely volatile — dig ids, cookies and timings, curl's transfer speeds, wget's wall-clock
 * stamps and rates, ping round-trip times — with fixed tokens. Everything else must match byte
 * for byte. The normalizer matches the *shape* of each volatile field, so a malformed field
 * still fails.
 */

export interface Fixture {
  name: string;
  from: string;
  argv: string[];
  realCommand: string;
  tool: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  pty?: boolean;
  files?: Record<string, string>;
  queries: string[];
  drop: string[];
  /** A command run before, in the same container (e.g. to create a file the command then meets). */
  setup?: string[];
}

/** Fills `{{key}}`, `{{key|dash}}`, `{{key|rev}}` from the scenario's addresses. */
export function fill(text: string, addresses: Record<string, string>): string {
  return text.replace(/\{\{([^}|]+)(?:\|(\w+))?\}\}/g, (m, key: string, filter: string | undefined) => {
    const ip = addresses[key];
    if (ip === undefined) return m;
    if (filter === 'dash') return ip.replace(/\./g, '-');
    if (filter === 'rev') return ip.split('.').reverse().join('.');
    return ip;
  });
}

/** A pty turns every \n into \r\n (ONLCR); undo it to compare with what the command wrote. */
export function fromPty(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

const F5 = String.raw`([ \d]{4}[\dkMG]|[ \d]{2}\.\dM)`;
const P3 = String.raw`([ \d]{2}\d)`;
const T8 = String.raw`(--:--:--|[ \d]\d:\d\d:\d\d)`;
const METER = new RegExp(`\r${P3} ${F5}  ${P3} ${F5}  ${P3} ${F5}  ${F5}  ${F5} ${T8} ${T8} ${T8} ${F5}`, 'g');

const WAITING_LINE = '\r  0     0    0     0    0     0  <spd>      0 --:--:-- <spent> --:--:-- <spd>';
const WAITING = new RegExp(`(${WAITING_LINE.replace(/[.*+?^${}()|[\]\\<>]/g, '\\$&')})+`, 'g');

/** Replaces the volatile fields of real and simulated output alike. */
export function normalize(text: string): string {
  return (
    text
      // dig
      .replace(/, id: \d{1,5}\n/g, ', id: <id>\n')
      .replace(/; COOKIE: [0-9a-f]{16} \(echoed\)/g, '; COOKIE: <cookie> (echoed)')
      .replace(/;; Query time: \d+ msec/g, ';; Query time: <n> msec')
      .replace(/;; WHEN: (Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d\d \d\d:\d\d:\d\d UTC \d{4}/g, ';; WHEN: <date>')
      // curl: transfer speeds; the once-a-second lines while a connect hangs (their count is the timeout)
      .replace(METER, (_m, p1: string, t: string, p2: string, r: string, p3: string, x: string, _dl: string, ul: string, tt: string, spent: string, left: string) =>
        `\r${p1} ${t}  ${p2} ${r}  ${p3} ${x}  <spd>  ${ul} ${tt} ${spent === '--:--:--' ? spent : '<spent>'} ${left} <spd>`,
      )
      .replace(WAITING, '<waiting>')
      .replace(/ after \d+ ms: /g, ' after <n> ms: ')
      .replace(/timed out after \d+ milliseconds/g, 'timed out after <n> milliseconds')
      // wget
      .replace(/--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--/g, '--<stamp>--')
      .replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /gm, '<stamp> ')
      .replace(/\([\d.]+ [KMG]?B\/s\)/g, '(<rate>)')
      .replace(/100% [\d.]+[KMG]?=\d+(\.\d+)?s/g, '100% <rate>=<t>')
      // ping
      .replace(/time=\d+(\.\d+)? ms/g, 'time=<t> ms')
      .replace(/ttl=\d+/g, 'ttl=<ttl>')
      .replace(/, time \d+ms/g, ', time <t>ms')
      .replace(/(rtt min\/avg\/max\/mdev|round-trip min\/avg\/max) = [\d./]+ ms/g, '$1 = <rtt> ms')
  );
}
