import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { loadContent } from '@/lib/content/load';
import { changeTitle, instantText } from '@/lib/notify/objections/messages';
import { objectionByViewKey } from '@/lib/notify/objections/queries';
import { formDeps } from '@/lib/notify/server';
import { objectionsOffered } from '@/lib/publish/objection';
import { href } from '@/lib/publish/urls';
import { deadlineTime } from '@/lib/timeline/deadline';

type Props = { searchParams: Promise<{ key?: string }> };

export const metadata: Metadata = { title: 'Objection received', robots: { index: false } };

/**
 * After filing: what the register holds, looked up by the key in this address (sent only to
 * the filer's browser), never words taken from the address itself. It names no person.
 */
export default async function ReceiptPage({ searchParams }: Props) {
  await connection();
  const { site } = loadContent();
  if (!objectionsOffered(site)) notFound();
  const { key } = await searchParams;
  const deps = await formDeps();
  const objection = typeof key === 'string' && key ? await objectionByViewKey(deps.db, key) : undefined;
  if (!objection) {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight">Objection</h1>
        <p role="alert" className="mt-4">This link does not lead to an objection. If you filed one, its receipt was sent to you by e-mail.</p>
      </>
    );
  }
  const onTime = Number(objection.on_time) === 1;
  const { title } = changeTitle(deps.content, objection.change_id, objection.scope ?? undefined, deps.today);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Objection received</h1>
      <p role="status" className="mt-4">Your objection is recorded under the reference <strong>{objection.reference}</strong>. A receipt with the text received is on its way to you by e-mail.</p>
      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">Reference</dt><dd>{objection.reference}</dd>
        <dt className="font-medium">Change</dt><dd>{title}</dd>
        <dt className="font-medium">Received</dt><dd>{instantText(objection.received_at, site.timezone)}</dd>
        <dt className="font-medium">Deadline</dt><dd>{deadlineTime(objection.deadline, site.timezone)}</dd>
        <dt className="font-medium">On time</dt><dd>{onTime ? 'Yes' : 'No: received after the deadline, recorded as late'}</dd>
      </dl>
      <p className="mt-4">Questions: <a href={`mailto:${site.contact.objections}`}>{site.contact.objections}</a>, quoting {objection.reference}.</p>
      <p className="mt-6 text-sm"><a href={href('/subprocessors')}>The current list of subprocessors</a></p>
    </>
  );
}
