/**
 * Dispatches validation by kind (each registry strategy's Validate / ValidateUpdate) and
 * collects the warnings the strategies return (WarningsOnCreate / WarningsOnUpdate).
 */

import type { FieldError } from '../../shared/field-error-types';
import type { ConfigMap, EndpointSlice, Endpoints, KubeObject, Namespace, Pod, Service } from '../../shared/api-types';
import { fieldPath } from './field-path';
import { ipWarnings } from './validation/ip-rules';
import { validateConfigMap, validateConfigMapUpdate } from './validation/validate-config-map';
import { validateEndpointSlice, validateEndpointSliceUpdate } from './validation/validate-endpoint-slice';
import { validateEndpoints, validateEndpointsUpdate } from './validation/validate-endpoints';
import { validateNamespace, validateNamespaceUpdate } from './validation/validate-namespace';
import { validatePodCreate, validatePodUpdate } from './validation/validate-pod';
import { validateService, validateServiceUpdate } from './validation/validate-service';

/** Field errors for a new object. */
export function validateCreate(obj: KubeObject): FieldError[] {
  switch (obj.kind) {
    case 'Service':
      return validateService(obj as Service);
    case 'Pod':
      return validatePodCreate(obj as Pod);
    case 'Endpoints':
      return validateEndpoints(obj as Endpoints);
    case 'EndpointSlice':
      return validateEndpointSlice(obj as EndpointSlice);
    case 'Namespace':
      return validateNamespace(obj as Namespace);
    case 'ConfigMap':
      return validateConfigMap(obj as ConfigMap);
    default:
      return [];
  }
}

/** Field errors for a change of `old` into `obj`. */
export function validateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  switch (obj.kind) {
    case 'Service':
      return validateServiceUpdate(obj as Service, old as Service);
    case 'Pod':
      return validatePodUpdate(obj as Pod, old as Pod);
    case 'Endpoints':
      return validateEndpointsUpdate(obj as Endpoints, old as Endpoints);
    case 'EndpointSlice':
      return validateEndpointSliceUpdate(obj as EndpointSlice, old as EndpointSlice);
    case 'Namespace':
      return validateNamespaceUpdate(obj as Namespace, old as Namespace);
    case 'ConfigMap':
      return validateConfigMapUpdate(obj as ConfigMap, old as ConfigMap);
    default:
      return [];
  }
}

/** Non-standard IP warnings (GetWarningsForIP) for the IP fields users write. */
export function warningsFor(obj: KubeObject): string[] {
  const out: string[] = [];
  if (obj.kind === 'Service') {
    const spec = (obj as Service).spec ?? {};
    (spec.clusterIPs ?? []).forEach((ip, i) => ip !== 'None' && out.push(...ipWarnings(fieldPath('spec', 'clusterIPs').index(i), ip)));
    (spec.externalIPs ?? []).forEach((ip, i) => out.push(...ipWarnings(fieldPath('spec', 'externalIPs').index(i), ip)));
  }
  if (obj.kind === 'Endpoints') {
    ((obj as Endpoints).subsets ?? []).forEach((ss, i) => {
      for (const key of ['addresses', 'notReadyAddresses'] as const) {
        (ss[key] ?? []).forEach((a, j) => out.push(...ipWarnings(fieldPath('subsets').index(i).child(key).index(j).child('ip'), a.ip)));
      }
    });
  }
  return out;
}
