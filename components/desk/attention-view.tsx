import { EvidenceButton } from './evidence-button';
import { NoticeCounts } from './notice-counts';
import { OpenObjections } from './open-objections';
import type { Site } from '@/lib/content/schema';
import type { Attention } from '@/lib/notify/desk/attention';
import { deskTime } from '@/lib/notify/desk/format';
import { describeNotice } from '@/lib/notify/desk/lookup';
import { deadlineLine } from '@/lib/timeline/deadline';
import { href } from '@/lib/publish/urls';

type Props = { attention: Attention; site: Site; today: string };

const CHANGE = { added: 'Added', updated: 'Updated', removed: 'Removed' } as const;
const section = 'mt-10';

const objectionCount = ({ total, late, open }: Attention['inProgress'][number]['objections']) =>
  total === 0 ? 'No objection so far.' : `Objections: ${total} (${late} late, ${open} still open).`;
const heading = 'text-xl font-semibold';

/** The desk's first page, one section per kind of thing to look at. */
export function AttentionView({ attention, site, today }: Props) {
  const { inProgress, ahead, failed, warnings, objections } = attention;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">What needs attention</h1>
      <p className="mt-2 text-slate-700">As of {today}. Changes, notices and deliveries, from the content and the delivery log.</p>
      <section aria-labelledby="warnings" className={section}>
        <h2 id="warnings" className={heading}>Warnings</h2>
        {warnings.length ? (
          <ul className="mt-3 list-disc space-y-2 pl-5">
            {warnings.map((warning, index) => (
              <li key={`${warning.key}-${index}`}><strong>{warning.name}</strong>: {warning.text}</li>
            ))}
          </ul>
        ) : (
          <p className="mt-3">None.</p>
        )}
      </section>
      <OpenObjections objections={objections} site={site} today={today} />
      <section aria-labelledby="in-progress" className={section}>
        <h2 id="in-progress" className={heading}>Changes in progress</h2>
        <p className="mt-1 text-slate-700">Announced, not yet in effect.</p>
        {inProgress.length ? (
          <ul className="mt-3 space-y-4">
            {inProgress.map((change) => (
              <li key={change.key} className="rounded border border-slate-200 p-3">
                <p className="font-semibold">{CHANGE[change.event.change]}: {change.name}</p>
                <p>Announced {change.event.announced}, in effect {change.event.effective}</p>
                <p>{change.deadline ? deadlineLine(change.deadline, site.timezone, today) : 'No objection period (a removal)'}</p>
                <div className="mt-1"><NoticeCounts notices={change.notices} scoped={Boolean(site.scopes)} /></div>
                {change.deadline && <p className="mt-1">{objectionCount(change.objections)}</p>}
                <EvidenceButton changeId={change.key} title={change.name} className="mt-2" />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3">None.</p>
        )}
      </section>
      <section aria-labelledby="ahead" className={section}>
        <h2 id="ahead" className={heading}>Announcements ahead</h2>
        <p className="mt-1 text-slate-700">Merged early: public, and e-mailed to subscribers, on their announcement day.</p>
        {ahead.length ? (
          <ul className="mt-3 list-disc space-y-1 pl-5">
            {ahead.map((change) => (
              <li key={change.key}>
                {CHANGE[change.event.change]}: <strong>{change.name}</strong>, announced {change.event.announced} (in {change.daysAhead} {change.daysAhead === 1 ? 'day' : 'days'}), in effect {change.event.effective}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3">None.</p>
        )}
      </section>
      <section aria-labelledby="failed" className={section}>
        <h2 id="failed" className={heading}>Deliveries that failed</h2>
        {failed.length ? (
          <ul className="mt-3 space-y-2">
            {failed.map((delivery) => (
              <li key={delivery.id}>
                <a href={href(`/desk/lookup?email=${encodeURIComponent(delivery.address)}`)}>{delivery.address}</a>: {describeNotice(delivery.noticeId)}, queued {deskTime(delivery.createdAt, site.timezone)}
                <br />
                <span className="text-sm text-slate-700">Mail server: {delivery.response}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3">None.</p>
        )}
      </section>
    </>
  );
}
