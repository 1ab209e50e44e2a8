import { randomBytes } from 'node:crypto';
import { htmlText } from '../../content/html';
import type { Site } from '../../content/schema';
import type { Db } from '../db';
import { createMailer, mailMode, messageIdFor } from '../mailer';
import type { Message } from '../messages';
import { DESK_TIMES } from './config';
import { audit, createLink } from './sessions';

type Env = Record<string, string | undefined>;

/** The sign-in e-mail: a link to a page with a Sign in button (mail scanners open links). */
export function signInMessage(site: Pick<Site, 'company'>, link: string): Message {
  const minutes = DESK_TIMES.linkMs / 60_000;
  const lead = `Someone, hopefully you, asked to sign in to ${site.company.name}'s subprocessor desk with this address.`;
  const action = `Open this link within ${minutes} minutes and press Sign in. It works once.`;
  const ignore = 'If it was not you, ignore this e-mail: nobody can sign in without the link.';
  return {
    subject: `${site.company.name}: your sign-in link to the subprocessor desk`,
    text: [lead, `${action}\n${link}`, ignore].join('\n\n'),
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;max-width:640px">\n<p>${htmlText(lead)}</p>\n<p>${htmlText(action)}<br><a href="${htmlText(link)}">${htmlText(link)}</a></p>\n<p>${htmlText(ignore)}</p>\n</body></html>`,
  };
}

/** Whether this server can e-mail sign-in links: it needs the notices' sender (site.yaml) and a way to send (SMTP_URL, or the outbox in development). */
export function linksByMail(site: Pick<Site, 'notifications'>, env: Env = process.env): boolean {
  return mailMode(site, env).kind !== 'off';
}

type LinkDeps = { db: Db; site: Site; now: string; env?: Env; linkUrl: (token: string) => string };

/**
 * Makes a link for a team member and e-mails it; run after the answer has gone (so the answer
 * is the same, in the same time, for any address). A failure is logged without the address,
 * and recorded in the audit log.
 */
export async function mailSignInLink(email: string, { db, site, now, env = process.env, linkUrl }: LinkDeps): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  await createLink(db, email, token, now);
  const mode = mailMode(site, env);
  if (mode.kind === 'off') {
    await audit(db, { at: now, actor: email, action: 'sign-in link not sent', detail: mode.reason });
    return;
  }
  const mailer = createMailer(site, mode);
  try {
    const response = await mailer.send({ to: email, messageId: messageIdFor(site, `desk.${randomBytes(9).toString('hex')}`), message: signInMessage(site, linkUrl(token)) });
    await audit(db, { at: now, actor: email, action: 'sign-in link sent', detail: response.slice(0, 300) });
  } catch (error) {
    console.error('desk: a sign-in link could not be sent (see the desk activity log)');
    await audit(db, { at: now, actor: email, action: 'sign-in link not sent', detail: (error instanceof Error ? error.message : String(error)).slice(0, 300) });
  } finally {
    mailer.close();
  }
}
