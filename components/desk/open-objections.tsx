import type { Site } from '@/lib/content/schema';
import { deskTime } from '@/lib/notify/desk/format';
import type { DeskObjection } from '@/lib/notify/desk/objections';
import { href } from '@/lib/publish/urls';
import { deadlineLine } from '@/lib/timeline/deadline';

type Props = { objections: DeskObjection[]; site: Site; today: string };

/** The objections not yet resolved, oldest first, each with its change's deadline. */
export function OpenObjections({ objections, site, today }: Props) {
  return (
    <section aria-labelledby="open-objections" className="mt-10">
      <h2 id="open-objections" className="text-xl font-semibold">Objections still open</h2>
      {objections.length ? (
        <ul className="mt-3 space-y-3">
          {objections.map((objection) => (
            <li key={objection.reference} className="rounded border border-slate-200 p-3">
              <p className="font-semibold"><a href={href(`/desk/objections/${objection.reference}`)}>{objection.reference}</a>: {objection.organisation}</p>
              <p>{objection.change.title}</p>
              <p>Received {deskTime(objection.receivedAt, site.timezone)}, {objection.onTime ? 'on time' : <strong className="font-semibold text-red-800">late</strong>}</p>
              <p className="text-slate-700">{deadlineLine(objection.deadline, site.timezone, today)}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3">None.</p>
      )}
    </section>
  );
}
