import { z } from 'zod';
import { locationGroup, locationName, suggestLocationCode } from './countries';
import { formatPath } from './problems';
import { closest } from './suggest';

export type Described = { path: PropertyKey[]; message: string; hint?: string };

/** What a field is for, said as the fix when it is missing or wrong. */
const FIELD_HINTS: Record<string, string> = {
  name: 'Write the display name, e.g. `name: DigitalOcean`.',
  entity: 'Write the legal entity that processes the data, e.g. `entity: DigitalOcean, LLC`.',
  category: 'Use the `id` of one of the categories in site.yaml.',
  purpose: 'Say in one or two sentences what it does for you, e.g. `purpose: Transactional email delivery.`',
  data: 'List each category of data on its own line, starting with `- `.',
  locations: 'List each place the data is processed, e.g. `- country: US`.',
  history: 'Add the event that added it: `- change: added` with `announced:` and `effective:` dates.',
  change: 'Use `added`, `updated` or `removed`.',
  announced: 'Write the day customers were told, as `YYYY-MM-DD`.',
  effective: 'Write the day the change takes effect, as `YYYY-MM-DD`.',
  planned: 'Say when it is expected, e.g. `planned: Q3 2026`.',
};

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: '`true` or `false`',
  array: 'a list',
  object: 'a group of fields',
};

const TYPE_HINTS: Record<string, string> = {
  string: 'Put the value in quotes.',
  number: 'Write a number without quotes or units, e.g. `30`.',
  int: 'Write a whole number without quotes or units, e.g. `30`.',
  boolean: 'Write `true` or `false`, without quotes.',
  array: 'Put each item on its own line, indented and starting with `- `.',
  object: 'Put the fields on the lines below, indented by two spaces.',
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);
}

/** A value quoted in a message, cut short: the message must point at the mistake, not repeat a page of it. */
function quote(value: unknown): string {
  const text = String(value);
  return `'${text.length > 80 ? `${text.slice(0, 80)}…` : text}'`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `text (${quote(value)})`;
  return `${typeof value === 'number' ? 'a number' : String(typeof value)} (${String(value)})`;
}

/** The object schema that describes the value at `path`, to list the fields allowed there. */
function objectAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodObject | undefined {
  let current: z.ZodType | undefined = schema;
  for (const key of [...path, null]) {
    while (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodPipe) {
      current = current instanceof z.ZodPipe ? (current.in as z.ZodType) : (current.unwrap() as z.ZodType);
    }
    if (key === null) break;
    if (current instanceof z.ZodObject) current = current.shape[String(key)] as z.ZodType | undefined;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else return undefined;
  }
  return current instanceof z.ZodObject ? current : undefined;
}

/** Turns a zod issue into words a non-engineer can act on. */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown, schema: z.ZodType): Described[] {
  const path = issue.path as PropertyKey[];
  const key = String(path.at(-1) ?? '');
  const value = valueAt(data, path);
  const quoted = quote(value);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = Object.keys(objectAt(schema, path)?.shape ?? {});
      return issue.keys.map((unknownKey) => {
        const guess = closest(unknownKey, allowed);
        return {
          path: [...path, unknownKey],
          message: `unknown field${guess ? ` — did you mean \`${guess}\`?` : ''}`,
          hint: guess ? `Rename it to \`${guess}\`.` : `Fields allowed here: ${allowed.join(', ')}.`,
        };
      });
    }
    case 'invalid_type': {
      if (value === undefined) return [{ path, message: 'is required', hint: FIELD_HINTS[key] ?? `Add \`${key}:\` with a value.` }];
      if (value === null) return [{ path, message: 'is empty', hint: FIELD_HINTS[key] ?? `Write a value after \`${key}:\`, or delete the line.` }];
      return [{ path, message: `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}, not ${describeValue(value)}`, hint: TYPE_HINTS[issue.expected] }];
    }
    case 'too_small':
      if (issue.origin === 'array') return [{ path, message: 'must list at least one item', hint: FIELD_HINTS[key] ?? TYPE_HINTS.array }];
      if (issue.origin === 'string') return [{ path, message: 'must not be empty', hint: FIELD_HINTS[key] ?? `Write a value after \`${key}:\`, or delete the line.` }];
      return [{ path, message: `must be at least ${String(issue.minimum)}, not ${String(value)}` }];
    case 'too_big':
      if (issue.origin === 'string') {
        return [{ path, message: `is too long (${String(value).length} characters; the limit is ${String(issue.maximum)})`, hint: 'Shorten it; longer explanations belong in the Markdown notes below the front matter.' }];
      }
      return [{ path, message: `must be at most ${String(issue.maximum)}, not ${String(value)}` }];
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const guess = closest(String(value), allowed);
      return [{ path, message: `${quoted} is not allowed here${guess ? ` — did you mean \`${guess}\`?` : ''}`, hint: `Use one of: ${allowed.join(', ')}.` }];
    }
    case 'invalid_format':
      if (issue.format === 'email') return [{ path, message: `${quoted} is not an e-mail address`, hint: 'Write the address alone, e.g. `privacy@example.com`.' }];
      return [{ path, message: `${quoted} is not a valid id`, hint: 'Use lowercase letters, digits and hyphens only, e.g. `cloud-hosting`.' }];
    case 'custom':
      return [describeCustom(issue, path, value)];
    default:
      return [{ path, message: issue.message }];
  }
}

function describeCustom(issue: z.core.$ZodIssueCustom, path: PropertyKey[], value: unknown): Described {
  const params = (issue.params ?? {}) as { kind?: string; hint?: string };
  const quoted = quote(value);
  switch (params.kind) {
    case 'date':
      return {
        path,
        message: /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? `${quoted} is not a real date` : `${quoted} is not a date in the form YYYY-MM-DD`,
        hint: 'Write dates as `YYYY-MM-DD`, e.g. `2025-09-09`.',
      };
    case 'https':
      return { path, message: `${quoted} is not an https:// address`, hint: 'Use the full address, starting with `https://`.' };
    case 'web':
      return { path, message: `${quoted} is not a web address`, hint: 'Use the full address, starting with `https://`.' };
    case 'timezone':
      return { path, message: `${quoted} is not a time zone name`, hint: 'Use an IANA time zone such as `Europe/Berlin` or `UTC`.' };
    case 'country': {
      const group = locationGroup(String(value));
      if (group) {
        return { path, message: `${quoted} is a group of countries, not a country code`, hint: `List each country in ${group} that the data goes to, one per line (e.g. \`- country: DE\`), or use \`EU\` if it stays in the European Union.` };
      }
      const guess = suggestLocationCode(String(value));
      return {
        path,
        message: `${quoted} is not an ISO 3166-1 country code${guess ? ` — did you mean \`${guess}\` (${locationName(guess)})?` : ''}`,
        hint: 'Use a two-letter code such as `US` or `DE`, or `EU` or `global`; put the city or data centre in `detail`.',
      };
    }
    default:
      return { path, message: issue.message, hint: params.hint };
  }
}

export function fieldName(path: readonly PropertyKey[]): string {
  return formatPath(path) || 'file';
}
