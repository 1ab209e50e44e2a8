import { z } from 'zod';
import { dateToIso, isIsoDate, isValidTimeZone } from './dates';
import { isLocationCode } from './countries';

/**
 * The content format, as zod schemas. These are the single source of truth: the
 * TypeScript types below are inferred from them, and the loader parses every file
 * with them. Length limits keep one runaway field from swamping the page.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG);

/** `YYYY-MM-DD`, whether YAML read it as a string or (YAML 1.1) as a timestamp. */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date ? dateToIso(value) : value),
  z.string().refine(isIsoDate, { params: { kind: 'date' } }).meta({ description: 'A date, YYYY-MM-DD', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
);

/**
 * A web address with a dot in its host and no user name or password (`https://bank.com@evil.example`).
 * Checked by the URL parser, in linear time: a pattern such as `[^\s/]+\.[^\s]+` backtracks
 * quadratically on a long address full of dots (30 s for 200 KB).
 */
export function isWebAddress(value: string, protocols: readonly string[]): boolean {
  if (value.length > 2_000 || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && value.toLowerCase().startsWith(`${url.protocol}//`) && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const httpsUrl = z
  .string()
  .trim()
  .refine((value) => isWebAddress(value, ['https:']), { params: { kind: 'https' } })
  .meta({ description: 'A full https:// address', pattern: '^https://' });

/** A web address; plain http is allowed but warned about (see the loader). */
const webUrl = z.string().trim().refine((value) => isWebAddress(value, ['https:', 'http:']), { params: { kind: 'web' } });

const email = z.email();

export const categorySchema = z.strictObject({
  id: slug,
  title: text(200),
  /** Markdown shown under the category heading, e.g. what is deliberately not used. */
  description: text(5_000).optional(),
  /** No longer used: kept so past versions can still show entries under it, left off the current list. */
  retired: z.boolean().optional(),
});

/** A product, region or deployment option with a list of its own (`/<id>/subprocessors`). */
export const scopeSchema = z.strictObject({
  id: slug,
  title: text(200),
  description: text(1_000).optional(),
});

/**
 * Addresses at the top of the site that a scope id would shadow (`/<id>/…`): the folders in
 * app/ and public/ (tests/unit/scopes.test.ts keeps this in step with them).
 */
export const RESERVED_SCOPE_IDS = ['api', 'schemas', 'subprocessors', 'not-found', 'desk'];

/** Ids of site.yaml scopes an entry or a location applies to; none means all. */
const scopeIds = z.array(slug.meta({ description: 'The id of one of the scopes in site.yaml' })).min(1);

export const siteSchema = z
  .strictObject({
    company: z.strictObject({
      name: text(200),
      legal_name: text(200).optional(),
      address: text(500).optional(),
    }),
    product: text(200).optional(),
    /** Public base URL, for canonical links and feeds. http only for local previews. */
    url: z.string().trim().refine((value) => isWebAddress(value, ['https:']) || /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?\/?$/.test(value), {
      params: { kind: 'https' },
    }),
    contact: z.strictObject({ privacy: email, objections: email.optional() }),
    notice_period_days: z.int().min(0).max(365),
    /** Days after announcement a customer may object; without it, until the effective date. */
    objection_period_days: z.int().min(1).max(365).optional(),
    /** Events effective on or before this date predate the list and need no notice. */
    published: isoDate,
    timezone: z.string().refine(isValidTimeZone, { params: { kind: 'timezone' } }).default('UTC'),
    repository: httpsUrl.optional(),
    categories: z.array(categorySchema).min(1),
    /** Turns on e-mail notices to subscribers (SPEC §7): the sender, and where replies go. */
    notifications: z.strictObject({ from: email, reply_to: email.optional() }).optional(),
    /** Several lists in one (regions, products, deployment options), each at /<id>/subprocessors (SPEC §8). */
    scopes: z.array(scopeSchema).min(1).optional(),
  })
  .superRefine((site, ctx) => {
    for (const [field, items] of [['categories', site.categories], ['scopes', site.scopes ?? []]] as const) {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.id)) {
          ctx.addIssue({ code: 'custom', path: [field, index, 'id'], message: `${field === 'categories' ? 'category' : 'scope'} id '${item.id}' is used twice`, params: { hint: `Give each ${field === 'categories' ? 'category' : 'scope'} its own id.` } });
        }
        seen.add(item.id);
      });
    }
    site.scopes?.forEach((scope, index) => {
      if (RESERVED_SCOPE_IDS.includes(scope.id)) {
        ctx.addIssue({ code: 'custom', path: ['scopes', index, 'id'], message: `'${scope.id}' is the address of another page (/${scope.id})`, params: { hint: `Choose another id, e.g. \`${scope.id}-edition\`.` } });
      }
    });
  })
  .transform((site) => ({ ...site, contact: { ...site.contact, objections: site.contact.objections ?? site.contact.privacy } }));

export const sectionSchema = z.strictObject({
  title: text(200).optional(),
  position: z.enum(['above', 'below']).default('below'),
});

export const TRANSFER_SAFEGUARDS = ['adequacy', 'SCCs', 'DPF', 'UK-IDTA', 'UK-Addendum', 'BCRs'] as const;

