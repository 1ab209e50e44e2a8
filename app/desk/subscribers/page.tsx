import type { Metadata } from 'next';
import { signedIn } from '../session';
import { DeskChrome } from '@/components/desk/desk-chrome';
import { loadContent } from '@/lib/content/load';
import { ADDRESS_PROBLEMS, type AddressProblem } from '@/lib/notify/address';
import { database } from '@/lib/notify/db';
import { subscriberCountsByList } from '@/lib/notify/desk/subscribers';
import { href } from '@/lib/publish/urls';
import { scopeTitles } from '@/lib/timeline/scopes';

export const metadata: Metadata = { title: 'Subscribers · Desk', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ erased?: string; error?: string }> };

const STATES = [
  ['confirmed', 'Subscribed'],
  ['pending', 'Not yet confirmed'],
  ['unsubscribed', 'Unsubscribed, not yet removed'],
] as const;

/** Counts by state and list, the export, and erasure on request. */
export default async function SubscribersPage({ searchParams }: Props) {
  const session = await signedIn();
  const { erased, error } = await searchParams;
  const { site } = loadContent();
  const counts = await subscriberCountsByList(await database());
  const lists = ['', ...(site.scopes ?? []).map((scope) => scope.id)];
  const count = (status: string, list: string) => counts.find((row) => row.status === status && row.list === list)?.count ?? 0;
  const problem = error && error in ADDRESS_PROBLEMS ? ADDRESS_PROBLEMS[error as AddressProblem] : undefined;
  return (
    <DeskChrome session={session} current="/desk/subscribers">
      <h1 className="text-3xl font-bold tracking-tight">Subscribers</h1>
      {erased && <p role="status" className="mt-4 rounded border border-slate-300 bg-slate-50 p-3">{erased === 'subscriber' ? 'Erased: the subscription, its links and e-mails still queued are gone; the delivery log keeps its rows without the address.' : 'That address was not a subscriber; any rows of the delivery log with it now read "erased".'}</p>}
      <table className="mt-6 w-full max-w-2xl border-collapse text-left">
        <caption className="sr-only">Subscribers by state and list</caption>
        <thead>
          <tr className="border-b border-slate-400 text-sm">
            <th scope="col" className="py-2 pr-4">List</th>
            {STATES.map(([status, label]) => <th key={status} scope="col" className="py-2 pr-4">{label}</th>)}
          </tr>
        </thead>
        <tbody>
          {lists.map((list) => (
            <tr key={list} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4 font-normal">{list ? scopeTitles(site, [list]).join('') : site.scopes ? 'Full list (no list chosen)' : 'The list'}</th>
              {STATES.map(([status]) => <td key={status} className="py-2 pr-4">{count(status, list)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {site.scopes && <p className="mt-2 text-sm text-slate-700">A subscriber who chose several lists counts in each.</p>}
      <section aria-labelledby="export" className="mt-10">
        <h2 id="export" className="text-xl font-semibold">Export</h2>
        <form method="post" action={href('/desk/subscribers/export')} className="mt-3">
          <p className="max-w-2xl">The subscribed addresses as a spreadsheet (CSV): address, when confirmed, the lists chosen. The export is recorded in the activity log.</p>
          <button type="submit" className="mt-3 h-11 rounded bg-slate-900 px-4 font-medium text-white">Download CSV</button>
        </form>
      </section>
      <section aria-labelledby="erase" className="mt-10">
        <h2 id="erase" className="text-xl font-semibold">Erase an address</h2>
        <p className="mt-2 max-w-2xl">For a request to erase personal data: removes the address from the subscribers, its links and the e-mails still to be sent; the delivery log keeps its rows, without the address. You confirm on the next page.</p>
        {problem && <p role="alert" className="mt-3 font-medium text-red-800">{problem}</p>}
        <form method="post" action={href('/desk/subscribers/erase')} className="mt-3 flex flex-wrap items-end gap-2">
          <label htmlFor="erase-email" className="flex flex-col text-sm font-medium text-slate-800">
            Address to erase
            <input id="erase-email" name="email" type="email" required maxLength={254} className="mt-1 h-11 w-72 max-w-full rounded border border-slate-400 px-2 font-normal" />
          </label>
          <button type="submit" className="h-11 rounded border border-red-800 px-4 font-medium text-red-800">Erase…</button>
        </form>
      </section>
    </DeskChrome>
  );
}
