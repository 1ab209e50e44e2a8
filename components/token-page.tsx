import { notFound } from 'next/navigation';
import { loadContent } from '@/lib/content/load';
import { resolveNow } from '@/lib/content/today';
import { database } from '@/lib/notify/db';
import { spentToken, tokenSubscriber } from '@/lib/notify/queries';
import { subscriptionsOffered } from '@/lib/notify/server';
import { href } from '@/lib/publish/urls';

type Props = { purpose: 'confirm' | 'unsubscribe'; token?: string; status?: string; title: string; action: string; button: string; done: string; prompt: string };

/** A page reached from an e-mail link: one button that POSTs the token; reading the link changes nothing. */
export async function TokenPage({ purpose, token, status: given, title, action, button, done, prompt }: Props) {
  const { site } = loadContent();
  // Confirming and unsubscribing need the database only: they work even while this server cannot send mail.
  if (!subscriptionsOffered(site)) notFound();
  let status = given;
  const db = await database();
  const valid = token ? Boolean(await tokenSubscriber(db, token, purpose, resolveNow(site).toISOString())) : false;
  // An unsubscribe link of an address deleted since still answers what it did.
  if (!valid && token && purpose === 'unsubscribe' && (await spentToken(db, token))) status = 'done';
  const invalid = purpose === 'confirm' ? 'This link has expired or was already used. Subscribe again to get a new one.' : 'This link is not valid. Use the link in the most recent e-mail.';
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      {status === 'confirmed' || status === 'done' ? (
        <p role="status" className="mt-4">{done}</p>
      ) : status === 'invalid' || !valid ? (
        <p role="alert" className="mt-4">{invalid}</p>
      ) : (
        <form method="post" action={href(`${action}?token=${encodeURIComponent(token!)}`)} className="mt-4">
          <p>{prompt}</p>
          <button type="submit" className="mt-3 rounded bg-slate-900 px-3 py-1.5 font-medium text-white">{button}</button>
        </form>
      )}
      <p className="mt-6 text-sm">
        <a href={href('/subprocessors')}>The current list of subprocessors</a>
      </p>
    </>
  );
}
