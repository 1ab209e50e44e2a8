import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { signedIn } from '../../session';
import { DeskChrome } from '@/components/desk/desk-chrome';
import { EvidenceButton } from '@/components/desk/evidence-button';
import { ObjectionDetails } from '@/components/desk/objection-details';
import { ObjectionHistory } from '@/components/desk/objection-history';
import { ObjectionState } from '@/components/desk/objection-state';
import { ResolveForm } from '@/components/desk/resolve-form';
import { loadContent } from '@/lib/content/load';
import { database } from '@/lib/notify/db';
import { deskClock } from '@/lib/notify/desk/edge';
import { deskObjection } from '@/lib/notify/desk/objections';
import { href } from '@/lib/publish/urls';

// The reference is not in the title: the page is signed-in only, but titles end up in browser history.
export const metadata: Metadata = { title: 'Objection · Desk', robots: { index: false, follow: false } };

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ status?: string; error?: string }> };

const STATUS: Record<string, string> = {
  emailed: 'Recorded. The objector is being e-mailed the outcome and your note.',
  recorded: 'Recorded. The objector was not e-mailed.',
};

/** One objection: what was received, its history, the form that records an outcome, and its change's evidence pack. */
export default async function ObjectionPage({ params, searchParams }: Props) {
  // Signed in first: an anonymous visitor is sent to the sign-in form whether or not the reference exists.
  const session = await signedIn();
  const { reference } = await params;
  const { status, error } = await searchParams;
  const content = loadContent();
  const objection = await deskObjection(await database(), content, deskClock().today, reference);
  if (!objection) notFound();
  return (
    <DeskChrome session={session} current="/desk/objections">
      <p><a href={href('/desk/objections')} className="back">All objections</a></p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Objection {objection.reference}</h1>
      <p className="mt-2 text-lg">State: <ObjectionState objection={objection} /></p>
      {status && STATUS[status] && <p role="status" className="mt-4 max-w-2xl rounded border border-slate-300 bg-slate-50 p-3">{STATUS[status]}</p>}
      <ObjectionDetails objection={objection} site={content.site} />
      <ObjectionHistory objection={objection} site={content.site} />
      <ResolveForm objection={objection} error={error} />
      <section aria-labelledby="evidence" className="mt-10">
        <h2 id="evidence" className="text-xl font-semibold">Evidence pack of the change</h2>
        <p className="mt-2 max-w-2xl">One file for an auditor: the change as announced, the notices as sent and to whom, and every objection to it with its history, ending with its SHA-256. The download is recorded in the activity log.</p>
        <EvidenceButton changeId={objection.changeId} title={objection.change.title} className="mt-3" />
      </section>
    </DeskChrome>
  );
}
