import { notFound } from 'next/navigation';
import { SubscribeForm } from './subscribe-form';
import { loadContent } from '@/lib/content/load';
import { resolveNow } from '@/lib/content/today';
import { database } from '@/lib/notify/db';
import { spentToken, tokenSubscriber } from '@/lib/notify/queries';
import { subscriptionsOffered } from '@/lib/notify/server';
import { href } from '@/lib/publish/urls';
import { scopeTitles } from '@/lib/timeline/scopes';

type Props = { purpose: 'confirm' | 'unsubscribe'; token?: string; status?: string; title: string; action: string; button: string; done: string; prompt: string };

/**
 * A page reached from an e-mail link: one button that POSTs the token; reading the link changes
 * nothing. It names the address and the lists it is about; an unsubscribe link used already
 * says so, and the same page lets a subscriber change the lists they get.
 */
export async function TokenPage({ purpose, token, status: given, title, action, button, done, prompt }: Props) {
  const { site } = loadContent();
  // Confirming and unsubscribing need the database only: they work even while this server cannot send mail.
  if (!subscriptionsOffered(site)) notFound();
  let status = given;
  const db = await database();
  const subscriber = token ? await tokenSubscriber(db, token, purpose, resolveNow(site).toISOString()) : undefined;
  // An unsubscribe link of an address deleted since still answers what it did.
  if (!subscriber && token && purpose === 'unsubscribe' && (await spentToken(db, token))) status = 'done';
  const invalid = purpose === 'confirm' ? 'This link has expired or was already used. Subscribe again to get a new one.' : 'This link is not valid. Use the link in the most recent e-mail.';
  const chosen = scopeTitles(site, subscriber?.chosen?.split(' '));
  const lists = chosen.length ? `the changes that concern ${chosen.join('; ')}` : 'every change to the list';
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      {status === 'confirmed' || status === 'done' ? (
        <p role="status" className="mt-4">{done}</p>
      ) : status === 'invalid' || !subscriber ? (
        <p role="alert" className="mt-4">{invalid}</p>
      ) : purpose === 'unsubscribe' && subscriber.status === 'unsubscribed' ? (
        <p role="status" className="mt-4">You are unsubscribed: {subscriber.email} gets no further e-mail from this list.</p>
      ) : (
        <form method="post" action={href(`${action}?token=${encodeURIComponent(token!)}`)} className="mt-4">
          <p>
            {purpose === 'confirm' ? 'Confirm e-mails to ' : 'Stop e-mails to '}
            <strong>{subscriber.email}</strong>
            {purpose === 'confirm' ? <> about {lists}.</> : '.'} {prompt}
          </p>
          <button type="submit" className="mt-3 h-11 rounded bg-slate-900 px-4 font-medium text-white">{button}</button>
        </form>
      )}
      {/* With scopes there is more than one list to choose from. */}
      {site.scopes && purpose === 'unsubscribe' && subscriber && subscriber.status !== 'unsubscribed' && status !== 'done' && (
        <section aria-labelledby="change-lists" className="mt-8">
          <h2 id="change-lists" className="text-xl font-semibold">Change which lists you receive</h2>
          <p className="mt-2 text-slate-700">Tick the lists you want (none ticked: every change) and press Change lists. We e-mail a link to confirm the change; until then nothing changes.</p>
          <SubscribeForm id="change-lists-email" email={subscriber.email} button="Change lists" />
        </section>
      )}
      <p className="mt-6 text-sm">
        <a href={href('/subprocessors')}>The current list of subprocessors</a>
      </p>
    </>
  );
}
