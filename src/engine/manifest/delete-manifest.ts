/**
 * `kubectl delete -f` over a manifest text: every object named in the documents is deleted in
 * order; a missing one is reported (NotFound) and the rest still go.
 */

import type { ApplyReport } from '../../shared/field-error-types';
import type { ApiServer } from '../admission/api-server';
import type { ApplyManifestOptions } from './apply-manifest';
import { objectsForDelete } from './kubectl-objects';
import { parseFailure } from './manifest-outcomes';
import { walkManifest } from './walk-manifest';

/** Deletes every object of `text`, in document order. Never throws. */
export function deleteManifest(text: string, api: ApiServer, opts: ApplyManifestOptions = {}): ApplyReport {
  return walkManifest(text, opts.source ?? 'STDIN', objectsForDelete, ({ doc, object, pathPrefix, base }) => {
    const meta = typeof object.metadata === 'object' && object.metadata !== null ? object.metadata : {};
    const name = typeof meta.name === 'string' ? meta.name : '';
    const namespace = object.kind === 'Namespace' || object.kind === 'Node' ? undefined : meta.namespace || 'default';
    if (!name) {
      const message = 'resource name may not be empty';
      return { ...base, name, namespace, action: 'failed', error: parseFailure(message), messages: [{ severity: 'error', message, range: doc.locate(`${pathPrefix}metadata`) }] };
    }
    const result = api.delete(object.kind, namespace, name);
    return {
      ...base,
      name,
      namespace,
      action: result.error ? 'failed' : 'deleted',
      ...(result.error ? { error: result.error } : {}),
      messages: result.error ? [{ severity: 'error', message: result.error.message, range: doc.locate(`${pathPrefix}metadata.name`) }] : [],
    };
  });
}
