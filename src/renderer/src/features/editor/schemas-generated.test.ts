/** The checked-in schemas (resources/schemas/*.json) are exactly what the generator makes of the engine's field tables. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookupKind } from '../../../../engine/admission/resource-mapping';
import { KIND_SCHEMAS as ENGINE_KINDS } from '../../../../engine/admission/known-fields';
import { generateSchemas, schemaFileName, schemaText, type KindSchema } from '../../../../../resources/schemas/generate-schemas';
import { KIND_SCHEMAS, localizeSchema, manifestSchema } from './manifest-schema';

const dir = resolve(import.meta.dirname, '../../../../../resources/schemas');
const generated = generateSchemas();

function* nodes(s: unknown): Generator<Record<string, unknown>> {
  if (s === null || typeof s !== 'object') return;
  if (!Array.isArray(s)) yield s as Record<string, unknown>;
  for (const v of Object.values(s)) yield* nodes(v);
}

describe('generated schemas', () => {
  it('one file per kind the engine serves, and no stale files', () => {
    const onDisk = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    expect(onDisk).toEqual(Object.keys(ENGINE_KINDS).map(schemaFileName).sort());
  });

  it.each(Object.keys(generated))('%s is up to date (npx tsx resources/schemas/generate-schemas.ts)', (file) => {
    expect(readFileSync(resolve(dir, file), 'utf8')).toBe(schemaText(generated[file]));
  });

  it.each(Object.keys(ENGINE_KINDS))('%s pins an apiVersion the engine serves it at', (kind) => {
    const schema = generated[schemaFileName(kind)];
    const apiVersion = schema.properties?.apiVersion.enum?.[0];
    expect(lookupKind(apiVersion, kind)?.kind).toBe(kind);
    expect(schema.properties?.kind.enum).toEqual([kind]);
  });

  it('no oneOf/anyOf anywhere (their failures read "Matches multiple schemas")', () => {
    const keywords = new Set(Object.values(generated).flatMap((s) => [...nodes(s)].flatMap((n) => Object.keys(n))));
    expect(keywords.has('oneOf') || keywords.has('anyOf')).toBe(false);
  });

  it('every described node has both languages', () => {
    for (const schema of Object.values(generated))
      for (const n of nodes(schema)) if ('description' in n) expect(typeof n.descriptionKo, JSON.stringify(n).slice(0, 80)).toBe('string');
  });

  it.each([
    { name: 'Service type', at: (s: Record<string, KindSchema>) => s['service.json'].properties?.spec.properties?.type.enum, expected: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] },
    { name: 'Service port protocol', at: (s: Record<string, KindSchema>) => s['service.json'].properties?.spec.properties?.ports.items?.properties?.protocol.enum, expected: ['TCP', 'UDP', 'SCTP'] },
    { name: 'ipFamilyPolicy', at: (s: Record<string, KindSchema>) => s['service.json'].properties?.spec.properties?.ipFamilyPolicy.enum, expected: ['SingleStack', 'PreferDualStack', 'RequireDualStack'] },
    { name: 'Pod requires spec', at: (s: Record<string, KindSchema>) => s['pod.json'].required, expected: ['apiVersion', 'kind', 'metadata', 'spec'] },
    { name: 'a container requires name and image', at: (s: Record<string, KindSchema>) => s['pod.json'].properties?.spec.properties?.containers.items?.required, expected: ['name', 'image'] },
    { name: 'targetPort is a number or a name, without oneOf', at: (s: Record<string, KindSchema>) => s['service.json'].properties?.spec.properties?.ports.items?.properties?.targetPort.type, expected: ['integer', 'string'] },
  ])('$name', ({ at, expected }) => {
    expect(at(generated)).toEqual(expected);
  });
});

describe('the editor’s manifest schema', () => {
  it('loads every checked-in kind', () => {
    expect(Object.keys(KIND_SCHEMAS).sort()).toEqual(Object.keys(ENGINE_KINDS).sort());
  });

  it.each([
    { locale: 'ko' as const, expected: '서비스(Service): 셀렉터로 고른 파드들 앞에 고정된 이름과 IP를 둡니다.' },
    { locale: 'en' as const, expected: 'Service: a stable name and IP in front of the pods its selector picks.' },
  ])('descriptions in $locale, with no descriptionKo left', ({ locale, expected }) => {
    const schema = manifestSchema(locale);
    const service = (schema.definitions as Record<string, KindSchema>).Service;
    expect(service.description).toBe(expected);
    expect(JSON.stringify(schema)).not.toContain('descriptionKo');
  });

  it('chooses the kind by if/then, one branch per kind', () => {
    const schema = manifestSchema('en');
    expect((schema.allOf as unknown[]).length).toBe(Object.keys(ENGINE_KINDS).length);
    expect(JSON.stringify(schema)).not.toMatch(/"(oneOf|anyOf)"/);
  });

  it('localizeSchema falls back to English where Korean is missing', () => {
    expect(localizeSchema({ description: 'en only', nested: [{ description: 'x', descriptionKo: 'ㅋ' }] }, 'ko')).toEqual({ description: 'en only', nested: [{ description: 'ㅋ' }] });
  });
});
