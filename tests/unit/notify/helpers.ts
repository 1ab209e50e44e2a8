import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { checkContent } from '../../../lib/content/check';
import type { Content } from '../../../lib/content/schema';
import { openDatabase, migrate, type Db } from '../../../lib/notify/db';
import { freshDatabase } from '../../../scripts/test-postgres';
export { startSmtp } from '../../mail-server';

export const KINDS = ['sqlite', 'postgres'] as const;
export type Kind = (typeof KINDS)[number];

/** The environment that points the code at a fresh database of the kind. */
export async function databaseEnv(kind: Kind, name: string): Promise<Record<string, string>> {
  if (kind === 'postgres') return { DATABASE_URL: await freshDatabase(inject('postgresUrl'), name) };
  return { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), `notify-${name}-`)) };
}

export async function openTestDb(env: Record<string, string>): Promise<Db> {
  const db = openDatabase(env);
  await migrate(db);
  return db;
}

/** The sample content with notices on, its URL on a test port, and an addition announced on 2026-11-30. */
export function noticeContent(): { dir: string; content: Content } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notify-content-'));
  fs.cpSync('content', dir, { recursive: true });
  const site = fs.readFileSync(path.join(dir, 'site.yaml'), 'utf8').replace('url: https://securicomnet.com', 'url: http://localhost:3300');
  fs.writeFileSync(path.join(dir, 'site.yaml'), site);
  fs.writeFileSync(
    path.join(dir, 'subprocessors', 'anthropic.yaml'),
    [
      'name: Anthropic',
      'entity: Anthropic, PBC',
      'category: ai',
      'purpose: Summaries of <b>work orders</b> & "notes".',
      'data: [Work-order text]',
      'locations: [{ country: US }]',
      'transfers: [DPF]',
      'links: { dpa: "https://www.anthropic.com/legal/dpa" }',
      'address: 548 Market Street, San Francisco, CA 94104, USA',
      'contact: privacy@anthropic.com',
      'history:',
      '  - change: added',
      '    announced: 2026-11-30',
      '    effective: 2027-01-04',
      '    summary: Optional AI summaries of work orders.',
      '',
    ].join('\n'),
  );
  const { content, problems } = checkContent(dir, { today: '2026-11-23' });
  if (!content) throw new Error(problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  return { dir, content };
}

export async function addConfirmed(db: Db, count: number, confirmedOn = '2026-11-23'): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, i) => `user${i}@example.com`);
  for (let i = 0; i < emails.length; i += 500) {
    await db
      .insertInto('subscribers')
      .values(emails.slice(i, i + 500).map((email) => ({ email, status: 'confirmed' as const, created_at: '2026-11-23T10:00:00.000Z', confirmed_at: '2026-11-23T10:00:00.000Z', confirmed_on: confirmedOn })))
      .execute();
  }
  return emails;
}

export const countBy = <T>(items: T[], key: (item: T) => string) => items.reduce((map, item) => map.set(key(item), (map.get(key(item)) ?? 0) + 1), new Map<string, number>());
