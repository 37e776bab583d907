/**
 * Table-driven checks of the apiserver's messages: each case starts from a valid object, applies
 * one tweak, creates it through the ApiServer and expects the exact Status message.
 */

import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/api-types';
import { newTestCluster } from '../test-api-server';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tweaks reach into arbitrary fields of test objects
type Obj = Record<string, any>;
interface Case {
  name: string;
  tweak: (o: Obj) => void;
  message: string;
  setup?: (create: (o: Obj) => void) => void;
}

const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const PROTOCOLS = 'supported values: "SCTP", "TCP", "UDP"';
const VALID_IP = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
const PORT_KEY = (port: number, protocol = 'TCP'): string =>
  `core.ServicePort{Name:"", Protocol:"${protocol}", AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;

function run(base: Obj, c: Case): string | undefined {
  const { api } = newTestCluster();
  c.setup?.((o) => {
    const r = api.create(o);
    if (r.error) throw new Error(`setup failed: ${r.error.message}`);
  });
  const obj = structuredClone(base);
  c.tweak(obj);
  return api.create(obj as KubeObject).error?.message;
}

const service = (): Obj => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } });
const svcErr = (body: string, name = 'web'): string => `Service "${name}" is invalid: ${body}`;

const serviceCases: Case[] = [
  { name: 'rejects an uppercase Service name (DNS-1035)', tweak: (o) => (o.metadata.name = 'Foo'), message: svcErr(`metadata.name: Invalid value: "Foo": ${DNS1035}`, 'Foo') },
  { name: 'rejects a Service name starting with a digit', tweak: (o) => (o.metadata.name = '1web'), message: svcErr(`metadata.name: Invalid value: "1web": ${DNS1035}`, '1web') },
  { name: 'rejects a Service name with a dot', tweak: (o) => (o.metadata.name = 'web.app'), message: svcErr(`metadata.name: Invalid value: "web.app": ${DNS1035}`, 'web.app') },
  {
    name: 'rejects a Service name longer than 63 characters',
    tweak: (o) => (o.metadata.name = 'a'.repeat(64)),
    message: svcErr(`metadata.name: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`, 'a'.repeat(64)),
  },
  { name: 'requires a name or generateName', tweak: (o) => delete o.metadata.name, message: svcErr('metadata.name: Required value: name or generateName is required', '') },
  { name: 'rejects a label key starting with a dash', tweak: (o) => (o.metadata.labels = { '-bad': 'x' }), message: svcErr(`metadata.labels: Invalid value: "-bad": ${NAME_PART}`) },
  { name: 'rejects a label value with a space', tweak: (o) => (o.metadata.labels = { app: 'a b' }), message: svcErr(`metadata.labels: Invalid value: "a b": ${LABEL_VALUE}`) },
  {
    name: 'rejects a label value longer than 63 characters',
    tweak: (o) => (o.metadata.labels = { app: 'v'.repeat(64) }),
    message: svcErr(`metadata.labels: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`),
  },
  {
    name: 'rejects a label key with an uppercase prefix',
    tweak: (o) => (o.metadata.labels = { 'Example.com/x': 'y' }),
    message: svcErr(`metadata.labels: Invalid value: "Example.com/x": prefix part ${DNS1123_SUBDOMAIN}`),
  },
  {
    name: 'rejects an annotation key with two slashes',
    tweak: (o) => (o.metadata.annotations = { 'a/b/c': 'x' }),
    message: svcErr(
      `metadata.annotations: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ),
  },
  { name: 'requires ports on a ClusterIP Service', tweak: (o) => delete o.spec.ports, message: svcErr('spec.ports: Required value') },
  { name: 'rejects port 0', tweak: (o) => (o.spec.ports[0].port = 0), message: svcErr(`spec.ports[0].port: Invalid value: 0: ${PORT_RANGE}`) },
  { name: 'rejects port 70000', tweak: (o) => (o.spec.ports[0].port = 70000), message: svcErr(`spec.ports[0].port: Invalid value: 70000: ${PORT_RANGE}`) },
  { name: 'rejects protocol HTTP', tweak: (o) => (o.spec.ports[0].protocol = 'HTTP'), message: svcErr(`spec.ports[0].protocol: Unsupported value: "HTTP": ${PROTOCOLS}`) },
  { name: 'rejects a lowercase protocol', tweak: (o) => (o.spec.ports[0].protocol = 'tcp'), message: svcErr(`spec.ports[0].protocol: Unsupported value: "tcp": ${PROTOCOLS}`) },
  {
    name: 'requires names when there are several ports',
    tweak: (o) => (o.spec.ports = [{ name: 'http', port: 80 }, { port: 443 }]),
    message: svcErr('spec.ports[1].name: Required value'),
  },
  {
    name: 'rejects duplicate port names',
    tweak: (o) => (o.spec.ports = [{ name: 'http', port: 80 }, { name: 'http', port: 81 }]),
    message: svcErr('spec.ports[1].name: Duplicate value: "http"'),
  },
  { name: 'rejects an uppercase port name', tweak: (o) => (o.spec.ports[0].name = 'HTTP'), message: svcErr(`spec.ports[0].name: Invalid value: "HTTP": ${DNS1123_LABEL}`) },
  {
    name: 'rejects two ports with the same number and protocol',
    tweak: (o) => (o.spec.ports = [{ name: 'a', port: 80 }, { name: 'b', port: 80 }]),
    message: svcErr(`spec.ports[1]: Duplicate value: ${PORT_KEY(80)}`),
  },
  { name: 'rejects targetPort 70000', tweak: (o) => (o.spec.ports[0].targetPort = 70000), message: svcErr(`spec.ports[0].targetPort: Invalid value: 70000: ${PORT_RANGE}`) },
  {
    name: 'rejects a numeric string targetPort (it is a port name, which needs a letter)',
    tweak: (o) => (o.spec.ports[0].targetPort = '8080'),
    message: svcErr('spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)'),
  },
  {
    name: 'rejects an uppercase targetPort name',
    tweak: (o) => (o.spec.ports[0].targetPort = 'HTTP'),
    message: svcErr(
      '[spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-), spec.ports[0].targetPort: Invalid value: "HTTP": must contain at least one letter (a-z)]',
    ),
  },
  {
    name: 'rejects a targetPort name with consecutive hyphens',
    tweak: (o) => (o.spec.ports[0].targetPort = 'my--port'),
    message: svcErr('spec.ports[0].targetPort: Invalid value: "my--port": must not contain consecutive hyphens'),
  },
  {
    name: 'rejects a targetPort name longer than 15 characters',
    tweak: (o) => (o.spec.ports[0].targetPort = 'a-very-long-port-name'),
    message: svcErr('spec.ports[0].targetPort: Invalid value: "a-very-long-port-name": must be no more than 15 characters'),
  },
  {
    name: 'rejects a targetPort name starting with a hyphen',
    tweak: (o) => (o.spec.ports[0].targetPort = '-http'),
    message: svcErr('spec.ports[0].targetPort: Invalid value: "-http": must not begin or end with a hyphen'),
  },
  { name: 'rejects an invalid appProtocol', tweak: (o) => (o.spec.ports[0].appProtocol = 'a b'), message: svcErr(`spec.ports[0].appProtocol: Invalid value: "a b": ${NAME_PART}`) },
  {
    name: 'rejects an unknown Service type',
    tweak: (o) => (o.spec.type = 'Foo'),
    message: svcErr('spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'),
  },
  {
    name: 'rejects an unknown sessionAffinity',
    tweak: (o) => (o.spec.sessionAffinity = 'Sticky'),
    message: svcErr('spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"'),
  },
  {
    name: 'rejects a ClientIP affinity timeout of 0',
    tweak: (o) => Object.assign(o.spec, { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } }),
    message: svcErr('spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400'),
  },
  {
    name: 'rejects a headless NodePort Service',
    tweak: (o) => Object.assign(o.spec, { type: 'NodePort', clusterIP: 'None' }),
    message: svcErr(`spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`),
  },
  {
    name: 'rejects a headless LoadBalancer Service',
    tweak: (o) => Object.assign(o.spec, { type: 'LoadBalancer', clusterIP: 'None' }),
    message: svcErr(`spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for LoadBalancer services`),
  },
  {
    name: 'rejects a clusterIP outside the service range',
    tweak: (o) => (o.spec.clusterIP = '10.0.0.1'),
    message: svcErr(
      'spec.clusterIPs: Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    ),
  },
  {
    name: "rejects the range's network address",
    tweak: (o) => (o.spec.clusterIP = '10.96.0.0'),
    message: svcErr(
      'spec.clusterIPs: Invalid value: []string{"10.96.0.0"}: failed to allocate IP 10.96.0.0: the provided IP (10.96.0.0) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    ),
  },
  {
    name: 'rejects a clusterIP already taken by kube-dns',
    tweak: (o) => (o.spec.clusterIP = '10.96.0.10'),
    message: svcErr('spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated'),
  },
  { name: 'rejects a clusterIP that is not an IP', tweak: (o) => (o.spec.clusterIP = 'abc'), message: svcErr(`spec.clusterIPs[0]: Invalid value: "abc": ${VALID_IP}`) },
  {
    name: 'rejects clusterIPs that do not start with clusterIP',
    tweak: (o) => Object.assign(o.spec, { clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.21'] }),
    message: svcErr('spec.clusterIPs: Invalid value: []string{"10.96.0.21"}: first value must match `clusterIP`'),
  },
  {
    name: 'rejects clusterIPs without clusterIP',
    tweak: (o) => (o.spec.clusterIPs = ['10.96.0.21']),
    message: svcErr('spec.clusterIPs: Invalid value: []string{"10.96.0.21"}: must be empty when `clusterIP` is not specified'),
  },
  {
    name: 'rejects three clusterIPs',
    tweak: (o) => Object.assign(o.spec, { clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.20', '10.96.0.21', '10.96.0.22'] }),
    message: svcErr(
      '[spec.clusterIPs: Invalid value: []string{"10.96.0.20", "10.96.0.21", "10.96.0.22"}: may only hold up to 2 values, spec.clusterIPs: Invalid value: []string{"10.96.0.20", "10.96.0.21", "10.96.0.22"}: may specify no more than one IP for each IP family]',
    ),
  },
  {
    name: "rejects 'None' followed by another cluster IP",
    tweak: (o) => Object.assign(o.spec, { clusterIP: 'None', clusterIPs: ['None', '10.96.0.20'] }),
    message: svcErr(`spec.clusterIPs: Invalid value: []string{"None", "10.96.0.20"}: 'None' must be the first and only value`),
  },
  { name: 'rejects an unknown IP family', tweak: (o) => (o.spec.ipFamilies = ['IPv5']), message: svcErr('spec.ipFamilies[0]: Unsupported value: "IPv5": supported values: "IPv4", "IPv6"') },
  { name: 'rejects IPv6 on an IPv4-only cluster', tweak: (o) => (o.spec.ipFamilies = ['IPv6']), message: svcErr('spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster') },
  {
    name: 'rejects RequireDualStack on a single-stack cluster',
    tweak: (o) => (o.spec.ipFamilyPolicy = 'RequireDualStack'),
    message: svcErr('spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services'),
  },
  {
    name: 'rejects an unknown ipFamilyPolicy',
    tweak: (o) => (o.spec.ipFamilyPolicy = 'Foo'),
    message: svcErr('spec.ipFamilyPolicy: Unsupported value: "Foo": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"'),
  },
  {
    name: 'rejects a nodePort on a ClusterIP Service',
    tweak: (o) => (o.spec.ports[0].nodePort = 30080),
    message: svcErr("spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"),
  },
  {
    name: 'rejects a nodePort outside the node port range',
    tweak: (o) => Object.assign(o.spec, { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }),
    message: svcErr('spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767'),
  },
  {
    name: 'rejects a nodePort another Service holds',
    setup: (create) => create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'first' }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] } }),
    tweak: (o) => Object.assign(o.spec, { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }),
    message: svcErr('spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated'),
  },
  { name: 'requires externalName on an ExternalName Service', tweak: (o) => (o.spec.type = 'ExternalName'), message: svcErr('spec.externalName: Required value') },
  {
    name: 'rejects an externalName that is not a DNS subdomain',
    tweak: (o) => Object.assign(o.spec, { type: 'ExternalName', externalName: 'Bad_Name' }),
    message: svcErr(`spec.externalName: Invalid value: "Bad_Name": ${DNS1123_SUBDOMAIN}`),
  },
  {
    name: 'forbids a clusterIP on an ExternalName Service',
    tweak: (o) => Object.assign(o.spec, { type: 'ExternalName', externalName: 'example.com', clusterIP: '10.96.0.50' }),
    message: svcErr('spec.clusterIPs: Forbidden: may not be set for ExternalName services'),
  },
  {
    name: 'rejects externalTrafficPolicy on a ClusterIP Service',
    tweak: (o) => (o.spec.externalTrafficPolicy = 'Local'),
    message: svcErr('spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'),
  },
  {
    name: 'rejects an unknown externalTrafficPolicy',
    tweak: (o) => Object.assign(o.spec, { type: 'NodePort', externalTrafficPolicy: 'Foo' }),
    message: svcErr('spec.externalTrafficPolicy: Unsupported value: "Foo": supported values: "Cluster", "Local"'),
  },
  {
    name: 'rejects an unknown internalTrafficPolicy',
    tweak: (o) => (o.spec.internalTrafficPolicy = 'Foo'),
    message: svcErr('spec.internalTrafficPolicy: Unsupported value: "Foo": supported values: "Cluster", "Local"'),
  },
  { name: 'rejects an invalid selector value', tweak: (o) => (o.spec.selector = { app: 'a b' }), message: svcErr(`spec.selector: Invalid value: "a b": ${LABEL_VALUE}`) },
  {
    name: 'rejects a loopback external IP',
    tweak: (o) => (o.spec.externalIPs = ['127.0.0.1']),
    message: svcErr('spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)'),
  },
  { name: 'rejects an external IP that is not an IP', tweak: (o) => (o.spec.externalIPs = ['x']), message: svcErr(`spec.externalIPs[0]: Invalid value: "x": ${VALID_IP}`) },
  {
    name: 'forbids allocateLoadBalancerNodePorts outside LoadBalancer',
    tweak: (o) => (o.spec.allocateLoadBalancerNodePorts = false),
    message: svcErr("spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'"),
  },
  {
    name: 'forbids loadBalancerSourceRanges outside LoadBalancer (with upstream capital L)',
    tweak: (o) => (o.spec.loadBalancerSourceRanges = ['10.0.0.0/8']),
    message: svcErr("spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'"),
  },
  {
    name: 'rejects an unknown trafficDistribution',
    tweak: (o) => (o.spec.trafficDistribution = 'Nearest'),
    message: svcErr('spec.trafficDistribution: Unsupported value: "Nearest": supported values: "PreferClose"'),
  },
  {
    name: 'aggregates several errors in order',
    tweak: (o) => {
      o.metadata.name = 'Foo';
      o.spec.ports[0].port = 0;
    },
    message: svcErr(`[metadata.name: Invalid value: "Foo": ${DNS1035}, spec.ports[0].port: Invalid value: 0: ${PORT_RANGE}]`, 'Foo'),
  },
  {
    name: 'reports allocation errors before (and instead of) validation errors',
    tweak: (o) => {
      o.spec.clusterIP = '10.0.0.1';
      o.spec.ports[0].port = 0;
    },
    message: svcErr(
      'spec.clusterIPs: Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    ),
  },
];

const pod = (): Obj => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } });
const podErr = (body: string, name = 'web'): string => `Pod "${name}" is invalid: ${body}`;
const c0 = (o: Obj): Obj => o.spec.containers[0];

