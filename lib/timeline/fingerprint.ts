import { createHash } from 'node:crypto';
import { subprocessorSchema, type DescribingFields } from '../content/schema';
import type { EntryAsOf } from './timeline';

/** The fields that make up the list: what an entry says, not its notes, history or file. */
const LISTED_FIELDS = ['slug', ...Object.keys(subprocessorSchema.shape).filter((field) => field !== 'aliases' && field !== 'history')];

/** What `listedFields` leaves out of an entry. */
type Unlisted = 'aliases' | 'history' | 'file' | 'notes' | 'fieldsRecorded' | 'planned';

export function listedFields<T extends DescribingFields & { slug: string }>(entry: T): Omit<T, Unlisted> {
  const record = entry as Record<string, unknown>;
  return Object.fromEntries(LISTED_FIELDS.filter((field) => record[field] !== undefined).map((field) => [field, record[field]])) as Omit<T, Unlisted>;
}

/** JSON with object keys sorted at every level, so equal data always serialises alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 of the list in force on a date, identical across builds and machines for the
 * same content, so a customer can show which version they reviewed.
 */
export function fingerprint(list: readonly EntryAsOf[]): string {
  const rows = [...list].sort((a, b) => (a.slug < b.slug ? -1 : 1)).map(listedFields);
  return createHash('sha256').update(canonicalJson(rows)).digest('hex');
}
