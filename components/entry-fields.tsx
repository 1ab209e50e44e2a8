import { FIELD_LABELS as L, formatLocation, LINK_LABELS, TRANSFER_LABELS } from '@/lib/publish/labels';
import { FormattedDate } from './formatted-date';
import type { DescribingFields, Scope } from '@/lib/content/schema';
import type { IsoDate } from '@/lib/content/dates';
import { scopeTitleMap } from '@/lib/timeline/scopes';

type Former = { field: keyof DescribingFields; value: string; until: IsoDate };
/** `scopes`: site.yaml's, on the full list, to say which scopes the entry and each location apply in. */
type Props = { entry: DescribingFields; full?: boolean; former?: Former[]; scopes?: readonly Scope[] };

/** The facts about one subprocessor as a definition list; `full` adds identity details for its own page. */
export function EntryFields({ entry, full = false, former = [], scopes }: Props) {
  const titles = scopeTitleMap(scopes);
  const links = Object.entries(entry.links ?? {}).filter((link): link is [keyof typeof LINK_LABELS, string] => Boolean(link[1]));
  const rows: [string, React.ReactNode][] = [
    [L.entity, full && entry.entity],
    [L.address, full && entry.address],
    [L.contact, full && entry.contact],
    [L.purpose, entry.purpose],
    [L.condition, entry.condition],
    [L.scopes, scopes && <List items={(entry.scopes ?? scopes.map((scope) => scope.id)).map((id) => titles.get(id) ?? id)} />],
    [L.data, entry.data && <List items={entry.data} />],
    [L.subjects, entry.subjects && <List items={entry.subjects} />],
    [L.locations, entry.locations && <List items={entry.locations.map((location) => formatLocation(location, titles))} />],
    [L.transfers, entry.transfers?.length && <List items={entry.transfers.map((t) => TRANSFER_LABELS[t])} />],
    [L.certifications, entry.certifications?.length && <List items={entry.certifications} />],
    [L.website, full && entry.website && <a href={entry.website} className="shows-url">{entry.website}</a>],
    [
      L.links,
      links.length > 0 && (
        <ul className="flex flex-wrap gap-x-4">
          {links.map(([kind, href]) => (
            <li key={kind}>
              <a href={href}>{LINK_LABELS[kind]}</a>
            </li>
          ))}
        </ul>
      ),
    ],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[11rem_1fr]">
      {rows
        .filter(([, value]) => Boolean(value))
        .map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold text-slate-700">{label}</dt>
            <dd className="mb-2 min-w-0 break-words sm:mb-0">
              {value}
              {former
                .filter(({ field }) => L[field] === label)
                .map(({ value: was, until }) => (
                  // The date first: a former value may end in a full stop ("protection., until").
                  <p key={until} className="text-sm text-slate-700">
                    Until <FormattedDate date={until} />: {was}
                  </p>
                ))}
            </dd>
          </div>
        ))}
    </dl>
  );
}

function List({ items }: { items: readonly string[] }) {
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul className="list-disc pl-5">
      {items.map((item, index) => (
        <li key={`${index}-${item}`}>{item}</li>
      ))}
    </ul>
  );
}
