import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { SubscribeForm } from '@/components/subscribe-form';
import { loadContent } from '@/lib/content/load';
import { ADDRESS_PROBLEMS, type AddressProblem } from '@/lib/notify/address';
import { subscriptionsOffered, subscriptionsOpen, unavailableText } from '@/lib/notify/server';
import { href } from '@/lib/publish/urls';

type Props = { searchParams: Promise<{ status?: string; error?: string; scopes?: string | string[] }> };

export const metadata: Metadata = { title: 'Subscribe to subprocessor changes', robots: { index: false } };

/** The form, and the answer after posting it: the same whatever the address's state. */
export default async function SubscribePage({ searchParams }: Props) {
  // Rendered on request, never at build: whether this server can send mail is known only when it runs.
  await connection();
  const { site } = loadContent();
  if (!subscriptionsOffered(site)) notFound();
  const { status, error, scopes } = await searchParams;
  if (!subscriptionsOpen(site)) return <Unavailable {...unavailableText(site)} />;
  const checked = [scopes ?? []].flat();
  const problem = error && error in ADDRESS_PROBLEMS ? ADDRESS_PROBLEMS[error as AddressProblem] : undefined;
  return (
    <>
      <p className="text-sm">
        <a href={href('/subprocessors')} className="back">Current list</a>
      </p>
      <h1 className="mt-4 text-3xl font-bold tracking-tight">E-mail me before any change</h1>
      {status === 'sent' ? (
        <p role="status" className="mt-4">
          {site.scopes
            ? 'Check your inbox. If this address is not yet subscribed, or subscribed to other lists, we have sent it a link to confirm; it works for 7 days. Nothing changes until you confirm.'
            : 'Check your inbox. If this address is not yet subscribed, we have sent it a link to confirm; it works for 7 days. Nothing is sent until you confirm.'}
        </p>
      ) : (
        <>
          <p className="mt-2 text-slate-700">
            {site.company.name} sends one e-mail on each day it announces a change to its subprocessors, before the change takes effect, with the deadline to object.
            {site.scopes && ' Tick the lists you use to hear only of the changes that concern them: one e-mail for each list on a day that concerns several.'} You can unsubscribe from any e-mail with one click.
          </p>
          {problem && <p role="alert" className="mt-4 font-medium text-red-800">{problem}</p>}
          <SubscribeForm checked={checked} />
        </>
      )}
    </>
  );
}

function Unavailable({ title, text }: { title: string; text: string }) {
  return (
    <>
      <p className="text-sm">
        <a href={href('/subprocessors')} className="back">Current list</a>
      </p>
      <h1 className="mt-4 text-3xl font-bold tracking-tight">{title}</h1>
      <p role="alert" className="mt-4">{text}</p>
    </>
  );
}
