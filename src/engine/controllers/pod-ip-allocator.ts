/**
 * Pod IP allocation as Calico IPAM does it (the course's cluster runs Calico): the pool is the
 * cluster CIDR, split into /26 blocks (/122 for IPv6); a node claims a block at random when it
 * needs addresses and hands them out in order within it. The first address of a node's first
 * block is taken by the node itself (Calico's IPIP tunnel address, tunl0), so the first Pod gets
 * `.1` of the block; a released address goes to the back of the block's free list, so it is not
 * reused at once (calico/libcalico-go ipam block.go: allocate from the front of Unallocated,
 * release appends). Randomness comes from a stream forked per node name: the same seed gives
 * every node the same block, whatever order Pods arrive in.
 */

import { cidrAddress, cidrOffset, cidrSize, parseCidr, type Cidr } from '../net/ip-address';
import type { Random } from '../random';

const BLOCK_PREFIX_V4 = 26;
const BLOCK_PREFIX_V6 = 122;

interface Block {
  cidr: Cidr;
  /** Free ordinals, in allocation order. */
  free: number[];
  node: string;
  /** Address text by ordinal, formatted on first use (cidrAddress is BigInt arithmetic). */
  addresses: string[];
}

/** The addresses handed to one Pod sandbox. */
export interface PodAddresses {
  /** Primary first, as status.podIPs lists them (IPv4 first in an IPv4-primary cluster). */
  ips: string[];
}

/** Calico-style per-node block allocator for Pod IPs. */
export class PodIpAllocator {
  readonly #pools: { family: 'IPv4' | 'IPv6'; cidr: Cidr; blockPrefix: number }[] = [];
  readonly #random: Random;
  /** node → family → blocks, in claim order */
  readonly #nodeBlocks = new Map<string, Map<string, Block[]>>();
  /** block network text → block */
  readonly #blocks = new Map<string, Block>();
  readonly #nodeStreams = new Map<string, Random>();

  constructor(config: { podCIDR: string; podCIDRv6?: string }, random: Random) {
    this.#random = random;
    const v4 = parseCidr(config.podCIDR);
    if (!v4 || v4.family !== 'IPv4' || v4.prefix > BLOCK_PREFIX_V4) throw new Error(`pod-ip-allocator: bad podCIDR ${config.podCIDR}`);
    this.#pools.push({ family: 'IPv4', cidr: v4, blockPrefix: BLOCK_PREFIX_V4 });
    if (config.podCIDRv6) {
      const v6 = parseCidr(config.podCIDRv6);
      if (!v6 || v6.family !== 'IPv6' || v6.prefix > BLOCK_PREFIX_V6) throw new Error(`pod-ip-allocator: bad podCIDRv6 ${config.podCIDRv6}`);
      this.#pools.push({ family: 'IPv6', cidr: v6, blockPrefix: BLOCK_PREFIX_V6 });
    }
  }

