import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { signedIn } from '../session';
import { DeskChrome } from '@/components/desk/desk-chrome';
import { LookupResult } from '@/components/desk/lookup-result';
import { loadContent } from '@/lib/content/load';
import { parseAddress } from '@/lib/notify/address';
import { database } from '@/lib/notify/db';
import { deskClock } from '@/lib/notify/desk/edge';
import { lookupAddress } from '@/lib/notify/desk/lookup';
import { audit } from '@/lib/notify/desk/sessions';
import { href } from '@/lib/publish/urls';

export const metadata: Metadata = { title: 'Were they told? · Desk', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ email?: string }> };

/**
 * "Were we told?": every e-mail the delivery log holds for an address, and its subscription.
 * Each lookup is logged under the member's name, so a link from another site (which the
 * browser follows with the member's cookie) only fills in the form: the member presses Look up.
 */
export default async function LookupPage({ searchParams }: Props) {
  const session = await signedIn();
  const { email } = await searchParams;
  const parsed = email ? parseAddress(email) : undefined;
  const fromElsewhere = ['cross-site', 'same-site'].includes((await headers()).get('sec-fetch-site') ?? '');
  const db = await database();
  const found = parsed?.ok && !fromElsewhere ? await lookupAddress(db, parsed.address) : undefined;
  if (found) await audit(db, { at: deskClock().now, actor: session.email, action: 'looked up an address', detail: found.email });
  return (
    <DeskChrome session={session} current="/desk/lookup">
      <h1 className="text-3xl font-bold tracking-tight">Were they told?</h1>
      <p className="mt-2 max-w-2xl text-slate-700">Every e-mail sent to an address, with the time, the Message-ID and what the receiving mail server answered; and its subscription.</p>
      <form method="get" action={href('/desk/lookup')} role="search" className="mt-4 flex flex-wrap items-end gap-2">
        <label htmlFor="lookup-email" className="flex flex-col text-sm font-medium text-slate-800">
          E-mail address
          <input id="lookup-email" name="email" type="email" required maxLength={254} defaultValue={email} className="mt-1 h-11 w-72 max-w-full rounded border border-slate-400 px-2 font-normal" />
        </label>
        <button type="submit" className="h-11 rounded bg-slate-900 px-4 font-medium text-white">Look up</button>
      </form>
      {parsed && !parsed.ok && <p role="alert" className="mt-4 font-medium text-red-800">{parsed.message}</p>}
      {parsed?.ok && fromElsewhere && <p role="status" className="mt-4 max-w-2xl rounded border border-slate-300 bg-slate-50 p-3">You came here from another site. Press Look up to see what the desk holds about this address.</p>}
      {found && <LookupResult lookup={found} site={loadContent().site} />}
    </DeskChrome>
  );
}
