import { z } from 'zod';
import { categorySchema, eventSchema, plannedSchema, previousSchema, scopeSchema, subprocessorSchema } from '../content/schema';

/**
 * The shapes of the JSON exports, as zod schemas: the builders in exports.ts are typed with
 * the types inferred here, and the JSON Schemas published beside the exports are generated
 * from them (lib/publish/json-schemas.ts), so the three can never disagree.
 */

const date = z.iso.date();
const url = z.url();

const company = z.strictObject({ name: z.string(), legal_name: z.string().optional(), address: z.string().optional() });
const contact = z.strictObject({ privacy: z.email(), objections: z.email() });
const categories = z.array(categorySchema.pick({ id: true, title: true }));

/** An entry as it stands on `asOf`: every listed field (not notes or history), its page and since when it is listed. */
const listedEntry = subprocessorSchema.omit({ aliases: true, history: true }).extend({
  slug: z.string(),
  url,
  since: date.optional(),
});

const plannedEntry = plannedSchema.extend({ slug: z.string() });

/** One recorded change; `id` is the anchor on the changes page and the id in the feed and calendar. */
const event = z.strictObject({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  ...eventSchema.shape,
  summary: z.string(),
});

const upcomingEvent = event.extend({
  /** Last day to object; absent for a removal. */
  objectionDeadline: date.optional(),
});

/** A change a customer can still act on, with its deadline and what it changes into. */
const openEvent = upcomingEvent.extend({
  objectionDeadlineEnds: z.iso.datetime().optional().meta({ description: 'The last second to object, in UTC: the end of the deadline day in the site’s time zone' }),
  next: previousSchema.optional().meta({ description: 'On an update with `previous`: the same fields’ new values, from the effective date (`null`: no longer set)' }),
});

/** What every export starts with: which version of which list it is. */
const header = {
  asOf: date,
  lastUpdated: date,
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  url,
  /** Set when this is the list of one scope (`/<id>/subprocessors.json`): only what applies there. */
  scope: z.strictObject({ id: z.string(), title: z.string() }).optional(),
};

/** Whose list it is and its rules: in both versions of the list export (`about()` in exports.ts). */
const about = {
  company,
  product: z.string().optional(),
  contact,
  noticePeriodDays: z.int(),
  objectionPeriodDays: z.int().optional(),
  categories,
  /** In the full list, when it has scopes: each one, and the address of its own list. */
  scopes: z.array(scopeSchema.extend({ url })).optional(),
};

/** /subprocessors.json: the list in force and what is about to change; the history is one link away. */
export const listExportSchema = z.strictObject({
  $schema: url,
  schemaVersion: z.literal(2),
  ...header,
  /** The day the list in force last changed; the latest announcement, of a change that may still be ahead. */
  listChanged: date,
  latestAnnouncement: date.optional(),
  historyUrl: url,
  ...about,
  subprocessors: z.array(listedEntry),
  upcoming: z.array(openEvent),
  /** Urgent changes already in effect whose objection period is still open (SPEC §3); absent when there are none. */
  urgentOpen: z.array(openEvent).optional(),
  planned: z.array(plannedEntry),
});

/** /subprocessors-history.json: every announced change, newest first. */
export const historyExportSchema = z.strictObject({
  $schema: url,
  schemaVersion: z.literal(2),
  ...header,
  events: z.array(event),
});

/** /subprocessors.v1.json: the shape of /subprocessors.json before version 2, for consumers not yet moved. */
export const listExportV1Schema = z.strictObject({
  schemaVersion: z.literal(1),
  ...header,
  ...about,
  subprocessors: z.array(listedEntry),
  upcoming: z.array(upcomingEvent),
  history: z.array(event),
  planned: z.array(plannedEntry),
});

export type ListExport = z.output<typeof listExportSchema>;
export type HistoryExport = z.output<typeof historyExportSchema>;
export type ListExportV1 = z.output<typeof listExportV1Schema>;

/** Where each export's JSON Schema is published (under public/), by the export's path. */
export const EXPORT_SCHEMAS = {
  '/subprocessors.json': { file: 'schemas/subprocessors.v2.json', title: 'The subprocessor list in force and its upcoming changes (/subprocessors.json, schemaVersion 2)', schema: listExportSchema },
  '/subprocessors-history.json': { file: 'schemas/subprocessors-history.v2.json', title: 'Every announced change to the subprocessor list (/subprocessors-history.json, schemaVersion 2)', schema: historyExportSchema },
  '/subprocessors.v1.json': { file: 'schemas/subprocessors.v1.json', title: 'The subprocessor list, schemaVersion 1 (/subprocessors.v1.json)', schema: listExportV1Schema },
} as const;