export const locationSchema = z.strictObject({
  country: z.string().trim().refine(isLocationCode, { params: { kind: 'country' } }).meta({ description: 'ISO 3166-1 alpha-2 code (US, DE, IE…), EU or global' }),
  /** Free text: city, data centre, why it was chosen. */
  detail: text(300).optional(),
  /** Only in these scopes ("Frankfurt, for the EU cloud"); none means wherever the entry applies. */
  scopes: scopeIds.optional(),
});

/** Fields every listed subprocessor has, so they can never have been "not set". */
const REQUIRED_FIELDS = { name: true, entity: true, category: true, purpose: true, data: true, locations: true } as const;

/** Fields describing what a subprocessor does; `previous` on an update holds their former values. */
const describingFields = {
  name: text(200),
  entity: text(200),
  address: text(500).optional(),
  /** EDPB Opinion 22/2024 asks for a contact person alongside name and address. */
  contact: text(300).optional(),
  website: webUrl.optional(),
  category: slug.meta({ description: 'The id of one of the categories in site.yaml' }),
  /** Intra-group companies are subprocessors too, but readers weigh them differently. */
  affiliate: z.boolean().optional(),
  purpose: text(1_000),
  data: z.array(text(300)).min(1),
  subjects: z.array(text(200)).optional(),
  locations: z.array(locationSchema).min(1),
  transfers: z.array(z.enum(TRANSFER_SAFEGUARDS)).optional(),
  certifications: z.array(text(100)).optional(),
  /** When it applies at all ("Only when you enable AI features"). */
  condition: text(500).optional(),
  /** `subprocessors`: the provider's own subprocessor list (EDPB Opinion 22/2024: the whole chain). */
  links: z.strictObject({ dpa: httpsUrl.optional(), privacy: httpsUrl.optional(), security: httpsUrl.optional(), subprocessors: httpsUrl.optional() }).optional(),
  /** The scopes it applies to ("Only in the EU cloud"); none means all. */
  scopes: scopeIds.optional(),
};

export const DESCRIBING_FIELDS = Object.keys(describingFields) as (keyof typeof describingFields)[];

/** Any subset of the fields, e.g. what a planned entry already knows. */
const partialFields = z.strictObject(describingFields).partial();

/** Former values on an update; `null` records a field that was not set before. */
export const previousSchema = z.strictObject(
  Object.fromEntries(Object.entries(partialFields.shape).map(([key, schema]) => [key, key in REQUIRED_FIELDS ? schema : schema.nullable()])) as {
    [K in keyof typeof partialFields.shape]: K extends keyof typeof REQUIRED_FIELDS ? (typeof partialFields.shape)[K] : z.ZodNullable<(typeof partialFields.shape)[K]>;
  },
);

export const CHANGES = ['added', 'updated', 'removed'] as const;

/** An event's fields alone; the rules between them are eventSchema's. */
const eventFields = z.strictObject({
  change: z.enum(CHANGES),
  announced: isoDate,
  effective: isoDate,
  summary: text(1_000).optional(),
  /** Security-critical: may skip the notice period, and must say why. */
  urgent: z.boolean().optional(),
  reason: text(1_000).optional(),
  /** The changed fields' former values: on an update, or on an `added` that brings a removed entry back with other details. */
  previous: previousSchema.optional(),
});

export const eventSchema = eventFields.superRefine((event, ctx) => {
  if (event.urgent && !event.reason) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required when `urgent: true`', params: { hint: 'Say why the change could not wait for the notice period, e.g. `reason: Replaces a compromised provider`.' } });
  }
  if (event.previous && event.change === 'removed') {
    ctx.addIssue({ code: 'custom', path: ['previous'], message: 'a `removed` event has no former values', params: { hint: 'Delete `previous`: it belongs on an `updated` event, or on an `added` event that brings an entry back.' } });
  }
});

export const historySchema = z.array(eventSchema).min(1);

/** A history read for its dates alone, so one event's missing `reason` does not hide the other events' rules. */
export const historyDatesSchema = z.array(eventFields).min(1);

export const subprocessorSchema = z.strictObject({
  ...describingFields,
  /** Former slugs: links to them keep working. */
  aliases: z.array(slug).optional(),
  history: historySchema,
});

/** A tentative future subprocessor: no history yet, and the provider may not be chosen. */
export const plannedSchema = z.strictObject({
  ...partialFields.shape,
  name: describingFields.name,
  category: describingFields.category,
  purpose: describingFields.purpose,
  data: describingFields.data,
  planned: text(100),
});

export type Site = z.output<typeof siteSchema>;
export type Scope = z.output<typeof scopeSchema>;
export type Category = z.output<typeof categorySchema>;
export type Location = z.output<typeof locationSchema>;
export type ChangeEvent = z.output<typeof eventSchema>;
export type ChangeType = ChangeEvent['change'];
export type DescribingFields = z.output<typeof partialFields>;

export type Section = z.output<typeof sectionSchema> & { file: string; html: string };
/** `notes`: the Markdown below the front matter. */
export type Subprocessor = z.output<typeof subprocessorSchema> & { slug: string; file: string; notes?: string };
export type PlannedSubprocessor = z.output<typeof plannedSchema> & { slug: string; file: string; notes?: string };

export type Content = {
  site: Site;
  /** site.yaml's categories, their descriptions rendered from Markdown. */
  categories: (Category & { descriptionHtml?: string })[];
  sections: Section[];
  subprocessors: Subprocessor[];
  planned: PlannedSubprocessor[];
  /** Set on the list of one scope (lib/timeline/scopes.ts): its entries, locations and history are only what applies there. */
  scope?: Scope;
};
