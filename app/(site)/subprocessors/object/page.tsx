import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { ObjectionForm } from '@/components/objection-form';
import { ObjectionProblems } from '@/components/objection-problems';
import { loadContent } from '@/lib/content/load';
import { DRAFT_COOKIE } from '@/lib/notify/objections/drafts';
import { LINK_NOTE } from '@/lib/notify/objections/fields';
import { objectionFormState } from '@/lib/notify/objections/form-state';
import { changeTitle } from '@/lib/notify/objections/messages';
import { formDeps, subscriptionsOpen, unavailableText } from '@/lib/notify/server';
import { objectionsOffered, objectionTarget } from '@/lib/publish/objection';
import { href } from '@/lib/publish/urls';
import { deadlineLine } from '@/lib/timeline/deadline';

/** `draft`: the key of a refused form's draft, to show it again (the handler's 303 adds it). */
type Props = { searchParams: Promise<{ change?: string; scope?: string; token?: string; draft?: string }> };

export const metadata: Metadata = { title: 'Object to a change', robots: { index: false } };

const one = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The objection form for one change (SPEC §9), or why this change takes none. */
export default async function ObjectPage({ searchParams }: Props) {
  // Rendered on request: the date, the link's key and whether this server can send mail are known only then.
  await connection();
  const { site } = loadContent();
  if (!objectionsOffered(site)) notFound();
  const query = await searchParams;
  const [changeId, scope, token, draft] = [one(query.change) ?? '', one(query.scope) || undefined, one(query.token) || undefined, one(query.draft) || undefined];
  const back = (
    <p className="text-sm">
      <a href={href('/subprocessors/changes')} className="back">Every change</a>
    </p>
  );
  if (!subscriptionsOpen(site)) {
    const { title, text } = unavailableText(site);
    return <>{back}<h1 className="mt-4 text-3xl font-bold tracking-tight">{title.replace('Subscriptions are', 'Objections on the site are')}</h1><p role="alert" className="mt-4">{text.replace('to be told of changes', `or object by writing to ${site.contact.objections}`)}</p></>;
  }
  const deps = await formDeps();
  const target = objectionTarget(deps.content, changeId, scope, deps.today);
  if ('refused' in target) {
    return (
      <>
        {back}
        <h1 className="mt-4 text-3xl font-bold tracking-tight">No objection can be filed for this change</h1>
        <p role="alert" className="mt-4">{target.message}</p>
        <p className="mt-4">Questions: <a href={`mailto:${site.contact.objections}`}>{site.contact.objections}</a></p>
      </>
    );
  }
  const state = await objectionFormState(target, { token, draft, browser: (await cookies()).get(DRAFT_COOKIE)?.value }, { db: deps.db, secret: deps.secret, now: deps.now, timeZone: site.timezone });
  // A draft is the form refused a moment ago, shown again.
  const refused = state.values !== undefined;
  const late = deps.now.getTime() >= Date.parse(target.closesAt);
  const { title, url } = changeTitle(deps.content, target.changeId, target.scope, deps.today);
  return (
    <>
      {back}
      <h1 className="mt-4 text-3xl font-bold tracking-tight">Object to a change</h1>
      <p className="mt-2 text-lg"><strong>{title}</strong>{url && <> · <a href={url}>Details</a></>}</p>
      <p className="mt-2 font-semibold" data-testid="objection-deadline">{deadlineLine(target.deadline, site.timezone, deps.today)}</p>
      {late && (
        <p role="alert" className="mt-2 rounded border-2 border-amber-600 bg-amber-50 p-2">
          The deadline to object has passed. You can still send your objection: it will be recorded as late, and {site.company.name} decides under your contract what follows from it.
        </p>
      )}
      {refused && <ObjectionProblems problems={state.problems} note={state.linkInvalid ? LINK_NOTE : undefined} />}
      {state.draftGone && <p role="alert" className="mt-4">What you typed earlier is no longer kept (entries are kept for an hour, and not after the objection is sent). Please fill in the form again.</p>}
      {state.subscriberEmail ? (
        <p className="mt-4">You are objecting as <strong>{state.subscriberEmail}</strong>, the address our notice was sent to: no further step is needed, and the receipt goes there.</p>
      ) : (
        <>
          {state.linkInvalid && !refused && <p role="alert" className="mt-4">{LINK_NOTE}</p>}
          <p className="mt-4">We e-mail you a link to confirm your address. Your objection counts from the moment you send it, once confirmed within 7 days.</p>
        </>
      )}
      <p className="mt-2 text-slate-700">
        You receive a receipt with a reference, the time received and the text received; {site.company.name}&apos;s team gets a copy at once. Objections are never shown on this site. Questions: <a href={`mailto:${site.contact.objections}`}>{site.contact.objections}</a>
      </p>
      <ObjectionForm change={target.changeId} scope={target.scope} token={state.token} values={state.values} problems={state.problems} draft={state.draftKey} />
    </>
  );
}
