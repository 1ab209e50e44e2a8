import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { addDays } from '../../lib/content/dates';

/** Deterministic pseudo-random numbers, so every run generates the same content. */
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

const CATEGORIES = ['hosting', 'email', 'analytics', 'support', 'payments', 'ai', 'security', 'collaboration'];
const COUNTRIES = ['US', 'DE', 'IE', 'FR', 'NL', 'GB', 'CA', 'JP', 'AU', 'SG', 'EU', 'global'];
const DATA = ['Account data', 'Email addresses', 'IP addresses', 'Usage logs', 'Support tickets', 'Billing details', 'Uploaded files', 'Chat transcripts', 'Device identifiers', 'Audit log entries'];
const WORDS = 'processing storage delivery monitoring analysis backup routing support billing identity search messaging transcription scheduling'.split(' ');

const capitalised = (word: string) => `${word[0].toUpperCase()}${word.slice(1)}`;

/** The scopes of `{ scopes: true }`: three clouds, each with the countries its data centres are in. */
export const BENCH_SCOPES = [
  { id: 'us', title: 'US cloud', countries: ['US', 'CA'] },
  { id: 'eu', title: 'EU cloud', countries: ['DE', 'IE', 'FR', 'NL', 'EU'] },
  { id: 'apac', title: 'Asia-Pacific cloud', countries: ['JP', 'AU', 'SG'] },
] as const;

type Location = { country: string; detail?: string; scopes?: string[] };

/**
 * Writes a valid content folder with `count` subprocessors, 3–5 events each and field sizes
 * like real lists, for benchmarks. Returns the folder.
 *
 * With `scopes`, site.yaml names BENCH_SCOPES and the same entries (drawn from a second
 * stream of numbers, so everything else is as without) get scopes as a multi-region list has
 * them: about half in every scope, the rest in one or two; some locations limited to one
 * scope; and about one in twenty has a last update that joins, leaves or moves between scopes,
 * with the former `scopes` and `locations` under `previous`.
 */
export function generateContent(dir: string, count: number, options: { scopes?: boolean } = {}): string {
  const next = random(count);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const sample = <T>(items: readonly T[], n: number) => [...new Set(Array.from({ length: n }, () => pick(items)))];
  const scoping = random(count + 1);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'subprocessors'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'sections'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'site.yaml'),
    stringify({
      company: { name: 'Benchmark Corp' },
      url: 'https://bench.example',
      contact: { privacy: 'privacy@bench.example' },
      notice_period_days: 30,
      published: '2024-01-01',
      categories: CATEGORIES.map((id) => ({ id, title: `${id[0].toUpperCase()}${id.slice(1)} services` })),
      scopes: options.scopes ? BENCH_SCOPES.map(({ id, title }) => ({ id, title })) : undefined,
    }),
  );
  fs.writeFileSync(path.join(dir, 'sections/10-intro.md'), '---\nposition: above\n---\n{{company.name}} uses the subprocessors below. We give {{notice_period_days}} days notice of changes.\n');
  for (let i = 0; i < count; i++) {
    const events: Record<string, unknown>[] = [{ change: 'added', announced: '2024-01-01', effective: '2024-01-01', summary: 'Listed at first publication.' }];
    let day = '2024-02-01';
    for (let e = 0; e < 2 + Math.floor(next() * 3); e++) {
      day = addDays(day, 10 + Math.floor(next() * 200));
      events.push({ change: 'updated', announced: day, effective: addDays(day, 30), summary: `Now also used for ${pick(WORDS)}.`, previous: { purpose: `Formerly ${pick(WORDS)} and ${pick(WORDS)}.` } });
      day = addDays(day, 30);
    }
    const entry: Record<string, unknown> & { locations: Location[]; history: Record<string, unknown>[] } = {
      name: `Vendor ${i + 1} ${pick(WORDS)}`,
      entity: `Vendor ${i + 1} ${pick(['Inc.', 'GmbH', 'Ltd', 'SAS', 'B.V.'])}`,
      address: `${1 + Math.floor(next() * 999)} Market Street, Springfield`,
      contact: `privacy@vendor${i + 1}.example`,
      website: `https://vendor${i + 1}.example`,
      category: pick(CATEGORIES),
      purpose: `${capitalised(pick(WORDS))} and ${pick(WORDS)} for our customers' workspaces, including ${pick(WORDS)} of the data they upload.`,
      data: sample(DATA, 2 + Math.floor(next() * 4)),
      locations: sample(COUNTRIES, 1 + Math.floor(next() * 2)).map((country) => ({ country, detail: next() > 0.5 ? `Region ${Math.floor(next() * 9) + 1}` : undefined })),
      transfers: ['SCCs'],
      certifications: next() > 0.5 ? ['SOC 2 Type II', 'ISO 27001'] : undefined,
      links: { dpa: `https://vendor${i + 1}.example/dpa` },
      history: events,
    };
    if (options.scopes) withScopes(entry, day, scoping);
    // History last, as people write it (withScopes adds `scopes`).
    const { history, ...fields } = entry;
    fs.writeFileSync(path.join(dir, 'subprocessors', `vendor-${i + 1}.md`), `---\n${stringify(JSON.parse(JSON.stringify({ ...fields, history })))}---\nNotes about vendor ${i + 1}.\n`);
  }
  return dir;
}

