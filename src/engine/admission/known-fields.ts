/**
 * A compact schema of the fields the apiserver knows for the kinds we serve, used for strict
 * decoding (unknown fields are rejected, as kubectl's default --validate=strict asks the server to)
 * and for JSON type errors. Field names and Go types follow k8s.io/api core/v1 and discovery/v1.
 * Structures the simulator does not model (volumes' sources, resources, affinity, security
 * contexts, …) are `any`: accepted as they are, without unknown-field checks inside.
 */

/** A field's type, as the Go JSON decoder sees it. */
export type FieldSchema =
  | { t: 'string' | 'int32' | 'int64' | 'bool' | 'intOrString' | 'any' }
  | { t: 'map'; of: FieldSchema; goType: string }
  | { t: 'list'; of: FieldSchema; goType: string }
  | { t: 'struct'; name: string; goType: string; fields: Record<string, FieldSchema> };

const str: FieldSchema = { t: 'string' };
const i32: FieldSchema = { t: 'int32' };
const i64: FieldSchema = { t: 'int64' };
const bool: FieldSchema = { t: 'bool' };
const intOrString: FieldSchema = { t: 'intOrString' };
const any: FieldSchema = { t: 'any' };

/** The Go type name printed in "of type …". */
export function goTypeName(s: FieldSchema): string {
  switch (s.t) {
    case 'string':
    case 'int32':
    case 'int64':
    case 'bool':
      return s.t;
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'any':
      return 'interface {}';
    default:
      return s.goType;
  }
}

function struct(name: string, fields: Record<string, FieldSchema>, pkg = 'v1'): FieldSchema {
  return { t: 'struct', name, goType: `${pkg}.${name}`, fields };
}
function list(of: FieldSchema): FieldSchema {
  return { t: 'list', of, goType: `[]${goTypeName(of)}` };
}
function mapOf(of: FieldSchema): FieldSchema {
  return { t: 'map', of, goType: `map[string]${goTypeName(of)}` };
}

const ownerReference = struct('OwnerReference', { apiVersion: str, kind: str, name: str, uid: str, controller: bool, blockOwnerDeletion: bool });
const objectMeta = struct('ObjectMeta', {
  name: str,
  generateName: str,
  namespace: str,
  selfLink: str,
  uid: str,
  resourceVersion: str,
  generation: i64,
  creationTimestamp: any,
  deletionTimestamp: any,
  deletionGracePeriodSeconds: i64,
  labels: mapOf(str),
  annotations: mapOf(str),
  ownerReferences: list(ownerReference),
  finalizers: list(str),
  managedFields: any,
});
const objectReference = struct('ObjectReference', { kind: str, namespace: str, name: str, uid: str, apiVersion: str, resourceVersion: str, fieldPath: str });

const typeMeta = { apiVersion: str, kind: str, metadata: objectMeta };

const servicePort = struct('ServicePort', { name: str, protocol: str, appProtocol: str, port: i32, targetPort: intOrString, nodePort: i32 });
const serviceSpec = struct('ServiceSpec', {
  ports: list(servicePort),
  selector: mapOf(str),
  clusterIP: str,
  clusterIPs: list(str),
  type: str,
  externalIPs: list(str),
  sessionAffinity: str,
  loadBalancerIP: str,
  loadBalancerSourceRanges: list(str),
  externalName: str,
  externalTrafficPolicy: str,
  healthCheckNodePort: i32,
  publishNotReadyAddresses: bool,
  sessionAffinityConfig: struct('SessionAffinityConfig', { clientIP: struct('ClientIPConfig', { timeoutSeconds: i32 }) }),
  ipFamilies: list(str),
  ipFamilyPolicy: str,
  allocateLoadBalancerNodePorts: bool,
  loadBalancerClass: str,
  internalTrafficPolicy: str,
  trafficDistribution: str,
});
const serviceStatus = struct('ServiceStatus', {
  loadBalancer: struct('LoadBalancerStatus', { ingress: list(struct('LoadBalancerIngress', { ip: str, hostname: str, ipMode: str, ports: any })) }),
  conditions: any,
});

