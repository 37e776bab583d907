/**
 * The addresses a lab's commands and manifests take from the simulator — a pod's IP, a Service's
 * cluster IP or load-balancer IP, a node's IP and a generated node port — and how to look each up
 * on a real cluster instead, where every one of them differs. The real-cluster export rewrites
 * `curl -s 10.99.217.21:9000/hostname` into
 *
 *     SVC1_CLUSTER_IP=$(kubectl get svc svc1 -o jsonpath='{.spec.clusterIP}')
 *     curl -s $SVC1_CLUSTER_IP:9000/hostname
 *
 * Objects of kube-system and the `kubernetes` Service are left alone: kubeadm, kind and minikube
 * give them the same addresses as the simulator (10.96.0.1, 10.96.0.10).
 */

import type { KubeObject, Pod, Service } from '../../shared/api-types';
import type { Engine } from '../engine';

/** A shell variable and the command that sets it on a real cluster. */
export interface AddressLookup {
  variable: string;
  command: string;
}

/** A line rewritten for a real cluster, and the variables it needs set before it. */
export interface RewrittenLine {
  line: string;
  setup: AddressLookup[];
}

const IPV4 = /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.]*\d)(?::(\d{1,5}))?/g;
/** `20-104-236-65.default.pod…`: a pod's IP-shaped DNS label. */
const DASHED = /(?<![\w-])(\d{1,3}(?:-\d{1,3}){3})(?=\.)/g;

const variableName = (name: string): string => name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
const nsFlag = (obj: KubeObject): string => (obj.metadata.namespace && obj.metadata.namespace !== 'default' ? ` -n ${obj.metadata.namespace}` : '');

/** What the simulator's addresses stand for, read from a cluster the lab was walked on. */
export class SimulatedAddresses {
  readonly #byIp = new Map<string, AddressLookup>();
  readonly #byDashed = new Map<string, AddressLookup>();
  readonly #podIps = new Map<string, AddressLookup>();
  readonly #nodeIps = new Set<string>();
  readonly #nodePorts = new Map<string, AddressLookup>();

  constructor(engine: Engine) {
    for (const pod of engine.store.list<Pod>('Pod')) {
      const ip = pod.status?.podIP;
      if (!ip || pod.metadata.namespace === 'kube-system') continue;
      const name = pod.metadata.name ?? '';
      const get = `kubectl get pod ${name}${nsFlag(pod)} -o jsonpath='{.status.podIP}'`;
      const lookup = { variable: `${variableName(name)}_IP`, command: `$(${get})` };
      this.#byIp.set(ip, lookup);
      this.#podIps.set(ip, lookup);
      this.#byDashed.set(ip.replace(/\./g, '-'), { variable: `${variableName(name)}_IP_DASHED`, command: `$(${get} | tr . -)` });
    }
    for (const svc of engine.store.list<Service>('Service')) {
      if (svc.metadata.namespace === 'kube-system' || (svc.metadata.namespace === 'default' && svc.metadata.name === 'kubernetes')) continue;
      const name = svc.metadata.name ?? '';
      const get = (path: string): string => `$(kubectl get svc ${name}${nsFlag(svc)} -o jsonpath='${path}')`;
      const clusterIP = svc.spec.clusterIP;
      if (clusterIP && clusterIP !== 'None') this.#byIp.set(clusterIP, { variable: `${variableName(name)}_CLUSTER_IP`, command: get('{.spec.clusterIP}') });
      (svc.status?.loadBalancer?.ingress ?? []).forEach((ingress, i) => {
        if (ingress.ip) this.#byIp.set(ingress.ip, { variable: `${variableName(name)}_EXTERNAL_IP`, command: get(`{.status.loadBalancer.ingress[${i}].ip}`) });
      });
      (svc.spec.ports ?? []).forEach((port, i) => {
        if (port.nodePort) this.#nodePorts.set(String(port.nodePort), { variable: `${variableName(name)}_NODE_PORT`, command: get(`{.spec.ports[${i}].nodePort}`) });
      });
    }
    for (const node of [...engine.world.internal.nodes]) for (const ip of node.ipv4) this.#nodeIps.add(ip);
  }

  /** `line` with simulator addresses replaced by shell variables, and the variables' definitions. */
  rewrite(line: string): RewrittenLine {
    const setup: AddressLookup[] = [];
    const use = (lookup: AddressLookup): string => {
      if (!setup.some((s) => s.variable === lookup.variable)) setup.push(lookup);
      return `$${lookup.variable}`;
    };
    let out = line.replace(IPV4, (whole, ip: string, port: string | undefined) => {
      if (this.#nodeIps.has(ip)) {
        const node = use(NODE_IP);
        const nodePort = port !== undefined ? this.#nodePorts.get(port) : undefined;
        return nodePort ? `${node}:${use(nodePort)}` : `${node}${port !== undefined ? `:${port}` : ''}`;
      }
      const lookup = this.#byIp.get(ip);
      return lookup ? `${use(lookup)}${port !== undefined ? `:${port}` : ''}` : whole;
    });
    out = out.replace(DASHED, (whole, dashed: string) => {
      const lookup = this.#byDashed.get(dashed);
      return lookup ? use(lookup) : whole;
    });
    return { line: out, setup };
  }

  /** Pod IPs of the simulator that `text` (a manifest) names, with their lookups. */
  podIpsIn(text: string): { ip: string; lookup: AddressLookup }[] {
    const found: { ip: string; lookup: AddressLookup }[] = [];
    for (const m of text.matchAll(IPV4)) {
      const lookup = this.#podIps.get(m[1]);
      if (lookup && !found.some((f) => f.ip === m[1])) found.push({ ip: m[1], lookup });
    }
    return found;
  }
}

/** Any node's address: a NodePort opens on every node, so the first node will do (kind and minikube may have only one). */
const NODE_IP: AddressLookup = { variable: 'NODE_IP', command: `$(kubectl get nodes -o jsonpath='{.items[0].status.addresses[?(@.type=="InternalIP")].address}')` };
