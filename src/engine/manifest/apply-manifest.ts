/**
 * `kubectl apply -f` over a manifest text: each document in order, each object applied through
 * the ApiServer (create, or three-way merge and update). Like kubectl, a document that fails
 * (client-side validation, unknown kind, a server error) changes nothing and the others still
 * apply; a YAML syntax error stops reading the file at that document (kubectl's stream decoder
 * cannot go on), so later documents are not applied — the report says so.
 */

import type { ApplyOutcome, ApplyReport, StatusError } from '../../shared/field-error-types';
import type { ApiServer } from '../admission/api-server';
import { objectsForApply } from './kubectl-objects';
import { locateStatus, warningMessages } from './located-status';
import { identity, walkManifest } from './walk-manifest';

/** Options for applying a manifest. */
export interface ApplyManifestOptions {
  /** The name kubectl would print for the input: a file name, or `STDIN` (the default). */
  source?: string;
}

/** Applies every document of `text`, in order. Never throws. */
export function applyManifest(text: string, api: ApiServer, opts: ApplyManifestOptions = {}): ApplyReport {
  return walkManifest(text, opts.source ?? 'STDIN', objectsForApply, ({ doc, object, pathPrefix, base }) => {
    const result = api.apply(object);
    const applied = result.object;
    const outcome: ApplyOutcome = {
      ...base,
      ...identity(applied ?? object),
      namespace: applied?.metadata.namespace ?? base.namespace,
      action: result.error ? 'failed' : result.action,
      messages: [...doc.messages, ...warningMessages(result.warnings)],
    };
    if (result.error) {
      outcome.error = result.error as StatusError;
      outcome.messages.push(...locateStatus(result.error, doc, pathPrefix));
    }
    return outcome;
  });
}
