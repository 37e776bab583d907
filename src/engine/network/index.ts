/**
 * src/engine/network — what happens to a packet: kube-proxy in iptables mode (kube-proxy.ts:
 * Service VIPs, NodePorts, load-balancer IPs → endpoints from EndpointSlices), ICMP (icmp.ts),
 * who owns an address (address-book.ts), the container images as data (images.ts), the ports
 * hosts listen on (host-ports.ts) and the simulated HTTP servers (http.ts, web-site-content.ts).
 */

export { KubeProxy, type ConnectOutcome, type ConnectResult, type ConnectSource, type ConnectTarget, type KubeProxyConfig, type ProxyEndpoint } from './kube-proxy';
export { ping, pingable, type PingResult } from './icmp';
export { AddressBook, type AddressOwner, isControlPlane, nodeInternalIP } from './address-book';
export { handleHttp, type HttpContext, type HttpExplain, type HttpRequest, type HttpResponse, type HttpTarget } from './http';
export { canonicalImage, hasTool, imageDigest, imageID, imageProfile, listeningPorts, parseImageReference, type ImageProfile, type ImageReference, type ListeningPort, type ServerKind, type Tool } from './images';
export { nodeHostPorts, worldHostPorts, type HostPort, type HostService } from './host-ports';
