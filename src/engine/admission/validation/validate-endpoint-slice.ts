/**
 * EndpointSlice validation (pkg/apis/discovery/validation/validation.go): addressType, up to
 * 1000 endpoints of 1–100 addresses each (validated per address type), hostname, nodeName,
 * topology labels, up to 100 ports with unique names.
 */

import type { FieldError } from '../../../shared/field-error-types';
import type { EndpointSlice } from '../../../shared/api-types';
import { duplicate, invalid, notSupported, required, tooMany } from '../field-error';
import { fieldPath } from '../field-path';
import { fullyQualifiedDomainNameErrors, nameIsDNSSubdomain } from './dns-name-rules';
import { isValidIPv4Address, isValidIPv6Address, validateNonSpecialIP } from './ip-rules';
import { isQualifiedName } from './qualified-name-rules';
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './validate-object-meta';
import { validateDNS1123Label } from './validate-service';

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

/** ValidateEndpointSlice. */
export function validateEndpointSlice(slice: EndpointSlice): FieldError[] {
  const errs = validateObjectMeta(slice.metadata, true, nameIsDNSSubdomain, fieldPath('metadata'));
  const addressType = (slice.addressType as string | undefined) ?? '';
  if (addressType === '') errs.push(required(fieldPath('addressType')));
  else if (!ADDRESS_TYPES.includes(addressType)) errs.push(notSupported(fieldPath('addressType'), addressType, ADDRESS_TYPES));

  const endpoints = asList(slice.endpoints);
  const epPath = fieldPath('endpoints');
  if (endpoints.length > 1000) errs.push(tooMany(epPath, endpoints.length, 1000));
  else {
    endpoints.forEach((raw, i) => {
      const ep = asObj(raw);
      const idx = epPath.index(i);
      const addrPath = idx.child('addresses');
      const addresses = asList(ep.addresses);
      if (addresses.length === 0) errs.push(required(addrPath, 'must contain at least 1 address'));
      else if (addresses.length > 100) errs.push(tooMany(addrPath, addresses.length, 100));
      addresses.forEach((a, j) => {
        const address = String(a);
        const p = addrPath.index(j);
        if (addressType === 'IPv4') errs.push(...isValidIPv4Address(p, address), ...validateNonSpecialIP(address, p));
        else if (addressType === 'IPv6') errs.push(...isValidIPv6Address(p, address), ...validateNonSpecialIP(address, p));
        else if (addressType === 'FQDN') {
          const fq = fullyQualifiedDomainNameErrors(address);
          if (fq === 'required') errs.push(required(p));
          else fq.forEach((e) => errs.push(invalid(p, e.value, e.message)));
        }
      });
      if (typeof ep.nodeName === 'string') for (const m of nameIsDNSSubdomain(ep.nodeName, false)) errs.push(invalid(idx.child('nodeName'), ep.nodeName, m));
      const topology = ep.deprecatedTopology as Record<string, string> | undefined;
      if (topology && Object.keys(topology).length > 16) errs.push(tooMany(idx.child('deprecatedTopology'), Object.keys(topology).length, 16));
      errs.push(...validateLabels(topology, idx.child('deprecatedTopology')));
      if (typeof ep.hostname === 'string') errs.push(...validateDNS1123Label(ep.hostname, idx.child('hostname')));
    });
  }

  const ports = asList(slice.ports);
  const portsPath = fieldPath('ports');
  if (ports.length > 100) errs.push(tooMany(portsPath, ports.length, 100));
  else {
    const names = new Set<string>();
    ports.forEach((raw, i) => {
      const port = asObj(raw);
      const idx = portsPath.index(i);
      const name = typeof port.name === 'string' ? port.name : '';
      if (name.length > 0) errs.push(...validateDNS1123Label(name, idx.child('name')));
      if (names.has(name)) errs.push(duplicate(idx.child('name'), name));
      else names.add(name);
      const protocol = port.protocol as string | undefined;
      if (protocol === undefined || protocol === null) errs.push(required(idx.child('protocol')));
      else if (!['SCTP', 'TCP', 'UDP'].includes(protocol)) errs.push(notSupported(idx.child('protocol'), protocol, ['SCTP', 'TCP', 'UDP']));
      if (typeof port.appProtocol === 'string') errs.push(...isQualifiedName(port.appProtocol).map((m) => invalid(idx.child('appProtocol'), port.appProtocol, m)));
    });
  }
  return errs;
}

/** ValidateEndpointSliceUpdate: addressType is immutable. */
export function validateEndpointSliceUpdate(slice: EndpointSlice, old: EndpointSlice): FieldError[] {
  const errs = [...validateObjectMetaUpdate(slice.metadata, old.metadata, fieldPath('metadata')), ...validateEndpointSlice(slice)];
  if (slice.addressType !== old.addressType) errs.push(invalid(fieldPath('addressType'), slice.addressType ?? '', 'field is immutable'));
  return errs;
}
