import { z } from 'zod';
import { plannedSchema, sectionSchema, siteSchema, subprocessorSchema } from './schema';

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

export function serialise(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
