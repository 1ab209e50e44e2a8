import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../lib/notify/migrations';
import { openDatabase } from '../../lib/notify/db';

/** `npm run db:migrate` on the embedded database under `dir`: its exit code and output. */
function migrateIn(dir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts'], { env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('the embedded database, started by several processes at once', () => {
  it('is migrated once: every process opens it, none fails on a table another just made', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-race-'));
      const results = await Promise.all(Array.from({ length: 4 }, () => migrateIn(dir)));
      // One process applies every migration; the others wait for it and find the file up to date.
      const file = path.join(dir, 'subscribers.db');
      const answers = results.map(({ code, output }) => `${code} ${output.trim()}`).sort();
      expect(answers).toEqual([`0 ${file}: applied ${Object.keys(migrations).join(', ')}`, ...Array(3).fill(`0 ${file}: up to date`)]);
      const db = openDatabase({ DATA_DIR: dir });
      const done = await db.selectFrom('kysely_migration' as never).select('name' as never).execute();
      expect(done.map((row) => (row as { name: string }).name).sort()).toEqual(Object.keys(migrations).sort());
      await db.destroy();
    }
  }, 120_000);
});
