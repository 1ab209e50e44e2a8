import { z } from 'zod';
import { EXPORT_SCHEMAS } from './export-schemas';
import { plannedSchema, sectionSchema, siteSchema, subprocessorSchema } from '../content/schema';

/** JSON Schemas for editors, generated from the zod schemas so there is one source of truth. */
export function jsonSchemas(): Record<string, unknown> {
  // Input shape: what the legal team writes, before defaults and normalisation.
  const options = { io: 'input', unrepresentable: 'any' } as const;
  const titled = (title: string, schema: z.ZodType) => ({ title, ...z.toJSONSchema(schema, options) });
  return {
    'site.schema.json': titled('site.yaml of a subprocessor list', siteSchema),
    'subprocessor.schema.json': titled('A subprocessor (or a planned one)', z.union([subprocessorSchema, plannedSchema])),
    'section.schema.json': titled('Front matter of a prose section', sectionSchema),
  };
}

/**
 * JSON Schemas of the JSON exports, by file under public/ (served at /schemas/…): generated
 * from the zod schemas the exports are typed with. Output shape: what the site writes.
 */
export function exportSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.values(EXPORT_SCHEMAS).map(({ file, title, schema }) => [file, { title, ...z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) }]),
  );
}

export function serialise(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
