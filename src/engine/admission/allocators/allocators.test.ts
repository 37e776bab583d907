import { describe, expect, it } from 'vitest';
import { parseCidr } from '../../net/ip-address';
import { createRandom } from '../../random';
import { IPPool, ipRangeOffset } from './ip-pool';
import { NodePortAllocator, portRangeOffset } from './node-port-allocator';

describe('static/dynamic bands (calculateRangeOffset)', () => {
  it.each([
    ['/12 service range', 1n << 20n, 256],
    ['/24', 256n, 16],
    ['/20', 4096n, 256],
    ['/22', 1024n, 64],
    ['/28 (too small for a band)', 16n, 0],
  ])('reserves the right lower band for a %s', (_name, size, offset) => expect(ipRangeOffset(size)).toBe(offset));

  it.each([
    [2768, 86],
    [100, 16],
    [10, 0],
    [10000, 128],
  ])('reserves min(max(16, size/32), 128) node ports for a range of %i', (size, offset) => expect(portRangeOffset(size)).toBe(offset));
});

describe('IPPool', () => {
  it('hands out addresses from the upper band first, never the network or broadcast address', () => {
    const pool = new IPPool(parseCidr('10.0.0.0/24')!, createRandom(7));
    const got = Array.from({ length: 238 }, () => pool.allocateNext()!);
    const last = got.map((ip) => Number(ip.split('.')[3]));
    expect(Math.min(...last)).toBe(17);
    expect(Math.max(...last)).toBe(254);
    // Upper band exhausted: the static band is used only now.
    expect(Number(pool.allocateNext()!.split('.')[3])).toBeLessThanOrEqual(16);
  });

  it('reports full, out-of-range and taken addresses with upstream wording', () => {
    const pool = new IPPool(parseCidr('10.0.0.0/30')!, createRandom(1));
    expect(pool.allocate('10.0.0.1')).toBeUndefined();
    expect(pool.allocate('10.0.0.1')).toBe('provided IP is already allocated');
    expect(pool.allocate('10.0.0.3')).toBe('the provided IP (10.0.0.3) is not in the valid range. The range of valid IPs is 10.0.0.0/30');
    expect(pool.allocateNext()).toBe('10.0.0.2');
    expect(pool.allocateNext()).toBeUndefined();
    pool.release('10.0.0.1');
    expect(pool.allocateNext()).toBe('10.0.0.1');
  });

  it('caps IPv6 ranges at 65536 addresses', () => {
    const pool = new IPPool(parseCidr('fd00::/64')!, createRandom(1));
    expect(pool.free).toBe(65535);
    expect(pool.allocate('fd00::1:0')).toBe('the provided IP (fd00::1:0) is not in the valid range. The range of valid IPs is fd00::/64');
  });
});

describe('NodePortAllocator', () => {
  it('allocates from 30086-32767 first and refuses ports outside the range', () => {
    const ports = new NodePortAllocator({ min: 30000, max: 32767 }, createRandom(3));
    for (let i = 0; i < 50; i++) expect(ports.allocateNext()!).toBeGreaterThanOrEqual(30086);
    expect(ports.allocate(80)).toBe('provided port is not in the valid range. The range of valid ports is 30000-32767');
    expect(ports.allocate(30000)).toBeUndefined();
    expect(ports.allocate(30000)).toBe('provided port is already allocated');
  });
});
