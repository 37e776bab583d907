/**
 * src/engine/controllers — the control loops of a kubeadm cluster, simulated on virtual time:
 * kube-scheduler (scheduler.ts), the kubelets (kubelet.ts: Pod lifecycle, Calico-style Pod IPs,
 * readiness probes, service env vars), and kube-controller-manager's endpoints,
 * EndpointSlice, EndpointSlice-mirroring and garbage-collector controllers, plus the cloud
 * provider's load-balancer controller. Each follows the upstream file named in its header.
 * Controllers only enqueue keys from store watch events and reconcile them in `sync(key)`;
 * ControllerManager drains them round-robin until the cluster is quiet.
 */

export type { Controller, SyncFailure } from './controller';
export { ControllerManager, type SettleReport } from './controller-manager';
export { QueueController } from './queue-controller';
export { WorkQueue } from './work-queue';
export { Scheduler, type SchedulerConfig } from './scheduler';
export { Kubelet, type KubeletConfig, type ContainerRecord } from './kubelet';
export { DEFAULT_POD_LIFECYCLE_TIMING, type PodLifecycleTiming } from './pod-lifecycle-timing';
export { PodIpAllocator, type PodAddresses } from './pod-ip-allocator';
export { podDomain, podFqdn, podHostname, podKernelHostname } from './pod-hostname';
export { serviceEnvironment, envVarsFromServices, MASTER_SERVICE_NAMESPACE } from './service-env';
export { evaluateProbe, readinessTimeMs, type ProbeVerdict } from './readiness-probe';
export { EndpointsController, type EndpointsControllerConfig, ENDPOINTS_MAX_CAPACITY, ENDPOINTS_OVER_CAPACITY } from './endpoints-controller';
export { EndpointSliceController, type EndpointSliceControllerConfig } from './endpointslice-controller';
export { ENDPOINTSLICE_CONTROLLER_NAME } from './endpointslice-reconciler';
export { EndpointSliceMirroringController, MIRRORING_CONTROLLER_NAME, type EndpointSliceMirroringControllerConfig } from './endpointslice-mirroring-controller';
export { GarbageCollector, type GarbageCollectorConfig } from './garbage-collector';
export { ServiceLoadBalancerController, DEFAULT_LOAD_BALANCER_POOL, type ServiceLoadBalancerControllerConfig } from './service-lb-controller';
export { createNodes, CONTROL_PLANE_TAINT, NODE_VERSIONS } from './nodes';
export { findPort } from './find-port';
export { INDEX, ensureControllerIndexes, slicesForService } from './indexes';
export { LAST_CHANGE_TRIGGER_TIME } from './trigger-time-tracker';
export { LABEL_HEADLESS, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, LABEL_SKIP_MIRROR } from './well-known-labels';
