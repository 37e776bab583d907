/**
 * The cloud provider's service controller (k8s.io/cloud-provider/controllers/service), reduced to
 * what a learner observes: with a cloud provider, a LoadBalancer Service gets
 * status.loadBalancer.ingress [{ip, ipMode: VIP}] from the provider's pool; without one (a kubeadm
 * cluster on bare machines, as in the course) nothing ever fills it in, so kubectl keeps showing
 * EXTERNAL-IP `<pending>`. A Service that stops being LoadBalancer has its ingress cleared.
 *
 * The pool is 203.0.113.0/24 by default (TEST-NET-3: looks public, can never clash with a real
 * site in the simulated internet); addresses are drawn from a seeded stream, so they are stable.
 */

import type { ClusterConfig } from '../../shared/cluster-config';
import type { Service } from '../../shared/api-types';
import { cidrAddress, cidrContains, cidrSize, parseCidr, type Cidr } from '../net/ip-address';
import type { Random } from '../random';
import { cloneObject } from '../store/clone';
import { splitNamespacedName } from '../store/keys';
import type { ObjectStore } from '../store/object-store';
import { QueueController } from './queue-controller';

/** Default pool of external addresses handed to LoadBalancer Services. */
export const DEFAULT_LOAD_BALANCER_POOL = '203.0.113.0/24';

/** What the load-balancer controller needs. */
export interface ServiceLoadBalancerControllerConfig {
  store: ObjectStore;
  config: Pick<ClusterConfig, 'cloudProvider'>;
  random: Random;
  /** IPv4 CIDR the simulated cloud allocates from. */
  pool?: string;
}

/** Assigns (or withholds) LoadBalancer ingress addresses. */
export class ServiceLoadBalancerController extends QueueController {
  readonly name = 'service-lb-controller';
  readonly #store: ObjectStore;
  readonly #enabled: boolean;
  readonly #random: Random;
  readonly #pool: Cidr;
  /** ip → service key */
  readonly #allocated = new Map<string, string>();

  constructor(config: ServiceLoadBalancerControllerConfig) {
    super();
    this.#store = config.store;
    this.#enabled = config.config.cloudProvider;
    this.#random = config.random.fork('service-lb-controller/ips');
    const pool = parseCidr(config.pool ?? DEFAULT_LOAD_BALANCER_POOL);
    if (!pool || pool.family !== 'IPv4') throw new Error(`service-lb-controller: bad pool ${config.pool}`);
    this.#pool = pool;
    for (const svc of this.#store.list<Service>('Service')) {
      for (const ing of svc.status?.loadBalancer?.ingress ?? []) if (ing.ip) this.#allocated.set(ing.ip, keyOf(svc));
      this.queue.add(keyOf(svc));
    }
    this.#store.watch((e) => this.queue.add(keyOf(e.object as Service)), ['Service']);
  }

  /** True when a simulated cloud provider is on. */
  get enabled(): boolean {
    return this.#enabled;
  }

  protected sync(key: string): void {
    const { namespace, name } = splitNamespacedName(key);
    const svc = this.#store.get<Service>('Service', namespace, name);
    if (!svc) {
      this.#releaseAll(key);
      return;
    }
    if (!this.#enabled) return; // No cloud: the ingress stays empty and kubectl shows <pending>.
    const current = svc.status?.loadBalancer?.ingress ?? [];
    if (svc.spec.type !== 'LoadBalancer') {
      if (current.length === 0) return;
      this.#releaseAll(key);
      const next = cloneObject(svc);
      next.status = { ...(next.status ?? {}), loadBalancer: {} };
      this.#store.update(next);
      return;
    }
    const owned = current.find((i) => i.ip && this.#allocated.get(i.ip) === key)?.ip;
    const ip = owned ?? this.#allocate(key, svc.spec.loadBalancerIP);
    if (!ip) return; // Pool exhausted: stays pending, as with a cloud out of quota.
    const next = cloneObject(svc);
    next.status = { ...(next.status ?? {}), loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } };
    this.#store.update(next);
  }

  #allocate(key: string, requested: string | undefined): string | undefined {
    if (requested) {
      // spec.loadBalancerIP outside the pool (or taken) cannot be honoured: the Service stays pending.
      if (!cidrContains(this.#pool, requested) || this.#allocated.has(requested)) return undefined;
      this.#allocated.set(requested, key);
      return requested;
    }
    const size = Number(cidrSize(this.#pool));
    if (this.#allocated.size >= size - 2) return undefined;
    for (;;) {
      const offset = 1 + this.#random.int(size - 2); // Skip network and broadcast addresses.
      const ip = cidrAddress(this.#pool, BigInt(offset));
      if (!this.#allocated.has(ip)) {
        this.#allocated.set(ip, key);
        return ip;
      }
    }
  }

  #releaseAll(key: string): void {
    for (const [ip, owner] of [...this.#allocated]) if (owner === key) this.#allocated.delete(ip);
  }
}

function keyOf(svc: Service): string {
  return `${svc.metadata.namespace}/${svc.metadata.name}`;
}
