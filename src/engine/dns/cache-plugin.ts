/**
 * The cache plugin (plugin/cache: cache.go, handler.go, item.go, setup.go). A reply is stored
 * for its smallest TTL clamped to [MINTTL, TTL] (success 5..3600, denial 5..1800 by default,
 * `cache 30` caps both at 30), SERVFAIL for 5s; responses in `disable success|denial` zones are
 * not stored — but, like every reply passing through, leave with all TTLs set to that duration.
 * A hit is rebuilt from the item: every record gets the item's remaining TTL, AA set, the
 * question as asked now. Prefetch is not simulated.
 */

import type { DnsMessage, ResourceRecord } from '../../shared/dns-types';
import type { VirtualClock } from '../virtual-clock';
import type { Random } from '../random';
import type { CacheConfig } from './corefile';
import type { DnsQuestion } from './dns-message';
import type { ChainContext, ChainPlugin, NextHandler, PluginReply } from './plugin-chain';
import { fqdn, matchZone, matchZoneLower } from './dns-name';
import { withTtl } from './dns-message';
import { minimalTtl, typify } from './response-type';
import { TtlCache } from './ttl-cache';

interface Item {
  message: DnsMessage;
  origTtl: number;
}

/** The cache plugin. */
export class CachePlugin implements ChainPlugin {
  readonly name = 'cache';
  readonly config: CacheConfig;
  #clock: VirtualClock;
  #success: TtlCache<Item>;
  #denial: TtlCache<Item>;

  constructor(config: CacheConfig, clock: VirtualClock, random: Random) {
    this.config = config;
    this.#clock = clock;
    const evict = random.fork('cache-evict');
    this.#success = new TtlCache<Item>(Math.max(config.successCapacity, 1), (n) => evict.int(n));
    this.#denial = new TtlCache<Item>(Math.max(config.denialCapacity, 1), (n) => evict.int(n));
  }

  serve(q: DnsQuestion, ctx: ChainContext, next: NextHandler): PluginReply {
    const name = (q.name.endsWith('.') ? q.name : fqdn(q.name)).toLowerCase();
    if (matchZoneLower(this.config.zones, name) === '') return next(q, ctx);
    const now = this.#clock.now();
    // A name in a `disable` zone is never stored in that cache (#write checks the same name), so
    // looking there could only miss: skip it, and the key when both are disabled.
    const denial = matchZoneLower(this.config.disableDenial, name) === '';
    const success = matchZoneLower(this.config.disableSuccess, name) === '';
    if (denial || success) {
      const key = `${q.type} ${name}`;
      const hit = (denial ? this.#denial.get(key, now, this.config.serveStaleMs) : undefined) ?? (success ? this.#success.get(key, now, this.config.serveStaleMs) : undefined);
      if (hit) {
        const ttl = this.config.keepTtl ? hit.value.origTtl : Math.max(hit.remaining, 0);
        const stale = hit.remaining <= 0;
        const reply: PluginReply = { message: toMsg(hit.value.message, q, ttl), cache: 'hit', note: stale ? 'served stale' : undefined };
        if (stale) this.#refresh(q, ctx, next);
        return reply;
      }
    }
    const reply = next(q, ctx);
    const message = this.#write(q, reply.message, now);
    return reply.note === undefined ? { message, cache: 'miss' } : { message, cache: 'miss', note: reply.note };
  }

  /** The cache's ResponseWriter.WriteMsg: maybe store, then cap every TTL at the duration. */
  #write(q: DnsQuestion, m: DnsMessage, now: number): DnsMessage {
    const c = this.config;
    const mt = typify(m);
    const msgTtl = minimalTtl(m, mt);
    let duration: number;
    if (mt === 'NameError' || mt === 'NoData') duration = clamp(msgTtl, c.denialMinTtl, c.denialTtl);
    else if (mt === 'ServerError') duration = c.servfailTtl;
    else duration = clamp(msgTtl, c.successMinTtl, c.successTtl);
    const hasKey = mt !== 'OtherError';
    if (hasKey && duration > 0 && m.question.type === q.type && (m.question.name === q.name || m.question.name.toLowerCase() === q.name.toLowerCase())) {
      if (mt === 'NoError' || mt === 'Delegation') {
        if (matchZone(c.disableSuccess, fqdn(m.question.name)) === '') this.#success.set(this.#key(q), { message: m, origTtl: duration }, duration, now);
      } else if (matchZone(c.disableDenial, fqdn(m.question.name)) === '') {
        this.#denial.set(this.#key(q), { message: m, origTtl: duration }, duration, now);
      }
    }
    return setTtls(m, duration);
  }

  #key(q: DnsQuestion): string {
    return `${q.type} ${fqdn(q.name).toLowerCase()}`;
  }

  #refresh(q: DnsQuestion, ctx: ChainContext, next: NextHandler): void {
    const reply = next(q, ctx);
    this.#write(q, reply.message, this.#clock.now());
  }
}

function clamp(ttl: number, min: number, max: number): number {
  return Math.min(Math.max(ttl, min), max);
}

function allTtl(records: readonly ResourceRecord[], ttl: number): boolean {
  for (let i = 0; i < records.length; i++) if (records[i].ttl !== ttl) return false;
  return true;
}

function retimed(records: readonly ResourceRecord[], ttl: number): ResourceRecord[] {
  const out = new Array<ResourceRecord>(records.length);
  for (let i = 0; i < records.length; i++) out[i] = withTtl(records[i], ttl);
  return out;
}

function setTtls(m: DnsMessage, ttl: number): DnsMessage {
  if (allTtl(m.answer, ttl) && allTtl(m.authority, ttl) && allTtl(m.additional, ttl)) return m;
  return { ...m, answer: retimed(m.answer, ttl), authority: retimed(m.authority, ttl), additional: retimed(m.additional, ttl) };
}

/** item.toMsg: AA on (some clients drop non-authoritative replies), the question as asked. */
function toMsg(m: DnsMessage, q: DnsQuestion, ttl: number): DnsMessage {
  return { ...setTtls(m, ttl), aa: true, question: { name: q.name, type: q.type } };
}