const podCases: Case[] = [
  { name: 'rejects an uppercase Pod name (DNS-1123 subdomain)', tweak: (o) => (o.metadata.name = 'Web'), message: podErr(`metadata.name: Invalid value: "Web": ${DNS1123_SUBDOMAIN}`, 'Web') },
  { name: 'requires containers', tweak: (o) => (o.spec.containers = []), message: podErr('spec.containers: Required value') },
  { name: 'requires a container name', tweak: (o) => delete c0(o).name, message: podErr('spec.containers[0].name: Required value') },
  { name: 'rejects an uppercase container name', tweak: (o) => (c0(o).name = 'App'), message: podErr(`spec.containers[0].name: Invalid value: "App": ${DNS1123_LABEL}`) },
  {
    name: 'rejects duplicate container names',
    tweak: (o) => o.spec.containers.push({ name: 'app', image: 'busybox' }),
    message: podErr('spec.containers[1].name: Duplicate value: "app"'),
  },
  { name: 'requires an image', tweak: (o) => delete c0(o).image, message: podErr('spec.containers[0].image: Required value') },
  {
    name: 'rejects an image with trailing whitespace',
    tweak: (o) => (c0(o).image = 'nginx '),
    message: podErr('spec.containers[0].image: Invalid value: "nginx ": must not have leading or trailing whitespace'),
  },
  { name: 'requires containerPort', tweak: (o) => (c0(o).ports = [{ name: 'http' }]), message: podErr('spec.containers[0].ports[0].containerPort: Required value') },
  {
    name: 'rejects containerPort 70000',
    tweak: (o) => (c0(o).ports = [{ containerPort: 70000 }]),
    message: podErr(`spec.containers[0].ports[0].containerPort: Invalid value: 70000: ${PORT_RANGE}`),
  },
  {
    name: 'rejects a container port name longer than 15 characters',
    tweak: (o) => (c0(o).ports = [{ name: 'very-long-port-name', containerPort: 80 }]),
    message: podErr('spec.containers[0].ports[0].name: Invalid value: "very-long-port-name": must be no more than 15 characters'),
  },
  {
    name: 'rejects a container port name without a letter',
    tweak: (o) => (c0(o).ports = [{ name: '8080', containerPort: 8080 }]),
    message: podErr('spec.containers[0].ports[0].name: Invalid value: "8080": must contain at least one letter (a-z)'),
  },
  {
    name: 'rejects duplicate container port names',
    tweak: (o) => (c0(o).ports = [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }]),
    message: podErr('spec.containers[0].ports[1].name: Duplicate value: "http"'),
  },
  {
    name: 'rejects container port protocol HTTP',
    tweak: (o) => (c0(o).ports = [{ containerPort: 80, protocol: 'HTTP' }]),
    message: podErr(`spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": ${PROTOCOLS}`),
  },
  { name: 'rejects an invalid hostname', tweak: (o) => (o.spec.hostname = 'My_Host'), message: podErr(`spec.hostname: Invalid value: "My_Host": ${DNS1123_LABEL}`) },
  { name: 'rejects a subdomain with dots', tweak: (o) => (o.spec.subdomain = 'a.b'), message: podErr('spec.subdomain: Invalid value: "a.b": must not contain dots') },
  {
    name: 'rejects an unknown restartPolicy',
    tweak: (o) => (o.spec.restartPolicy = 'Sometimes'),
    message: podErr('spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'),
  },
  {
    name: 'rejects an unknown dnsPolicy',
    tweak: (o) => (o.spec.dnsPolicy = 'ClusterFirstt'),
    message: podErr('spec.dnsPolicy: Unsupported value: "ClusterFirstt": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'),
  },
  {
    name: 'requires dnsConfig with dnsPolicy None',
    tweak: (o) => (o.spec.dnsPolicy = 'None'),
    message: podErr('spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None'),
  },
  {
    name: 'rejects a dnsConfig nameserver that is not an IP',
    tweak: (o) => (o.spec.dnsConfig = { nameservers: ['dns'] }),
    message: podErr(`spec.dnsConfig.nameservers[0]: Invalid value: "dns": ${VALID_IP}`),
  },
  {
    name: 'rejects an unknown imagePullPolicy',
    tweak: (o) => (c0(o).imagePullPolicy = 'Sometimes'),
    message: podErr('spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'),
  },
  {
    name: 'requires a probe handler',
    tweak: (o) => (c0(o).readinessProbe = { periodSeconds: 5 }),
    message: podErr('spec.containers[0].readinessProbe: Required value: must specify a handler type'),
  },
  {
    name: 'rejects an httpGet probe on port 0',
    tweak: (o) => (c0(o).readinessProbe = { httpGet: { port: 0 } }),
    message: podErr(`spec.containers[0].readinessProbe.httpGet.port: Invalid value: 0: ${PORT_RANGE}`),
  },
  {
    name: 'requires successThreshold 1 on liveness probes',
    tweak: (o) => (c0(o).livenessProbe = { tcpSocket: { port: 80 }, successThreshold: 2 }),
    message: podErr('spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'),
  },
  {
    name: 'rejects a negative initialDelaySeconds',
    tweak: (o) => (c0(o).readinessProbe = { tcpSocket: { port: 'http' }, initialDelaySeconds: -1 }),
    message: podErr('spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0'),
  },
  {
    name: "rejects an env var name containing '='",
    tweak: (o) => (c0(o).env = [{ name: 'A=B', value: '1' }]),
    message: podErr(`spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`),
  },
  {
    name: 'rejects a volumeMount of an undeclared volume',
    tweak: (o) => (c0(o).volumeMounts = [{ name: 'data', mountPath: '/data' }]),
    message: podErr('spec.containers[0].volumeMounts[0].name: Not found: "data"'),
  },
  { name: 'requires a volume source', tweak: (o) => (o.spec.volumes = [{ name: 'data' }]), message: podErr('spec.volumes[0]: Required value: must specify a volume type') },
  { name: 'rejects an invalid nodeName', tweak: (o) => (o.spec.nodeName = 'Node_1'), message: podErr(`spec.nodeName: Invalid value: "Node_1": ${DNS1123_SUBDOMAIN}`) },
];

