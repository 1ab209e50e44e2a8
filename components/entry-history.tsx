import { FormattedDate } from './formatted-date';
import { CHANGE_LABELS, eventSummary } from '@/lib/publish/labels';
import type { ChangeEvent } from '@/lib/content/schema';
import type { IsoDate } from '@/lib/content/dates';

type Props = { name: string; events: ChangeEvent[]; date: IsoDate };

/** An entry's public events, newest first. A list rather than a table so it reads on a phone. */
export function EntryHistory({ name, events, date }: Props) {
  return (
    <ol className="space-y-4">
      {events.map((event) => (
        <li key={`${event.change}-${event.effective}-${event.announced}`} className="border-l-4 border-slate-300 pl-4">
          <p className="font-semibold">
            {CHANGE_LABELS[event.change]}, effective <FormattedDate date={event.effective} />
            {event.effective > date && <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-sm font-normal text-amber-900">upcoming</span>}
          </p>
          <p className="text-sm text-slate-700">
            Announced <FormattedDate date={event.announced} />
          </p>
          <p className="mt-1">{eventSummary(name, event)}</p>
          {event.reason && <p className="mt-1 text-slate-700">{event.urgent ? 'Urgent change, made without the usual notice period: ' : 'Reason: '}{event.reason}</p>}
        </li>
      ))}
    </ol>
  );
}
