/**
 * Endpoints validation (ValidateEndpoints / validateEndpointSubsets / validateEndpointAddress /
 * validateEndpointPort in pkg/apis/core/validation/validation.go).
 *
 * Upstream does NOT reject an endpoint address that equals some Service's cluster IP: the checks
 * are "valid IP" and ValidateNonSpecialIP (unspecified, loopback, link-local, link-local multicast)
 * only, and the endpoints REST strategy (pkg/registry/core/endpoint/strategy.go) adds nothing.
 * So neither do we.
 */

import type { FieldError } from '../../../shared/field-error-types';
import type { Endpoints } from '../../../shared/api-types';
import { invalid, notSupported, required } from '../field-error';
import { fieldPath, type FieldPath } from '../field-path';
import { nameIsDNSSubdomain } from './dns-name-rules';
import { isValidIP, validateNonSpecialIP } from './ip-rules';
import { isValidPortNum } from './port-rules';
import { isQualifiedName } from './qualified-name-rules';
import { validateObjectMeta, validateObjectMetaUpdate } from './validate-object-meta';
import { validateDNS1123Label } from './validate-service';

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** validateEndpointAddress: valid IP, hostname label, nodeName subdomain, non-special IP. */
export function validateEndpointAddress(raw: unknown, path: FieldPath): FieldError[] {
  const address = asObj(raw);
  const ip = typeof address.ip === 'string' ? address.ip : '';
  const errs = isValidIP(path.child('ip'), ip);
  const hostname = typeof address.hostname === 'string' ? address.hostname : '';
  if (hostname.length > 0) errs.push(...validateDNS1123Label(hostname, path.child('hostname')));
  if (typeof address.nodeName === 'string') {
    for (const m of nameIsDNSSubdomain(address.nodeName, false)) errs.push(invalid(path.child('nodeName'), address.nodeName, m));
  }
  errs.push(...validateNonSpecialIP(ip, path.child('ip')));
  return errs;
}

/** validateEndpointPort. */
function validateEndpointPort(raw: unknown, requireName: boolean, path: FieldPath): FieldError[] {
  const port = asObj(raw);
  const errs: FieldError[] = [];
  const name = typeof port.name === 'string' ? port.name : '';
  if (requireName && name.length === 0) errs.push(required(path.child('name')));
  else if (name.length !== 0) errs.push(...validateDNS1123Label(name, path.child('name')));
  const num = (port.port as number | undefined) ?? 0;
  for (const m of isValidPortNum(num)) errs.push(invalid(path.child('port'), num, m));
  const protocol = (port.protocol as string | undefined) ?? '';
  if (protocol.length === 0) errs.push(required(path.child('protocol')));
  else if (!['SCTP', 'TCP', 'UDP'].includes(protocol)) errs.push(notSupported(path.child('protocol'), protocol, ['SCTP', 'TCP', 'UDP']));
  if (typeof port.appProtocol === 'string') errs.push(...isQualifiedName(port.appProtocol).map((m) => invalid(path.child('appProtocol'), port.appProtocol, m)));
  return errs;
}

/** ValidateEndpoints. */
export function validateEndpoints(ep: Endpoints): FieldError[] {
  const errs = validateObjectMeta(ep.metadata, true, nameIsDNSSubdomain, fieldPath('metadata'));
  asList(ep.subsets).forEach((raw, i) => {
    const ss = asObj(raw);
    const idx = fieldPath('subsets').index(i);
    const addresses = asList(ss.addresses);
    const notReady = asList(ss.notReadyAddresses);
    if (addresses.length === 0 && notReady.length === 0) errs.push(required(idx, 'must specify `addresses` or `notReadyAddresses`'));
    addresses.forEach((a, j) => errs.push(...validateEndpointAddress(a, idx.child('addresses').index(j))));
    notReady.forEach((a, j) => errs.push(...validateEndpointAddress(a, idx.child('notReadyAddresses').index(j))));
    const ports = asList(ss.ports);
    ports.forEach((p, j) => errs.push(...validateEndpointPort(p, ports.length > 1, idx.child('ports').index(j))));
  });
  return errs;
}

/** ValidateEndpointsUpdate. */
export function validateEndpointsUpdate(ep: Endpoints, old: Endpoints): FieldError[] {
  return [...validateObjectMetaUpdate(ep.metadata, old.metadata, fieldPath('metadata')), ...validateEndpoints(ep)];
}
