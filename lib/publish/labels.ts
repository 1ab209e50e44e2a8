import { locationName } from '../content/countries';
import type { ChangeType, DescribingFields, Location } from '../content/schema';

/** How the transfer safeguard codes of the content format read on the page. */
export const TRANSFER_LABELS: Record<string, string> = {
  adequacy: 'Adequacy decision',
  SCCs: 'Standard Contractual Clauses (SCCs)',
  DPF: 'EU-U.S. Data Privacy Framework (DPF)',
  'UK-IDTA': 'UK International Data Transfer Agreement (IDTA)',
  'UK-Addendum': 'UK Addendum to the SCCs',
  BCRs: 'Binding Corporate Rules (BCRs)',
};

/** The same, as privacy reviewers abbreviate them, where space is short (the list's table). */
export const TRANSFER_SHORT: Record<string, string> = { adequacy: 'Adequacy decision', SCCs: 'SCCs', DPF: 'DPF', 'UK-IDTA': 'UK IDTA', 'UK-Addendum': 'UK Addendum', BCRs: 'BCRs' };

/** What each abbreviation in TRANSFER_SHORT stands for, spelled out beside the list (none for a word that is not abbreviated). */
export const TRANSFER_SPELLED: Record<string, string | undefined> = {
  SCCs: 'Standard Contractual Clauses',
  DPF: 'EU-U.S. Data Privacy Framework',
  'UK-IDTA': 'UK International Data Transfer Agreement',
  'UK-Addendum': 'UK Addendum to the Standard Contractual Clauses',
  BCRs: 'Binding Corporate Rules',
};

export const CHANGE_LABELS: Record<ChangeType, string> = { added: 'Added', updated: 'Updated', removed: 'Removed' };

export const LINK_LABELS = { dpa: 'Data processing agreement', privacy: 'Privacy policy', security: 'Security information', subprocessors: 'Its own subprocessors' } as const;

/** The event's own summary, or a plain default so no change is ever shown without words. */
export function eventSummary(name: string, event: { change: ChangeType; summary?: string }): string {
  return event.summary ?? `${name} ${event.change === 'added' ? 'added to' : event.change === 'removed' ? 'removed from' : 'updated on'} the list.`;
}

/** What each field is called on the page. */
export const FIELD_LABELS: Record<keyof DescribingFields, string> = {
  name: 'Name',
  entity: 'Legal entity',
  address: 'Address',
  contact: 'Privacy contact',
  website: 'Website',
  category: 'Category',
  affiliate: 'Affiliate',
  purpose: 'Purpose',
  data: 'Data categories',
  subjects: 'Data subjects',
  locations: 'Locations',
  transfers: 'Transfer safeguards',
  certifications: 'Certifications',
  condition: 'Applies',
  links: 'Documents',
  scopes: 'Scopes',
};

/** "Germany: Frankfurt", and the scopes when it is limited to some: "Germany: Frankfurt (EU cloud)" (ids without `titles`). */
export function formatLocation(location: Location, titles?: ReadonlyMap<string, string>): string {
  const name = locationName(location.country);
  // A detail that already starts with the place ("Global edge") is not repeated after it ("Global: Global edge").
  const place = !location.detail ? name : location.detail.toLowerCase().startsWith(name.toLowerCase()) ? location.detail : `${name}: ${location.detail}`;
  return location.scopes ? `${place} (${location.scopes.map((id) => titles?.get(id) ?? id).join(', ')})` : place;
}

/** A field's value as plain text, for before/after comparisons; `titles` names scopes (ids without it). */
export function formatFieldValue(field: keyof DescribingFields, value: unknown, titles?: ReadonlyMap<string, string>): string {
  // An entry without `scopes` applies in every scope.
  if (field === 'scopes') return value ? (value as string[]).map((id) => titles?.get(id) ?? id).join('; ') : 'all scopes';
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return '(none)';
  if (field === 'locations') return (value as Location[]).map((location) => formatLocation(location, titles)).join('; ');
  if (field === 'transfers') return (value as string[]).map((t) => TRANSFER_LABELS[t] ?? t).join('; ');
  if (field === 'links') return Object.entries(value as Record<string, string>).map(([kind, url]) => `${LINK_LABELS[kind as keyof typeof LINK_LABELS]}: ${url}`).join('; ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return Array.isArray(value) ? value.join('; ') : String(value);
}

/** Fields that hold several items: a change to them is shown item by item. */
const LIST_FIELDS = new Set<keyof DescribingFields>(['data', 'subjects', 'locations', 'transfers', 'certifications', 'links']);

/** A field's value as separate items (one for a single value, none when not set). */
export function fieldItems(field: keyof DescribingFields, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (field === 'locations') return (value as Location[]).map((location) => formatLocation(location));
  if (field === 'transfers') return (value as string[]).map((t) => TRANSFER_LABELS[t] ?? t);
  if (field === 'links') return Object.entries(value as Record<string, string>).map(([kind, url]) => `${LINK_LABELS[kind as keyof typeof LINK_LABELS]}: ${url}`);
  if (Array.isArray(value)) return value.map(String);
  return [formatFieldValue(field, value)];
}

/** What changed in one field: the items added and removed, or for a single value, the old and the new. */
export function itemChanges(field: keyof DescribingFields, before: unknown, after: unknown): { added: string[]; removed: string[]; list: boolean } {
  const [old, now] = [fieldItems(field, before), fieldItems(field, after)];
  return { added: now.filter((item) => !old.includes(item)), removed: old.filter((item) => !now.includes(item)), list: LIST_FIELDS.has(field) };
}
