/**
 * What the generated schemas add to the engine's field tables (src/engine/admission/known-fields.ts):
 * Korean and English descriptions, allowed values and required fields. Keys are `Struct.field`
 * with the Go struct names of k8s.io/api (`ServiceSpec.type`), or a struct name alone for the
 * struct itself. Texts follow the chapter's wording (파드(Pod) style on first mention).
 */

/** A text in both languages. */
export interface Doc {
  ko: string;
  en: string;
}

/** The apiVersion each kind is served at (as the engine's resource mapping serves it). */
export const KIND_API_VERSIONS: Record<string, string> = {
  Namespace: 'v1',
  Pod: 'v1',
  Service: 'v1',
  Endpoints: 'v1',
  EndpointSlice: 'discovery.k8s.io/v1',
  ConfigMap: 'v1',
  Node: 'v1',
};

export const DOCS: Record<string, Doc> = {
  Namespace: { ko: '네임스페이스(Namespace): 오브젝트 이름이 겹치지 않게 나누는 공간입니다.', en: 'Namespace: a scope that keeps object names apart.' },
  Pod: { ko: '파드(Pod): 하나 이상의 컨테이너가 IP 하나를 함께 쓰는 실행 단위입니다.', en: 'Pod: one or more containers sharing one IP.' },
  Service: { ko: '서비스(Service): 셀렉터로 고른 파드들 앞에 고정된 이름과 IP를 둡니다.', en: 'Service: a stable name and IP in front of the pods its selector picks.' },
  Endpoints: {
    ko: '엔드포인트(Endpoints): 서비스와 같은 이름으로 만들며, 서비스가 트래픽을 보낼 IP와 포트 목록입니다. 셀렉터가 없는 서비스라면 직접 작성합니다.',
    en: 'Endpoints: named like its Service, the IPs and ports the Service sends traffic to. Write it yourself for a Service without a selector.',
  },
  EndpointSlice: {
    ko: '엔드포인트슬라이스(EndpointSlice): 엔드포인트를 나눠 담는 새 API입니다. kubernetes.io/service-name 레이블로 서비스와 이어집니다.',
    en: 'EndpointSlice: the newer, sliced form of Endpoints, tied to its Service by the kubernetes.io/service-name label.',
  },
  ConfigMap: { ko: '컨피그맵(ConfigMap): 설정 값을 키-값으로 담습니다.', en: 'ConfigMap: configuration as key-value pairs.' },
  Node: {
    ko: '노드(Node): Service Lab의 노드는 시뮬레이션된 클러스터의 일부로 읽기 전용입니다 (만들거나 바꾸거나 지울 수 없습니다).',
    en: "Node: Service Lab's nodes belong to the simulated cluster and are read-only (they cannot be created, changed or deleted).",
  },

  'TypeMeta.apiVersion': { ko: '이 종류(kind)를 제공하는 API 버전입니다.', en: 'The API version that serves this kind.' },
  'TypeMeta.kind': { ko: '오브젝트의 종류입니다.', en: 'The kind of object.' },
  'TypeMeta.metadata': { ko: '이름, 네임스페이스, 레이블 같은 오브젝트 정보입니다.', en: 'Name, namespace, labels and other object metadata.' },
  'ObjectMeta.name': { ko: '오브젝트 이름입니다. 네임스페이스 안에서 종류별로 유일해야 합니다 (소문자, 숫자, -).', en: 'The object name, unique per kind within the namespace (lowercase letters, digits, -).' },
  'ObjectMeta.namespace': { ko: '오브젝트가 속한 네임스페이스입니다. 생략하면 default입니다.', en: "The object's namespace; default when left out." },
  'ObjectMeta.labels': { ko: '레이블: 서비스의 셀렉터가 고르는 키-값입니다.', en: "Labels: the key-value pairs a Service's selector matches." },
  'ObjectMeta.annotations': { ko: '도구가 읽는 부가 정보입니다. 셀렉터는 보지 않습니다.', en: 'Extra data for tools; selectors ignore it.' },
  'ObjectMeta.generateName': { ko: 'name이 없을 때 이름 앞부분으로 쓰고 뒤에 임의 문자를 붙입니다.', en: 'A prefix for a generated name, used when name is left out.' },

  'ServiceSpec.selector': {
    ko: '이 레이블을 모두 가진 파드가 엔드포인트가 됩니다. 없으면 엔드포인트를 직접 작성해야 합니다.',
    en: 'Pods with all these labels become the endpoints. Without a selector you write the Endpoints yourself.',
  },
  'ServiceSpec.ports': { ko: '서비스가 여는 포트 목록입니다.', en: 'The ports the Service exposes.' },
  'ServiceSpec.type': {
    ko: 'ClusterIP(클러스터 안에서만), NodePort(모든 노드의 포트), LoadBalancer(클라우드 로드밸런서), ExternalName(외부 도메인의 CNAME).',
    en: 'ClusterIP (inside the cluster only), NodePort (a port on every node), LoadBalancer (a cloud load balancer), ExternalName (a CNAME to an outside domain).',
  },
  'ServiceSpec.clusterIP': {
    ko: '서비스 IP입니다. 비워 두면 서비스 대역(10.96.0.0/12)에서 할당됩니다. None이면 헤드리스 서비스: DNS가 파드 IP들을 바로 돌려줍니다.',
    en: 'The service IP, allocated from 10.96.0.0/12 when left out. None makes a headless Service: DNS answers with the pod IPs.',
  },
  'ServiceSpec.clusterIPs': { ko: '듀얼 스택일 때 IP 계열별 서비스 IP입니다. 첫 값은 clusterIP와 같아야 합니다.', en: 'Service IPs per IP family (dual stack); the first equals clusterIP.' },
  'ServiceSpec.externalName': { ko: 'type: ExternalName일 때 DNS가 CNAME으로 돌려줄 외부 도메인입니다.', en: 'For type ExternalName: the outside domain DNS returns as a CNAME.' },
  'ServiceSpec.sessionAffinity': { ko: 'ClientIP면 같은 클라이언트를 같은 파드로 보냅니다.', en: 'ClientIP sends each client to the same pod.' },
  'ServiceSpec.ipFamilyPolicy': { ko: 'IP 계열 정책: 단일 스택 또는 듀얼 스택.', en: 'IP family policy: single or dual stack.' },
  'ServiceSpec.ipFamilies': { ko: '서비스가 쓰는 IP 계열입니다.', en: 'The IP families the Service uses.' },
  'ServiceSpec.externalTrafficPolicy': { ko: 'Local이면 외부 트래픽을 받은 노드의 파드로만 보냅니다.', en: 'Local sends outside traffic only to pods on the receiving node.' },
  'ServiceSpec.internalTrafficPolicy': { ko: 'Local이면 클러스터 안 트래픽을 같은 노드의 파드로만 보냅니다.', en: 'Local keeps in-cluster traffic on the same node.' },
  'ServiceSpec.publishNotReadyAddresses': { ko: 'true면 준비되지 않은 파드도 DNS에 나옵니다.', en: 'When true, DNS lists pods that are not ready too.' },
  'ServicePort.name': { ko: '포트 이름입니다. 포트가 둘 이상이면 필수이며 SRV 레코드 이름이 됩니다.', en: 'The port name; required with more than one port, and the name of its SRV record.' },
  'ServicePort.port': { ko: '서비스 IP에서 여는 포트입니다.', en: 'The port on the service IP.' },
  'ServicePort.targetPort': {
    ko: '파드에서 받는 포트: 번호 또는 컨테이너 포트의 이름. 생략하면 port와 같습니다.',
    en: "The pod's port: a number, or the name of a container port. Defaults to port.",
  },
  'ServicePort.nodePort': { ko: 'NodePort/LoadBalancer에서 모든 노드에 여는 포트(30000-32767)입니다.', en: 'For NodePort/LoadBalancer: the port opened on every node (30000-32767).' },
  'ServicePort.protocol': { ko: '프로토콜입니다. 생략하면 TCP입니다.', en: 'The protocol; TCP when left out.' },

  'PodSpec.containers': { ko: '파드의 컨테이너 목록입니다 (하나 이상).', en: "The pod's containers (at least one)." },
  'PodSpec.hostname': { ko: '파드의 호스트 이름입니다. subdomain과 함께 쓰면 DNS에 pod-a.headless1 같은 이름이 생깁니다.', en: "The pod's hostname; with subdomain it gets a DNS name like pod-a.headless1." },
  'PodSpec.subdomain': {
    ko: '같은 이름의 헤드리스 서비스가 있으면 hostname.subdomain.네임스페이스.svc.cluster.local 레코드가 생깁니다.',
    en: 'With a headless Service of this name, the pod gets hostname.subdomain.namespace.svc.cluster.local.',
  },
  'PodSpec.nodeName': { ko: '파드를 둘 노드입니다. 생략하면 스케줄러가 고릅니다.', en: 'The node to run on; the scheduler picks one when left out.' },
  'PodSpec.restartPolicy': { ko: '컨테이너가 끝났을 때 다시 시작하는 규칙입니다.', en: 'When to restart containers that exit.' },
  'PodSpec.dnsPolicy': { ko: '파드의 DNS 설정 방식입니다. ClusterFirst면 클러스터 DNS를 먼저 씁니다.', en: "How the pod's DNS is set up; ClusterFirst uses the cluster DNS first." },
  'PodSpec.dnsConfig': { ko: 'resolv.conf에 더할 네임서버, 검색 도메인, 옵션입니다.', en: 'Nameservers, search domains and options added to resolv.conf.' },
  'PodSpec.nodeSelector': { ko: '이 레이블을 가진 노드에만 파드를 둡니다.', en: 'Run only on nodes with these labels.' },
  'PodSpec.hostAliases': { ko: '파드의 /etc/hosts에 더할 항목입니다.', en: "Entries added to the pod's /etc/hosts." },
  'Container.name': { ko: '컨테이너 이름입니다 (파드 안에서 유일).', en: 'The container name, unique in the pod.' },
  'Container.image': { ko: '컨테이너 이미지입니다. 예: kubetm/app (8080 포트에서 응답).', en: 'The container image, e.g. kubetm/app (answers on port 8080).' },
  'Container.ports': { ko: '컨테이너가 여는 포트입니다. 이름을 붙이면 서비스의 targetPort에서 이름으로 쓸 수 있습니다.', en: "The container's ports; a named port can be a Service's targetPort." },
  'Container.readinessProbe': { ko: '준비 상태 검사: 실패하는 동안 파드는 엔드포인트의 notReadyAddresses에 들어갑니다.', en: 'Readiness probe: while it fails the pod is listed under notReadyAddresses.' },
  'Container.imagePullPolicy': { ko: '이미지를 언제 받을지 정합니다.', en: 'When to pull the image.' },
  'ContainerPort.containerPort': { ko: '컨테이너가 듣는 포트 번호입니다.', en: 'The port the container listens on.' },
  'ContainerPort.name': { ko: '포트 이름입니다 (서비스의 targetPort에서 이 이름을 씁니다).', en: "The port name (a Service's targetPort may use it)." },
  'ContainerPort.protocol': { ko: '프로토콜입니다. 생략하면 TCP입니다.', en: 'The protocol; TCP when left out.' },

  'Endpoints.subsets': { ko: '주소와 포트의 묶음입니다.', en: 'Groups of addresses and ports.' },
  'EndpointSubset.addresses': { ko: '트래픽을 받는 준비된 주소입니다.', en: 'Ready addresses that receive traffic.' },
  'EndpointSubset.notReadyAddresses': { ko: '아직 준비되지 않아 트래픽을 받지 않는 주소입니다.', en: 'Addresses not ready yet; they get no traffic.' },
  'EndpointSubset.ports': { ko: '이 주소들의 포트입니다. 이름은 서비스 포트 이름과 맞아야 합니다.', en: "These addresses' ports; names match the Service's port names." },
  'EndpointAddress.ip': { ko: '엔드포인트 IP입니다. 파드 IP나 클러스터 밖의 IP를 쓸 수 있습니다.', en: 'The endpoint IP: a pod IP or an IP outside the cluster.' },
  'EndpointAddress.hostname': { ko: '이 주소의 호스트 이름(헤드리스 서비스의 DNS 레코드)입니다.', en: "This address's hostname (a headless Service's DNS record)." },
  'EndpointAddress.targetRef': { ko: '이 주소가 가리키는 오브젝트(보통 파드)입니다.', en: 'The object this address points at (usually a pod).' },
  'EndpointPort.port': { ko: '엔드포인트 포트 번호입니다.', en: 'The endpoint port number.' },
  'EndpointPort.name': { ko: '포트 이름입니다. 서비스 포트 이름과 같아야 합니다.', en: "The port name; must equal the Service port's name." },

  'EndpointSlice.addressType': { ko: '주소 형식: IPv4, IPv6, FQDN.', en: 'The address type: IPv4, IPv6 or FQDN.' },
  'EndpointSlice.endpoints': { ko: '이 슬라이스의 엔드포인트입니다.', en: "This slice's endpoints." },
  'EndpointSlice.ports': { ko: '이 슬라이스의 모든 엔드포인트가 쓰는 포트입니다.', en: 'The ports every endpoint of this slice uses.' },
  'Endpoint.addresses': { ko: '엔드포인트 주소입니다 (보통 하나).', en: 'The endpoint addresses (usually one).' },
  'Endpoint.conditions': { ko: '엔드포인트 상태: ready, serving, terminating.', en: 'Endpoint state: ready, serving, terminating.' },
  'EndpointConditions.ready': { ko: 'true면 트래픽을 받습니다.', en: 'When true it receives traffic.' },

  'ConfigMap.data': { ko: '문자열 값들입니다.', en: 'String values.' },
  'ConfigMap.binaryData': { ko: 'base64로 쓴 바이너리 값들입니다.', en: 'Binary values, base64-encoded.' },
  'ConfigMap.immutable': { ko: 'true면 만든 뒤 데이터를 바꿀 수 없습니다.', en: 'When true the data cannot change after creation.' },
};