/** Gives one generated entry its scopes (see generateContent); `day` is the end of its last update. */
function withScopes(entry: { locations: Location[]; history: Record<string, unknown>[]; scopes?: string[] }, day: string, next: () => number) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const ids = BENCH_SCOPES.map((scope) => scope.id);
  const scope = (id: string) => BENCH_SCOPES.find((candidate) => candidate.id === id)!;
  const region = (id: string): Location => ({ country: pick(scope(id).countries), detail: `${scope(id).title} region` });
  const kind = next();
  if (kind < 0.5) {
    // Everywhere; some with one more location used only in one scope.
    if (next() < 0.3) {
      const only = pick(ids);
      entry.locations = [...entry.locations, { ...region(only), scopes: [only] }];
    }
  } else if (kind < 0.8) {
    // One scope; about half hosted in that region.
    entry.scopes = [pick(ids)];
    if (next() < 0.5) entry.locations = [region(entry.scopes[0])];
  } else {
    // Two scopes; about half with a location in each, limited to it.
    const left = pick(ids);
    entry.scopes = ids.filter((id) => id !== left);
    if (next() < 0.5) entry.locations = entry.scopes.map((id) => ({ ...region(id), scopes: [id] }));
  }
  if (next() >= 0.05) return;

  // A last update that changed the entry's scopes, with the former values under `previous`.
  const announced = addDays(day, 10 + Math.floor(next() * 60));
  const current = entry.scopes;
  let summary: string;
  let previous: { scopes: string[] | null; locations?: Location[] };
  if (current?.length === 1 && next() < 0.5) {
    // Left the others: it served every scope before, with a location for one of them.
    const other = pick(ids.filter((id) => id !== current[0]));
    summary = `No longer used by the ${ids.filter((id) => id !== current[0]).map((id) => scope(id).title).join(' or the ')}.`;
    previous = { scopes: null, locations: [...entry.locations, { ...region(other), scopes: [other] }] };
  } else if (current?.length === 1) {
    // Moved from another scope, where it had a location of its own.
    const from = pick(ids.filter((id) => id !== current[0]));
    summary = `Moved from the ${scope(from).title} to the ${scope(current[0]).title}.`;
    previous = { scopes: [from], locations: [region(from)] };
  } else {
    // Joined one more scope (the last of its current ones, or of all): without that scope's own locations before.
    const joined = (current ?? ids).at(-1)!;
    const before = (current ?? ids).filter((id) => id !== joined);
    const locations = entry.locations.filter((location) => !location.scopes?.includes(joined));
    summary = `Now also used by the ${scope(joined).title}.`;
    previous = { scopes: before, ...(locations.length < entry.locations.length && { locations }) };
    if (!locations.length) throw new Error('a generated entry has no former location');
  }
  entry.history.push({ change: 'updated', announced, effective: addDays(announced, 30), summary, previous });
}
