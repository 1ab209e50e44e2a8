/** `npm run db:migrate`: brings the subscriber database up to date (the server also does this on start). */
import { describeDatabase, migrate, openDatabase } from '../lib/notify/db';

async function main() {
  const db = openDatabase();
  const applied = await migrate(db);
  console.log(applied.length ? `${describeDatabase()}: applied ${applied.join(', ')}` : `${describeDatabase()}: up to date`);
  await db.destroy();
}
void main();