/** Allowed values, as the apiserver's validation lists them ("supported values: …"). */
export const ENUMS: Record<string, readonly string[]> = {
  'ServiceSpec.type': ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
  'ServiceSpec.sessionAffinity': ['None', 'ClientIP'],
  'ServiceSpec.ipFamilyPolicy': ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
  'ServiceSpec.ipFamilies[]': ['IPv4', 'IPv6'],
  'ServiceSpec.externalTrafficPolicy': ['Cluster', 'Local'],
  'ServiceSpec.internalTrafficPolicy': ['Cluster', 'Local'],
  'ServicePort.protocol': ['TCP', 'UDP', 'SCTP'],
  'ContainerPort.protocol': ['TCP', 'UDP', 'SCTP'],
  'EndpointPort.protocol': ['TCP', 'UDP', 'SCTP'],
  'PodSpec.restartPolicy': ['Always', 'OnFailure', 'Never'],
  'PodSpec.dnsPolicy': ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  'Container.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'EndpointSlice.addressType': ['IPv4', 'IPv6', 'FQDN'],
};

/** Required fields per struct: the ones whose absence the apiserver reports as "Required value". */
export const REQUIRED: Record<string, readonly string[]> = {
  Pod: ['spec'],
  PodSpec: ['containers'],
  Container: ['name', 'image'],
  ContainerPort: ['containerPort'],
  ServicePort: ['port'],
  EndpointAddress: ['ip'],
  EndpointSlice: ['addressType', 'endpoints'],
  Endpoint: ['addresses'],
};

/** Port numbers the apiserver bounds to 1-65535. */
export const PORT_FIELDS: ReadonlySet<string> = new Set(['ServicePort.port', 'ContainerPort.containerPort', 'EndpointPort.port']);

/** Description of fields the simulator accepts but does not model. */
export const UNMODELLED: Doc = {
  ko: 'Service Lab이 다루지 않는 필드입니다. 쓴 그대로 받아들입니다.',
  en: 'Not modelled by Service Lab; accepted as written.',
};
