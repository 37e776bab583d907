/**
 * The loadbalance plugin (plugin/loadbalance/loadbalance.go, policy round_robin): on NOERROR
 * replies it shuffles A/AAAA records — and puts CNAMEs first, then other records, then the
 * addresses, then MX. CoreDNS draws the shuffle from dns.Id(); here from the engine's seeded
 * Random, so a given seed always gives the same order.
 */

import type { ResourceRecord } from '../../shared/dns-types';
import type { Random } from '../random';
import type { DnsQuestion } from './dns-message';
import type { ChainContext, ChainPlugin, NextHandler, PluginReply } from './plugin-chain';

/** The loadbalance plugin. */
export class LoadbalancePlugin implements ChainPlugin {
  readonly name = 'loadbalance';
  #random: Random;

  constructor(random: Random) {
    this.#random = random.fork('loadbalance');
  }

  serve(q: DnsQuestion, ctx: ChainContext, next: NextHandler): PluginReply {
    const reply = next(q, ctx);
    if (reply.message.rcode !== 'NOERROR') return reply;
    const m = reply.message;
    if (m.answer.length < 2 && m.authority.length < 2 && m.additional.length < 2) return reply;
    return { ...reply, message: { ...m, answer: this.#roundRobin(m.answer), authority: this.#roundRobin(m.authority), additional: this.#roundRobin(m.additional) } };
  }

  #roundRobin(input: readonly ResourceRecord[]): ResourceRecord[] {
    if (input.length <= 1) return input.slice();
    const first = input[0].type;
    if ((first === 'A' || first === 'AAAA') && input.every((r) => r.type === first)) {
      const out = input.slice();
      this.#shuffle(out);
      return out;
    }
    const cname: ResourceRecord[] = [];
    const address: ResourceRecord[] = [];
    const mx: ResourceRecord[] = [];
    const rest: ResourceRecord[] = [];
    for (const r of input) {
      if (r.type === 'CNAME') cname.push(r);
      else if (r.type === 'A' || r.type === 'AAAA') address.push(r);
      else if (r.type === 'MX') mx.push(r);
      else rest.push(r);
    }
    this.#shuffle(address);
    this.#shuffle(mx);
    return [...cname, ...rest, ...address, ...mx];
  }

  /** roundRobinShuffle. */
  #shuffle(records: ResourceRecord[]): void {
    const l = records.length;
    if (l < 2) return;
    if (l === 2) {
      if (this.#random.int(65536) % 2 === 0) [records[0], records[1]] = [records[1], records[0]];
      return;
    }
    for (let j = 0; j < l; j++) {
      const p = j + (this.#random.int(65536) % (l - j));
      if (p !== j) [records[j], records[p]] = [records[p], records[j]];
    }
  }
}
