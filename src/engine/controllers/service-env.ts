/**
 * Docker-links-style service environment variables (pkg/kubelet/envvars/envvars.go FromServices,
 * and which Services count: kubelet_pods.go getServiceEnvVarMap).
 *
 * For each visible Service with a cluster IP (headless and ExternalName have none):
 *   FOO_SERVICE_HOST, FOO_SERVICE_PORT (first port), FOO_SERVICE_PORT_<NAME> (each named port),
 *   FOO_PORT (first port, `tcp://ip:port`), and per port FOO_PORT_<port>_<PROTO>{,_PROTO,_PORT,_ADDR}.
 * Names are upper-cased with '-' → '_'. IPv6 addresses are bracketed inside URLs.
 *
 * Visible Services: those in the Pod's namespace when enableServiceLinks is true (the default),
 * plus the master service (`kubernetes` in `default`) always — and only Services that existed when
 * the container started: env is fixed at start, later Services never appear.
 */

import type { Pod, Service } from '../../shared/api-types';
import { isServiceIPSet } from './service-predicates';

/** The namespace of the master services (kubelet --master-service-namespace, default "default"). */
export const MASTER_SERVICE_NAMESPACE = 'default';

/**
 * The service env vars a Pod's container gets, in envvars.FromServices order (services sorted by
 * name; upstream iterates a map, so its order is unspecified).
 */
export function serviceEnvironment(
  pod: Pod,
  servicesVisibleAtStart: readonly Service[],
  masterServices: readonly string[] = ['kubernetes'],
): Record<string, string> {
  const ns = pod.metadata.namespace ?? 'default';
  const enableServiceLinks = pod.spec.enableServiceLinks !== false;
  const serviceMap = new Map<string, Service>();
  for (const svc of servicesVisibleAtStart) {
    if (!isServiceIPSet(svc)) continue;
    const name = svc.metadata.name ?? '';
    if (svc.metadata.namespace === MASTER_SERVICE_NAMESPACE && masterServices.includes(name)) {
      if (!serviceMap.has(name)) serviceMap.set(name, svc);
    } else if (svc.metadata.namespace === ns && enableServiceLinks) {
      serviceMap.set(name, svc);
    }
  }
  const services = [...serviceMap.values()].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  const out: Record<string, string> = {};
  for (const [name, value] of envVarsFromServices(services)) out[name] = value;
  return out;
}

/** envvars.FromServices: the variables for these Services, in order. */
export function envVarsFromServices(services: readonly Service[]): [string, string][] {
  const result: [string, string][] = [];
  for (const svc of services) {
    if (!isServiceIPSet(svc)) continue;
    const ports = svc.spec.ports ?? [];
    if (ports.length === 0) continue;
    const prefix = envVariableName(svc.metadata.name ?? '');
    const ip = svc.spec.clusterIP!;
    result.push([`${prefix}_SERVICE_HOST`, ip]);
    result.push([`${prefix}_SERVICE_PORT`, String(ports[0].port)]);
    for (const p of ports) if (p.name) result.push([`${prefix}_SERVICE_PORT_${envVariableName(p.name)}`, String(p.port)]);
    // Docker-compatible link variables.
    const host = ip.includes(':') ? `[${ip}]` : ip;
    ports.forEach((p, i) => {
      const protocol = p.protocol ?? 'TCP';
      const url = `${protocol.toLowerCase()}://${host}:${p.port}`;
      if (i === 0) result.push([`${prefix}_PORT`, url]);
      const portPrefix = `${prefix}_PORT_${p.port}_${protocol.toUpperCase()}`;
      result.push([portPrefix, url]);
      result.push([`${portPrefix}_PROTO`, protocol.toLowerCase()]);
      result.push([`${portPrefix}_PORT`, String(p.port)]);
      result.push([`${portPrefix}_ADDR`, ip]);
    });
  }
  return result;
}

/** makeEnvVariableName: upper case, '-' → '_'. */
function envVariableName(name: string): string {
  return name.replace(/-/g, '_').toUpperCase();
}