const probe = struct('Probe', {
  exec: struct('ExecAction', { command: list(str) }),
  httpGet: struct('HTTPGetAction', { path: str, port: intOrString, host: str, scheme: str, httpHeaders: list(struct('HTTPHeader', { name: str, value: str })) }),
  tcpSocket: struct('TCPSocketAction', { port: intOrString, host: str }),
  grpc: struct('GRPCAction', { port: i32, service: str }),
  initialDelaySeconds: i32,
  timeoutSeconds: i32,
  periodSeconds: i32,
  successThreshold: i32,
  failureThreshold: i32,
  terminationGracePeriodSeconds: i64,
});
const container = struct('Container', {
  name: str,
  image: str,
  command: list(str),
  args: list(str),
  workingDir: str,
  ports: list(struct('ContainerPort', { name: str, hostPort: i32, containerPort: i32, protocol: str, hostIP: str })),
  envFrom: any,
  env: list(struct('EnvVar', { name: str, value: str, valueFrom: any })),
  resources: any,
  resizePolicy: any,
  restartPolicy: str,
  volumeMounts: any,
  volumeDevices: any,
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  lifecycle: any,
  terminationMessagePath: str,
  terminationMessagePolicy: str,
  imagePullPolicy: str,
  securityContext: any,
  stdin: bool,
  stdinOnce: bool,
  tty: bool,
});
const podSpec = struct('PodSpec', {
  volumes: any,
  initContainers: list(container),
  containers: list(container),
  ephemeralContainers: any,
  restartPolicy: str,
  terminationGracePeriodSeconds: i64,
  activeDeadlineSeconds: i64,
  dnsPolicy: str,
  nodeSelector: mapOf(str),
  serviceAccountName: str,
  serviceAccount: str,
  automountServiceAccountToken: bool,
  nodeName: str,
  hostNetwork: bool,
  hostPID: bool,
  hostIPC: bool,
  shareProcessNamespace: bool,
  securityContext: any,
  imagePullSecrets: list(struct('LocalObjectReference', { name: str })),
  hostname: str,
  subdomain: str,
  affinity: any,
  schedulerName: str,
  tolerations: any,
  hostAliases: list(struct('HostAlias', { ip: str, hostnames: list(str) })),
  priorityClassName: str,
  priority: i32,
  dnsConfig: struct('PodDNSConfig', { nameservers: list(str), searches: list(str), options: list(struct('PodDNSConfigOption', { name: str, value: str })) }),
  readinessGates: any,
  runtimeClassName: str,
  enableServiceLinks: bool,
  preemptionPolicy: str,
  overhead: any,
  topologySpreadConstraints: any,
  setHostnameAsFQDN: bool,
  os: any,
  hostUsers: bool,
  schedulingGates: any,
  resourceClaims: any,
  resources: any,
});

const endpointAddress = struct('EndpointAddress', { ip: str, hostname: str, nodeName: str, targetRef: objectReference });
const endpointSubset = struct('EndpointSubset', {
  addresses: list(endpointAddress),
  notReadyAddresses: list(endpointAddress),
  ports: list(struct('EndpointPort', { name: str, port: i32, protocol: str, appProtocol: str })),
});

const sliceEndpoint = struct(
  'Endpoint',
  {
    addresses: list(str),
    conditions: struct('EndpointConditions', { ready: bool, serving: bool, terminating: bool }),
    hostname: str,
    targetRef: objectReference,
    deprecatedTopology: mapOf(str),
    nodeName: str,
    zone: str,
    hints: any,
  },
  'v1',
);

/** Root schemas by kind; the root struct's name is the kind (`Service in version "v1" …`). */
export const KIND_SCHEMAS: Record<string, FieldSchema> = {
  Service: struct('Service', { ...typeMeta, spec: serviceSpec, status: serviceStatus }),
  Pod: struct('Pod', { ...typeMeta, spec: podSpec, status: any }),
  Endpoints: struct('Endpoints', { ...typeMeta, subsets: list(endpointSubset) }),
  EndpointSlice: struct('EndpointSlice', {
    ...typeMeta,
    addressType: str,
    endpoints: list(sliceEndpoint),
    ports: list(struct('EndpointPort', { name: str, protocol: str, port: i32, appProtocol: str })),
  }),
  Namespace: struct('Namespace', { ...typeMeta, spec: struct('NamespaceSpec', { finalizers: list(str) }), status: struct('NamespaceStatus', { phase: str, conditions: any }) }),
  ConfigMap: struct('ConfigMap', { ...typeMeta, immutable: bool, data: mapOf(str), binaryData: mapOf(str) }),
  Node: struct('Node', { ...typeMeta, spec: any, status: any }),
};
