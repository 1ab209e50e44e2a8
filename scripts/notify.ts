/**
 * `npm run notify`: sends every due notice (announcement days, welcomes) once, then exits.
 * Safe to run from cron or CI while the server runs its own job: deliveries are claimed in
 * the database, so each subscriber gets each notice exactly once.
 */
import { describeDatabase } from '../lib/notify/db';
import { notifyNow } from '../lib/notify/run';

async function main() {
  const result = await notifyNow();
  if ('off' in result) {
    console.error(`Nothing sent: ${result.off}.`);
    process.exit(1);
  }
  console.log(`notify (${describeDatabase()}): ${result.sent} sent, ${result.failed} failed${result.resent ? `, ${result.resent} re-sent after an interruption` : ''}${result.retrying ? `, ${result.retrying} left to retry` : ''}.`);
  // maxRSS is in kilobytes: the whole process's peak, for the benchmark and for sizing a job runner.
  console.log(`peak memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  process.exit(result.failed ? 1 : 0);
}
void main();
