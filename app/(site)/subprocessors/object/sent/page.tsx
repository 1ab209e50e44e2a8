import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { loadContent } from '@/lib/content/load';
import { objectionsOffered } from '@/lib/publish/objection';
import { href } from '@/lib/publish/urls';

export const metadata: Metadata = { title: 'Check your e-mail', robots: { index: false } };

/** After an objection from an address not yet verified: the same answer whatever happened, so it tells nobody anything. */
export default function SentPage() {
  const { site } = loadContent();
  if (!objectionsOffered(site)) notFound();
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Check your e-mail</h1>
      <p role="status" className="mt-4">
        We have sent a link to confirm your objection to the address you entered; it works for 7 days. Your objection counts from the moment you sent it, once you confirm it. You then receive a receipt with its reference.
      </p>
      <p className="mt-4">No e-mail after a few minutes? Check your spam folder, or write to <a href={`mailto:${site.contact.objections}`}>{site.contact.objections}</a>.</p>
      <p className="mt-6 text-sm"><a href={href('/subprocessors')}>The current list of subprocessors</a></p>
    </>
  );
}