const endpoints = (): Obj => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web' }, subsets: [{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 8080 }] }] });
const epErr = (body: string): string => `Endpoints "web" is invalid: ${body}`;
const addr = (o: Obj): Obj => o.subsets[0].addresses[0];

const endpointsCases: Case[] = [
  { name: 'rejects a loopback endpoint', tweak: (o) => (addr(o).ip = '127.0.0.1'), message: epErr('subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)') },
  { name: 'rejects the IPv6 loopback', tweak: (o) => (addr(o).ip = '::1'), message: epErr('subsets[0].addresses[0].ip: Invalid value: "::1": may not be in the loopback range (127.0.0.0/8, ::1/128)') },
  {
    name: 'rejects a link-local endpoint',
    tweak: (o) => (addr(o).ip = '169.254.1.1'),
    message: epErr('subsets[0].addresses[0].ip: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)'),
  },
  {
    name: 'rejects a link-local multicast endpoint',
    tweak: (o) => (addr(o).ip = '224.0.0.5'),
    message: epErr('subsets[0].addresses[0].ip: Invalid value: "224.0.0.5": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'),
  },
  { name: 'rejects the unspecified address', tweak: (o) => (addr(o).ip = '0.0.0.0'), message: epErr('subsets[0].addresses[0].ip: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)') },
  {
    name: 'rejects a non-IP address twice (IsValidIP and ValidateNonSpecialIP)',
    tweak: (o) => (addr(o).ip = 'abc'),
    message: epErr(`[subsets[0].addresses[0].ip: Invalid value: "abc": ${VALID_IP}, subsets[0].addresses[0].ip: Invalid value: "abc": must be a valid IP address]`),
  },
  {
    name: 'requires addresses or notReadyAddresses',
    tweak: (o) => delete o.subsets[0].addresses,
    message: epErr('subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`'),
  },
  {
    name: 'checks notReadyAddresses too',
    tweak: (o) => (o.subsets[0].notReadyAddresses = [{ ip: '127.0.0.2' }]),
    message: epErr('subsets[0].notReadyAddresses[0].ip: Invalid value: "127.0.0.2": may not be in the loopback range (127.0.0.0/8, ::1/128)'),
  },
  { name: 'rejects endpoint port 0', tweak: (o) => (o.subsets[0].ports[0].port = 0), message: epErr(`subsets[0].ports[0].port: Invalid value: 0: ${PORT_RANGE}`) },
  {
    name: 'requires endpoint port names when there are several',
    tweak: (o) => (o.subsets[0].ports = [{ port: 80 }, { port: 81 }]),
    message: epErr('[subsets[0].ports[0].name: Required value, subsets[0].ports[1].name: Required value]'),
  },
  { name: 'rejects endpoint port protocol HTTP', tweak: (o) => (o.subsets[0].ports[0].protocol = 'HTTP'), message: epErr(`subsets[0].ports[0].protocol: Unsupported value: "HTTP": ${PROTOCOLS}`) },
  { name: 'rejects an invalid endpoint hostname', tweak: (o) => (addr(o).hostname = 'Web_1'), message: epErr(`subsets[0].addresses[0].hostname: Invalid value: "Web_1": ${DNS1123_LABEL}`) },
];

