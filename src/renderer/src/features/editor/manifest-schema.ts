/**
 * The one schema the editor gives the YAML language server: every served kind's generated schema
 * (resources/schemas) joined by `if kind == K then K's schema`. The language server applies one
 * schema to every document of a file, so choosing by `kind` inside the schema is what makes each
 * document of a multi-document file checked as its own kind. `if/then` instead of `oneOf`: a
 * failed `oneOf` surfaces as "Matches multiple schemas when only one must validate", which tells
 * a learner nothing (vscode-yaml #247).
 */
import type { Locale } from '../../i18n/i18n.svelte';
import { editorMessages } from './editor-messages';
import configMap from '../../../../../resources/schemas/configmap.json';
import endpointSlice from '../../../../../resources/schemas/endpointslice.json';
import endpoints from '../../../../../resources/schemas/endpoints.json';
import namespace from '../../../../../resources/schemas/namespace.json';
import node from '../../../../../resources/schemas/node.json';
import pod from '../../../../../resources/schemas/pod.json';
import service from '../../../../../resources/schemas/service.json';

/** A JSON Schema node as the generator writes it (open: any keyword may appear). */
export interface SchemaNode {
  description?: string;
  descriptionKo?: string;
  [keyword: string]: unknown;
}

/** The generated schemas by kind, in the order completion offers the kinds. */
export const KIND_SCHEMAS: Readonly<Record<string, SchemaNode>> = {
  Service: service,
  Pod: pod,
  Endpoints: endpoints,
  EndpointSlice: endpointSlice,
  ConfigMap: configMap,
  Namespace: namespace,
  Node: node,
};

/** Copies a schema with `description` in `locale` (Korean from `descriptionKo`, falling back to English). */
export function localizeSchema<T>(schema: T, locale: Locale): T {
  if (Array.isArray(schema)) return schema.map((s: unknown) => localizeSchema(s, locale)) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'descriptionKo') continue;
    out[key] = localizeSchema(value, locale);
  }
  const ko = (schema as SchemaNode).descriptionKo;
  if (locale === 'ko' && typeof ko === 'string') out.description = ko;
  return out as T;
}

/** The schema for a whole manifest file in `locale`. */
export function manifestSchema(locale: Locale, kinds: Readonly<Record<string, SchemaNode>> = KIND_SCHEMAS): SchemaNode {
  const definitions: Record<string, SchemaNode> = {};
  for (const [kind, schema] of Object.entries(kinds)) {
    const { $schema: _drop, ...body } = localizeSchema(schema, locale);
    definitions[kind] = body;
  }
  const names = Object.keys(kinds);
  const kindDoc = editorMessages[locale].schemaKind.replace('{kinds}', names.join(', '));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      // Only here so `kind: Se` completes to the served kinds before a branch applies.
      kind: { type: 'string', enum: names, description: kindDoc, enumDescriptions: names.map((k) => String(definitions[k].description ?? '')) },
    },
    required: ['kind'],
    allOf: names.map((kind) => ({ if: { properties: { kind: { const: kind } }, required: ['kind'] }, then: { $ref: `#/definitions/${kind}` } })),
    definitions,
  };
}
