import type { Metadata } from 'next';
import { signedIn } from '../session';
import { DeskChrome } from '@/components/desk/desk-chrome';
import { EvidenceButton } from '@/components/desk/evidence-button';
import { ObjectionRegister } from '@/components/desk/objection-register';
import { loadContent } from '@/lib/content/load';
import { database } from '@/lib/notify/db';
import { deskClock } from '@/lib/notify/desk/edge';
import { changesOf, deskRegister } from '@/lib/notify/desk/objections';
import { href } from '@/lib/publish/urls';

export const metadata: Metadata = { title: 'Objections · Desk', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ show?: string }> };

/** The register of objections (all, or only those still open), and the evidence pack of each change objected to. */
export default async function ObjectionsPage({ searchParams }: Props) {
  const session = await signedIn();
  const openOnly = (await searchParams).show === 'open';
  const content = loadContent();
  const all = await deskRegister(await database(), content, deskClock().today);
  const shown = openOnly ? all.filter((objection) => objection.open) : all;
  const filters = [
    { label: `All (${all.length})`, path: '/desk/objections', current: !openOnly },
    { label: `Still open (${all.filter((objection) => objection.open).length})`, path: '/desk/objections?show=open', current: openOnly },
  ];
  return (
    <DeskChrome session={session} current="/desk/objections">
      <h1 className="text-3xl font-bold tracking-tight">Objections</h1>
      <p className="mt-2 max-w-2xl text-slate-700">Every objection filed on the site, oldest first, with what became of it. Open one to read it, see its history and record its outcome.</p>
      <nav aria-label="Show" className="mt-4">
        <ul className="flex flex-wrap gap-x-5">
          {filters.map((filter) => (
            <li key={filter.path}>
              <a href={href(filter.path)} aria-current={filter.current ? 'page' : undefined} className="inline-flex min-h-11 items-center aria-[current=page]:font-semibold aria-[current=page]:text-slate-900">{filter.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {shown.length ? (
        <ObjectionRegister objections={shown} site={content.site} caption={openOnly ? 'Objections still open' : 'Every objection'} />
      ) : (
        <p className="mt-4">{openOnly ? 'No objection is open.' : 'No objection has been filed.'}</p>
      )}
      <section aria-labelledby="evidence" className="mt-10">
        <h2 id="evidence" className="text-xl font-semibold">Evidence by change</h2>
        <p className="mt-2 max-w-2xl">For an auditor: one file per change with the change as announced, the notices as sent, every recipient and what their mail server answered, and the objections with their history. The file ends with its SHA-256, which shows it was not changed afterwards (see the desk guide). Downloads are recorded in the activity log.</p>
        {all.length ? (
          <ul className="mt-3 space-y-3">
            {changesOf(all).map((change) => (
              <li key={change.changeId} className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-200 p-3">
                <span>{change.title}: {change.total} {change.total === 1 ? 'objection' : 'objections'}, {change.open} open</span>
                <EvidenceButton changeId={change.changeId} title={change.title} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3">The changes in progress, on the first page of the desk, each have their own download.</p>
        )}
      </section>
    </DeskChrome>
  );
}