const slice = (): Obj => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'web-abc' },
  addressType: 'IPv4',
  endpoints: [{ addresses: ['10.244.1.5'] }],
  ports: [{ port: 8080 }],
});
const sliceErr = (body: string): string => `EndpointSlice.discovery.k8s.io "web-abc" is invalid: ${body}`;

const sliceCases: Case[] = [
  { name: 'requires addressType', tweak: (o) => delete o.addressType, message: sliceErr('addressType: Required value') },
  { name: 'rejects addressType IP', tweak: (o) => (o.addressType = 'IP'), message: sliceErr('addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"') },
  {
    name: 'rejects an IPv6 address in an IPv4 slice',
    tweak: (o) => (o.endpoints[0].addresses = ['fd00::1']),
    message: sliceErr('endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address'),
  },
  { name: 'requires at least one address', tweak: (o) => (o.endpoints[0].addresses = []), message: sliceErr('endpoints[0].addresses: Required value: must contain at least 1 address') },
  {
    name: 'rejects a loopback slice address',
    tweak: (o) => (o.endpoints[0].addresses = ['127.0.0.1']),
    message: sliceErr('endpoints[0].addresses[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)'),
  },
  { name: 'rejects duplicate (empty) slice port names', tweak: (o) => (o.ports = [{ port: 80 }, { port: 81 }]), message: sliceErr('ports[1].name: Duplicate value: ""') },
  { name: 'rejects slice port protocol HTTP', tweak: (o) => (o.ports[0].protocol = 'HTTP'), message: sliceErr(`ports[0].protocol: Unsupported value: "HTTP": ${PROTOCOLS}`) },
  {
    name: 'rejects an invalid FQDN address',
    tweak: (o) => Object.assign(o, { addressType: 'FQDN', endpoints: [{ addresses: ['Bad_Host'] }] }),
    message: sliceErr(`endpoints[0].addresses[0]: Invalid value: "Bad_Host": ${DNS1123_SUBDOMAIN}`),
  },
  { name: 'rejects an invalid slice hostname', tweak: (o) => (o.endpoints[0].hostname = 'A_B'), message: sliceErr(`endpoints[0].hostname: Invalid value: "A_B": ${DNS1123_LABEL}`) },
];

