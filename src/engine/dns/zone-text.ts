/**
 * Resource records as zone-file text (RFC 1035 §5.1 presentation form): one record a line,
 * `owner TTL CLASS TYPE RDATA`. The DNS table, `dig` output and the tests all speak this form,
 * so answers can be written down exactly as a real server prints them.
 */

import type { ResourceRecord, RRType } from '../../shared/dns-types';

const TYPES: ReadonlySet<string> = new Set<RRType>(['A', 'AAAA', 'CNAME', 'SRV', 'PTR', 'TXT', 'SOA', 'NS', 'ANY', 'MX']);

/** `headless1.default.svc.cluster.local. 30 IN A 20.109.5.11` */
export function formatRecord(rr: ResourceRecord): string {
  return `${rr.name} ${rr.ttl} IN ${rr.type} ${rr.data}`;
}

/** Parses one record line (owner, TTL, optional class IN, type, RDATA); RDATA whitespace collapses to one space. */
export function parseRecord(line: string): ResourceRecord {
  const tokens = line.trim().split(/\s+/);
  if (tokens.length < 4) throw new Error(`zone-text: too few fields in "${line}"`);
  const [name, ttlText] = tokens;
  let i = 2;
  if (tokens[i].toUpperCase() === 'IN') i++;
  const type = tokens[i].toUpperCase();
  if (!TYPES.has(type)) throw new Error(`zone-text: unknown type ${type} in "${line}"`);
  if (!/^\d+$/.test(ttlText)) throw new Error(`zone-text: bad TTL in "${line}"`);
  return { name, ttl: Number(ttlText), type: type as RRType, data: tokens.slice(i + 1).join(' ') };
}

/** Parses a block of record lines; blank lines and `;` comments are skipped. */
export function parseRecords(text: string): ResourceRecord[] {
  return text
    .split('\n')
    .map((line) => line.replace(/;.*$/, '').trim())
    .filter((line) => line !== '')
    .map(parseRecord);
}
