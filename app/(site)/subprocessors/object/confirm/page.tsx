import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { loadContent } from '@/lib/content/load';
import { changeTitle, instantText } from '@/lib/notify/objections/messages';
import { confirmLinkState } from '@/lib/notify/objections/queries';
import { formDeps } from '@/lib/notify/server';
import { objectionsOffered } from '@/lib/publish/objection';
import { href } from '@/lib/publish/urls';

type Props = { searchParams: Promise<{ token?: string }> };

export const metadata: Metadata = { title: 'Confirm your objection', robots: { index: false } };

/** Mail scanners open every link: the GET shows what the link is for and a button; only the POST files. */
export default async function ConfirmObjectionPage({ searchParams }: Props) {
  await connection();
  const { site } = loadContent();
  if (!objectionsOffered(site)) notFound();
  const { token } = await searchParams;
  const deps = await formDeps();
  const link = typeof token === 'string' && token ? await confirmLinkState(deps.db, token, deps.now.toISOString()) : { state: 'invalid' as const };
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Confirm your objection</h1>
      {link.state === 'used' ? (
        <p role="status" className="mt-4">This objection is already confirmed. Its receipt, with the reference, was sent to you by e-mail.</p>
      ) : link.state === 'invalid' ? (
        <p role="alert" className="mt-4">This link has expired or is not valid. Send your objection again from the form; it will be recorded at the time you send it.</p>
      ) : (
        <form method="post" action={href(`/subprocessors/object/confirm?token=${encodeURIComponent(token!)}`)} className="mt-4">
          <p>
            Confirm the objection from <strong>{link.objection.organisation}</strong> to <strong>{changeTitle(deps.content, link.objection.change_id, link.objection.scope ?? undefined, deps.today).title}</strong>, received {instantText(link.objection.received_at, site.timezone)}.
          </p>
          <button type="submit" className="mt-3 h-11 rounded bg-slate-900 px-4 font-medium text-white">Confirm</button>
        </form>
      )}
      <p className="mt-6 text-sm"><a href={href('/subprocessors')}>The current list of subprocessors</a></p>
    </>
  );
}
