/**
 * Go's time.ParseDuration, which Corefile options use (`lameduck 5s`, `reload 30s`,
 * `servfail 5s`): a sequence of decimal numbers with units ns, us, µs, ms, s, m, h.
 */

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds, or an Error whose message is Go's (`time: invalid duration "x"`). */
export function parseGoDuration(text: string): number | Error {
  const invalid = new Error(`time: invalid duration ${JSON.stringify(text)}`);
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return invalid;
  let total = 0;
  while (s !== '') {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([a-zµμ]+)/.exec(s);
    if (!m) return /^(\d+(?:\.\d*)?|\.\d+)$/.test(s) ? new Error(`time: missing unit in duration ${JSON.stringify(text)}`) : invalid;
    const unit = UNITS[m[2]];
    if (unit === undefined) return new Error(`time: unknown unit ${JSON.stringify(m[2])} in duration ${JSON.stringify(text)}`);
    total += Number(m[1]) * unit;
    s = s.slice(m[0].length);
  }
  return sign * total;
}