const otherCases: { name: string; base: () => Obj; tweak: (o: Obj) => void; message: string }[] = [
  {
    name: 'rejects a Namespace name with an underscore',
    base: () => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } }),
    tweak: (o) => (o.metadata.name = 'Team_A'),
    message: `Namespace "Team_A" is invalid: metadata.name: Invalid value: "Team_A": ${DNS1123_LABEL}`,
  },
  {
    name: 'rejects a Namespace name with dots',
    base: () => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } }),
    tweak: (o) => (o.metadata.name = 'a.b'),
    message: 'Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": must not contain dots',
  },
  {
    name: 'rejects a ConfigMap key with a space',
    base: () => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { ok: '1' } }),
    tweak: (o) => (o.data['a b'] = 'x'),
    message:
      "ConfigMap \"cfg\" is invalid: data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
  },
  {
    name: "rejects the ConfigMap key '..'",
    base: () => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: {} }),
    tweak: (o) => (o.data['..'] = 'x'),
    message: 'ConfigMap "cfg" is invalid: data[..]: Invalid value: "..": must not be \'..\'',
  },
  {
    name: 'answers NotFound for a namespace that does not exist',
    base: service,
    tweak: (o) => (o.metadata.namespace = 'nope'),
    message: 'namespaces "nope" not found',
  },
  {
    name: 'rejects unknown fields (strict field validation)',
    base: service,
    tweak: (o) => (o.spec.foo = 1),
    message: 'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.foo"',
  },
  {
    name: 'lists every unknown field, in document order',
    base: service,
    tweak: (o) => {
      o.spec.foo = 1;
      o.spec.ports[0].bar = 2;
    },
    message: 'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].bar", unknown field "spec.foo"',
  },
  {
    name: 'rejects a quoted port number with the Go JSON type error',
    base: service,
    tweak: (o) => (o.spec.ports[0].port = '80'),
    message: 'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
  },
  {
    name: 'rejects a numeric label value with the Go JSON type error',
    base: pod,
    tweak: (o) => (o.metadata.labels = { version: 1 }),
    message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
  },
  {
    name: 'rejects ports written as a map',
    base: service,
    tweak: (o) => (o.spec.ports = { port: 80 }),
    message: 'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort',
  },
  {
    name: 'rejects unknown EndpointSlice fields',
    base: slice,
    tweak: (o) => (o.endpoints[0].ip = '10.0.0.1'),
    message: 'EndpointSlice in version "v1" cannot be handled as a EndpointSlice: strict decoding error: unknown field "endpoints[0].ip"',
  },
  {
    name: 'answers Forbidden for Nodes, which users may not write',
    base: () => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node9' } }),
    tweak: () => undefined,
    message: `nodes "node9" is forbidden: Service Lab's nodes are part of the simulated cluster and are read-only (they cannot be created, changed or deleted)`,
  },
  {
    name: 'answers NotFound for a kind the server does not serve',
    base: () => ({ apiVersion: 'v1', kind: 'Deployment', metadata: { name: 'x' } }),
    tweak: () => undefined,
    message: 'resource mapping not found for name: "x" namespace: "": no matches for kind "Deployment" in version "v1"\nensure CRDs are installed first',
  },
  {
    name: 'answers NotFound for a served kind in the wrong version',
    base: service,
    tweak: (o) => (o.apiVersion = 'apps/v1'),
    message: 'resource mapping not found for name: "web" namespace: "": no matches for kind "Service" in version "apps/v1"\nensure CRDs are installed first',
  },
];

