/**
 * `kubectl explain` for the kinds and fields the chapter uses: a compact table of the OpenAPI
 * descriptions (k8s.io/api core/v1 and discovery/v1 doc comments, shortened to their first
 * sentences), laid out like kubectl v1.32's plaintext template (KIND / VERSION / FIELD /
 * DESCRIPTION / FIELDS). Fields not in the table answer kubectl's "does not exist" error.
 */

interface FieldDoc {
  type: string;
  description: string;
  fields?: Record<string, FieldDoc>;
}

const str = (description: string): FieldDoc => ({ type: 'string', description });
const META: FieldDoc = { type: 'ObjectMeta', description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata" };
const API_VERSION = str('APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values.');
const KIND = str('Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase.');

const SERVICE_SPEC: Record<string, FieldDoc> = {
  clusterIP: str('clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are "None", empty string (""), or a valid IP address. Setting this to "None" makes a "headless service" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.'),
  clusterIPs: { type: '[]string', description: 'ClusterIPs is a list of IP addresses assigned to this service, and are usually assigned randomly.' },
  externalName: str('externalName is the external reference that discovery mechanisms will return as an alias for this service (e.g. a DNS CNAME record). No proxying will be involved.  Must be a lowercase RFC-1123 hostname (https://tools.ietf.org/html/rfc1123) and requires `type` to be "ExternalName".'),
  ports: { type: '[]ServicePort', description: 'The list of ports that are exposed by this service.' },
  selector: { type: 'map[string]string', description: 'Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName.' },
  type: str('type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. "ExternalName" aliases this service to the specified externalName.'),
};

const DOCS: Record<string, { version: string; description: string; fields: Record<string, FieldDoc> }> = {
  Service: {
    version: 'v1',
    description: 'Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.',
    fields: { apiVersion: API_VERSION, kind: KIND, metadata: META, spec: { type: 'ServiceSpec', description: 'Spec defines the behavior of a service.', fields: SERVICE_SPEC }, status: { type: 'ServiceStatus', description: 'Most recently observed status of the service. Populated by the system. Read-only.' } },
  },
  Pod: {
    version: 'v1',
    description: 'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.',
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: META,
      spec: {
        type: 'PodSpec',
        description: 'Specification of the desired behavior of the pod.',
        fields: {
          containers: { type: '[]Container', description: 'List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.' },
          hostname: str("Specifies the hostname of the Pod If not specified, the pod's hostname will be set to a system-defined value."),
          subdomain: str('If specified, the fully qualified Pod hostname will be "<hostname>.<subdomain>.<pod namespace>.svc.<cluster domain>". If not specified, the pod will not have a domainname at all.'),
        },
      },
      status: { type: 'PodStatus', description: 'Most recently observed status of the pod. This data may not be up to date. Populated by the system. Read-only.' },
    },
  },
  Endpoints: {
    version: 'v1',
    description: 'Endpoints is a collection of endpoints that implement the actual service.',
    fields: { apiVersion: API_VERSION, kind: KIND, metadata: META, subsets: { type: '[]EndpointSubset', description: 'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports.' } },
  },
  EndpointSlice: {
    version: 'discovery.k8s.io/v1',
    description: 'EndpointSlice represents a subset of the endpoints that implement a service. For a given service there may be multiple EndpointSlice objects, selected by labels, which must be joined to produce the full set of endpoints.',
    fields: {
      addressType: str('addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation.'),
      apiVersion: API_VERSION,
      endpoints: { type: '[]Endpoint', description: 'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.' },
      kind: KIND,
      metadata: META,
      ports: { type: '[]EndpointPort', description: 'ports specifies the list of network ports exposed by each endpoint in this slice.' },
    },
  },
};

/** Wraps at 80 columns with the given indent, like kubectl's plaintext template. */
function wrap(text: string, indent: string): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (indent + line + ' ' + w).length > 80) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n') + '\n';
}

export function explainText(kind: string, path: readonly string[]): string | undefined {
  const doc = DOCS[kind];
  if (!doc) return undefined;
  const version = doc.version.includes('/') ? doc.version.split('/')[1] : doc.version;
  const group = doc.version.includes('/') ? `GROUP:      ${doc.version.split('/')[0]}\n` : '';
  let text = `${group}KIND:       ${kind}\nVERSION:    ${version}\n\n`;
  let fields: Record<string, FieldDoc> | undefined = doc.fields;
  let description = doc.description;
  let field: FieldDoc | undefined;
  for (const p of path) {
    field = fields?.[p];
    if (!field) return undefined;
    fields = field.fields;
    description = field.description;
  }
  if (field) text += `FIELD: ${path[path.length - 1]} <${field.type}>\n\n`;
  text += `DESCRIPTION:\n${wrap(description, '    ')}    \n`;
  if (fields) {
    text += 'FIELDS:\n';
    for (const [name, f] of Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1))) text += `  ${name}\t<${f.type}>\n${wrap(f.description, '    ')}\n`;
  }
  return text;
}
