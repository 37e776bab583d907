/**
 * Service cluster IPs per IP family: one pool for --service-cluster-ip-range (the cluster's
 * primary family) and, when configured, one for the IPv6 range (dual-stack). Seeded randomness,
 * so the same manifests on the same seed get the same IPs.
 */

import type { ClusterConfig } from '../../../shared/cluster-config';
import type { IPFamily } from '../../../shared/api-types';
import type { Random } from '../../random';
import { parseCidr } from '../../net/ip-address';
import { parseIPSloppy } from '../validation/ip-rules';
import { IPPool } from './ip-pool';

/** All service IP pools of the cluster. */
export class ClusterIPAllocator {
  #pools = new Map<IPFamily, IPPool>();
  /** The family of the first configured range (Allocators.defaultServiceIPFamily). */
  readonly defaultFamily: IPFamily;

  constructor(config: Pick<ClusterConfig, 'serviceCIDR' | 'serviceCIDRv6'>, random: Random) {
    const primary = parseCidr(config.serviceCIDR);
    if (primary) this.#pools.set(primary.family, new IPPool(primary, random));
    this.defaultFamily = primary?.family ?? 'IPv4';
    const secondary = config.serviceCIDRv6 ? parseCidr(config.serviceCIDRv6) : undefined;
    if (secondary && !this.#pools.has(secondary.family)) this.#pools.set(secondary.family, new IPPool(secondary, random.fork(`cluster-ip/${secondary.family}`)));
  }

  /** Configured families, primary first. */
  get families(): IPFamily[] {
    return [...this.#pools.keys()];
  }

  hasFamily(family: string): boolean {
    return this.#pools.has(family as IPFamily);
  }

  /** Reserves `ip` in its family's pool; error text or undefined. */
  allocate(family: IPFamily, ip: string): string | undefined {
    const pool = this.#pools.get(family);
    if (!pool) return `${family} is not configured on this cluster`;
    return pool.allocate(ip);
  }

  /** Reserves a random IP of `family`; undefined when full or unconfigured. */
  allocateNext(family: IPFamily): string | undefined {
    return this.#pools.get(family)?.allocateNext();
  }

  /** The pool an IP string belongs to by family. */
  #poolFor(ip: string): IPPool | undefined {
    const parsed = parseIPSloppy(ip);
    if (!parsed) return undefined;
    return this.#pools.get(parsed.v4 !== undefined ? 'IPv4' : 'IPv6');
  }

  mark(ip: string): void {
    this.#poolFor(ip)?.mark(ip);
  }

  release(ip: string): void {
    this.#poolFor(ip)?.release(ip);
  }

  isAllocated(ip: string): boolean {
    return this.#poolFor(ip)?.has(ip) ?? false;
  }

  /** The CIDR text of a family's range. */
  rangeOf(family: IPFamily): string | undefined {
    return this.#pools.get(family)?.cidr.text;
  }
}