  /** One address per configured family for a Pod on `node`. */
  allocate(node: string): PodAddresses {
    const ips: string[] = [];
    for (const pool of this.#pools) ips.push(this.#allocateIn(node, pool));
    return { ips };
  }

  /**
   * Marks an address already in use by a Pod on `node` (a Pod that was running before the kubelet
   * started: bootstrap objects, a restored snapshot). Claims the address's block for the node if
   * nobody holds it. Addresses outside the pools are ignored. Returns false if it was not free.
   */
  reserve(node: string, ip: string): boolean {
    for (const pool of this.#pools) {
      const off = cidrOffset(pool.cidr, ip);
      if (off === undefined) continue;
      let block = this.#blockContaining(pool, ip);
      if (!block) {
        const blockSize = 1n << BigInt(pool.cidr.bits - pool.blockPrefix);
        const text = `${cidrAddress(pool.cidr, (off / blockSize) * blockSize)}/${pool.blockPrefix}`;
        const cidr = parseCidr(text)!;
        let byFamily = this.#nodeBlocks.get(node);
        if (!byFamily) this.#nodeBlocks.set(node, (byFamily = new Map()));
        let blocks = byFamily.get(pool.family);
        if (!blocks) byFamily.set(pool.family, (blocks = []));
        block = { cidr, free: Array.from({ length: Number(cidrSize(cidr)) }, (_, i) => i).slice(blocks.length === 0 ? 1 : 0), node, addresses: [] };
        this.#blocks.set(text, block);
        blocks.push(block);
      }
      const ordinal = Number(cidrOffset(block.cidr, ip)!);
      const at = block.free.indexOf(ordinal);
      if (at < 0) return false;
      block.free.splice(at, 1);
      return true;
    }
    return true;
  }

  /** Returns an address to its block's free list (at the back). Unknown addresses are ignored. */
  release(ip: string): void {
    for (const pool of this.#pools) {
      const block = this.#blockContaining(pool, ip);
      if (!block) continue;
      const ordinal = Number(cidrOffset(block.cidr, ip)!);
      if (!block.free.includes(ordinal)) block.free.push(ordinal);
      return;
    }
  }

  /** The blocks a node has claimed, as CIDR text (for the topology view and tests). */
  blocksOf(node: string): string[] {
    const out: string[] = [];
    for (const blocks of this.#nodeBlocks.get(node)?.values() ?? []) for (const b of blocks) out.push(b.cidr.text);
    return out;
  }

  /** The node-owned address Calico reserves in the node's first IPv4 block (its tunl0 address), once a block is claimed. */
  tunnelAddress(node: string): string | undefined {
    const first = this.#nodeBlocks.get(node)?.get('IPv4')?.[0];
    return first ? cidrAddress(first.cidr, 0n) : undefined;
  }

  #allocateIn(node: string, pool: { family: 'IPv4' | 'IPv6'; cidr: Cidr; blockPrefix: number }): string {
    let byFamily = this.#nodeBlocks.get(node);
    if (!byFamily) this.#nodeBlocks.set(node, (byFamily = new Map()));
    let blocks = byFamily.get(pool.family);
    if (!blocks) byFamily.set(pool.family, (blocks = []));
    let block = blocks.find((b) => b.free.length > 0);
    if (!block) {
      block = this.#claimBlock(node, pool, blocks.length === 0);
      blocks.push(block);
    }
    const ordinal = block.free.shift()!;
    return (block.addresses[ordinal] ??= cidrAddress(block.cidr, BigInt(ordinal)));
  }

  #claimBlock(node: string, pool: { family: 'IPv4' | 'IPv6'; cidr: Cidr; blockPrefix: number }, first: boolean): Block {
    const count = 1n << BigInt(pool.blockPrefix - pool.cidr.prefix);
    const blockSize = 1n << BigInt(pool.cidr.bits - pool.blockPrefix);
    if (BigInt(this.#blocks.size) >= count) throw new Error('pod-ip-allocator: pool exhausted');
    const stream = this.#streamFor(node);
    for (;;) {
      const index = randomBigInt(stream, count);
      const base = cidrAddress(pool.cidr, index * blockSize);
      const text = `${base}/${pool.blockPrefix}`;
      if (this.#blocks.has(text)) continue;
      const cidr = parseCidr(text)!;
      const size = Number(cidrSize(cidr));
      // The node's own tunnel address takes ordinal 0 of its first block.
      const free = Array.from({ length: size }, (_, i) => i).slice(first ? 1 : 0);
      const block: Block = { cidr, free, node, addresses: [] };
      this.#blocks.set(text, block);
      return block;
    }
  }

  #blockContaining(pool: { cidr: Cidr; blockPrefix: number }, ip: string): Block | undefined {
    const off = cidrOffset(pool.cidr, ip);
    if (off === undefined) return undefined;
    const blockSize = 1n << BigInt(pool.cidr.bits - pool.blockPrefix);
    const base = cidrAddress(pool.cidr, (off / blockSize) * blockSize);
    return this.#blocks.get(`${base}/${pool.blockPrefix}`);
  }

  #streamFor(node: string): Random {
    let s = this.#nodeStreams.get(node);
    if (!s) this.#nodeStreams.set(node, (s = this.#random.fork(`pod-ip/block/${node}`)));
    return s;
  }
}

/** A uniform-enough integer in [0, n) for n beyond 2^32, from 32-bit draws. */
function randomBigInt(random: Random, n: bigint): bigint {
  if (n <= 0x100000000n) return BigInt(random.int(Number(n)));
  let v = 0n;
  for (let bits = 0n; (1n << bits) < n * 0x100000000n; bits += 32n) v = (v << 32n) | BigInt(random.int(0x100000000));
  return v % n;
}