describe('Service validation', () => {
  it.each(serviceCases)('$name', (c) => expect(run(service(), c)).toBe(c.message));
});
describe('Pod validation', () => {
  it.each(podCases)('$name', (c) => expect(run(pod(), c)).toBe(c.message));
});
describe('Endpoints validation', () => {
  it.each(endpointsCases)('$name', (c) => expect(run(endpoints(), c)).toBe(c.message));
});
describe('EndpointSlice validation', () => {
  it.each(sliceCases)('$name', (c) => expect(run(slice(), c)).toBe(c.message));
});
describe('Namespaces, ConfigMaps, decoding and kinds', () => {
  it.each(otherCases)('$name', (c) => expect(run(c.base(), { name: c.name, tweak: c.tweak, message: c.message })).toBe(c.message));
});

describe('valid objects pass', () => {
  it.each([
    ['a Service with TCP and UDP on the same port', { ...service(), spec: { ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }] } }],
    ['an ExternalName with a trailing dot', { ...service(), spec: { type: 'ExternalName', externalName: 'example.com.' } }],
    ['a headless Service without ports', { ...service(), spec: { clusterIP: 'None', selector: { app: 'web' } } }],
    ['an Endpoints address equal to a Service cluster IP (upstream allows it)', { ...endpoints(), subsets: [{ addresses: [{ ip: '10.96.0.10' }], ports: [{ port: 53 }] }] }],
    ['a targetPort of 0, which defaults to the port', { ...service(), spec: { ports: [{ port: 80, targetPort: 0 }] } }],
  ])('accepts %s', (_name, obj) => {
    const { api } = newTestCluster();
    expect(api.create(obj as unknown as KubeObject).error).toBeUndefined();
  });
});
