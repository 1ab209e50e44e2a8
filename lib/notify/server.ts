import { loadContent } from '../content/load';
import type { Site } from '../content/schema';
import { resolveToday } from '../content/today';
import { database } from './db';
import type { FormDeps } from './forms';
import { mailMode } from './mailer';
import { noticeSentTimes } from './queries';
import { notifySoon } from './run';
import { serverSecret } from './secret';

/** Whether this server offers the subscription form (`notifications` in site.yaml and a way to send mail). */
export function subscriptionsOpen(site: Pick<Site, 'notifications'>): boolean {
  return mailMode(site).kind !== 'off';
}

let secret: string | undefined;

/** What the form routes need, from this process's environment and clock. */
export async function formDeps(): Promise<FormDeps> {
  const content = loadContent();
  secret ??= serverSecret();
  return { db: await database(), content, now: new Date(), today: resolveToday(content.site), secret, wake: () => void notifySoon() };
}

let sentTimes: { at: number; value: Map<string, string> } | undefined;

/**
 * When each notice first went out, for the changes page. Read at most once a minute, so the
 * page costs one small query now and then; an empty map when notices are off or the database fails.
 */
export async function emailedOn(site: Pick<Site, 'notifications'>): Promise<Map<string, string>> {
  if (!subscriptionsOpen(site)) return new Map();
  if (sentTimes && Date.now() - sentTimes.at < 60_000) return sentTimes.value;
  try {
    sentTimes = { at: Date.now(), value: await noticeSentTimes(await database()) };
  } catch (error) {
    console.error(`changes page: the delivery log could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return new Map();
  }
  return sentTimes.value;
}
