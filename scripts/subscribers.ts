/**
 * `npm run subscribers`: counts by state. `--export` prints the confirmed addresses as CSV,
 * with the scopes each chose (space-separated ids; empty: the full list);
 * `--erase ADDRESS` removes an address everywhere (right to erasure): the database, leaving no
 * copy in its free pages, and the outbox's `.eml` files; the delivery log keeps its counts.
 * The desk does the same (lib/notify/desk/subscribers.ts).
 */
import { parseAddress } from '../lib/notify/address';
import { database, describeDatabase } from '../lib/notify/db';
import { addressKey } from '../lib/notify/forms';
import { eraseEverywhere, subscribersCsv } from '../lib/notify/desk/subscribers';
import { subscriberCounts } from '../lib/notify/queries';
import { serverSecret } from '../lib/notify/secret';

async function main() {
  const args = process.argv.slice(2);
  const db = await database();
  const erase = args.indexOf('--erase');
  if (erase >= 0) {
    const parsed = parseAddress(args[erase + 1] ?? '');
    if (!parsed.ok) {
      console.error(`Usage: npm run subscribers -- --erase ADDRESS (${parsed.message})`);
      process.exit(2);
    }
    const { found, files } = await eraseEverywhere(db, parsed.address, addressKey(serverSecret(), parsed.address));
    const outbox = files ? `; ${files} e-mail ${files === 1 ? 'file' : 'files'} deleted from the outbox` : '';
    console.log(
      found
        ? `Erased ${parsed.address}: subscription, tokens and rate limits deleted, e-mails still queued for it cancelled; the delivery log keeps its rows without the address${outbox}. Backups made before now still hold it (docs/security.md).`
        : `${parsed.address} is not a subscriber; any delivery log rows with it were anonymised${outbox}.`,
    );
  } else if (args.includes('--export')) {
    for await (const chunk of subscribersCsv(db)) process.stdout.write(chunk);
  } else {
    const counts = await subscriberCounts(db);
    console.log(`${describeDatabase()}: ${counts.confirmed ?? 0} confirmed, ${counts.pending ?? 0} waiting for confirmation, ${counts.unsubscribed ?? 0} unsubscribed`);
  }
  await db.destroy();
}
void main();
