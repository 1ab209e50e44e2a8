import { loadContent } from '../content/load';
import { STATIC_EXPORT } from '../publish/urls';
import { database, describeDatabase } from './db';
import { mailMode } from './mailer';
import { notifySoon } from './run';

/** Runs the notify job every NOTIFY_INTERVAL_SECONDS (default 300) in this server; 0 turns it off (cron or /api/notify instead). */
export function startScheduler(env: Record<string, string | undefined> = process.env): void {
  let site;
  try {
    site = loadContent().site;
  } catch {
    return; // Invalid content: the pages report it.
  }
  const mode = mailMode(site, env);
  if (mode.kind === 'off') {
    // The pages offer the form whenever site.yaml has `notifications`: a server that cannot
    // take it must say so where the operator looks first, not only to the visitors it turns away.
    if (site.notifications && !STATIC_EXPORT) console.error(`\nERROR: E-mail notices are OFF. site.yaml has \`notifications\`, but ${mode.reason}.\n`);
    return;
  }
  const seconds = Number(env.NOTIFY_INTERVAL_SECONDS ?? 300);
  console.log(`E-mail notices: ${mode.kind === 'smtp' ? 'SMTP' : `written to ${mode.dir}`}, subscribers in ${describeDatabase(env)}${seconds > 0 ? `, sent every ${seconds} s` : ''}.`);
  // Migrations run on start, so the first request does not wait for them.
  database().catch((error: unknown) => console.error(`E-mail notices: the database could not be opened: ${String(error)}`));
  if (!(seconds > 0)) return;
  const timer = setInterval(() => void notifySoon(), seconds * 1000);
  timer.unref();
  setTimeout(() => void notifySoon(), 5_000).unref();
}
