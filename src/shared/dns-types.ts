/** DNS data shared by the engine, the DNS table and the terminal. */

export type RRType = 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'PTR' | 'TXT' | 'SOA' | 'NS' | 'ANY' | 'MX';

export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED' | 'FORMERR' | 'NOTIMP';

/** One resource record; `data` is the RDATA in zone-file presentation form. */
export interface ResourceRecord {
  /** Owner name, absolute, with the trailing dot: `headless1.default.svc.cluster.local.` */
  name: string;
  type: RRType;
  ttl: number;
  /** Presentation form: `20.109.5.11`, `0 33 80 pod-a.headless1.default.svc.cluster.local.`, … */
  data: string;
}

/** The object a record comes from, so the UI can link a row back to YAML. */
export interface RecordOwner {
  kind: string;
  namespace?: string;
  name: string;
}

/** A row of the DNS table: a record, its zone, and the object behind it. */
export interface DnsTableRow extends ResourceRecord {
  zone: string;
  owner?: RecordOwner;
}

export interface DnsMessage {
  rcode: Rcode;
  /** Authoritative answer flag. */
  aa: boolean;
  /** Recursion available flag. */
  ra: boolean;
  question: { name: string; type: RRType };
  answer: ResourceRecord[];
  authority: ResourceRecord[];
  additional: ResourceRecord[];
}

/** Who took part in a lookup or request, as the topology names them. */
export interface TraceActor {
  kind: 'pod' | 'host' | 'coredns' | 'internal-dns' | 'external-dns' | 'service' | 'kube-proxy' | 'node' | 'server';
  /** `default/pod4`, `coredns`, `internal-dns`, `a.root-servers.net`, `node1` … */
  id: string;
  ip?: string;
}

/** One hop of a trace. */
export type TraceHop =
  | {
      type: 'dns-query';
      from: TraceActor;
      to: TraceActor;
      name: string;
      qtype: RRType;
      rcode?: Rcode;
      answers?: ResourceRecord[];
      cache?: 'hit' | 'miss';
      note?: string;
    }
  | { type: 'search'; name: string; reason: string }
  | { type: 'connect'; from: TraceActor; to: TraceActor; ip: string; port: number; note?: string }
  | { type: 'proxy'; via: TraceActor; service: string; vip: string; port: number; chosen?: { ip: string; port: number; pod?: string }; candidates: number; note?: string }
  | { type: 'http'; from: TraceActor; to: TraceActor; request: string; status?: number; note?: string };

export interface Trace {
  hops: TraceHop[];
}
