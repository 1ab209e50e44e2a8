/**
 * `npm run evidence -- <change-id> [--out FILE]`: the evidence pack of one change, as one JSON
 * file for an auditor (docs/objections.md#the-evidence-pack): the change as announced, the
 * list's fingerprints before and after, the notices as sent, every recipient, the objections
 * and the pack's SHA-256. Without --out, written to evidence-<change-id>.json.
 * `npm run evidence -- --verify FILE`: checks a pack's SHA-256.
 */
import fs from 'node:fs';
import { loadContent } from '../lib/content/load';
import { resolveNow, resolveToday } from '../lib/content/today';
import { database } from '../lib/notify/db';
import { buildEvidence, verifyEvidence } from '../lib/notify/objections';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args[0] === '--verify' && args[1]) {
    const ok = verifyEvidence(JSON.parse(fs.readFileSync(args[1], 'utf8')));
    console.log(ok ? `${args[1]}: the SHA-256 matches; the pack is as it was made.` : `${args[1]}: the SHA-256 does NOT match: the file was changed after it was made.`);
    return ok ? 0 : 1;
  }
  const [changeId] = args;
  if (!changeId || changeId.startsWith('-')) {
    console.error('Usage: npm run evidence -- <change-id> [--out FILE]   (the id as on the changes page and in the JSON export)\n       npm run evidence -- --verify FILE');
    return 2;
  }
  const content = loadContent();
  const db = await database();
  const pack = await buildEvidence(db, content, changeId, { today: resolveToday(content.site), now: resolveNow(content.site).toISOString() });
  if (!pack) {
    console.error(`No announced change has the id '${changeId}'. The ids are on the changes page (each change's anchor) and in subprocessors.json.`);
    return 1;
  }
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : `evidence-${changeId}.json`;
  fs.writeFileSync(out, `${JSON.stringify(pack, null, 2)}\n`);
  const recipients = pack.lists.reduce((n, list) => n + list.recipients.length, 0);
  console.log(`Wrote ${out}: ${pack.lists.length} ${pack.lists.length === 1 ? 'list' : 'lists'}, ${recipients} recipients, ${pack.objections.length} objections. SHA-256 ${pack.sha256}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
