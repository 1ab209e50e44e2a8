import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { addDays } from '../../lib/dates';

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

/**
 * Writes a valid content folder with `count` subprocessors, 3–5 events each and field sizes
 * like real lists, for benchmarks. Returns the folder.
 */
export function generateContent(dir: string, count: number): string {
  const next = random(count);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const sample = <T>(items: readonly T[], n: number) => [...new Set(Array.from({ length: n }, () => pick(items)))];
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
    const entry = {
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
    fs.writeFileSync(path.join(dir, 'subprocessors', `vendor-${i + 1}.md`), `---\n${stringify(JSON.parse(JSON.stringify(entry)))}---\nNotes about vendor ${i + 1}.\n`);
  }
  return dir;
}
