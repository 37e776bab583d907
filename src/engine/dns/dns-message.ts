/**
 * Building DNS messages. Replies copy the question as asked (case included) — miekg/dns
 * `SetReply` — and records are plain immutable objects: a plugin that changes a TTL makes a
 * new record (CoreDNS copies with dns.Copy before it rewrites TTLs in the cache).
 */

import type { DnsMessage, Rcode, ResourceRecord, RRType, TraceHop } from '../../shared/dns-types';

/** A question: the name as the client typed it (absolute, trailing dot) and the type. */
export interface DnsQuestion {
  name: string;
  type: RRType;
}

/** What every query-answering function returns: the message and the hops it took. */
export interface DnsExchange {
  message: DnsMessage;
  hops: TraceHop[];
  /** No reply came back (nothing listens at the address, or the server is down); `message` is then a stand-in SERVFAIL. */
  timedOut?: boolean;
}

/** A reply to `q` with the given code and flags and empty sections. */
export function replyTo(q: DnsQuestion, rcode: Rcode, flags: { aa?: boolean; ra?: boolean } = {}): DnsMessage {
  return { rcode, aa: flags.aa ?? false, ra: flags.ra ?? false, question: { name: q.name, type: q.type }, answer: [], authority: [], additional: [] };
}

/** A record. */
export function rr(name: string, type: RRType, ttl: number, data: string): ResourceRecord {
  return { name, type, ttl, data };
}

/** The same record with another TTL (records are shared between caches, so never mutate one). */
export function withTtl(record: ResourceRecord, ttl: number): ResourceRecord {
  return record.ttl === ttl ? record : { name: record.name, type: record.type, ttl, data: record.data };
}

/** A shallow copy of a message with fresh section arrays. */
export function copyMessage(m: DnsMessage): DnsMessage {
  return { ...m, question: { ...m.question }, answer: m.answer.slice(), authority: m.authority.slice(), additional: m.additional.slice() };
}

/** The SOA rdata fields, parsed from presentation form. */
export interface SoaData {
  mname: string;
  rname: string;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
}

export function parseSoa(data: string): SoaData {
  const [mname, rname, serial, refresh, retry, expire, minimum] = data.split(/\s+/);
  return { mname, rname, serial: Number(serial), refresh: Number(refresh), retry: Number(retry), expire: Number(expire), minimum: Number(minimum) };
}

export function formatSoa(s: SoaData): string {
  return `${s.mname} ${s.rname} ${s.serial} ${s.refresh} ${s.retry} ${s.expire} ${s.minimum}`;
}
