import { htmlText } from '../content/html';
import { loadContent } from '../content/load';
import type { Site } from '../content/schema';
import { resolveNow, resolveToday } from '../content/today';
import { href, STATIC_EXPORT } from '../publish/urls';
import { database } from './db';
import type { FormDeps } from './forms';
import { mailMode } from './mailer';
import { noticeSentTimes } from './queries';
import { notifySoon } from './run';
import { serverSecret } from './secret';

/**
 * Whether the pages offer the subscription form: a question of the content alone
 * (`notifications` in site.yaml; a static export has no server to take it). Pages are rendered
 * at build time too, so an answer that read the environment would be the build's, not the
 * running server's. A server that cannot send mail answers the form with a 503 instead.
 */
export function subscriptionsOffered(site: Pick<Site, 'notifications'>): boolean {
  return Boolean(site.notifications) && !STATIC_EXPORT;
}

/** Whether this server can take subscriptions now: they are offered and it has a way to send mail. Read at request time only. */
export function subscriptionsOpen(site: Pick<Site, 'notifications'>): boolean {
  return mailMode(site).kind !== 'off';
}

/** What a visitor is told when the form is offered but this server cannot send mail (SMTP_URL not set). */
export function unavailableText(site: Pick<Site, 'contact'>): { title: string; text: string } {
  return {
    title: 'Subscriptions are unavailable',
    text: `This server cannot send e-mail at the moment, so nothing was stored and no e-mail was sent. Please try again later, or write to ${site.contact.privacy} to be told of changes.`,
  };
}

/** The answer to a form posted while this server cannot send mail: a plain page, status 503, never a silent success. */
export function unavailableResponse(site: Pick<Site, 'contact' | 'company'>): Response {
  const { title, text } = unavailableText(site);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${htmlText(`${title} · ${site.company.name}`)}</title></head>
<body><h1>${htmlText(title)}</h1><p>${htmlText(text)}</p><p><a href="${htmlText(href('/subprocessors'))}">The current list of subprocessors</a></p></body></html>
`;
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '3600', 'Cache-Control': 'no-store' } });
}

/** The answer to a subscription form this server does not take: 404 when the content offers none, 503 when it cannot send mail. */
export function subscriptionsClosed(): Response | undefined {
  const { site } = loadContent();
  if (!subscriptionsOffered(site)) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (!subscriptionsOpen(site)) return unavailableResponse(site);
  return undefined;
}

let secret: string | undefined;

/** What the form routes need, from this process's environment and clock. */
export async function formDeps(): Promise<FormDeps> {
  const content = loadContent();
  secret ??= serverSecret();
  return { db: await database(), content, now: resolveNow(content.site), today: resolveToday(content.site), secret, wake: () => void notifySoon() };
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
