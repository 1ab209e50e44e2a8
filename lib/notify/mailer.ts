import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Site } from '../content/schema';
import { STATIC_EXPORT } from '../publish/urls';
import { dataDir } from './db';
import type { Message } from './messages';

type Env = Record<string, string | undefined>;

/** How mail leaves: real SMTP, `.eml` files in development, or not at all (and why). */
export type MailMode = { kind: 'smtp'; url: string } | { kind: 'outbox'; dir: string } | { kind: 'off'; reason: string };

export function mailMode(site: Pick<Site, 'notifications'>, env: Env = process.env): MailMode {
  if (STATIC_EXPORT) return { kind: 'off', reason: 'a static export cannot receive a form' };
  if (!site.notifications) return { kind: 'off', reason: 'site.yaml has no `notifications`' };
  if (env.SMTP_URL) return { kind: 'smtp', url: env.SMTP_URL };
  if (env.NODE_ENV === 'production') return { kind: 'off', reason: 'SMTP_URL is not set, so this server cannot send e-mail: the subscription form is answered with 503 (Service Unavailable) until it is' };
  return { kind: 'outbox', dir: path.join(dataDir(env), 'outbox') };
}

/** One message to one recipient; `messageId` is fixed per subscriber and notice, so a re-sent copy is recognisably the same. */
/** `replyTo`: a checked address (lib/notify/address.ts), e.g. the objector on the copy of an objection. */
export type Envelope = { to: string; messageId: string; message: Message; unsubscribeUrl?: string; replyTo?: string };
export type Mailer = { send(envelope: Envelope): Promise<string>; close(): void };

/** Header values come from content and input: never a line break, never a control character. */
export function headerText(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

/** A Message-ID on the sender's domain. */
export function messageIdFor(site: Pick<Site, 'notifications'>, local: string): string {
  const domain = site.notifications?.from.split('@')[1] ?? 'localhost';
  return `<${local.replace(/[^A-Za-z0-9.-]/g, '-')}@${domain}>`;
}

export function createMailer(site: Pick<Site, 'company' | 'contact' | 'notifications'>, mode: MailMode, log: (line: string) => void = console.log): Mailer {
  if (mode.kind === 'off') throw new Error(`E-mail is off: ${mode.reason}`);
  const transport =
    mode.kind === 'smtp'
      ? nodemailer.createTransport({ url: mode.url, pool: true, maxConnections: 5, maxMessages: Infinity, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const notifications = site.notifications!;
  return {
    async send({ to, messageId, message, unsubscribeUrl, replyTo }) {
      const info = await transport.sendMail({
        from: { name: headerText(site.company.name), address: notifications.from },
        // A reply to a notice is most often an objection: without `reply_to`, it goes to the objections contact.
        replyTo: replyTo ?? notifications.reply_to ?? site.contact.objections,
        to,
        subject: headerText(message.subject),
        text: message.text,
        html: message.html,
        messageId,
        // RFC 8058: mail clients offer a one-click unsubscribe that POSTs to this address.
        ...(unsubscribeUrl && { list: { unsubscribe: unsubscribeUrl }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }),
      });
      if (mode.kind === 'smtp') return String(info.response);
      fs.mkdirSync(mode.dir, { recursive: true });
      const file = path.join(mode.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${messageId.replace(/[^A-Za-z0-9.-]/g, '')}.eml`);
      fs.writeFileSync(file, (info as unknown as { message: Buffer }).message);
      // The file name, not the address: server logs are kept and shipped where erasure cannot reach.
      log(`E-mail written to ${path.relative(process.cwd(), file)}`);
      return `written to ${file}`;
    },
    close: () => transport.close(),
  };
}

/** What an SMTP failure means: retry later (4xx, no connection) or give up (5xx). */
export function failureKind(error: unknown): { permanent: boolean; response: string } {
  const { responseCode, response, message, code } = (error ?? {}) as { responseCode?: number; response?: string; message?: string; code?: string };
  const text = response || `${code ?? 'error'}: ${message ?? String(error)}`;
  return { permanent: typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600, response: text };
}

/**
 * Deletes the outbox's `.eml` files addressed to `email` (right to erasure); how many. The
 * address is on a `To:` line of its own (checked strictly: no line breaks, no folding).
 */
export function eraseOutbox(email: string, env: Env = process.env): number {
  const dir = path.join(dataDir(env), 'outbox');
  if (!fs.existsSync(dir)) return 0;
  const to = new RegExp(`^To: ${email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\r?$`, 'im');
  let erased = 0;
  for (const name of fs.readdirSync(dir).filter((file) => file.endsWith('.eml'))) {
    const file = path.join(dir, name);
    if (to.test(fs.readFileSync(file, 'utf8'))) {
      fs.rmSync(file);
      erased++;
    }
  }
  return erased;
}
