import type { Site } from '@/lib/content/schema';
import { deskTime } from '@/lib/notify/desk/format';
import type { DeskObjection } from '@/lib/notify/desk/objections';
import { href } from '@/lib/publish/urls';
import { deadlineTime } from '@/lib/timeline/deadline';
import { scopeTitles } from '@/lib/timeline/scopes';

type Props = { objection: DeskObjection; site: Site };

const VERIFIED = {
  'personal-link': 'sent through the personal link in a notice e-mailed to this address (a subscriber)',
  'confirm-link': 'confirmed through the link e-mailed to this address',
} as const;

/** Everything received with an objection, as received: values typed by the objector are shown as plain text. */
export function ObjectionDetails({ objection, site }: Props) {
  const time = (iso: string) => deskTime(iso, site.timezone);
  return (
    <section aria-labelledby="received" className="mt-8">
      <h2 id="received" className="text-xl font-semibold">What was received</h2>
      <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[14rem_1fr]">
        <dt className="text-slate-700">Change</dt>
        <dd>
          {objection.change.url ? <a href={objection.change.url}>{objection.change.title}</a> : objection.change.title}
          <span className="text-slate-700"> (id <code>{objection.changeId}</code>{objection.scope && <>, list {scopeTitles(site, [objection.scope]).join('') || objection.scope}</>})</span>
        </dd>
        <dt className="text-slate-700">Deadline to object</dt>
        <dd>{deadlineTime(objection.deadline, site.timezone)}</dd>
        <dt className="text-slate-700">Received</dt>
        <dd>{time(objection.receivedAt)}: {objection.onTime ? 'on time' : <strong className="font-semibold text-red-800">late, after the deadline</strong>}</dd>
        <dt className="text-slate-700">Organisation</dt>
        <dd>{objection.organisation}</dd>
        <dt className="text-slate-700">Name</dt>
        <dd>{objection.name}</dd>
        <dt className="text-slate-700">E-mail</dt>
        <dd><a href={href(`/desk/lookup?email=${encodeURIComponent(objection.email)}`)}>{objection.email}</a></dd>
        <dt className="text-slate-700">Address verified</dt>
        <dd>{time(objection.verifiedAt)}, {VERIFIED[objection.verifiedBy]}</dd>
        <dt className="text-slate-700">Contract or DPA reference</dt>
        <dd>{objection.contractReference ?? '(none given)'}</dd>
      </dl>
      <h3 className="mt-6 font-semibold">Grounds, as received</h3>
      <p className="mt-2 max-w-3xl rounded border border-slate-200 bg-slate-50 p-3 whitespace-pre-wrap" data-testid="grounds">{objection.grounds}</p>
    </section>
  );
}
