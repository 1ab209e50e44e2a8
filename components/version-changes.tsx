import { eventKey, type VersionChange } from '@/lib/timeline/history';
import { CHANGE_LABELS, eventSummary, FIELD_LABELS, itemChanges } from '@/lib/publish/labels';
import { entryPath, href } from '@/lib/publish/urls';

type Props = { changes: VersionChange[] };

/** What a version changed compared with the one before: additions, removals, and updates item by item. */
export function VersionChanges({ changes }: Props) {
  return (
    <ul className="mt-3 space-y-4">
      {changes.map(({ entry, event, fields }) => (
        <li key={eventKey(entry, event)}>
          <p>
            <strong>{CHANGE_LABELS[event.change]}: </strong>
            <a href={href(entryPath(entry.slug))}>{entry.name}</a> · {eventSummary(entry.name, event)}
          </p>
          {event.change === 'updated' &&
            (fields ? (
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[11rem_1fr]" aria-label={`Changes to ${entry.name}`}>
                {fields.map(({ field, before, after }) => {
                  const { added, removed, list } = itemChanges(field, before, after);
                  return (
                    <div key={field} className="contents">
                      <dt className="font-semibold">{FIELD_LABELS[field]}</dt>
                      <dd>
                        <ul className="item-changes">
                          {added.map((item) => <li key={`+${item}`}><ins>{list ? 'Added' : 'Now'}: {item}</ins></li>)}
                          {removed.map((item) => <li key={`-${item}`}><del>{list ? 'Removed' : 'Was'}: {item}</del></li>)}
                        </ul>
                      </dd>
                    </div>
                  );
                })}
              </dl>
            ) : (
              <p className="mt-1 text-slate-700">The former values were not recorded.</p>
            ))}
        </li>
      ))}
    </ul>
  );
}
