/**
 * Generates the editor's JSON Schemas (one file per served kind) from the engine's field tables,
 * so the editor completes and checks exactly the fields the simulated apiserver accepts.
 * Run after changing known-fields.ts or field-docs.ts:
 *
 *   npx tsx resources/schemas/generate-schemas.ts
 *
 * The schemas avoid `oneOf`/`anyOf`: the YAML language server reports their failures as the
 * opaque "Matches multiple schemas when only one must validate" (vscode-yaml #247). IntOrString
 * is `type: [integer, string]` instead. Descriptions carry both languages: `description` is
 * English, `descriptionKo` Korean; the editor picks one when it loads them.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { goTypeName, KIND_SCHEMAS, type FieldSchema } from '../../src/engine/admission/known-fields';
import { DOCS, ENUMS, KIND_API_VERSIONS, PORT_FIELDS, REQUIRED, UNMODELLED, type Doc } from './field-docs';

/** The subset of JSON Schema (draft-07) the generator writes. */
export interface KindSchema {
  $schema?: string;
  title?: string;
  description?: string;
  descriptionKo?: string;
  type?: string | string[];
  properties?: Record<string, KindSchema>;
  additionalProperties?: boolean | KindSchema;
  items?: KindSchema;
  required?: string[];
  enum?: string[];
  minimum?: number;
  maximum?: number;
}

const INT32 = { minimum: -2147483648, maximum: 2147483647 };
const TYPE_META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/** The file each kind's schema is written to. */
export const schemaFileName = (kind: string): string => `${kind.toLowerCase()}.json`;

/** Fields without a written description show their Go type (hover still tells what to write). */
function fallbackDoc(key: string, fs: FieldSchema): Doc {
  if (fs.t === 'any') return UNMODELLED;
  const text = `${key} (${goTypeName(fs)})`;
  return { ko: text, en: text };
}

/** `key` is `Struct.field` (or `Struct.field[]` for list items) naming the field in field-docs. */
function convert(s: FieldSchema, key: string): KindSchema {
  switch (s.t) {
    case 'string': {
      const values = ENUMS[key];
      return values ? { type: 'string', enum: [...values] } : { type: 'string' };
    }
    case 'int32':
      return PORT_FIELDS.has(key) ? { type: 'integer', minimum: 1, maximum: 65535 } : { type: 'integer', ...INT32 };
    case 'int64':
      return { type: 'integer' };
    case 'bool':
      return { type: 'boolean' };
    case 'intOrString':
      return { type: ['integer', 'string'] };
    case 'any':
      return {};
    case 'map':
      return { type: 'object', additionalProperties: convert(s.of, `${key}{}`) };
    case 'list':
      return { type: 'array', items: convert(s.of, `${key}[]`) };
    case 'struct':
      return structSchema(s);
  }
}

function structSchema(s: Extract<FieldSchema, { t: 'struct' }>): KindSchema {
  const properties: Record<string, KindSchema> = {};
  for (const [field, fs] of Object.entries(s.fields)) {
    const key = `${s.name}.${field}`;
    const doc = DOCS[key] ?? (TYPE_META_FIELDS.has(field) ? DOCS[`TypeMeta.${field}`] : undefined) ?? fallbackDoc(key, fs);
    properties[field] = { ...convert(fs, key), description: doc.en, descriptionKo: doc.ko };
  }
  const required = REQUIRED[s.name];
  // Strict decoding rejects unknown fields, so the schema does too (the engine's message follows on Apply).
  return { type: 'object', properties, ...(required ? { required: [...required] } : {}), additionalProperties: false };
}

/** One kind's schema: its fields, its apiVersion and kind pinned, its required fields. */
export function kindSchema(kind: string): KindSchema {
  const root = KIND_SCHEMAS[kind];
  if (root?.t !== 'struct') throw new Error(`no struct schema for kind ${kind}`);
  const body = structSchema(root);
  const properties = body.properties ?? {};
  properties.apiVersion = { ...properties.apiVersion, enum: [KIND_API_VERSIONS[kind]] };
  properties.kind = { ...properties.kind, enum: [kind] };
  const doc = DOCS[kind];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: kind,
    description: doc.en,
    descriptionKo: doc.ko,
    ...body,
    properties,
    required: ['apiVersion', 'kind', 'metadata', ...(body.required ?? [])],
  };
}

/** Every served kind's schema, by file name, in the order the engine lists the kinds. */
export function generateSchemas(): Record<string, KindSchema> {
  return Object.fromEntries(Object.keys(KIND_SCHEMAS).map((kind) => [schemaFileName(kind), kindSchema(kind)]));
}

/** The text written for a schema (what the checked-in file must equal). */
export const schemaText = (schema: KindSchema): string => `${JSON.stringify(schema, null, 2)}\n`;

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  for (const [file, schema] of Object.entries(generateSchemas())) {
    writeFileSync(resolve(import.meta.dirname, file), schemaText(schema));
    console.log(`wrote resources/schemas/${file}`);
  }
}
