/**
 * The document walk `kubectl apply -f` and `kubectl delete -f` share: parse, stop at a YAML syntax
 * error (kubectl's stream decoder cannot go on), skip empty documents, expand `kind: List`, refuse
 * kinds the server does not know — and hand each remaining object to the command's own step.
 */

import type { KubeObject } from '../../shared/api-types';
import type { ApplyOutcome, ApplyReport } from '../../shared/field-error-types';
import { mappingError, type ManifestObject } from './kubectl-objects';
import { parseFailure, stoppedMessage, syntaxOutcome } from './manifest-outcomes';
import { parseManifest, type ParsedDocument } from './parse-manifest';

/** What each object of the manifest is handed with. */
export interface ManifestStep {
  doc: ParsedDocument;
  object: KubeObject;
  /** Field-path prefix of the object inside its document (`items[2].` inside a List). */
  pathPrefix: string;
  /** The outcome fields every step starts from: index, identity, range. */
  base: Pick<ApplyOutcome, 'index' | 'kind' | 'apiVersion' | 'name' | 'namespace' | 'range'>;
}

/** The identity fields of an outcome, read defensively from an object that may be malformed. */
export function identity(object: KubeObject | undefined): Pick<ApplyOutcome, 'kind' | 'apiVersion' | 'name' | 'namespace'> {
  const meta = object && typeof object.metadata === 'object' && object.metadata !== null ? object.metadata : undefined;
  return {
    kind: typeof object?.kind === 'string' ? object.kind : undefined,
    apiVersion: typeof object?.apiVersion === 'string' ? object.apiVersion : undefined,
    name: typeof meta?.name === 'string' ? meta.name : undefined,
    namespace: typeof meta?.namespace === 'string' ? meta.namespace : undefined,
  };
}

/** Walks every object of `text` in document order; `step` decides each one's outcome. Never throws. */
export function walkManifest(
  text: string,
  source: string,
  objectsFor: (value: unknown, source: string) => { objects: ManifestObject[] } | { error: string },
  step: (input: ManifestStep) => ApplyOutcome,
): ApplyReport {
  const parsed = parseManifest(text);
  const report: ApplyReport = { outcomes: [], messages: [...parsed.messages] };
  for (const doc of parsed.documents) {
    if (doc.syntaxError) {
      report.outcomes.push(syntaxOutcome(doc, source));
      const remaining = parsed.documents.length - doc.index - 1;
      if (remaining > 0) report.messages.push(stoppedMessage(doc, remaining));
      break;
    }
    if (doc.value === null || doc.value === undefined) continue;
    const found = objectsFor(doc.value, source);
    if ('error' in found) {
      report.outcomes.push({
        index: doc.index,
        ...identity(doc.object),
        action: 'failed',
        error: parseFailure(found.error),
        messages: [...doc.messages, { severity: 'error', message: found.error, range: { ...doc.range, endLine: doc.range.line, endColumn: doc.range.column + 1 } }],
        range: doc.range,
      });
      continue;
    }
    for (const { object, pathPrefix } of found.objects) {
      const base = { index: doc.index, ...identity(object), range: pathPrefix ? doc.locate(pathPrefix.replace(/\.$/, '')) : doc.range };
      const unmapped = mappingError(object, source);
      if (unmapped) {
        report.outcomes.push({ ...base, action: 'failed', error: parseFailure(unmapped), messages: [...doc.messages, { severity: 'error', message: unmapped, field: 'kind', range: doc.locate(`${pathPrefix}kind`) }] });
        continue;
      }
      report.outcomes.push(step({ doc, object, pathPrefix, base }));
    }
  }
  return report;
}
