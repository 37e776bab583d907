/** Label and annotation keys the Service machinery reads and writes (k8s.io/api discovery/v1 and core/v1 well-known keys). */

/** Ties an EndpointSlice to its Service (discovery.LabelServiceName). */
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
/** Names the controller managing an EndpointSlice (discovery.LabelManagedBy). */
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
/** On Endpoints: "true" asks the mirroring controller to leave them alone (discovery.LabelSkipMirror). */
export const LABEL_SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
/** Marks Endpoints/EndpointSlices of a headless Service (v1.IsHeadlessService). */
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
/** kubectl apply's annotation, never mirrored (v1.LastAppliedConfigAnnotation). */
export const ANNOTATION_LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
